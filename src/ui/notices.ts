/**
 * Messages for the user (errors that name the file and the path of each problem, confirmations)
 * and pending yes/no questions. A tiny vanilla store so that non-React code (file actions,
 * keyboard shortcuts) can raise them.
 */
import { createStore } from 'zustand/vanilla';

export type NoticeKind = 'error' | 'info';

export interface Notice {
  id: number;
  kind: NoticeKind;
  title: string;
  /** One line per problem. */
  details: string[];
}

export interface Question {
  title: string;
  body: string;
  confirmLabel: string;
  resolve(answer: boolean): void;
}

interface NoticeState {
  notices: Notice[];
  question: Question | null;
}

export const noticeStore = createStore<NoticeState>(() => ({ notices: [], question: null }));

let nextId = 1;

/** Shows a notice; info notices fade after a few seconds, errors stay until dismissed. */
export function notify(kind: NoticeKind, title: string, details: string[] = []): void {
  const notice = { id: nextId++, kind, title, details };
  noticeStore.setState((s) => ({ notices: [...s.notices.slice(-4), notice] }));
  if (kind === 'info') setTimeout(() => dismiss(notice.id), 4000);
}

export function dismiss(id: number): void {
  noticeStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/** Asks a yes/no question in the page (not window.confirm, which blocks and can't be styled). */
export function ask(title: string, body: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    noticeStore.setState({
      question: {
        title,
        body,
        confirmLabel,
        resolve: (answer) => {
          noticeStore.setState({ question: null });
          resolve(answer);
        },
      },
    });
  });
}
