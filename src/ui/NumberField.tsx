import { useCallback, useEffect, useRef, useState } from 'react';
import { roundForDisplay, type DisplayUnit } from './units';
import { VaryMenu, type VaryMenuAt } from './experiment/VaryMenu';

export interface NumberFieldProps {
  label: string;
  /** The value in SI units (as the model stores it). */
  value: number;
  unit: DisplayUnit;
  /** Called with the new SI value when the user commits (Enter, blur, arrow keys). */
  onCommit(value: number): void;
  min?: number;
  /** Step in display units for ArrowUp/ArrowDown (Shift: ×10). */
  step?: number;
  integer?: boolean;
  /**
   * Where the value lives in the cell (a JSON Pointer, experiment/field-pointer.ts). With it, the
   * field's context menu offers "Vary this in an experiment".
   */
  pointer?: string | undefined;
}

/**
 * A number in display units (mm, °, mm/s). It commits once, on Enter or blur, so one edit is one
 * undo entry; Escape puts the old value back; a value that is not a number or breaks `min` is
 * shown in red and never reaches the document.
 */
export function NumberField({ label, value, unit, onCommit, min, step = 1, integer = false, pointer }: NumberFieldProps) {
  const shown = String(roundForDisplay(unit.fromSI(value), integer ? 0 : 2));
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const parsed = Number(text.replace(',', '.'));
  const invalid = text.trim() === '' || !Number.isFinite(parsed) || (min !== undefined && parsed < min) || (integer && !Number.isInteger(parsed));
  const commit = (next: number) => {
    if (next !== unit.fromSI(value)) onCommit(unit.toSI(next));
  };
  const input = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<VaryMenuAt | null>(null);
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu(null);
    if (refocus) input.current?.focus();
  }, []);
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        ref={input}
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid}
        className={invalid ? 'invalid' : ''}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onContextMenu={
          pointer === undefined
            ? undefined
            : (e) => {
                e.preventDefault();
                // From the keyboard (context-menu key, Shift+F10) there is no pointer position: open under the field.
                const r = e.currentTarget.getBoundingClientRect();
                const fromKeys = e.clientX === 0 && e.clientY === 0;
                setMenu({ x: fromKeys ? r.left : e.clientX, y: fromKeys ? r.bottom : e.clientY, field: { pointer, label, value, unit: unit.label } });
              }
        }
        onBlur={() => (invalid ? setText(shown) : commit(parsed))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !invalid) commit(parsed);
          if (e.key === 'Escape') setText(shown);
          if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !invalid) {
            e.preventDefault();
            const delta = (e.key === 'ArrowUp' ? 1 : -1) * step * (e.shiftKey ? 10 : 1);
            const next = min !== undefined ? Math.max(min, parsed + delta) : parsed + delta;
            setText(String(roundForDisplay(next)));
            commit(next);
          }
        }}
      />
      <span className="field-unit">{unit.label}</span>
      {menu && <VaryMenu at={menu} onClose={closeMenu} />}
    </label>
  );
}
