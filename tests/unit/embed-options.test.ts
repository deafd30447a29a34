import { describe, expect, it } from 'vitest';
import { embedUrl, iframeSnippet, isEmbedQuery, openInCellTwinUrl, parseEmbedOptions } from '../../src/ui/embed/embed-options';

describe('embed addresses', () => {
  it('reads ?embed with its options and falls back to the defaults for bad ones', () => {
    expect(isEmbedQuery('?embed')).toBe(true);
    expect(isEmbedQuery('?fresh')).toBe(false);
    expect(parseEmbedOptions('?embed')).toEqual({ autoplay: true, loop: 600, kpis: ['cycle', 'uph', 'parts', 'time'], tour: true, cellUrl: null });
    expect(parseEmbedOptions('?embed&autoplay=0&loop=120&kpis=uph,nonsense,bottleneck&cell=cells/a.cell.json')).toEqual({ autoplay: false, loop: 120, kpis: ['uph', 'bottleneck'], tour: true, cellUrl: 'cells/a.cell.json' });
    expect(parseEmbedOptions('?embed&tour=0').tour).toBe(false);
    expect(parseEmbedOptions('?embed&loop=-5').loop).toBe(600);
    expect(parseEmbedOptions('?embed&loop=1e300').loop).toBe(600);
  });

  it('writes the URL the page reads back: options in the query, the cell in the fragment', () => {
    const url = embedUrl('https://example.com/celltwin/', 'cell=eJxLz', { autoplay: false, loop: 90, kpis: ['uph'] });
    expect(url).toBe('https://example.com/celltwin/?embed&autoplay=0&loop=90&kpis=uph#cell=eJxLz');
    const back = new URL(url);
    expect(isEmbedQuery(back.search)).toBe(true);
    expect(parseEmbedOptions(back.search)).toEqual({ autoplay: false, loop: 90, kpis: ['uph'], tour: true, cellUrl: null });
    expect(embedUrl('https://x.org/', 'cell=A', { tour: false })).toBe('https://x.org/?embed&tour=0#cell=A');
    expect(embedUrl('https://x.org/', 'cell=A')).toBe('https://x.org/?embed#cell=A');
  });

  it('escapes the snippet attributes and leads "Open in CellTwin" to the same cell without the embed options', () => {
    expect(iframeSnippet('https://x.org/?embed&loop=90#cell=A', 'Cell "A" <1>')).toBe(
      '<iframe src="https://x.org/?embed&amp;loop=90#cell=A" title="Cell &quot;A&quot; &lt;1>" width="800" height="500" style="border:0" loading="lazy" allow="fullscreen"></iframe>',
    );
    expect(openInCellTwinUrl('https://x.org/app/?embed&loop=90&kpis=uph#cell=A')).toBe('https://x.org/app/#cell=A');
    expect(openInCellTwinUrl('https://x.org/app/?embed&cell=c.cell.json')).toBe('https://x.org/app/?cell=c.cell.json');
    expect(openInCellTwinUrl('https://x.org/app/?embed&tour=0#cell=A')).toBe('https://x.org/app/#cell=A');
  });
});
