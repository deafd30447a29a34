/**
 * Exports a planner hands on: a PNG of the view, the layout as glTF (for other 3D tools), the
 * plan as SVG (for documents). Each downloads a file named after the cell.
 */
import { cellPlanSvg } from '../io/plan-svg';
import { captureViewPng, exportLayoutGlb } from '../scene/scene-handles';
import { cellStore } from '../store/app-store';
import { cellFileName } from '../store/cell-file';
import { notify } from './notices';

function download(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

const baseName = () => cellFileName(cellStore.getState().cell).replace(/\.cell\.json$/, '');

async function run(what: string, make: () => Promise<Blob>, ext: string): Promise<void> {
  try {
    download(await make(), `${baseName()}${ext}`);
  } catch (e) {
    notify('error', `Could not export the ${what}`, [e instanceof Error ? e.message : String(e)]);
  }
}

export const exportScreenshot = () => run('screenshot', captureViewPng, '.png');
export const exportGltf = () => run('layout', async () => new Blob([await exportLayoutGlb()], { type: 'model/gltf-binary' }), '.glb');
export const exportPlanSvg = () => run('plan', async () => new Blob([cellPlanSvg(cellStore.getState().cell)], { type: 'image/svg+xml' }), '-plan.svg');
