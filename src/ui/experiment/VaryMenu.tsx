import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { varyField } from './experiment-actions';
import './experiment.css';
import type { VariedField } from './draft';

/** Where the menu opens (page pixels) and the field it is about. */
export interface VaryMenuAt {
  x: number;
  y: number;
  field: VariedField;
}

/**
 * The context menu of an inspector number (right-click, the context-menu key or Shift+F10):
 * "Vary this in an experiment". It takes the focus when it opens, so Enter picks the item and
 * Escape gives the focus back to the field; a click elsewhere or Tab closes it.
 */
export function VaryMenu({ at, onClose }: { at: VaryMenuAt; onClose(refocus: boolean): void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [onClose]);
  // Keep it on screen: a field near the right or bottom edge opens it to the left or above.
  const left = Math.min(at.x, window.innerWidth - 260);
  const top = Math.min(at.y, window.innerHeight - 80);
  return createPortal(
    <div
      ref={menu}
      className="vary-menu"
      role="menu"
      aria-label={`${at.field.label}: actions`}
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose(true);
        }
        if (e.key === 'Tab') onClose(false);
      }}
    >
      <button
        role="menuitem"
        onClick={() => {
          varyField(at.field);
          onClose(false);
        }}
      >
        Vary this in an experiment
      </button>
      <small className="muted">{at.field.pointer}</small>
    </div>,
    document.body,
  );
}
