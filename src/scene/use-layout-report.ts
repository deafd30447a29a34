import { useMemo } from 'react';
import { checkLayout, type LayoutReport } from '../tools/layout-checks';
import { useCell } from '../store/use-cell';

/** The layout checks of the cell on screen, recomputed only when the document changes. */
export function useLayoutReport(): LayoutReport {
  const cell = useCell((s) => s.cell);
  return useMemo(() => checkLayout(cell), [cell]);
}
