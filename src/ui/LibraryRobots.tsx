import { libraryGrippers, libraryRobots, type CellItem, type RobotItem } from '../model';
import { cellStore } from '../store/app-store';
import { addItem, nextItemId, updateItem } from '../store/commands';
import { placeInFreeSpot } from '../tools/placement';
import { edit } from './edit';
import { ItemIcon } from './icons';
import { notify } from './notices';
import { startLibraryDrag } from './library-drag';

/** Vendor colours, so the list reads like a catalogue. */
const MAKER_COLOURS: Record<string, string> = {
  'Universal Robots': '#4a6d8c',
  KUKA: '#f08a24',
  ABB: '#d52b1e',
  FANUC: '#d4b000',
  Yaskawa: '#1f5fa8',
};

/** Adds a bundled robot at the nearest free spot, bare flange, joints at zero. */
export function addLibraryRobot(id: string, name: string): void {
  const { cell } = cellStore.getState();
  const robot: RobotItem = {
    id: nextItemId(cell, 'robot'),
    name,
    type: 'robot',
    pose: { xyz: [0, 0, 0], rpy: [0, 0, 0] },
    source: { type: 'bundled', id },
    tool: null,
  };
  edit(addItem(placeInFreeSpot(cell, robot)));
}

/** Mounts a bundled gripper on the selected robot's flange. */
export function mountGripper(toolId: string): void {
  const { cell, selection } = cellStore.getState();
  const robots = cell.items.filter((i) => selection.includes(i.id) && i.type === 'robot');
  if (robots.length === 0) {
    notify('error', 'Select a robot first', ['A gripper mounts on the flange of the selected robot.']);
    return;
  }
  for (const robot of robots) edit(updateItem(robot.id, { tool: { type: 'bundled', id: toolId } } as Partial<CellItem>));
}

/** The bundled robots and grippers in the library panel. */
export function LibraryRobots({ matches }: { matches: (text: string) => boolean }) {
  const robots = libraryRobots().filter((r) => matches(`${r.maker} ${r.model} ${r.id}`));
  const grippers = libraryGrippers().filter((g) => matches(`${g.model} ${g.gripper.type} gripper`));
  return (
    <>
      {robots.length > 0 && <h2>Robots</h2>}
      <ul className="library">
        {robots.map((r) => (
          <li key={r.id}>
            <button
              className="library-item"
              draggable
              onDragStart={(e) => startLibraryDrag(e, { kind: 'robot', id: r.id, name: `${r.maker} ${r.model}` })}
              onClick={() => addLibraryRobot(r.id, `${r.maker} ${r.model}`)}
              title={`Add a ${r.maker} ${r.model} to the cell (click, or drag it onto the floor)`}
            >
              <span className="icon" style={{ color: MAKER_COLOURS[r.maker] ?? '#f08a24' }}>
                <ItemIcon type="robot" />
              </span>
              <span>
                <strong>{r.maker === 'Universal Robots' ? r.model : `${r.maker} ${r.model}`}</strong>
                <small>
                  reach {Math.round(r.reach * 1000)} mm · {r.payload} kg
                </small>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {grippers.length > 0 && <h2>Grippers</h2>}
      <ul className="library">
        {grippers.map((g) => (
          <li key={g.id}>
            <button className="library-item" onClick={() => mountGripper(g.id)} title="Mount on the selected robot's flange">
              <span className="icon" style={{ color: '#5a5f66' }}>
                <ItemIcon type="robot" />
              </span>
              <span>
                <strong>{g.model}</strong>
                <small>
                  {g.gripper.type === 'vacuum' ? `vacuum Ø${Math.round(g.gripper.cupDiameter * 1000)} mm` : 'parallel fingers'} · mounts on selected robot
                </small>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
