// Incremental re-analysis: after an edit, only the lines whose reading could change are read
// again. The edit's lines are spliced into the previous version's lines; a line's figures
// depend on the line, the previous non-blank line, the next lines a hard wrap reaches, the
// structure spans on it (from the turn reading) and two document-level facts (the stated
// currency and the decimal-comma choice, both kept per line), so every line whose inputs are
// unchanged keeps its reading. What the document decides as a whole (inferred currencies,
// the yen sign, versions, checked readings) is decided again from what each line tells it,
// and a line whose figures those decisions leave as they were keeps its assembled figures
// and consistency findings, so the work follows the edit, not the document. The result is
// exactly what analyze() returns for the new text (test/unit/incremental.test.ts checks it
// on random edits).
import { analyze, DEFAULT_MAX_DOCUMENT_SIZE, mergeByPosition } from './index';
import { assembleFigures, glossaryFor, readLineFigures, spansByLine, statedCurrencyOn, wrapLineAfter } from './figures';
import type { AssembledLine, AssembledReading, LineFigures } from './figures';
import { consistencyDiagnostics, lineFindings, movedFindings } from './figures/consistency';
import type { LineFindings } from './figures/consistency';
import { decimalCommaDecided, decimalCommaLead } from './figures/numbers';
import type { ScanContext } from './figures/scanner';
import { lastIndexAtMost, LineIndex, splitLines } from './text';
import { countWords, endsParagraph, isPlainSpeechLine, mayBeLabel, readTurns } from './turns';
import type { TurnReading } from './turns';
import type { Analysis, AnalyzeOptions, Diagnostic, Span, Turn } from './types';

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
  /** The offset of each line's first character. */
  lineStarts: readonly number[];
  turnReading: TurnReading;
  structureByLine: Array<Span[] | undefined>;
  /** Each line's figure readings, as templates that are copied, never changed. */
  perLine: Array<LineFigures | null>;
  /** The previous non-blank line of each line, or -1. */
  lineBefore: Int32Array;
  scanContext: ScanContext;
  /** The currency each line states for the whole call; undefined where not yet asked. */
  statedCurrency: Array<string | null | undefined>;
  /** What each line adds to the decimal comma's lead; NaN where not yet asked. */
  commaLead: Float64Array;
  /** The document's reading of the figures, with each line's assembly. */
  reading: AssembledReading;
  /** What the consistency checks found on each line. */
  findings: Array<LineFindings | null>;
}

/** A replacement of the characters from `start` to `end` (offsets in the previous text). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The offset of each line's first character in the analyzed text, when the analysis keeps them. */
export function lineStartsOf(analyzed: IncrementalAnalysis): readonly number[] | null {
  return analyzed.state?.lineStarts ?? null;
}

/**
 * The analysis without what the thread it is sent to holds already (the text, and so the
 * lines cut from it): less to copy between threads and to collect afterwards.
 */
export function forTransfer(analyzed: IncrementalAnalysis): IncrementalAnalysis {
  return { ...analyzed, text: '', state: analyzed.state && { ...analyzed.state, lines: [] } };
}

/** An analysis received from another thread (forTransfer), given its text back. */
export function afterTransfer(analyzed: IncrementalAnalysis, text: string): IncrementalAnalysis {
  return { ...analyzed, text, state: analyzed.state && { ...analyzed.state, lines: splitLines(text) } };
}

/** A full analysis that later edits can update. */
export function analyzeIncrementally(text: string, options: AnalyzeOptions = {}): IncrementalAnalysis {
  if (tooLarge(text, options)) return degraded(text, options);
  const lines = splitLines(text);
  return read(text, options, lines, new LineIndex(text).lineStarts, null);
}

/** The analysis after one edit: the same Analysis as analyze() of the edited text. */
export function update(previous: IncrementalAnalysis, edit: TextEdit): IncrementalAnalysis {
  const start = Math.max(0, Math.min(edit.start, previous.text.length));
  const end = Math.max(start, Math.min(edit.end, previous.text.length));
  return readEdit(previous, previous.text.slice(0, start) + edit.text + previous.text.slice(end), start, end, edit.text);
}

/**
 * The analysis of a new version of the text, reusing what the previous version's reading
 * still holds. The edit is found by comparing both versions from either end.
 */
export function updateText(previous: IncrementalAnalysis, text: string): IncrementalAnalysis {
  if (text === previous.text) return previous;
  const start = commonPrefixLength(previous.text, text);
  const kept = commonSuffixLength(previous.text, text, start);
  return readEdit(previous, text, start, previous.text.length - kept, text.slice(start, text.length - kept));
}

/** The edited text read from the previous version: `start`..`end` of its text became `inserted`. */
function readEdit(previous: IncrementalAnalysis, text: string, start: number, end: number, inserted: string): IncrementalAnalysis {
  const old = previous.state;
  if (!old) return analyzeIncrementally(text, previous.options);
  if (tooLarge(text, previous.options)) return degraded(text, previous.options);
  const { lines, lineStarts, prefix, suffix } = spliceLines(old, previous.text, start, end, inserted);
  return read(text, previous.options, lines, lineStarts, { old, prefix, suffix });
}

