import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { edit } from './edit';
import { renameCell } from '../store/commands';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { pickAndOpenCellFile, saveCellFile } from './file-actions';
import { NewCellDialog } from './NewCellDialog';
import { exportGltf, exportPlanSvg, exportScreenshot } from './export-actions';
import { makeCopy, sessionStore, shareCell } from './session';
import { RunControls } from './RunControls';

/** Cell name and the document commands: new, open, save, undo, redo. */
export function TopBar() {
  const name = useCell((s) => s.cell.name);
  const canUndo = useCell((s) => s.canUndo);
  const canRedo = useCell((s) => s.canRedo);
  const undoLabel = useCell((s) => s.undoLabel);
  const redoLabel = useCell((s) => s.redoLabel);
  const dirty = useCell((s) => s.revision !== s.savedRevision);
  const fileName = useCell((s) => s.fileName);
  const readOnly = useStore(sessionStore, (s) => s.readOnly);
  const [newOpen, setNewOpen] = useState(false);
  useEffect(() => {
    document.title = `${name}${dirty ? ' •' : ''} — CellTwin`;
  }, [name, dirty]);
  return (
    <header className="topbar">
      <div className="brand" title="CellTwin">
        <span className="logo">◭</span> CellTwin
      </div>
      <input
        className="cell-name"
        aria-label="Cell name"
        key={name}
        defaultValue={name}
        readOnly={readOnly}
        onBlur={(e) => {
          const value = e.currentTarget.value.trim();
          if (value && value !== name) edit(renameCell(value));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            e.currentTarget.value = name;
            e.currentTarget.blur();
          }
        }}
      />
      {readOnly ? (
        <span className="shared-banner">
          Shared cell · read-only
          <button className="primary" onClick={makeCopy}>
            Make a copy
          </button>
        </span>
      ) : (
        <span className="file-state" title={fileName ?? 'not saved to a file yet'}>
          {dirty ? 'unsaved changes' : fileName ? `saved as ${fileName}` : ''}
        </span>
      )}
      <RunControls />
      <nav className="actions">
        <details className="menu">
          <summary title="Export the view, the layout or the plan">Export</summary>
          <div className="menu-items" onClick={(e) => e.currentTarget.parentElement?.removeAttribute('open')}>
            <button onClick={() => void exportScreenshot()}>Screenshot (PNG)</button>
            <button onClick={() => void exportGltf()}>Layout 3D (glTF .glb)</button>
            <button onClick={() => void exportPlanSvg()}>Plan with dimensions (SVG)</button>
          </div>
        </details>
        <button onClick={() => void shareCell()} title="Copy a link that holds the whole cell">
          Share
        </button>
        <span className="sep" />
        <button onClick={() => setNewOpen(true)} title="New cell: empty, the demo, or a scenario template" disabled={readOnly}>New</button>
        <button onClick={pickAndOpenCellFile} title="Open a .cell.json file (Ctrl+O)" disabled={readOnly}>Open</button>
        <button onClick={saveCellFile} title="Save as .cell.json (Ctrl+S)">Save</button>
        <span className="sep" />
        <button onClick={() => cellStore.getState().undo()} disabled={!canUndo || readOnly} title={`Undo ${undoLabel ?? ''} (Ctrl+Z)`}>
          Undo
        </button>
        <button onClick={() => cellStore.getState().redo()} disabled={!canRedo || readOnly} title={`Redo ${redoLabel ?? ''} (Ctrl+Shift+Z)`}>
          Redo
        </button>
      </nav>
      {newOpen && <NewCellDialog onClose={() => setNewOpen(false)} />}
    </header>
  );
}
