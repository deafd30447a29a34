import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../src/model';
import { cellStore as fromAppStore } from '../../src/store/app-store';
import { cellStore, useCell, useCellShallow } from '../../src/store/use-cell';

describe('useCell, the React binding', () => {
  it('is bound to the app store singleton, which starts as an empty cell', () => {
    expect(cellStore).toBe(fromAppStore);
    expect(cellStore.getState().cell).toEqual(emptyCell());
  });

  // Server rendering reads zustand's initial state (getInitialState), so this checks the
  // selectors' wiring; updates are covered by zustand itself and by the browser tests.
  it('renders what its selectors pick from the store', () => {
    function Title() {
      const name = useCell((s) => s.cell.name);
      const [workers, canUndo] = useCellShallow((s) => [s.cell.workersPerShift, s.canUndo]);
      return createElement('h1', null, `${name} · ${workers} · ${String(canUndo)}`);
    }
    expect(renderToString(createElement(Title))).toBe('<h1>Untitled cell · 1 · false</h1>');
  });
});
