/**
 * The top bar never clips: when its content is wider than the window (narrow screens, or the
 * analysis progress taking room), the least needed commands move, one at a time, into a "More"
 * menu, and come back when there is room again. Measured, not guessed from breakpoints, because
 * the bar's content changes while the page runs.
 */
import { useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react';

/** Commands that may move into the menu, the first to go first. */
export const COLLAPSE_ORDER = ['experiment', 'embed', 'share', 'new', 'open', 'save', 'export'] as const;
export type CollapsibleCommand = (typeof COLLAPSE_ORDER)[number];

/** Room kept free beside the commands so they do not come back only to go again (px). */
const HYSTERESIS_PX = 8;

/**
 * How many of {@link COLLAPSE_ORDER} are in the menu. `bar` is the top bar, `commands` the block
 * of commands at its right end (the free room is between it and the element before it), `menu`
 * the "More" button's width when shown. Items carry `data-command` to be measured.
 */
export function useCollapsedCommands(bar: RefObject<HTMLElement | null>, commands: RefObject<HTMLElement | null>): number {
  const [collapsed, setCollapsed] = useState(0);
  const [tick, remeasure] = useReducer((n: number) => n + 1, 0);
  const widths = useRef(new Map<string, number>());
  const menuWidth = useRef(48);

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const observer = new ResizeObserver(() => remeasure());
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [bar]);

  useLayoutEffect(() => {
    const el = bar.current;
    const right = commands.current;
    if (!el || !right) return;
    const menu = right.querySelector<HTMLElement>('[data-command-menu]');
    if (menu) menuWidth.current = menu.getBoundingClientRect().width + 4;
    if (el.scrollWidth > el.clientWidth + 1) {
      const next = COLLAPSE_ORDER[collapsed];
      if (next === undefined) return;
      const item = right.querySelector<HTMLElement>(`[data-command="${next}"]`);
      if (item) widths.current.set(next, item.getBoundingClientRect().width + 4);
      setCollapsed(collapsed + 1);
      return;
    }
    if (collapsed === 0) return;
    const before = right.previousElementSibling?.getBoundingClientRect().right ?? 0;
    const free = right.getBoundingClientRect().left - before - 12;
    const back = COLLAPSE_ORDER[collapsed - 1];
    const need = (back ? (widths.current.get(back) ?? 80) : 80) - (collapsed === 1 ? menuWidth.current : 0);
    if (free > need + HYSTERESIS_PX) setCollapsed(collapsed - 1);
  }, [tick, collapsed, bar, commands]);

  return collapsed;
}
