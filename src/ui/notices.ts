/**
 * Messages for the user (errors that name the file and the path of each problem, confirmations)
 * and pending yes/no questions. A tiny vanilla store so that non-React code (file actions,
 * keyboard shortcuts) can raise them.
 */
import { createStore } from 'zustand/vanilla';

/** error: something was refused; warning: done, with caveats (stays until dismissed); info: fades. */
export type NoticeKind = 'error' | 'warning' | 'info';

/** A button on a notice (download the set-aside cell, undo…). */
export interface NoticeAction {
  label: string;
  run(): void;
}

/** Extras of a notice. */
export interface NoticeOptions {
  /**
   * One short line under the title. When given, `details` are folded behind a "details" toggle:
   * a summary a newcomer can read instead of a wall of lines.
   */
  summary?: string;
  actions?: NoticeAction[];
  /** Keep an info notice until dismissed (notices with actions always stay). */
  sticky?: boolean;
}

export interface Notice {
  id: number;
  kind: NoticeKind;
  title: string;
  /** One line per problem. */
  details: string[];
  summary?: string;
  actions?: NoticeAction[];
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
export function notify(kind: NoticeKind, title: string, details: string[] = [], options: NoticeOptions = {}): void {
  const notice: Notice = { id: nextId++, kind, title, details };
  if (options.summary !== undefined) notice.summary = options.summary;
  if (options.actions?.length) notice.actions = options.actions;
  noticeStore.setState((s) => ({ notices: [...s.notices.slice(-4), notice] }));
  if (kind === 'info' && !options.sticky && !notice.actions) setTimeout(() => dismiss(notice.id), 4000);
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
