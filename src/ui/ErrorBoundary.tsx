/**
 * Error boundaries: a part of the page that throws while rendering shows a message with two ways
 * out — "Undo last change" and "Reload the last good cell" — instead of taking the whole page
 * down (React unmounts everything above an uncaught render error: a white page).
 *
 * When the failing cell is the one start-up opened and it never rendered, it is set aside and the
 * last good cell opens by itself (recovery.ts). A boundary also retries on its own as soon as the
 * cell changes (an undo from the keyboard or from another boundary), since the cell was the cause.
 */
import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import type { Cell } from '../model';
import { cellStore } from '../store/app-store';
import { useCell } from '../store/use-cell';
import { reloadLastGoodCell, reportRenderFailure, undoLastChange } from './recovery';

interface Props {
  /** What failed, in words: "3D view", "inspector", "library"… */
  area: string;
  children: ReactNode;
  /** A one-line message for small places (a panel inside the inspector). */
  compact?: boolean;
}

interface State {
  error: Error | null;
  /** The cell on screen when it failed: a different cell is worth another try. */
  cell: Cell | null;
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/** The message shown in place of a failed part. */
function BoundaryMessage({ area, error, failedCell, compact, onRetry }: { area: string; error: Error; failedCell: Cell | null; compact: boolean; onRetry: () => void }) {
  const cell = useCell((s) => s.cell);
  const canUndo = useCell((s) => s.canUndo);
  const undoLabel = useCell((s) => s.undoLabel);
  const retried = useRef(false);
  useEffect(() => {
    if (failedCell !== null && cell !== failedCell && !retried.current) {
      retried.current = true;
      onRetry();
    }
  }, [cell, failedCell, onRetry]);
  return (
    <div className={`boundary${compact ? ' compact' : ''}`} role="alert" data-area={area}>
      <strong>The {area} stopped working.</strong>
      <p className="boundary-error">{error.message || error.name}</p>
      {!compact && <p>Your cell is safe. Undo the change that caused this, or go back to the last cell that displayed correctly.</p>}
      <div className="boundary-actions">
        <button className="primary" disabled={!canUndo} title={undoLabel ? `Undo "${undoLabel}"` : 'Nothing to undo'} onClick={() => undoLastChange()}>
          Undo last change
        </button>
        <button onClick={() => void reloadLastGoodCell()}>Reload the last good cell</button>
        <button className="link" onClick={onRetry}>
          Try again
        </button>
      </div>
    </div>
  );
}

/** Catches render errors of its children; see the module comment. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, cell: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: asError(error), cell: cellStore.getState().cell };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // A warning, not an error: the page handled it (the message is on screen).
    console.warn(`CellTwin: the ${this.props.area} failed:`, error, info.componentStack);
    void reportRenderFailure(this.props.area, error).then((handled) => handled && this.retry());
  }

  retry = (): void => this.setState({ error: null, cell: null });

  override render(): ReactNode {
    const { error, cell } = this.state;
    if (!error) return this.props.children;
    return <BoundaryMessage area={this.props.area} error={error} failedCell={cell} compact={this.props.compact === true} onRetry={this.retry} />;
  }
}
