import { useStore } from 'zustand';
import { dismiss, noticeStore } from './notices';

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
            {n.details.length > 0 && (
              <ul>
                {n.details.slice(0, 12).map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
                {n.details.length > 12 && <li>…and {n.details.length - 12} more</li>}
              </ul>
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
