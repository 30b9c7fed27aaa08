// A one-line summary of a transcript for the client's status bar.
import type { AnalyzedDocument } from '../analysisCache';
import { speakerKey } from './turnLookup';

export const SUMMARY_REQUEST = 'transcriptLens/summary';

export interface TranscriptSummary {
  turns: number;
  speakers: number;
  figures: number;
  /** Figures the engine could not read. */
  unreadable: number;
  degraded: boolean;
}

export function summary(document: AnalyzedDocument): TranscriptSummary {
  const { turns, figures, degraded } = document.analysis;
  return {
    turns: turns.length,
    speakers: new Set(turns.map((turn) => speakerKey(turn.speaker))).size,
    figures: figures.length,
    unreadable: figures.filter((figure) => figure.kind === 'unparsed').length,
    degraded,
  };
}
