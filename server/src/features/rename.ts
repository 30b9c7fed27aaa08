// Rename a speaker: one edit per header of that speaker, replacing only the name so the
// markup around it (bold, heading marks, the role after it) stays as written.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import { spanContains, spanRange } from '../positions';
import { Refusal } from './refusal';
import { turnAtHeader, turnsOfSpeaker } from './turnLookup';

export function prepareSpeakerRename(document: AnalyzedDocument, position: Position): { range: Range; placeholder: string } | null {
  const turn = turnAtHeader(document.analysis, position);
  if (!turn || !spanContains(turn.nameSpan, position)) return null;
  const { line, start, end } = turn.nameSpan;
  const placeholder = document.text.slice(document.lines.offsetAt(line, start), document.lines.offsetAt(line, end));
  return { range: spanRange(turn.nameSpan), placeholder: placeholder || turn.speaker };
}

const SIDE_LABEL = /^(?:Q|A|Question|Answer)$/i;

function textAt(document: AnalyzedDocument, span: { line: number; start: number; end: number }): string {
  return document.text.slice(document.lines.offsetAt(span.line, span.start), document.lines.offsetAt(span.line, span.end));
}

export function renameSpeaker(document: AnalyzedDocument, position: Position, newName: string): WorkspaceEdit | Refusal | null {
  const name = newName.trim();
  if (!name || /[\r\n]/.test(name)) return new Refusal('invalidParams', 'A speaker name must be one non-empty line.');
  const turn = turnAtHeader(document.analysis, position);
  if (!turn || !spanContains(turn.nameSpan, position)) return null;
  const edits: TextEdit[] = turnsOfSpeaker(document.analysis, turn.speaker)
    // A court transcript's `Q.` and `A.` stand for the examiner and the witness without
    // writing their names: renaming the person leaves those labels as they are.
    .filter((other) => !SIDE_LABEL.test(textAt(document, other.nameSpan)))
    .map((other) => ({
      range: spanRange(other.nameSpan),
      newText: name,
    }));
  return { changes: { [document.uri]: edits } };
}
