import type { ReactNode } from 'react';
import type { CellItem } from '../model';
import { alignItems, distributeItems, type AlignEdge, type ArrangeAxis } from '../store/arrange-commands';
import { arrangeSelection, groupSelection, namesAre, ungroupSelection } from './group-actions';

/** 20 × 20 line icons: a guide line and the footprints lined up on it, as drawing tools show them. */
const icon = (children: ReactNode) => (
  <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth={1.4} aria-hidden>
    {children}
  </svg>
);

const ALIGN: ReadonlyArray<{ edge: AlignEdge; label: string; tip: string; glyph: ReactNode }> = [
  { edge: 'left', label: 'Align left', tip: 'Align left: every footprint’s left edge (smallest X) on the leftmost one', glyph: icon(<><path d="M3 2v16" /><rect x="5" y="4" width="12" height="4" /><rect x="5" y="11" width="7" height="4" /></>) },
  { edge: 'centre-x', label: 'Align centres along X', tip: 'Centre along X: every footprint centred on the middle of the selection (left–right)', glyph: icon(<><path d="M10 2v16" /><rect x="3" y="4" width="14" height="4" /><rect x="6" y="11" width="8" height="4" /></>) },
  { edge: 'right', label: 'Align right', tip: 'Align right: every footprint’s right edge (largest X) on the rightmost one', glyph: icon(<><path d="M17 2v16" /><rect x="3" y="4" width="12" height="4" /><rect x="8" y="11" width="7" height="4" /></>) },
  { edge: 'front', label: 'Align front', tip: 'Align front: every footprint’s front edge (smallest Y, down in the top view) on the frontmost one', glyph: icon(<><path d="M2 17h16" /><rect x="4" y="3" width="4" height="12" /><rect x="11" y="8" width="4" height="7" /></>) },
  { edge: 'centre-y', label: 'Align centres along Y', tip: 'Centre along Y: every footprint centred on the middle of the selection (front–back)', glyph: icon(<><path d="M2 10h16" /><rect x="4" y="3" width="4" height="14" /><rect x="11" y="6" width="4" height="8" /></>) },
  { edge: 'back', label: 'Align back', tip: 'Align back: every footprint’s back edge (largest Y, up in the top view) on the backmost one', glyph: icon(<><path d="M2 3h16" /><rect x="4" y="5" width="4" height="12" /><rect x="11" y="5" width="4" height="7" /></>) },
];

const DISTRIBUTE: ReadonlyArray<{ axis: ArrangeAxis; label: string; tip: string; glyph: ReactNode }> = [
  { axis: 'x', label: 'Distribute along X', tip: 'Distribute along X: equal gaps between footprints, the outermost two stay (3 or more items)', glyph: icon(<><rect x="2" y="5" width="3" height="10" /><rect x="8.5" y="5" width="3" height="10" /><rect x="15" y="5" width="3" height="10" /><path d="M5.5 17.5h3M11.5 17.5h3" /></>) },
  { axis: 'y', label: 'Distribute along Y', tip: 'Distribute along Y: equal gaps between footprints, the outermost two stay (3 or more items)', glyph: icon(<><rect x="5" y="2" width="10" height="3" /><rect x="5" y="8.5" width="10" height="3" /><rect x="5" y="15" width="10" height="3" /><path d="M17.5 5.5v3M17.5 11.5v3" /></>) },
];

/**
 * Arranging a multi-selection (shown in the inspector when two or more items are selected):
 * align footprints on an edge or a centre line, spread them with equal gaps, group or ungroup.
 * Locked items stay where they are; the panel says which, and the move handles stay hidden.
 */
export function ArrangePanel({ items }: { items: readonly CellItem[] }) {
  const ids = items.map((i) => i.id);
  const locked = items.filter((i) => i.locked === true);
  const grouped = items.some((i) => i.group !== undefined);
  const groups = new Set(items.map((i) => i.group));
  const oneGroup = groups.size === 1 && grouped;
  return (
    <fieldset className="arrange-panel">
      <legend>Arrange</legend>
      {(['X', 'Y'] as const).map((axis, row) => (
        <div key={axis} className="arrange-row" role="group" aria-label={`Align along ${axis}`}>
          <span className="row-label">Align {axis}</span>
          {ALIGN.slice(3 * row, 3 * row + 3).map((a) => (
            <button key={a.edge} aria-label={a.label} title={a.tip} onClick={() => arrangeSelection(alignItems(ids, a.edge))}>
              {a.glyph}
            </button>
          ))}
        </div>
      ))}
      <div className="arrange-row" role="group" aria-label="Distribute">
        <span className="row-label">Distribute</span>
        {DISTRIBUTE.map((d) => (
          <button key={d.axis} aria-label={d.label} title={items.length < 3 ? 'Select three or more items to distribute them' : d.tip} disabled={items.length < 3} onClick={() => arrangeSelection(distributeItems(ids, d.axis))}>
            {d.glyph}
          </button>
        ))}
      </div>
      <div className="arrange-row" role="group" aria-label="Group">
        <button className="text" onClick={groupSelection} disabled={oneGroup} title={oneGroup ? 'These items are one group already' : 'Make these items one group: a click on one selects all (Ctrl+G)'}>
          Group
        </button>
        <button className="text" onClick={ungroupSelection} disabled={!grouped} title="Dissolve the groups of these items (Ctrl+Shift+G)">
          Ungroup
        </button>
      </div>
      <p className="hint">
        {locked.length > 0
          ? `${namesAre(locked)} locked: it stays put when aligning, and the move handles are hidden.`
          : `Drag the handles to move (W) or turn (E) all ${items.length} together. Alt+click picks one member of a group.`}
      </p>
    </fieldset>
  );
}