function tooLarge(text: string, options: AnalyzeOptions): boolean {
  return text.length > (options.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE);
}

function degraded(text: string, options: AnalyzeOptions): IncrementalAnalysis {
  return { text, options, analysis: analyze(text, options), state: null };
}

/**
 * The new version's lines: the previous lines with those the edit touched split again. The
 * lines read again start one line before the edit, since a break typed right after a CR
 * joins it into one CRLF. `prefix` and `suffix` count the lines equal at either end.
 */
function spliceLines(old: LineState, oldText: string, start: number, end: number, inserted: string) {
  const oldCount = old.lines.length;
  const first = Math.max(0, lastIndexAtMost(old.lineStarts, start) - 1);
  const last = lastIndexAtMost(old.lineStarts, end);
  const endsText = last + 1 >= oldCount;
  const delta = inserted.length - (end - start);
  const regionStart = old.lineStarts[first];
  // Cut from the previous text, which is flat already: the new one may be joined from pieces and need copying first.
  const region = oldText.slice(regionStart, start) + inserted + oldText.slice(end, endsText ? oldText.length : old.lineStarts[last + 1]);
  const pieces = splitLines(region);
  const pieceStarts = new LineIndex(region).lineStarts;
  // A region that ends with a line break ends where the next kept line starts.
  if (!endsText) pieces.pop();
  const lines = old.lines.slice(0, first);
  const lineStarts = old.lineStarts.slice(0, first);
  for (let i = 0; i < pieces.length; i++) {
    lines.push(pieces[i]);
    lineStarts.push(pieceStarts[i] + regionStart);
  }
  for (let line = last + 1; line < oldCount; line++) {
    lines.push(old.lines[line]);
    lineStarts.push(old.lineStarts[line] + delta);
  }
  // Lines of the region that stayed the same, from either end.
  let prefix = first;
  while (prefix - first < pieces.length && prefix <= last && pieces[prefix - first] === old.lines[prefix]) prefix++;
  let same = 0;
  while (same < pieces.length - (prefix - first) && same < last + 1 - prefix && pieces[pieces.length - 1 - same] === old.lines[last - same]) same++;
  return { lines, lineStarts, prefix, suffix: oldCount - 1 - last + same };
}

/** The previous reading and which of its lines are kept: the first `prefix` and the last `suffix`. */
interface Edited {
  old: LineState;
  prefix: number;
  suffix: number;
}

function read(text: string, options: AnalyzeOptions, lines: string[], lineStarts: readonly number[], edited: Edited | null): IncrementalAnalysis {
  const old = edited?.old ?? null;
  const count = lines.length;
  const oldCount = old ? old.lines.length : 0;
  const prefix = edited?.prefix ?? 0;
  const suffix = edited?.suffix ?? 0;
  const shift = count - oldCount;
  /** The first kept line at the end, in this version and in the previous one. */
  const keptAfter = count - suffix;
  const oldKeptAfter = oldCount - suffix;
  const oldLineOf = (line: number): number => (!old ? -1 : line < prefix ? line : line >= keptAfter ? line - shift : -1);

  const turnReading = (old && shift === 0 ? fixUpTurns(old, lines, prefix, suffix) : null) ?? readTurns(lines);
  const { turns, sections, structure } = turnReading;
  const sameStructure = old !== null && turnReading.structure === old.turnReading.structure;
  const structureByLine = sameStructure ? old.structureByLine : spansByLine(structure, count);

  // The document-level facts, from what each line says (asked of the edited lines only).
  const statedCurrency = spliced(old?.statedCurrency ?? [], prefix, oldKeptAfter, count - suffix - prefix, undefined);
  let defaultCurrency: string | null = null;
  for (let line = 0; line < count && !defaultCurrency; line++) {
    let stated = statedCurrency[line];
    if (stated === undefined) statedCurrency[line] = stated = statedCurrencyOn(lines[line]);
    defaultCurrency = stated;
  }
  const commaLead = new Float64Array(count).fill(Number.NaN);
  if (old) {
    commaLead.set(old.commaLead.subarray(0, prefix));
    commaLead.set(old.commaLead.subarray(oldKeptAfter), keptAfter);
  }
  const decimalComma = decimalCommaDecided(count, (line) => {
    if (Number.isNaN(commaLead[line])) commaLead[line] = decimalCommaLead(lines[line]);
    return commaLead[line];
  });
  const scanContext: ScanContext = { defaultCurrency, decimalComma };
  const reusable = old !== null && old.scanContext.defaultCurrency === defaultCurrency && old.scanContext.decimalComma === decimalComma;

  const lineBefore = previousNonBlankLines(lines, old, prefix, keptAfter, oldKeptAfter);
  const glossary = glossaryFor(options.glossary);
  const perLine: Array<LineFigures | null> = new Array(count);
  for (let line = 0; line < count; line++) {
    const oldLine = oldLineOf(line);
    const lineStructure = structureByLine[line] ?? NO_SPANS;
    const keep = reusable && oldLine >= 0 && (sameStructure || sameSpans(old.structureByLine[oldLine], lineStructure))
      && (line < prefix
        // The lines a hard wrap reaches below may be edited ones.
        ? line + WRAP_REACH < prefix || sameLineAfter(old.lines, oldLine, lines, line)
        // The previous non-blank line may be above the kept lines.
        : old.lineBefore[oldLine] >= oldKeptAfter || sameLineBefore(old, oldLine, lines, line, lineBefore[line]));
    const before = lineBefore[line];
    perLine[line] = keep ? old.perLine[oldLine] : readLineFigures(lines, line, before < 0 ? null : lines[before], before, lineStructure, scanContext, glossary);
  }

  const reading = assembleFigures(lines, perLine, options, defaultCurrency, {
    previousOf: (line) => {
      const oldLine = oldLineOf(line);
      return old && oldLine >= 0 ? old.reading.assembled[oldLine] : null;
    },
    sameLineNumbers: old && shift === 0 ? old.reading : null,
  });
  const { findings, diagnostics: consistency } = readConsistency(lines, reading.assembled, old, oldLineOf);
  const diagnostics = mergeByPosition(reading.diagnostics, consistency);
  const analysis: Analysis = { turns, sections, figures: reading.figures, diagnostics, defaultCurrency, degraded: false };
  return {
    text, options, analysis,
    state: { lines, lineStarts, turnReading, structureByLine, perLine, lineBefore, scanContext, statedCurrency, commaLead, reading, findings },
  };
}

