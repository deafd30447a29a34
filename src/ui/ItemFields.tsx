import { edit } from './edit';
import { libraryGrippers, type CellItem, type Vec3 } from '../model';
import { updateItem } from '../store/commands';
import { ConveyorFields } from './ConveyorFields';
import { LightCurtainFields, PartFields } from './EquipmentFields';
import { MountFields, MountItemFields } from './MountFields';
import { NumberField } from './NumberField';
import { MM, SECONDS } from './units';
import { itemPointer } from './experiment/field-pointer';

function update(id: string, patch: Partial<CellItem>): void {
  edit(updateItem(id, patch));
}

function SizeFields({ item, size, labels }: { item: CellItem; size: Vec3; labels: [string, string, string] }) {
  return (
    <>
      {size.map((v, axis) => (
        <NumberField
          key={axis}
          label={labels[axis] ?? ''}
          value={v}
          unit={MM}
          min={1}
          step={10}
          pointer={itemPointer(item.id, 'size', axis)}
          onCommit={(next) => {
            const copy: Vec3 = [...size];
            copy[axis] = next;
            update(item.id, { size: copy } as Partial<CellItem>);
          }}
        />
      ))}
    </>
  );
}

/** The fields that only one kind of item has (sizes, belt speed, process time…). */
export function ItemFields({ item }: { item: CellItem }) {
  switch (item.type) {
    case 'conveyor':
      return <ConveyorFields item={item} />;
    case 'table':
      return <SizeFields item={item} size={item.size} labels={['Length', 'Width', 'Height']} />;
    case 'pallet':
      return <SizeFields item={item} size={item.size} labels={['Length', 'Width', 'Height']} />;
    case 'machine':
      return (
        <>
          <label className="field">
            <span className="field-label">Kind</span>
            <select
              aria-label="Machine kind"
              value={item.machineType}
              onChange={(e) => update(item.id, { machineType: e.currentTarget.value as typeof item.machineType })}
            >
              <option value="cnc">CNC</option>
              <option value="press">Press</option>
              <option value="inspection">Inspection</option>
              <option value="generic">Generic</option>
            </select>
            <span className="field-unit" />
          </label>
          <SizeFields item={item} size={item.size} labels={['Length', 'Width', 'Height']} />
          <NumberField label="Process time" value={item.processTime} unit={SECONDS} min={0} pointer={itemPointer(item.id, 'processTime')} onCommit={(v) => update(item.id, { processTime: v })} />
        </>
      );
    case 'fence':
      return (
        <>
          <NumberField label="Length" value={item.length} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'length')} onCommit={(v) => update(item.id, { length: v })} />
          <NumberField label="Height" value={item.height} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'height')} onCommit={(v) => update(item.id, { height: v })} />
        </>
      );
    case 'lightCurtain':
      return <LightCurtainFields item={item} />;
    case 'part':
      return <PartFields item={item} />;
    case 'operator':
      return <NumberField label="Task time" value={item.taskTime} unit={SECONDS} min={0} pointer={itemPointer(item.id, 'taskTime')} onCommit={(v) => update(item.id, { taskTime: v })} />;
    case 'robot':
      return (
        <>
          <p className="hint">{item.source.type === 'bundled' ? `Bundled model: ${item.source.id}` : `Imported from ${item.source.fileName}`}</p>
          <label className="field wide">
            <span className="field-label">Tool</span>
            <select
              aria-label="Tool"
              value={item.tool?.id ?? ''}
              onChange={(e) => {
                const id = e.currentTarget.value;
                update(item.id, { tool: id ? { type: 'bundled', id } : null } as Partial<CellItem>);
              }}
            >
              <option value="">bare flange</option>
              {libraryGrippers().map((g) => (
                <option key={g.id} value={g.id}>
                  {g.model}
                </option>
              ))}
            </select>
          </label>
          <MountFields item={item} />
        </>
      );
    case 'pedestal':
    case 'track':
      return <MountItemFields item={item} />;
  }
}
