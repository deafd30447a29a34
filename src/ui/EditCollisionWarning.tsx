import { useStore } from 'zustand';
import { useCell } from '../store/use-cell';
import { editCollisionStore } from '../tools/edit-collision-state';

/** The collisions of one robot at its current pose, named pair by pair (jog, IK drag, teach). */
export function EditCollisionWarning({ robot }: { robot: string }) {
  const pairs = useStore(editCollisionStore, (s) => s.pairs);
  const items = useCell((s) => s.cell.items);
  const mine = pairs.filter((p) => p.robot === robot || p.otherItem === robot);
  if (mine.length === 0) return null;
  const nameOf = (id: string) => (id === 'floor' ? 'the floor' : (items.find((i) => i.id === id)?.name ?? id));
  return (
    <div className="edit-collisions" role="alert" aria-label="Collisions at this pose">
      <strong>Collides at this pose</strong>
      <ul>
        {mine.map((p) => {
          const own = p.robot === robot;
          const link = own ? p.link : p.other.slice(robot.length + 1);
          const other = own ? (p.other.includes('/') ? `${nameOf(p.otherItem)} · ${p.other.slice(p.otherItem.length + 1)}` : nameOf(p.other)) : `${nameOf(p.robot)} · ${p.link}`;
          return (
            <li key={`${p.robot}:${p.link}:${p.other}`}>
              <code>{link}</code> × {other}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
