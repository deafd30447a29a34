import { useCallback, useEffect, useState } from 'react';
import { startEditCollisionWatch } from '../scene/robot/edit-collision-watch';
import { installToolBridge } from '../tools/active-tool-bridge';
import { useStore } from 'zustand';
import { refuseIfReadOnly, sessionStore } from './session';
import { CellCanvas } from '../scene/CellCanvas';
import { useCell } from '../store/use-cell';
import { droppedFiles, handleDrop } from './drop';
import { setSurfaceClickHandler } from '../scene/surface-click';
import { teachOnSurface } from './teach';
import { dropLibraryItem, isLibraryDrag, LIBRARY_MIME } from './library-drag';
import { Inspector } from './Inspector';
import { Dashboard } from './dashboard/Dashboard';
import { LibraryPanel } from './LibraryPanel';
import { Notices } from './Notices';
import { ShortcutHelp } from './ShortcutHelp';
import { useShortcuts } from './shortcuts';
import { TopBar } from './TopBar';
import { ViewToolbar } from './ViewToolbar';
import { ToolOverlays } from './ToolOverlays';
import { BoxSelectOverlay } from './BoxSelectOverlay';
import { ErrorBoundary } from './ErrorBoundary';
import { programPanelStore } from '../tools/program-panel-state';
import { LessonHost } from './lessons/LessonHost';
import { action } from './actions/actions';
import { PresentOverlay } from './present/PresentOverlay';
import { presentStore } from './present/present-state';

function StatusBar({ onHelp }: { onHelp: () => void }) {
  const count = useCell((s) => s.cell.items.length);
  const selected = useCell((s) => s.selection.length);
  const floor = useCell((s) => s.cell.floor);
  return (
    <footer className="statusbar">
      <span>{count} items</span>
      <span>{selected > 0 ? `${selected} selected` : 'nothing selected'}</span>
      <span>
        floor {floor.width * 1000} × {floor.depth * 1000} mm
      </span>
      <span className="muted">Z up · lengths in mm · angles in °</span>
      <button className="link lessons-link" onClick={() => action('lessons').run({ toggleHelp: onHelp })} title={action('lessons').help}>
        {action('lessons').label}
      </button>
      <button className="link" onClick={onHelp}>
        Shortcuts (?)
      </button>
    </footer>
  );
}

// A click on a surface in "add target" mode teaches a target there (see TargetsPanel).
setSurfaceClickHandler(teachOnSurface);

/** The whole page: top bar, library on the left, the 3D cell, the inspector on the right. */
export function App() {
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  useShortcuts(toggleHelp);
  useEffect(() => startEditCollisionWatch(), []);
  useEffect(() => installToolBridge(), []);
  const [dragging, setDragging] = useState(false);
  const readOnly = useStore(sessionStore, (s) => s.readOnly);
  const programOpen = useStore(programPanelStore, (s) => s.tab === 'program');
  const presenting = useStore(presentStore, (s) => s.active);
  return (
    <div
      className={`app${dragging ? ' drop-target' : ''}${programOpen ? ' program-open' : ''}${presenting ? ' presenting' : ''}`}
      onDragOver={(e) => {
        if (isLibraryDrag(e.dataTransfer.types)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        } else if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (refuseIfReadOnly()) return;
        const library = e.dataTransfer.getData(LIBRARY_MIME);
        if (library) {
          dropLibraryItem(library, e.clientX, e.clientY);
          return;
        }
        // Entries must be read before the handler returns; the DataTransfer is emptied after.
        void droppedFiles(e.dataTransfer).then(handleDrop);
      }}
    >
      <ErrorBoundary area="top bar" compact>
        <TopBar />
      </ErrorBoundary>
      <fieldset className="panel-guard left" disabled={readOnly}>
        <ErrorBoundary area="library">
          <LibraryPanel />
        </ErrorBoundary>
      </fieldset>
      <main className="viewport" aria-label="Cell view">
        <ErrorBoundary area="3D view">
          <CellCanvas />
        </ErrorBoundary>
        <ErrorBoundary area="view tools" compact>
          <ViewToolbar />
          <ToolOverlays />
          <BoxSelectOverlay />
        </ErrorBoundary>
        <ErrorBoundary area="lesson" compact>
          <LessonHost />
        </ErrorBoundary>
      </main>
      <ErrorBoundary area="dashboard">
        <Dashboard />
      </ErrorBoundary>
      <fieldset className="panel-guard right" disabled={readOnly}>
        <ErrorBoundary area="inspector">
          <Inspector />
        </ErrorBoundary>
      </fieldset>
      <StatusBar onHelp={toggleHelp} />
      <Notices />
      <PresentOverlay />
      {help && <ShortcutHelp onClose={toggleHelp} />}
    </div>
  );
}
