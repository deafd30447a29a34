/**
 * The embed's address: `?embed` switches the page to the embed view; the cell comes from the
 * link fragment (`#cell=…`, as a share link carries it) or from `?cell=URL` (a .cell.json the
 * page fetches). Options: `autoplay=0` waits for a click on Play, `loop=SECONDS` restarts the run
 * after that much simulated time (default 600), `kpis=cycle,uph,parts` picks the strip's numbers,
 * `tour=0` keeps the camera still when the cell has a camera tour (`presentation.stops`).
 * Pure string work, so the snippet the Embed dialog gives and the page that reads it agree.
 */

/** The KPIs the strip can show, in its order. */
export const EMBED_KPIS = ['cycle', 'uph', 'parts', 'bottleneck', 'time'] as const;
export type EmbedKpi = (typeof EMBED_KPIS)[number];

export interface EmbedOptions {
  autoplay: boolean;
  /** Simulated seconds after which the run starts again. */
  loop: number;
  kpis: EmbedKpi[];
  /** Play the cell's camera tour, when it has one. */
  tour: boolean;
  /** A cell file to fetch, or null when the cell is in the fragment. */
  cellUrl: string | null;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { autoplay: true, loop: 600, kpis: ['cycle', 'uph', 'parts', 'time'], tour: true, cellUrl: null };

/** True when the query string asks for the embed view. */
export function isEmbedQuery(search: string): boolean {
  return new URLSearchParams(search).has('embed');
}

/** The embed options in a query string; unknown KPI names and bad numbers fall back to the defaults. */
export function parseEmbedOptions(search: string): EmbedOptions {
  const p = new URLSearchParams(search);
  const loop = Number(p.get('loop'));
  const kpis = (p.get('kpis') ?? '').split(',').filter((k): k is EmbedKpi => (EMBED_KPIS as readonly string[]).includes(k));
  return {
    autoplay: p.get('autoplay') !== '0',
    loop: Number.isFinite(loop) && loop >= 10 && loop <= 86_400 ? loop : DEFAULT_EMBED_OPTIONS.loop,
    kpis: kpis.length > 0 ? kpis : DEFAULT_EMBED_OPTIONS.kpis,
    tour: p.get('tour') !== '0',
    cellUrl: p.get('cell'),
  };
}

/**
 * The embed URL for a page at `appUrl` (origin and path, no query or fragment) and a share
 * fragment (`cell=…`, without `#`); options equal to the defaults are left out.
 */
export function embedUrl(appUrl: string, fragment: string, options: Partial<EmbedOptions> = {}): string {
  const p = new URLSearchParams();
  p.set('embed', '');
  if (options.autoplay === false) p.set('autoplay', '0');
  if (options.loop !== undefined && options.loop !== DEFAULT_EMBED_OPTIONS.loop) p.set('loop', String(options.loop));
  if (options.kpis && options.kpis.join(',') !== DEFAULT_EMBED_OPTIONS.kpis.join(',')) p.set('kpis', options.kpis.join(','));
  if (options.tour === false) p.set('tour', '0');
  if (options.cellUrl) p.set('cell', options.cellUrl);
  const query = p.toString().replace(/^embed=/, 'embed');
  return `${appUrl}?${query}${options.cellUrl ? '' : `#${fragment}`}`;
}

/** The `<iframe>` snippet for an embed URL; the title names the cell for screen readers. */
export function iframeSnippet(url: string, title: string, width = 800, height = 500): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(url)}" title="${escape(title)}" width="${width}" height="${height}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
}

/** The full app's address for the same cell: the embed URL without the embed options. */
export function openInCellTwinUrl(href: string): string {
  const url = new URL(href);
  for (const key of ['embed', 'autoplay', 'loop', 'kpis', 'tour']) url.searchParams.delete(key);
  return url.toString();
}
