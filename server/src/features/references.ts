// References and highlights: from a speaker's header, every header of the same speaker, first
// in this document and then in the other transcripts of the workspace index. Rename stays
// within the document on purpose: editing files the user has not opened would be a surprise,
// and a name shared across calls may belong to different people at different companies.
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { DocumentHighlight, Location, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import type { Turn } from '../engine';
import { spanRange } from '../positions';
import type { WorkspaceIndex } from '../workspaceIndex';
import { turnAtHeader, turnsOfSpeaker } from './turnLookup';

/** The headers of the speaker under the cursor in this document, in order, and the one under the cursor. */
function headersInDocument(document: AnalyzedDocument, position: Position): { declaration: Turn; turns: Turn[] } | null {
  const declaration = turnAtHeader(document.analysis, position);
  return declaration ? { declaration, turns: turnsOfSpeaker(document.analysis, declaration.speaker) } : null;
}

/**
 * Every header of the speaker under the cursor: this document's first, then other files'.
 * The header under the cursor is the declaration, left out when includeDeclaration is false.
 */
export function speakerReferences(document: AnalyzedDocument, position: Position, includeDeclaration: boolean, index?: WorkspaceIndex): Location[] {
  const found = headersInDocument(document, position);
  if (!found) return [];
  const local = found.turns
    .filter((turn) => includeDeclaration || turn !== found.declaration)
    .map((turn) => ({ uri: document.uri, range: spanRange(turn.nameSpan) }));
  const elsewhere = (index?.speakerInOtherFiles(found.declaration.speaker, document.uri) ?? [])
    .flatMap((speaker) => speaker.nameSpans.map((span) => ({ uri: speaker.uri, range: spanRange(span) })));
  return [...local, ...elsewhere];
}

/** The same speaker's headers in this document, highlighted while the cursor is on one of them. */
export function speakerHighlights(document: AnalyzedDocument, position: Position): DocumentHighlight[] {
  return (headersInDocument(document, position)?.turns ?? []).map((turn) => ({ range: spanRange(turn.nameSpan), kind: DocumentHighlightKind.Text }));
}
