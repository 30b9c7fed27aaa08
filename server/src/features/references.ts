// References and highlights: from a speaker's header, every header of the same speaker.
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import { spanRange } from '../positions';
import { turnAtHeader, turnsOfSpeaker } from './turnLookup';

export function speakerReferences(document: AnalyzedDocument, position: Position): Location[] {
  const turn = turnAtHeader(document.analysis, position);
  if (!turn) return [];
  return turnsOfSpeaker(document.analysis, turn.speaker).map((other) => ({ uri: document.uri, range: spanRange(other.nameSpan) }));
}

/** The same headers, highlighted in the editor while the cursor is on one of them. */
export function speakerHighlights(document: AnalyzedDocument, position: Position): DocumentHighlight[] {
  return speakerReferences(document, position).map(({ range }) => ({ range, kind: DocumentHighlightKind.Text }));
}
