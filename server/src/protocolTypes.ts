// The shapes of the custom requests and notifications (their method names are in
// protocol.ts). Types only, so the webview scripts can share them without any runtime code.
import type { SpeakerKind, Turn } from './engine/types';

export type { SpeakerKind };

/** Who a speaker is, as their turn headers say. */
export type SpeakerIdentity = Pick<Turn, 'speaker' | 'role' | 'affiliation' | 'speakerKind'>;

/** One speaker of a transcript as the roster request returns it. */
export interface RosterEntry extends SpeakerIdentity {
  /** The number of turns the speaker takes. */
  turns: number;
  /** Words spoken over all those turns. */
  words: number;
  /** The 0-based header line of each turn, in document order. */
  lines: number[];
}

/** Counts for the status bar. */
export interface TranscriptSummary {
  turns: number;
  speakers: number;
  figures: number;
  /** Figures the engine could not read. */
  unreadable: number;
  /** True when the document exceeded maxDocumentSize and only speakers were read. */
  degraded: boolean;
}

/** One figure of a transcript as the figures request returns it, for the figure list. */
export interface FigureEntry {
  /** 0-based line and character offsets of the figure's text on that line. */
  line: number;
  start: number;
  end: number;
  text: string;
  /** The kind in words: "Money", "Percentage points", "Could not be read". */
  kind: string;
  /** The normalized value ("234,200,000,000 CNY"), or null for kinds without one. */
  value: string | null;
  metric: string | null;
  unreadable: boolean;
}

export interface DocumentParams {
  uri: string;
}

// ---- The analyst's workbench: figures table, calls side by side, talk share (issue 11). ----

/** One row of the figures table: the figure list's entry and who said it where, with its reading. */
export interface FigureRow extends FigureEntry {
  /** The engine's kind id ("money", "percentagePoints"), for filtering. */
  kindId: string;
  /** The normalized number (a fraction for ratios), the range's ends, and the unit; null where none. */
  number: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  change: 'increase' | 'decrease' | null;
  /** The comparison period said with a change ("year over year"), or null. */
  period: string | null;
  /** The qualifier as written ("about", "more than"), or null. */
  qualifier: string | null;
  speaker: string | null;
  role: string | null;
  speakerKind: SpeakerKind | null;
  section: string | null;
}

/** One call in a comparison: its file and the period read from its text. */
export interface ComparedCall {
  uri: string;
  /** The file name, for the column header. */
  name: string;
  /** The period label ("Q1 FY2026"), or null when the text names none. */
  period: string | null;
  /** Orders the columns: the period's end; null sorts last. */
  sortKey: number | null;
  /** Why a call could not be read ("not found"), or null. */
  error: string | null;
}

/** What a call says about one metric: the headline figure and the change stated with it. */
export interface ComparedCell {
  value: string | null;
  text: string;
  /** The change stated for the metric ("+12%", "up 3 percentage points"), or null. */
  change: string | null;
  /** The sentence holding the figure, for the editor to select. */
  line: number;
  start: number;
  end: number;
  /** How many figures of this metric the call states in all. */
  mentions: number;
}

export interface MetricComparison {
  /** In period order. */
  calls: ComparedCall[];
  /** One row per metric, cells in the order of calls (null where a call does not state it). */
  rows: Array<{ metric: string; cells: Array<ComparedCell | null> }>;
}

export interface CompareParams {
  uris: string[];
}

/** A bar of the talk-share chart: a label, the words spoken and their share of all words. */
export interface TalkBar {
  label: string;
  /** A second line: role and firm, or the kind of speaker. */
  detail: string | null;
  words: number;
  share: number;
  turns: number;
}

export interface AnalystQuestions {
  speaker: string;
  firm: string | null;
  /** Turns the analyst takes in the Q&A. */
  turns: number;
  /** Question marks in those turns. */
  questions: number;
  words: number;
}

export interface ExecutiveAnswers {
  speaker: string;
  role: string | null;
  /** Turns the executive takes in the Q&A, and their words. */
  answers: number;
  words: number;
  averageWords: number;
  longestWords: number;
}

export interface TalkShare {
  totalWords: number;
  speakers: TalkBar[];
  kinds: TalkBar[];
  sections: TalkBar[];
  analysts: AnalystQuestions[];
  firms: Array<{ firm: string; analysts: number; questions: number; turns: number }>;
  executives: ExecutiveAnswers[];
}

/** The server's view of an open document's detection, so "not switched" can be told from "not looked at yet". */
export interface DetectionState {
  languageId: string;
  /** transcriptLens.detection.enabled as the server read it for this document. */
  detectionEnabled: boolean;
  looksLikeTranscript: boolean;
  /** True when the server told the client that this document looks like a transcript. */
  notified: boolean;
}
