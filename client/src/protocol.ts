// The custom requests and notifications the Transcript Lens server speaks besides LSP.
// Kept in one place so the client, its views and the in-editor tests agree on the shapes.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';

export type SpeakerKind = 'management' | 'analyst' | 'operator' | 'host' | 'unknown';

/** One speaker of a transcript as the server's roster request returns it. */
export interface RosterEntry {
  speaker: string;
  role: string | null;
  affiliation: string | null;
  speakerKind: SpeakerKind;
  /** The number of turns the speaker takes. */
  turns: number;
  /** Words spoken over all those turns. */
  words: number;
  /** The 0-based header line of each turn, in document order. */
  lines: number[];
}

/** Counts for the status bar; an optional request, so the client falls back without it. */
export interface TranscriptSummary {
  turns: number;
  speakers: number;
  figures: number;
  /** Figures the engine could not read. */
  unreadable: number;
  /** True when the document exceeded maxDocumentSize and only speakers were read. */
  degraded: boolean;
}

export interface DocumentParams {
  uri: string;
}

export const rosterRequest = new RequestType<DocumentParams, RosterEntry[], void>('transcriptLens/roster');
export const summaryRequest = new RequestType<DocumentParams, TranscriptSummary, void>('transcriptLens/summary');
/** The server's own process id, so a crash can be simulated and a restart observed. */
export const serverProcessRequest = new RequestType0<{ pid: number }, void>('transcriptLens/serverProcess');
export const detectedNotification = new NotificationType<DocumentParams>('transcriptLens/detected');

export const TRANSCRIPT_LANGUAGE = 'transcript';
