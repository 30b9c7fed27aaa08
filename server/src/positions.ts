// The one place that turns engine spans and line numbers into LSP ranges and positions.
// Engine spans are (line, UTF-16 start, exclusive end), which is LSP's own unit, so the
// conversion is direct; whole-line ranges need the line's length, which LineIndex knows.
import type { Position, Range } from 'vscode-languageserver';
import type { LineIndex, Span } from './engine';

export function spanRange(span: Span): Range {
  return { start: { line: span.line, character: span.start }, end: { line: span.line, character: span.end } };
}

/** The length of a line without its line break, or 0 past the end of the text. */
export function lineLength(lines: LineIndex, line: number): number {
  if (line < 0 || line >= lines.lineCount) return 0;
  return lines.lineEnd(line) - lines.lineStarts[line];
}

/** From the start of startLine to the end of endLine, inclusive. */
export function linesRange(lines: LineIndex, startLine: number, endLine: number): Range {
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: lineLength(lines, endLine) } };
}

/** The end of a span, where an inlay hint after it stands. */
export function spanEnd(span: Span): Position {
  return { line: span.line, character: span.end };
}

/** True when the position is inside the span or touches either end (a cursor right after a word is on it). */
export function spanContains(span: Span, position: Position): boolean {
  return span.line === position.line && span.start <= position.character && position.character <= span.end;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when the span and the range share at least a point. */
export function spanTouchesRange(span: Span, range: Range): boolean {
  const spanRangeValue = spanRange(span);
  return comparePositions(spanRangeValue.start, range.end) <= 0 && comparePositions(range.start, spanRangeValue.end) <= 0;
}

/** True when a run of whole lines overlaps the range's lines. */
export function linesTouchRange(startLine: number, endLine: number, range: Range): boolean {
  return startLine <= range.end.line && range.start.line <= endLine;
}
