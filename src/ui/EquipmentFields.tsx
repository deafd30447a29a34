import { CURTAIN_DEFAULT_ELEVATION, type LightCurtainItem, type PartItem } from '../model';
import { updateItem } from '../store/commands';
import { setPartKind } from '../store/item-edits';
import { edit } from './edit';
import { NumberField } from './NumberField';
import { PartSpecFields } from './PartSpecFields';
import { MM } from './units';
import { itemPointer } from './experiment/field-pointer';

/** A light curtain's opening (beam span), protective height and lowest beam above the floor. */
export function LightCurtainFields({ item }: { item: LightCurtainItem }) {
  const update = (patch: Partial<LightCurtainItem>) => edit(updateItem(item.id, patch));
  return (
    <>
      <NumberField label="Opening" value={item.width} unit={MM} min={1} step={10} pointer={itemPointer(item.id, 'width')} onCommit={(v) => update({ width: v })} />
      <NumberField label="Protective height" value={item.height} unit={MM} min={1} step={150} pointer={itemPointer(item.id, 'height')} onCommit={(v) => update({ height: v })} />
      <NumberField label="Lowest beam" value={item.elevation ?? CURTAIN_DEFAULT_ELEVATION} unit={MM} min={0} step={10} pointer={itemPointer(item.id, 'elevation')} onCommit={(v) => update({ elevation: v })} />
    </>
  );
}

/** A loose part's shape, mass and friction; a new shape keeps the part standing where it stood. */
export function PartFields({ item }: { item: PartItem }) {
  return <PartSpecFields kind={item} pointerOf={(...path) => itemPointer(item.id, ...path)} onChange={(kind) => edit(setPartKind(item.id, kind))} />;
}
