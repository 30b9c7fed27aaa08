// Incremental re-analysis: after an edit, only the lines whose reading could change are read
// again. A line's figures depend on the line, the previous non-blank line, the structure
// spans on it (from the turn reading) and two document-level facts (the stated currency and
// the decimal-comma choice); every line whose inputs are unchanged keeps its reading. What
// the document decides as a whole (inferred currencies, the yen sign, checked readings,
// consistency, turns) is decided again from the kept readings, so the result is exactly what
// analyze() returns for the new text (test/unit/incremental.test.ts checks it on random edits).
import { analyze, DEFAULT_MAX_DOCUMENT_SIZE, mergeByPosition } from './index';
import { assembleFigures, figureScanContext, glossaryFor, readLineFigures, spansByLine, wrapLineAfter } from './figures';
import type { LineFigureEntry, LineFigures } from './figures';
import { readConsistency } from './figures/consistency';
import type { LineFindings } from './figures/consistency';
import type { ScanContext } from './figures/scanner';
import { splitLines } from './text';
import { countWords, endsParagraph, isPlainSpeechLine, mayBeLabel, readTurns } from './turns';
import type { TurnReading } from './turns';
import type { Analysis, AnalyzeOptions, Figure, Span, Turn } from './types';

/** An analysis with what it takes to update it after an edit. */
export interface IncrementalAnalysis {
  readonly text: string;
  readonly options: AnalyzeOptions;
  readonly analysis: Analysis;
  /** Null when the analysis was degraded: the next one starts afresh. */
  readonly state: LineState | null;
}

interface LineState {
  lines: string[];
  turnReading: TurnReading;
  /** Each line's figure readings, as templates that are copied, never changed. */
  perLine: Array<LineFigures | null>;
  structureByLine: Array<Span[] | undefined>;
  /** The previous non-blank line of each line, or -1. */
  lineBefore: Int32Array;
  scanContext: ScanContext;
  /** What the consistency checks found on each line with figures. */
  findings: Map<number, LineFindings>;
}

/** A replacement of the characters from `start` to `end` (offsets in the previous text). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A full analysis that later edits can update. */
export function analyzeIncrementally(text: string, options: AnalyzeOptions = {}): IncrementalAnalysis {
  return read(text, options, null);
}

/** The analysis after one edit: the same Analysis as analyze() of the edited text. */
export function update(previous: IncrementalAnalysis, edit: TextEdit): IncrementalAnalysis {
  const start = Math.max(0, Math.min(edit.start, previous.text.length));
  const end = Math.max(start, Math.min(edit.end, previous.text.length));
  return updateText(previous, previous.text.slice(0, start) + edit.text + previous.text.slice(end));
}

/** The analysis of a new version of the text, reusing what the previous version's reading still holds. */
export function updateText(previous: IncrementalAnalysis, text: string): IncrementalAnalysis {
  if (text === previous.text) return previous;
  return read(text, previous.options, previous);
}

function read(text: string, options: AnalyzeOptions, previous: IncrementalAnalysis | null): IncrementalAnalysis {
  if (text.length > (options.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE)) {
    return { text, options, analysis: analyze(text, options), state: null };
  }
  const lines = splitLines(text);
  const old = previous?.state ?? null;
  // Lines the edit left alone: the same lines at the start and at the end of both versions.
  const prefix = old ? commonPrefix(old.lines, lines) : 0;
  const suffix = old ? commonSuffix(old.lines, lines, prefix) : 0;
  const shift = lines.length - (old?.lines.length ?? 0);
  const turnReading = (old && shift === 0 ? fixUpTurns(old, lines, prefix, suffix) : null) ?? readTurns(lines);
  const { turns, sections, structure } = turnReading;
  const structureByLine = spansByLine(structure, lines.length);
  const scanContext = figureScanContext(lines);
  const glossary = glossaryFor(options.glossary);
  const reusable = old !== null && old.scanContext.defaultCurrency === scanContext.defaultCurrency
    && old.scanContext.decimalComma === scanContext.decimalComma;

  const perLine: Array<LineFigures | null> = new Array(lines.length);
  const lineBefore = new Int32Array(lines.length);
  let before = -1;
  for (let line = 0; line < lines.length; line++) {
    lineBefore[line] = before;
    const oldLine = line < prefix ? line : line >= lines.length - suffix ? line - shift : -1;
    const lineStructure = structureByLine[line] ?? NO_SPANS;
    if (reusable && old !== null && oldLine >= 0 && sameSpans(old.structureByLine[oldLine], lineStructure)
      && sameLineBefore(old, oldLine, lines, line, before) && sameLineAfter(old.lines, oldLine, lines, line)) {
      perLine[line] = old.perLine[oldLine];
    } else {
      perLine[line] = readLineFigures(lines, line, before < 0 ? null : lines[before], before, lineStructure, scanContext, glossary);
    }
    if (lines[line].trim()) before = line;
  }

  const reading = assembleFigures(lines, perLine, options, scanContext.defaultCurrency, copyFigure);
  // Findings are kept for lines at the same number with the same text (and, checked inside, the same figures).
  const unchanged = (line: number) => line < prefix || (shift === 0 && line >= lines.length - suffix);
  const consistency = readConsistency(lines, reading.figures, old?.findings ?? null, unchanged);
  const diagnostics = mergeByPosition(reading.diagnostics, consistency.diagnostics);
  const analysis: Analysis = { turns, sections, figures: reading.figures, diagnostics, defaultCurrency: reading.defaultCurrency, degraded: false };
  return { text, options, analysis, state: { lines, turnReading, perLine, structureByLine, lineBefore, scanContext, findings: consistency.findings } };
}

