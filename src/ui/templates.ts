/**
 * The scenario templates in assets/cells/templates: working cells a planner starts from (machine
 * tending, palletizing, welding, sorting, assembly, inspection, grinding). Bundled into the build
 * so "New" works offline; each is validated like any opened file.
 */
import { readCell, type Cell } from '../model';

/** One entry of assets/cells/templates/index.json. */
export interface TemplateEntry {
  file: string;
  title: string;
  application: string;
  description: string;
  robots: number;
}

const index = import.meta.glob<{ default: TemplateEntry[] }>('../../assets/cells/templates/index.json', { eager: true });
const files = import.meta.glob<string>('../../assets/cells/templates/*.cell.json', { query: '?raw', import: 'default' });
const thumbnails = import.meta.glob<string>('../../assets/cells/templates/*.png', { query: '?url', import: 'default', eager: true });

/** The templates, in the index's order (empty when the build has none). */
export function templateEntries(): TemplateEntry[] {
  return Object.values(index)[0]?.default ?? [];
}

/** The thumbnail URL of a template, or null. */
export function templateThumbnail(entry: TemplateEntry): string | null {
  return thumbnails[`../../assets/cells/templates/${entry.file.replace(/\.cell\.json$/, '.png')}`] ?? null;
}

/** Loads and validates a template's cell. */
export async function loadTemplate(entry: TemplateEntry): Promise<Cell> {
  const load = files[`../../assets/cells/templates/${entry.file}`];
  if (!load) throw new Error(`template ${entry.file} is not in this build`);
  const result = readCell(await load());
  if (!result.ok) throw new Error(`template ${entry.file}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.cell;
}
