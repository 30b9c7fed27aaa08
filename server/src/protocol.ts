// The custom requests and notifications Transcript Lens speaks besides LSP: their method
// names and shapes, in one place that both the server and the client import, so the two
// sides cannot drift apart. Plain types and strings only: no protocol library here.
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

export const TRANSCRIPT_LANGUAGE = 'transcript';
/** Client → server: the roster of a document, RosterEntry[] sorted by first appearance. */
export const ROSTER_REQUEST = 'transcriptLens/roster';
/** Client → server: a TranscriptSummary of a document, or null when it is not open. */
export const SUMMARY_REQUEST = 'transcriptLens/summary';
/** Client → server: the figures of a document, FigureEntry[] in document order. */
export const FIGURES_REQUEST = 'transcriptLens/figures';
/** Client → server: { pid } of the server process, so a crash can be simulated and a restart observed. */
export const SERVER_PROCESS_REQUEST = 'transcriptLens/serverProcess';
/** Server → client: a plain-text or Markdown document looks like a transcript. */
export const DETECTED_NOTIFICATION = 'transcriptLens/detected';