const NO_SPANS: readonly Span[] = [];

/** How many lines below a line the next non-blank line that may hold its amount's scale can be (wrapLineAfter). */
const WRAP_REACH = 3;

/**
 * The consistency findings of every line with figures; a line whose assembled figures are
 * the very ones of the previous version keeps its findings. A checking bug drops every
 * consistency diagnostic, as checkConsistency does.
 */
function readConsistency(
  lines: readonly string[], assembled: ReadonlyArray<AssembledLine | null>, old: LineState | null, oldLineOf: (line: number) => number,
): { findings: Array<LineFindings | null>; diagnostics: Diagnostic[] } {
  const findings: Array<LineFindings | null> = new Array(assembled.length).fill(null);
  try {
    const found: LineFindings[] = [];
    for (let line = 0; line < assembled.length; line++) {
      const assembly = assembled[line];
      if (!assembly) continue;
      const oldLine = oldLineOf(line);
      const kept = old && oldLine >= 0 ? old.reading.assembled[oldLine] : null;
      const keptFindings = old && oldLine >= 0 ? old.findings[oldLine] : null;
      let onLine: LineFindings | null;
      if (kept && kept === assembly) onLine = keptFindings;
      // A line that only moved (its assembly is a copy of the kept one): its findings move with it.
      else if (kept && assembly.moved) onLine = keptFindings && movedFindings(keptFindings, kept.figures, assembly.figures, line - oldLine);
      else onLine = lineFindings(lines, assembly.figures);
      findings[line] = onLine;
      if (onLine) found.push(onLine);
    }
    return { findings, diagnostics: consistencyDiagnostics(found) };
  } catch {
    return { findings: new Array(assembled.length).fill(null), diagnostics: [] };
  }
}

/** A copy of `old` with `old[from..to)` replaced by `count` values `fill`. */
function spliced<T>(old: readonly T[], from: number, to: number, count: number, fill: T): T[] {
  const result = old.slice(0, from);
  for (let i = 0; i < count; i++) result.push(fill);
  for (let i = to; i < old.length; i++) result.push(old[i]);
  return result;
}

/**
 * The previous non-blank line of each line, or -1: kept above the edit, read through the
 * edited lines, and below them taken from the previous version wherever that line is kept.
 */
function previousNonBlankLines(lines: readonly string[], old: LineState | null, prefix: number, keptAfter: number, oldKeptAfter: number): Int32Array {
  const lineBefore = new Int32Array(lines.length);
  let before = -1;
  let line = 0;
  if (old && prefix > 0) {
    lineBefore.set(old.lineBefore.subarray(0, prefix));
    line = prefix;
    before = lines[prefix - 1].trim() ? prefix - 1 : old.lineBefore[prefix - 1];
  }
  const end = old ? keptAfter : lines.length;
  for (; line < end; line++) {
    lineBefore[line] = before;
    if (lines[line].trim()) before = line;
  }
  if (!old) return lineBefore;
  const shift = keptAfter - oldKeptAfter;
  for (; line < lines.length; line++) {
    const oldBefore = old.lineBefore[line - shift];
    // Blank kept lines only above it: its previous non-blank line is the last one above the kept lines.
    lineBefore[line] = oldBefore >= oldKeptAfter ? oldBefore + shift : before;
  }
  return lineBefore;
}

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

/** Characters compared at once when two versions are matched from either end: a native comparison per chunk. */
const CHUNK = 4096;

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= limit && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Characters equal at the ends of both, not counting the `prefix` characters already matched. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const limit = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + CHUNK <= limit && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
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
