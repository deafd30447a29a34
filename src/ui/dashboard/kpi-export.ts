/** KPI exports: CSV and JSON of the numbers, PNG of the timeline chart, the whole timeline as JSON. */
import { simClient } from '../../bridge/sim-client';
import { kpisToCsv } from '../../sim/kpi/csv';
import type { CellKpis } from '../../sim/kpi/compute';
import { cellStore } from '../../store/app-store';
import { cellFileName } from '../../store/cell-file';
import { notify } from '../notices';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

const base = () => cellFileName(cellStore.getState().cell).replace(/\.cell\.json$/, '');

export function exportKpisCsv(kpis: CellKpis): void {
  download(new Blob([kpisToCsv(kpis)], { type: 'text/csv' }), `${base()}-kpis.csv`);
}

export function exportKpisJson(kpis: CellKpis): void {
  download(new Blob([`${JSON.stringify(kpis, null, 2)}\n`], { type: 'application/json' }), `${base()}-kpis.json`);
}

/** Rasterises an SVG chart (at 2× for sharp text) and downloads it as PNG. */
export async function exportSvgPng(svg: SVGSVGElement, suffix: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * 2);
    canvas.height = Math.ceil(height * 2);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (png) download(png, `${base()}-${suffix}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The whole timeline of the run so far — every interval with its program step, who held which
 * zone when, each part's route — as JSON, the format of `celltwin run --timeline`
 * (sim/kpi/timeline-file.ts). Asked of the simulation worker, which keeps the full log.
 */
export async function exportTimelineJson(): Promise<void> {
  try {
    const timeline = await simClient.timeline();
    download(new Blob([`${JSON.stringify(timeline)}\n`], { type: 'application/json' }), `${base()}-timeline.json`);
  } catch (e) {
    notify('error', 'Could not export the timeline', [e instanceof Error ? e.message : String(e)]);
  }
}
