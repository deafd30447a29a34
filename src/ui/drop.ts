/**
 * What happens when files land on the page: a cell file opens; a URDF, xacro, zip or folder
 * becomes a robot in the cell. Folders are walked with the File System Entry API, which every
 * current browser supports for drag-and-drop.
 */
import { openCellFile } from './file-actions';
import { notify } from './notices';
import { importDroppedRobot, type DroppedFile } from './robot-import';

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: DroppedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries hands out at most ~100 entries per call: keep asking until it returns none.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, out);
  }
}

/** Every file in a drop, folders expanded, with paths relative to the drop. */
export async function droppedFiles(data: DataTransfer): Promise<DroppedFile[]> {
  const entries = Array.from(data.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(data.files).map((file) => ({ path: file.name, file }));
  const out: DroppedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

/** Routes a drop: cell files open, robot files import; anything else gets a message. */
export async function handleDrop(files: DroppedFile[]): Promise<void> {
  if (files.length === 0) return;
  const first = files[0];
  if (files.length === 1 && first && /\.json$/i.test(first.path)) {
    await openCellFile(first.file);
    return;
  }
  if (files.some((f) => /\.(urdf|xacro|zip)$/i.test(f.path))) {
    await importDroppedRobot(files);
    return;
  }
  notify('error', 'Nothing to open in this drop', [
    `${files.length} file(s), none of them a .cell.json, .urdf, .xacro or .zip (first: ${first?.path ?? '?'})`,
  ]);
}
