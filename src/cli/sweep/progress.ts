/**
 * Progress of a sweep on stderr: runs done of total, runs resumed from the file, the rate and
 * the time left, at most once a second (and always at the end). The rate counts this session's
 * runs only, so resumed runs do not make the estimate look faster than it is.
 */

/** Formats seconds as `42 s`, `3 min 20 s`, `2 h 05 min`. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** A progress reporter; `done()` after each finished run, `finish()` at the end. */
export interface Progress {
  done(): void;
  finish(): void;
}

/** Reports to `write` (see the module comment); `now` is the wall clock in ms. */
export function createProgress(total: number, resumed: number, write: (line: string) => void, now: () => number = () => Date.now()): Progress {
  const start = now();
  let finished = resumed;
  let shown = -Infinity;
  const line = () => {
    const elapsed = (now() - start) / 1000;
    const session = finished - resumed;
    const rate = elapsed > 0 ? session / elapsed : 0;
    const eta = rate > 0 ? (total - finished) / rate : Infinity;
    const pct = total > 0 ? Math.floor((finished / total) * 100) : 100;
    const width = 24;
    const bar = '#'.repeat(Math.round((pct / 100) * width)).padEnd(width, '.');
    const resumedText = resumed > 0 ? `, ${resumed} resumed` : '';
    return `sweep [${bar}] ${finished}/${total} runs (${pct}%)${resumedText}, ${(rate * 60).toFixed(1)} runs/min, ETA ${finished >= total ? '0 s' : formatEta(eta)}`;
  };
  return {
    done() {
      finished++;
      const t = now();
      if (t - shown >= 1000) {
        shown = t;
        write(line());
      }
    },
    finish() {
      write(line());
    },
  };
}
