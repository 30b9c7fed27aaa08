// The messages between the extension and its webviews (figures table, comparison, talk
// share). Plain types only: the webview scripts in client/webview import them too.
import type { FigureRow, MetricComparison, TalkBar, TalkShare } from '../../../server/src/protocolTypes';

export type { FigureRow, MetricComparison, TalkBar, TalkShare };

/** A question the in-editor tests ask a webview, answered with a testResult of the same id. */
export interface TestQuestion {
  type: 'test';
  id: number;
  /** What to do, as a user would: "state", "filter", "sort", "clickRow", "clickCell", "key". */
  action: string;
  args?: Record<string, unknown>;
}

export interface TestAnswer {
  type: 'testResult';
  id: number;
  result?: unknown;
  error?: string;
}

export type FiguresToWebview =
  | { type: 'rows'; title: string; rows: FigureRow[] }
  | { type: 'cursor'; line: number; character: number }
  | TestQuestion;

export type FiguresFromWebview =
  | { type: 'ready' }
  /** Indexes are into the rows last sent. */
  | { type: 'reveal'; index: number }
  | { type: 'copy'; indexes: number[] }
  | { type: 'export'; format: 'csv' | 'json'; indexes: number[] }
  | TestAnswer;

/** The state the figures table reports to tests: what a reader sees. */
export interface FiguresTableState {
  title: string;
  total: number;
  /** Indexes into the rows, in the order shown after filtering and sorting. */
  shown: number[];
  selected: number[];
  active: number | null;
  /** The active row's figure as written. */
  activeText: string | null;
  sorting: Array<{ id: string; desc: boolean }>;
  filters: Record<string, string>;
  /** The texts of the rows rendered in the page right now (virtualized: only those in view). */
  renderedRows: number;
}

export type CompareToWebview = { type: 'comparison'; comparison: MetricComparison } | TestQuestion;
export type CompareFromWebview =
  | { type: 'ready' }
  | { type: 'open'; call: number; row: number }
  | { type: 'export' }
  | TestAnswer;

export type TalkToWebview = { type: 'talkShare'; title: string; talk: TalkShare | null } | TestQuestion;
export type TalkFromWebview = { type: 'ready' } | TestAnswer;