const NO_SPANS: readonly Span[] = [];

/**
 * The turn reading after an edit that kept the number of lines, fixed up where it is safe:
 * when every changed line is plain speech before and after (isPlainSpeechLine), stays blank
 * or non-blank, lies inside one turn's body, no frame line is near, and a label on the line
 * after them reads the same paragraph end before it. The page frame and caption cues cannot
 * change then (their lines are short with digits, start with a number or stand next to a
 * running header), and only that turn's word count does. Null when the turns must be read again.
 */
function fixUpTurns(old: LineState, lines: readonly string[], prefix: number, suffix: number): TurnReading | null {
  const reading = old.turnReading;
  const first = prefix;
  const last = lines.length - suffix;
  const copy = (turns: Turn[]): TurnReading => ({ ...reading, turns, sections: reading.sections.slice() });
  if (first >= last) return copy(reading.turns.slice());
  for (let line = Math.max(0, first - FRAME_REACH); line < Math.min(lines.length, last + FRAME_REACH); line++) {
    if (reading.frameLine[line]) return null;
  }
  let words = 0;
  for (let line = first; line < last; line++) {
    const before = old.lines[line];
    const after = lines[line];
    if ((before.trim().length === 0) !== (after.trim().length === 0)) return null;
    if (!isPlainSpeechLine(before) || !isPlainSpeechLine(after)) return null;
    words += countWords(after, 0) - countWords(before, 0);
  }
  // A label right after the edit reads whether the line before it ends a paragraph.
  if (last < lines.length && mayBeLabel(lines[last]) && endsParagraph(old.lines[last - 1]) !== endsParagraph(lines[last - 1])) return null;
  const index = lastTurnBefore(reading.turns, first);
  const turn = index >= 0 ? reading.turns[index] : null;
  if (!turn || last - 1 > turn.endLine) return null;
  const turns = reading.turns.slice();
  turns[index] = { ...turn, words: turn.words + words };
  return copy(turns);
}

/** How far from a running header layout/page.ts looks for its companion lines. */
const FRAME_REACH = 2;

/** The index of the last turn whose header is above `line`, or -1. */
function lastTurnBefore(turns: readonly Turn[], line: number): number {
  let low = 0;
  let high = turns.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (turns[mid].line < line) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** A copy of a kept figure on the line it stands on now, free for the document's reading to change. */
function copyFigure(entry: LineFigureEntry, line: number): Figure {
  const template = entry.figure;
  const moved = line - template.line;
  const copy: Figure = { ...template, line };
  if (moved !== 0 && template.metricSpan) copy.metricSpan = { ...template.metricSpan, line: template.metricSpan.line + moved };
  return copy;
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a[i] === b[i]) i++;
  return i;
}

/** Lines equal at the ends of both, not counting the `prefix` lines already matched. */
function commonSuffix(a: readonly string[], b: readonly string[], prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < limit && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

function sameSpans(a: readonly Span[] | undefined, b: readonly Span[]): boolean {
  const old = a ?? NO_SPANS;
  if (old.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (old[i].start !== b[i].start || old[i].end !== b[i].end) return false;
  return true;
}

/** Whether a kept line's next non-blank line within a hard wrap's reach (where an amount's scale may be) is the same text at the same distance. */
function sameLineAfter(oldLines: readonly string[], oldLine: number, lines: readonly string[], line: number): boolean {
  const oldAfter = wrapLineAfter(oldLines, oldLine);
  const after = wrapLineAfter(lines, line);
  if (oldAfter < 0 || after < 0) return oldAfter < 0 && after < 0;
  return after - line === oldAfter - oldLine && oldLines[oldAfter] === lines[after];
}

/** Whether a kept line's previous non-blank line is the same text at the same distance. */
function sameLineBefore(old: LineState, oldLine: number, lines: readonly string[], line: number, before: number): boolean {
  const oldBefore = old.lineBefore[oldLine];
  if (oldBefore < 0 || before < 0) return oldBefore < 0 && before < 0;
  return line - before === oldLine - oldBefore && old.lines[oldBefore] === lines[before];
}
