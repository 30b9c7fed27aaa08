// Rename a speaker: one edit per header of that speaker, replacing only the name so the
// markup around it (bold, heading marks, the role after it) stays as written.
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import { spanContains, spanRange } from '../positions';
import { turnAtHeader, turnsOfSpeaker } from './turnLookup';

export function prepareSpeakerRename(document: AnalyzedDocument, position: Position): { range: Range; placeholder: string } | null {
  const turn = turnAtHeader(document.analysis, position);
  if (!turn || !spanContains(turn.nameSpan, position)) return null;
  const { line, start, end } = turn.nameSpan;
  const placeholder = document.text.slice(document.lines.offsetAt(line, start), document.lines.offsetAt(line, end));
  return { range: spanRange(turn.nameSpan), placeholder: placeholder || turn.speaker };
}

export function renameSpeaker(document: AnalyzedDocument, position: Position, newName: string): WorkspaceEdit | null {
  const name = newName.trim();
  if (!name || /[\r\n]/.test(name)) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'A speaker name must be one non-empty line.');
  }
  const turn = turnAtHeader(document.analysis, position);
  if (!turn || !spanContains(turn.nameSpan, position)) return null;
  const edits: TextEdit[] = turnsOfSpeaker(document.analysis, turn.speaker).map((other) => ({
    range: spanRange(other.nameSpan),
    newText: name,
  }));
  return { changes: { [document.uri]: edits } };
}
