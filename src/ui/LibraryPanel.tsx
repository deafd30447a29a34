import { useState } from 'react';
import { createItem, itemTypeLabel, LIBRARY_ITEM_TYPES, type LibraryItemType } from '../model';
import { cellStore } from '../store/app-store';
import { addItem, nextItemId } from '../store/commands';
import { useCell } from '../store/use-cell';
import { placeInFreeSpot } from '../tools/placement';
import { ItemIcon } from './icons';
import { LibraryRobots } from './LibraryRobots';
import { startLibraryDrag } from './library-drag';

const HINTS: Record<LibraryItemType, string> = {
  conveyor: '2000 × 500 mm, 200 mm/s',
  table: '1200 × 800 × 750 mm',
  pallet: 'EUR 1200 × 800 mm',
  machine: 'CNC, 45 s cycle',
  fence: '2000 × 2000 mm panel',
  operator: 'counts toward density',
};

/** Adds a library item at the free spot nearest the floor centre and selects it. */
export function addLibraryItem(type: LibraryItemType): void {
  const { cell, execute, select } = cellStore.getState();
  const id = nextItemId(cell, type);
  const item = placeInFreeSpot(cell, createItem(type, id, { xyz: [0, 0, 0], rpy: [0, 0, 0] }));
  execute(addItem(item));
  select([id]);
}

/** The left panel: the equipment library and the outline of what is in the cell. */
export function LibraryPanel() {
  const items = useCell((s) => s.cell.items);
  const selection = useCell((s) => s.selection);
  const [query, setQuery] = useState('');
  const matches = (text: string) => text.toLowerCase().includes(query.trim().toLowerCase());
  const equipment = LIBRARY_ITEM_TYPES.filter((t) => matches(`${itemTypeLabel(t)} ${HINTS[t]}`));
  return (
    <aside className="panel left" aria-label="Library">
      <input className="library-search" type="search" placeholder="Search the library…" aria-label="Search the library" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <LibraryRobots matches={matches} />
      {equipment.length > 0 && <h2>Equipment</h2>}
      <ul className="library">
        {equipment.map((type) => (
          <li key={type}>
            <button
              className="library-item"
              draggable
              onDragStart={(e) => startLibraryDrag(e, { kind: 'item', type })}
              onClick={() => addLibraryItem(type)}
              title={`Add a ${itemTypeLabel(type).toLowerCase()} to the cell (click, or drag it onto the floor)`}
            >
              <ItemIcon type={type} />
              <span>
                <strong>{itemTypeLabel(type)}</strong>
                <small>{HINTS[type]}</small>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h2>In this cell ({items.length})</h2>
      <ul className="outline">
        {items.map((item) => (
          <li key={item.id}>
            <button
              className={selection.includes(item.id) ? 'selected' : ''}
              onClick={(e) => {
                const { select } = cellStore.getState();
                select(e.shiftKey ? [...selection, item.id] : [item.id]);
              }}
            >
              <ItemIcon type={item.type} />
              <span>{item.name}</span>
            </button>
          </li>
        ))}
        {items.length === 0 && <li className="empty">Nothing placed yet: add equipment from the library above.</li>}
      </ul>
    </aside>
  );
}
