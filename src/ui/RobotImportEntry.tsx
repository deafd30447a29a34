/**
 * "Import robot…" in the library: a newcomer finds the import without knowing that files can be
 * dropped. Files (.urdf, .xacro, .zip of a ROS package) or a whole package folder; `package://`
 * resolves inside what was picked, exactly as for a drop.
 */
import { useRef, type InputHTMLAttributes } from 'react';
import { refuseIfReadOnly } from './session';
import { importDroppedRobot, pickedFiles } from './robot-import';

/** The accept list of the file picker. */
export const ROBOT_FILE_ACCEPT = '.urdf,.xacro,.zip';

// `webkitdirectory` turns a file input into a folder picker (every current browser has it);
// React passes the attribute through, but its types do not list it.
const folderPicker = { webkitdirectory: '', directory: '' } as InputHTMLAttributes<HTMLInputElement>;

async function importPicked(input: HTMLInputElement): Promise<void> {
  const files = pickedFiles(input.files);
  input.value = ''; // picking the same file again must fire change again
  if (files.length === 0 || refuseIfReadOnly()) return;
  await importDroppedRobot(files);
}

/** The import buttons and the hint line, at the top of the library. */
export function RobotImportEntry() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  return (
    <section className="robot-import" aria-label="Import a robot">
      <div className="robot-import-buttons">
        <button onClick={() => files.current?.click()} title="A .urdf, a .xacro, or a .zip of the robot's ROS package">
          Import robot…
        </button>
        <button className="link" onClick={() => folder.current?.click()} title="The robot's package folder, with its meshes">
          a folder…
        </button>
      </div>
      <p className="hint">…or drop a .urdf, .xacro, .zip or the package folder anywhere on the page.</p>
      <input
        ref={files}
        type="file"
        hidden
        multiple
        accept={ROBOT_FILE_ACCEPT}
        aria-label="Robot files"
        data-testid="robot-file-input"
        onChange={(e) => void importPicked(e.currentTarget)}
      />
      <input
        ref={folder}
        type="file"
        hidden
        {...folderPicker}
        aria-label="Robot package folder"
        data-testid="robot-folder-input"
        onChange={(e) => void importPicked(e.currentTarget)}
      />
    </section>
  );
}
