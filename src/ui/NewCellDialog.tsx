import { createPortal } from 'react-dom';
import { emptyCell, type Cell } from '../model';
import { cellStore } from '../store/app-store';
import { needsConfirmBeforeReplace } from '../store/autosave';
import { defaultCell } from './file-actions';
import { ask, notify } from './notices';
import { loadTemplate, templateEntries, templateThumbnail, type TemplateEntry } from './templates';

async function start(make: () => Cell | Promise<Cell>, label: string, close: () => void): Promise<void> {
  if (needsConfirmBeforeReplace(cellStore.getState()) && !(await ask(`Start ${label}?`, 'The open cell has changes that were not saved to a file. They will be lost.', 'Start'))) return;
  try {
    cellStore.getState().loadCell(await make(), null);
    close();
  } catch (e) {
    notify('error', `Could not open ${label}`, [e instanceof Error ? e.message : String(e)]);
  }
}

/** "New": an empty cell, the demo cell, or one of the scenario templates, with thumbnails. */
export function NewCellDialog({ onClose }: { onClose: () => void }) {
  const templates = templateEntries();
  const card = (entry: TemplateEntry) => {
    const thumb = templateThumbnail(entry);
    return (
      <button key={entry.file} className="template" onClick={() => void start(() => loadTemplate(entry), entry.title, onClose)} title={entry.description}>
        {thumb ? <img src={thumb} alt="" width={160} height={100} /> : <span className="thumb-missing" />}
        <strong>{entry.title}</strong>
        <small>
          {entry.application} · {entry.robots} robot{entry.robots === 1 ? '' : 's'}
        </small>
      </button>
    );
  };
  // In a portal on <body>: inside the top bar the dialog inherited its white text (white on white).
  return createPortal(
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal wide" role="dialog" aria-label="New cell" onClick={(e) => e.stopPropagation()}>
        <h3>New cell</h3>
        <div className="templates">
          <button className="template" onClick={() => void start(() => emptyCell(), 'an empty cell', onClose)}>
            <span className="thumb-missing">empty</span>
            <strong>Empty cell</strong>
            <small>10 × 8 m floor, nothing on it</small>
          </button>
          <button className="template" onClick={() => void start(defaultCell, 'the demo cell', onClose)}>
            <span className="thumb-missing">demo</span>
            <strong>Pick and place demo</strong>
            <small>UR10e, conveyor to pallet</small>
          </button>
          {templates.map(card)}
        </div>
        <div className="modal-actions">
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
