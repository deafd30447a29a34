import { useState } from 'react';
import { createEquipment, equipmentEntries, equipmentIdPrefix, equipmentLabel, isLibraryPreset, type EquipmentEntry, type LibraryItemType, type LibraryPreset } from '../model';
import { cellStore } from '../store/app-store';
import { addItem, nextItemId } from '../store/commands';
import { useCell } from '../store/use-cell';
import { placeInFreeSpot } from '../tools/placement';
import { clickSelection } from '../tools/group-selection';
import { ItemIcon } from './icons';
import { EquipmentIcon } from './library-icons';
import { LibraryRobots } from './LibraryRobots';
import { RobotImportEntry } from './RobotImportEntry';
import { startLibraryDrag } from './library-drag';
import { FenceRunLibraryEntry } from './FenceRunLibraryEntry';
import { LessonsLibraryEntry } from './lessons/LessonsLibraryEntry';

const HINTS: Record<LibraryItemType, string> = {
  conveyor: '2000 × 500 mm, 200 mm/s',
  table: '1200 × 800 × 750 mm',
  pallet: 'EUR 1200 × 800 mm',
  machine: 'CNC, 45 s cycle',
  fence: '2000 × 2000 mm panel',
  operator: 'counts toward density',
  lightCurtain: 'safety · 900 mm opening, 1500 mm field',
  pedestal: 'robot riser 600 × 600 × 500 mm',
  track: 'robot 7th axis · 4000 mm rail, carriage at 450 mm',
};

const PRESET_HINTS: Record<LibraryPreset, string> = {
  press: 'servo press 1600 × 1200 mm, 6 s cycle',
  inspectionStation: 'vision booth 1000 × 800 mm, 3 s',
  partSource: 'infeed belt: a 300 × 200 × 150 mm carton every 6 s',
  partSink: 'exit belt: parts at its end leave the cell',
  boxPart: 'carton 300 × 200 × 150 mm, 2 kg',
  cylinderPart: 'steel blank Ø 60 × 100 mm, 2.2 kg',
};

const hintOf = (entry: EquipmentEntry): string => (isLibraryPreset(entry) ? PRESET_HINTS[entry] : HINTS[entry]);

/** Adds a library item (or ready-made entry) at the free spot nearest the floor centre and selects it. */
export function addLibraryItem(type: EquipmentEntry): void {
  const { cell, execute, select } = cellStore.getState();
  const id = nextItemId(cell, equipmentIdPrefix(type));
  const item = placeInFreeSpot(cell, createEquipment(type, id, { xyz: [0, 0, 0], rpy: [0, 0, 0] }));
  execute(addItem(item));
  select([id]);
}

/** The left panel: the equipment library and the outline of what is in the cell. */
export function LibraryPanel() {
  const items = useCell((s) => s.cell.items);
  const selection = useCell((s) => s.selection);
  const [query, setQuery] = useState('');
  const matches = (text: string) => text.toLowerCase().includes(query.trim().toLowerCase());
  const equipment = equipmentEntries().filter((t) => matches(`${equipmentLabel(t)} ${hintOf(t)}`));
  return (
    <aside className="panel left" aria-label="Library">
      <input className="library-search" type="search" placeholder="Search the library…" aria-label="Search the library" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <RobotImportEntry />
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
              title={`Add a ${equipmentLabel(type).toLowerCase()} to the cell (click, or drag it onto the floor)`}
            >
              <EquipmentIcon entry={type} />
              <span>
                <strong>{equipmentLabel(type)}</strong>
                <small>{hintOf(type)}</small>
              </span>
            </button>
          </li>
        ))}
        <FenceRunLibraryEntry matches={matches} />
      </ul>
      <LessonsLibraryEntry matches={matches} />
      <h2>In this cell ({items.length})</h2>
      <ul className="outline">
        {items.map((item) => (
          <li key={item.id} className={item.group === undefined ? undefined : 'grouped'}>
            <button
              className={selection.includes(item.id) ? 'selected' : ''}
              onClick={(e) => {
                // As in the scene: the whole group; Alt+click this item alone; Shift adds or takes away.
                const { cell, select } = cellStore.getState();
                select(clickSelection(cell.items, selection, item.id, { additive: e.shiftKey, single: e.altKey }));
              }}
              onDoubleClick={() => item.group !== undefined && cellStore.getState().select([item.id])}
            >
              <ItemIcon type={item.type} />
              <span>{item.name}</span>
              {item.group !== undefined && (
                <span className="group-tag" title={`In ${item.group}: a click selects the whole group, Alt+click or double-click this item alone`}>
                  {item.group}
                </span>
              )}
            </button>
          </li>
        ))}
        {items.length === 0 && <li className="empty">Nothing placed yet: add equipment from the library above.</li>}
      </ul>
    </aside>
  );
}
