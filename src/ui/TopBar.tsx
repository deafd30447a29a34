import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { edit } from './edit';
import { renameCell } from '../store/commands';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { NewCellDialog } from './NewCellDialog';
import { EmbedDialog } from './embed/EmbedDialog';
import { makeCopy, sessionStore } from './session';
import { RunControls } from './RunControls';
import { COLLAPSE_ORDER, useCollapsedCommands, type CollapsibleCommand } from './topbar-overflow';
import { action } from './actions/actions';
import { actionTitle, displayKeys } from './actions/registry';

/** Label, tooltip and run of a registry action, for a top-bar button. */
const fromRegistry = (id: string) => {
  const a = action(id);
  return { label: a.label, title: actionTitle(a), run: () => a.run({ toggleHelp: () => undefined }) };
};
/** "(Ctrl+Z)": an action's first shortcut. */
const keysOf = (id: string): string => displayKeys(action(id).keys?.[0] ?? '');

/** The Export menu: registry actions, as [label, run]. */
const EXPORTS: ReadonlyArray<[string, () => void]> = ['exportScreenshot', 'exportGltf', 'exportPlanSvg'].map((id) => {
  const a = fromRegistry(id);
  return [a.label, a.run];
});

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
  const barRef = useRef<HTMLElement>(null);
  const commandsRef = useRef<HTMLElement>(null);
  const collapsed = useCollapsedCommands(barRef, commandsRef);
  const inMenu = new Set<CollapsibleCommand>(COLLAPSE_ORDER.slice(0, collapsed));
  // In the bar's order; the ones that do not fit move into "More" (see topbar-overflow.ts).
  const commands: Array<{ key: CollapsibleCommand; label: string; title: string; run: () => void; disabled?: boolean }> = [
    { key: 'experiment', ...fromRegistry('experiment') },
    { key: 'share', ...fromRegistry('share') },
    { key: 'embed', ...fromRegistry('embed') },
    { key: 'new', label: 'New', title: 'New cell: empty, the demo, or a scenario template', run: () => setNewOpen(true), disabled: readOnly },
    { key: 'open', ...fromRegistry('open'), disabled: readOnly },
    { key: 'save', ...fromRegistry('save') },
  ];
  useEffect(() => {
    document.title = `${name}${dirty ? ' •' : ''} — CellTwin`;
  }, [name, dirty]);
  return (
    <header className="topbar" ref={barRef}>
      <div className="brand" title="CellTwin">
        <span className="logo">◭</span>
        <span className="brand-name"> CellTwin</span>
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
      <nav className="actions" ref={commandsRef}>
        {commands
          .filter((c) => c.key === 'experiment' && !inMenu.has(c.key))
          .map((c) => (
            <button key={c.key} data-command={c.key} onClick={c.run} title={c.title}>
              {c.label}
            </button>
          ))}
        {!inMenu.has('export') && (
          <details className="menu" data-command="export">
            <summary title="Export the view, the layout or the plan">Export</summary>
            <div className="menu-items" onClick={(e) => e.currentTarget.parentElement?.removeAttribute('open')}>
              {EXPORTS.map(([label, run]) => (
                <button key={label} onClick={run}>
                  {label}
                </button>
              ))}
            </div>
          </details>
        )}
        {commands
          .filter((c) => c.key !== 'experiment' && !inMenu.has(c.key))
          .map((c) => (
            <button key={c.key} data-command={c.key} onClick={c.run} title={c.title} disabled={c.disabled}>
              {c.label}
            </button>
          ))}
        {inMenu.size > 0 && (
          <details className="menu" data-command-menu>
            <summary title="More commands (the window is too narrow to show them all)" aria-label="More commands">
              More ▾
            </summary>
            <div className="menu-items" onClick={(e) => e.currentTarget.parentElement?.removeAttribute('open')}>
              {commands
                .filter((c) => inMenu.has(c.key))
                .map((c) => (
                  <button key={c.key} onClick={c.run} title={c.title} disabled={c.disabled}>
                    {c.label}
                  </button>
                ))}
              {inMenu.has('export') &&
                EXPORTS.map(([label, run]) => (
                  <button key={label} onClick={run}>
                    Export {label}
                  </button>
                ))}
            </div>
          </details>
        )}
        <span className="sep" />
        <button onClick={() => cellStore.getState().undo()} disabled={!canUndo || readOnly} title={`Undo ${undoLabel ?? ''} (${keysOf('undo')})`}>
          {action('undo').label}
        </button>
        <button onClick={() => cellStore.getState().redo()} disabled={!canRedo || readOnly} title={`Redo ${redoLabel ?? ''} (${keysOf('redo')})`}>
          {action('redo').label}
        </button>
      </nav>
      {newOpen && <NewCellDialog onClose={() => setNewOpen(false)} />}
      <EmbedDialog />
    </header>
  );
}
