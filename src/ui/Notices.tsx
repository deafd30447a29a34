import { useState } from 'react';
import { useStore } from 'zustand';
import { dismiss, noticeStore } from './notices';

function DetailList({ details }: { details: string[] }) {
  return (
    <ul>
      {details.slice(0, 12).map((d, i) => (
        <li key={i}>{d}</li>
      ))}
      {details.length > 12 && <li>…and {details.length - 12} more</li>}
    </ul>
  );
}

/** Details behind a toggle, for notices that lead with a one-line summary. */
function FoldedDetails({ details }: { details: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="link notice-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'hide details' : `details (${details.length})`}
      </button>
      {open && <DetailList details={details} />}
    </>
  );
}

/** Error and info messages (top right) and the pending yes/no question (a modal). */
export function Notices() {
  const notices = useStore(noticeStore, (s) => s.notices);
  const question = useStore(noticeStore, (s) => s.question);
  return (
    <>
      <div className="notices" role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : undefined}>
            <button className="close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
              ×
            </button>
            <strong>{n.title}</strong>
            {n.summary !== undefined && <p className="notice-summary">{n.summary}</p>}
            {n.details.length > 0 && (n.summary === undefined ? <DetailList details={n.details} /> : <FoldedDetails details={n.details} />)}
            {n.actions && (
              <div className="notice-actions">
                {n.actions.map((a) => (
                  <button key={a.label} onClick={a.run}>
                    {a.label}
                  </button>
                ))}
              </div>
            )}
          </div>
        ))}
      </div>
      {question && (
        <div className="modal-backdrop">
          <div className="modal" role="dialog" aria-modal="true" aria-label={question.title}>
            <h3>{question.title}</h3>
            <p>{question.body}</p>
            <div className="modal-actions">
              <button onClick={() => question.resolve(false)} autoFocus>
                Cancel
              </button>
              <button className="primary" onClick={() => question.resolve(true)}>
                {question.confirmLabel}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
