import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useStore } from 'zustand';
import { DEFAULT_EMBED_OPTIONS, EMBED_KPIS, embedUrl, iframeSnippet, type EmbedKpi } from './embed-options';
import { encodeShareFragment, MAX_SHARE_LINK_CHARS } from '../../io/share-link';
import { cellStore } from '../../store/app-store';
import { useCell } from '../../store/use-cell';
import { embedDialogStore } from './embed-dialog-state';
import './embed-dialog.css';

const KPI_LABELS: Record<EmbedKpi, string> = { cycle: 'Cycle time', uph: 'Throughput', parts: 'Parts finished', bottleneck: 'Bottleneck', time: 'Simulated time' };

/**
 * "Embed": the `<iframe>` snippet that shows this cell running on another page (the cell
 * travels in the link fragment, as with Share), with autoplay, loop length and KPI choices.
 */
export function EmbedDialog() {
  const open = useStore(embedDialogStore, (s) => s.open);
  const name = useCell((s) => s.cell.name);
  const [autoplay, setAutoplay] = useState(true);
  const [loop, setLoop] = useState(DEFAULT_EMBED_OPTIONS.loop);
  const stops = useCell((s) => s.cell.presentation?.stops.length ?? 0);
  const [tour, setTour] = useState(true);
  const [kpis, setKpis] = useState<EmbedKpi[]>(DEFAULT_EMBED_OPTIONS.kpis);
  const [copied, setCopied] = useState(false);
  if (!open) return null;
  const close = () => embedDialogStore.setState({ open: false });
  const url = embedUrl(`${location.origin}${location.pathname}`, encodeShareFragment(cellStore.getState().cell), { autoplay, loop, kpis, tour });
  const snippet = iframeSnippet(url, `${name} — CellTwin`);
  const tooLong = url.length > MAX_SHARE_LINK_CHARS;
  const copy = () => void navigator.clipboard?.writeText(snippet).then(() => setCopied(true), () => setCopied(false));
  return createPortal(
    <div className="modal-backdrop" onClick={close}>
      <div className="modal" role="dialog" aria-label="Embed this cell" onClick={(e) => e.stopPropagation()}>
        <h3>Embed this cell</h3>
        <p className="hint">Paste this into any web page: the cell runs by itself in the frame, with a few key figures and a link to open it in CellTwin.</p>
        <label className="toggle"><input type="checkbox" checked={autoplay} onChange={(e) => setAutoplay(e.currentTarget.checked)} />Start running by itself</label>
        <label className="toggle" title={stops > 0 ? 'The camera moves through the stops saved with the cell, with their captions' : 'This cell has no camera stops: add some with "Add camera stop" (Stops… over the 3D view)'}>
          <input type="checkbox" checked={tour && stops > 0} disabled={stops === 0} onChange={(e) => setTour(e.currentTarget.checked)} />
          Play the camera tour ({stops === 0 ? 'no stops yet' : `${stops} stop${stops === 1 ? '' : 's'}`})
        </label>
        <label className="field">
          <span className="field-label">Restart every</span>
          <input type="number" aria-label="Restart every (s)" min={10} max={86400} value={loop} onChange={(e) => setLoop(Number(e.currentTarget.value) || DEFAULT_EMBED_OPTIONS.loop)} /> s simulated
        </label>
        <fieldset>
          <legend>Figures shown</legend>
          {EMBED_KPIS.map((k) => (
            <label key={k} className="toggle">
              <input type="checkbox" checked={kpis.includes(k)} onChange={(e) => setKpis(e.currentTarget.checked ? EMBED_KPIS.filter((x) => x === k || kpis.includes(x)) : kpis.filter((x) => x !== k))} />
              {KPI_LABELS[k]}
            </label>
          ))}
        </fieldset>
        {tooLong ? (
          <p className="warning-line">This cell is too large for a link ({(url.length / 1e6).toFixed(1)} million characters). Put its .cell.json on your server and embed with ?embed&amp;cell=URL instead.</p>
        ) : (
          <textarea className="embed-snippet" aria-label="Embed snippet" readOnly value={snippet} rows={5} onFocus={(e) => e.currentTarget.select()} />
        )}
        <div className="row">
          <button className="primary" onClick={copy} disabled={tooLong}>{copied ? 'Copied' : 'Copy snippet'}</button>
          <a href={url} target="_blank" rel="noopener">Preview</a>
          <button onClick={close}>Close</button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
