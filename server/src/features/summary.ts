// A one-line summary of a transcript for the client's status bar.
import type { AnalyzedDocument } from '../analysisCache';
import type { TranscriptSummary } from '../protocol';
import { speakerKey } from '../engine';

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
