// The figure engine: finds every figure on every line, normalizes it (kind, value, unit,
// range, qualifier), says what it measures (metric, change, comparison), applies the user's
// checked readings and reports the figures it cannot read, with fixes.
import { Diagnostics } from '../catalog';
import type { AnalyzeOptions, Diagnostic, Figure, Span } from '../types';
import { applyChecked } from './checked';
import { CHANGE_WORD, COMPARISON, durationBoundHolds, LineContext } from './context';
import { CURRENCY_STATED, currencyOf, STATEMENT_SCOPE, STATEMENT_SUBJECT, YEN_OR_YUAN } from './currencies';
import { diagnose, newCurrencyEvidence, recordCurrency, type CurrencyEvidence } from './diagnostics';
import { LineMetrics, MetricGlossary } from './glossary';
import { NUMBER_WORD, scanLine, type PendingCurrency, type Problem, type ScanContext } from './scanner';
import { MONETARY_METRIC } from '../facts/currencies';
import { scaled, SCALES, usesDecimalComma } from './numbers';
import { isMoneyNoun } from './nouns';

export { anchorFigure } from './checked';

/**
 * The global regexes of the vocabularies the figure reader must find (for the benchmark, which
 * times one pass of each over a text: what finding the words alone costs, before reading them).
 */
export function vocabularyPatterns(): Record<string, RegExp> {
  return { numberWords: NUMBER_WORD, changeWords: CHANGE_WORD, comparisons: COMPARISON, metricPhrases: glossaryFor(undefined).regex };
}

export interface FigureReading {
  figures: Figure[];
  diagnostics: Diagnostic[];
  defaultCurrency: string | null;
}

/** Kinds that measure something and so can carry a metric. */
const MEASURES: ReadonlySet<string> = new Set(['money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction', 'unparsed']);
/** Kinds whose change word may also come after them ("10% growth"). */
const RATIOS: ReadonlySet<string> = new Set(['percent', 'percentagePoints', 'basisPoints', 'multiple', 'fraction', 'unparsed']);

/** Lines without a digit or a letter hold no figure. */
const HAS_DIGIT_OR_LETTER = /\d|[a-z]|[\u3007\u4e00-\u9fff\uff10-\uff19]/i;

// A compiled glossary per user glossary, so each analysis does not recompile the built-in one.
let cachedGlossary: { key: string; glossary: MetricGlossary } | null = null;

export function glossaryFor(extra: Record<string, string[]> | undefined): MetricGlossary {
  const key = extra ? JSON.stringify(extra) : '';
  if (!cachedGlossary || cachedGlossary.key !== key) {
    cachedGlossary = { key, glossary: new MetricGlossary(extra && typeof extra === 'object' ? extra : {}) };
  }
  return cachedGlossary.glossary;
}

/**
 * The currency the call states once for all: "all figures are in RMB unless otherwise
 * stated", "amounts are expressed in U.S. dollars". The first line that states one decides.
 */
function findDefaultCurrency(lines: readonly string[]): string | null {
  for (const line of lines) {
    const code = statedCurrencyOn(line);
    if (code) return code;
  }
  return null;
}

/**
 * The currency a line states for the whole call, or null. Each " in <currency>" is checked
 * on the words around it, a bounded slice, so the look stays linear.
 */
export function statedCurrencyOn(line: string): string | null {
  if (line.length < 12) return null;
  CURRENCY_STATED.lastIndex = 0;
  for (let m = CURRENCY_STATED.exec(line); m; m = CURRENCY_STATED.exec(line)) {
    const before = line.slice(Math.max(0, m.index - 60), m.index);
    const sentenceBefore = before.slice(before.lastIndexOf('.') + 1);
    const after = line.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const stated = STATEMENT_SUBJECT.test(sentenceBefore) && (STATEMENT_SCOPE.test(sentenceBefore.trimEnd()) || STATEMENT_SCOPE.test(after) || /\b(?:are|is)$/i.test(sentenceBefore.trimEnd()));
    if (!stated) continue;
    const code = currencyOf(m[1].replace(/^U\.?S\.? /i, 'us '));
    if (code && code !== YEN_OR_YUAN) return code;
  }
  return null;
}

/**
 * The figures on a line, or why reading them failed: a bug in a reader must not take the whole
 * analysis down, and must not pass unseen either, so the failure becomes a value.
 */
export function scanLineOrFailure(text: string, context: Parameters<typeof scanLine>[1]): ReturnType<typeof scanLine> | { failure: string } {
  try {
    return scanLine(text, context);
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}

/** The internal-error diagnostic for a line whose figures could not be read, over the line's text. */
function internalError(line: number, text: string, failure: string): Diagnostic {
  const kind = Diagnostics.internalError;
  const start = text.length - text.trimStart().length;
  return { line, start, end: Math.max(start, text.trimEnd().length), severity: kind.defaultSeverity, code: kind.code, message: kind.message(failure), fixes: [] };
}

/** A figure as read on its own line, before the document decides its currency and checked readings. */
export interface LineFigureEntry {
  /** A template: the document's reading copies it (with its line) before changing anything. */
  figure: Figure;
  problem: Problem | null;
  pending: PendingCurrency | null;
  currencyMark: string | null;
  /** Where the figure's sentence starts on its line. */
  sentenceStart: number;
  /** For an amount whose scale opens a later line: how many lines down, and where the scale word starts there. */
  takes: { lines: number; start: number } | null;
}

/** One line's reading: its figures, or the internal error that stopped reading them. */
export interface LineFigures {
  entries: LineFigureEntry[];
  failure: Diagnostic | null;
}

/** What the figure reading of every line depends on beyond the lines around it. */
export function figureScanContext(lines: string[]): ScanContext {
  return { defaultCurrency: findDefaultCurrency(lines), decimalComma: usesDecimalComma(lines) };
}

/** The next non-blank line within a hard wrap's reach, which a line's last amount may take its scale from; or -1. */
export function wrapLineAfter(lines: readonly string[], line: number): number {
  for (let next = line + 1; next < lines.length && next <= line + 1 + WRAP_BLANK_LINES; next++) {
    if (lines[next].trim()) return next;
  }
  return -1;
}

/**
 * Reads the figures of one line. The result depends only on the line, the previous non-blank
 * line (`lineBefore`, at `lineBeforeNumber`), the next non-blank line within a hard wrap's
 * reach (wrapLineAfter), the structure spans on the line, the scan context and the glossary,
 * so an incremental reading may keep it while those stay the same.
 */
export function readLineFigures(
  lines: readonly string[], line: number, lineBefore: string | null, lineBeforeNumber: number,
  lineStructure: readonly Span[], scanContext: ScanContext, glossary: MetricGlossary,
): LineFigures | null {
  const text = lines[line];
  if (!HAS_DIGIT_OR_LETTER.test(text)) return null;
  const scanned = scanLineOrFailure(text, scanContext);
  if ('failure' in scanned) return { entries: [], failure: internalError(line, text, scanned.failure) };
  if (!scanned.length) return null;
  const inStructure = (start: number, end: number) => lineStructure.some((span) => start < span.end && end > span.start);
  const context = new LineContext(text);
  // Metric phrases are read once per sentence that holds a figure, not on the whole line.
  const metrics = new LineMetrics(glossary, text, context, lineBefore, scanned);
  const entries: LineFigureEntry[] = [];
  for (const s of scanned) {
    if (inStructure(s.start, s.end)) continue;
    // "Our No.\n1 priority": a rank cut from its number by a hard wrap.
    if (s.kind === 'count' && s.min === null && !text.slice(0, s.start).trim() && lineBefore !== null && WRAPPED_RANK.test(lineBefore.trimEnd()) && !/^[\d.,]+%/.test(text.slice(s.start))) {
      s.kind = 'ordinal';
      s.value = null;
      s.unit = null;
    }
    const end = Math.min(s.end, text.length);
    const figure: Figure = {
      line, start: s.start, end, text: text.slice(s.start, end),
      kind: s.kind, value: finite(s.value), min: finite(s.min), max: finite(s.max), unit: s.unit,
      approximate: s.approximate, bound: s.bound, metric: null, change: null,
      metricSpan: null, comparison: null, qualifier: s.qualifier, checked: false,
    };
    let takes: LineFigureEntry['takes'] = null;
    // "$2" at the end of a hard-wrapped line whose next line opens with "billion": one amount.
    if (figure.kind === 'money' && s.currencyMark && end === text.trimEnd().length && isDigitCode(text.charCodeAt(end - 1))) {
      const wrapped = wrappedScale(lines, line);
      if (wrapped !== null) {
        const { factor } = wrapped;
        takes = { lines: wrapped.line - line, start: wrapped.start };
        figure.value = figure.value === null ? null : scaled(figure.value, factor);
        figure.min = figure.min === null ? null : scaled(figure.min, factor);
        figure.max = figure.max === null ? null : scaled(figure.max, factor);
      }
    }
    // "invest 380 billion over three years": "over" a span of time is no bound on it.
    if (figure.kind === 'duration' && figure.qualifier && !durationBoundHolds(text, text.lastIndexOf(figure.qualifier, figure.start), figure.end, figure.qualifier)) {
      figure.bound = null;
      figure.qualifier = null;
    }
    if (MEASURES.has(figure.kind)) {
      figure.change = RATIOS.has(figure.kind)
        ? context.changeAround(figure.start, figure.end)
        : context.changeBefore(figure.start, figure.end);
      const named = metrics.metricOf(figure.start, figure.end, figure.kind, figure.change);
      figure.metric = named?.metric ?? null;
      figure.metricSpan = named ? { line: named.previousLine ? lineBeforeNumber : line, start: named.start, end: named.end } : null;
      figure.comparison = figure.change ? context.comparisonAround(figure.start, figure.end) : null;
      if (figure.value !== null && figure.value < 0 && !figure.change) figure.change = 'decrease';
    }
    const needsSentence = (s.pending !== null && s.pending !== undefined) || (figure.kind === 'money' && figure.unit !== null && figure.unit !== YEN_OR_YUAN);
    entries.push({
      figure, problem: s.problem ?? null, pending: s.pending ?? null, currencyMark: s.currencyMark,
      sentenceStart: needsSentence ? context.sentenceAt(figure.start).start : -1, takes,
    });
  }
  return { entries, failure: null };
}

/**
 * `structure` lists spans that frame the text rather than being said in it (turn counters,
 * running headers, page and line numbers), in line order: a figure there is no figure.
 */
export function readFigures(lines: string[], options: AnalyzeOptions, structure: Span[] = []): FigureReading {
  const scanContext = figureScanContext(lines);
  const glossary = glossaryFor(options.glossary);
  const perLine: Array<LineFigures | null> = new Array(lines.length);
  const structureByLine = spansByLine(structure, lines.length);
  let previousLine: string | null = null;
  let previousLineNumber = -1;
  for (let line = 0; line < lines.length; line++) {
    perLine[line] = readLineFigures(lines, line, previousLine, previousLineNumber, structureByLine[line] ?? NO_SPANS, scanContext, glossary);
    // The previous non-blank line, for a line that goes on with its sentence.
    if (lines[line].trim()) {
      previousLine = lines[line];
      previousLineNumber = line;
    }
  }
  const { figures, diagnostics, defaultCurrency } = assembleFigures(lines, perLine, options, scanContext.defaultCurrency, null);
  return { figures, diagnostics, defaultCurrency };
}

const NO_SPANS: readonly Span[] = [];

/** The spans of each line (sparse: lines without spans have none), from spans in line order. */
export function spansByLine(spans: readonly Span[], lineCount: number): Array<Span[] | undefined> {
  const byLine: Array<Span[] | undefined> = new Array(lineCount);
  for (const span of spans) {
    if (span.line < 0 || span.line >= lineCount) continue;
    (byLine[span.line] ??= []).push(span);
  }
  return byLine;
}

/** A line's figures as the document reads them, kept so a later reading can reuse them. */
export interface AssembledLine {
  /** What it was assembled from: the line's reading, the scale word taken from it, the document's decisions and the line number. */
  readonly template: LineFigures;
  readonly taken: number;
  readonly decisions: string;
  readonly line: number;
  /** What the line tells the document before it decides (from the template and `taken` alone). */
  readonly evidence: LineEvidence;
  /** The line's final figures, in reading order; never changed once the reading is done. */
  readonly figures: Figure[];
  /** The figures with a problem, in the order the document reports them. */
  readonly problems: ReadonlyArray<{ figure: Figure; problem: Problem }>;
  readonly failure: Diagnostic | null;
  /** True for a copy, made in this reading, of the previous reading's assembly of the line, which moved. */
  readonly moved?: boolean;
}

/** What one line tells the document about currencies and versions. */
export interface LineEvidence {
  /** Each money figure's written currency and mark, in order (not the yen sign, not an amount waiting for its currency). */
  readonly currencies: ReadonlyArray<readonly [string, string | null]>;
  readonly yenSigns: number;
  readonly versions: readonly string[];
  /** The scale word a later line gives to this line's last wrapped amount: lines down and start, or null. */
  readonly takes: { lines: number; start: number } | null;
}

export interface AssembledReading extends FigureReading {
  /** Each line's assembly (null for lines without figures), for the next reading to reuse. */
  assembled: Array<AssembledLine | null>;
  /** What each line told the document, and the same summed over blocks of lines. */
  told: Array<LineEvidence | null>;
  blocks: BlockEvidence[];
}

/** What an incremental reading may reuse of the previous one. */
export interface AssemblyReuse {
  /** The previous assembly of the line now at `line`, when the line is kept. */
  previousOf(line: number): AssembledLine | null;
  /** The previous reading when every line kept its number (the edit neither added nor removed lines). */
  sameLineNumbers: AssembledReading | null;
}

/** What a block of lines tells the document: amounts per written currency and mark, in the order they first appear. */
interface BlockEvidence {
  currencies: Array<[string, string | null, number]>;
  yenSigns: number;
  versions: string[];
}

/** Lines per block whose evidence is summed once and kept while its lines tell the same. */
const EVIDENCE_BLOCK = 512;

/**
 * The document's reading of its lines' figures: scale words an amount took from the line
 * after it, versions, currencies the document decides (the yen sign, amounts without a
 * written currency), checked readings and diagnostics. With `reuse` (an incremental
 * reading) the lines' readings are templates that are never changed: a figure the document
 * changes, or that stands on another line now, is a copy (assembleLine). A line whose
 * template, taken scale word, line number and the document's decisions are those of its
 * previous assembly keeps that assembly, figures and all; one that only moved gets a copy on
 * its new line. Without `reuse` the readings are used up.
 */
export function assembleFigures(
  lines: string[], perLine: ReadonlyArray<LineFigures | null>, options: AnalyzeOptions,
  defaultCurrency: string | null, reuse: AssemblyReuse | null,
): AssembledReading {
  const keepTemplates = reuse !== null;
  const previousOf = (line: number): AssembledLine | null => (reuse ? reuse.previousOf(line) : null);
  // What each line tells the document: written currencies, yen signs, versions.
  const taken = new Int32Array(perLine.length).fill(-1);
  const told: Array<LineEvidence | null> = new Array(perLine.length).fill(null);
  /** Where a scale word opens a line after an amount that was cut from it by a hard wrap. */
  let takenScale: { line: number; start: number } | null = null;
  for (let line = 0; line < perLine.length; line++) {
    const template = perLine[line];
    if (!template) continue;
    const takenHere: number = takenScale && takenScale.line === line ? takenScale.start : -1;
    const previous = previousOf(line);
    const lineEvidence: LineEvidence = previous && previous.template === template && previous.taken === takenHere ? previous.evidence : evidenceOf(template, takenHere);
    taken[line] = takenHere;
    told[line] = lineEvidence;
    if (lineEvidence.takes) takenScale = { line: line + lineEvidence.takes.lines, start: lineEvidence.takes.start };
  }
  // The same summed in document order, block by block; a block whose lines tell the same as before keeps its sum.
  const evidence = newCurrencyEvidence(defaultCurrency);
  const versions = new Set<string>();
  let yenSigns = 0;
  const blocks: BlockEvidence[] = [];
  const before = reuse?.sameLineNumbers ?? null;
  for (let from = 0; from < perLine.length; from += EVIDENCE_BLOCK) {
    const to = Math.min(perLine.length, from + EVIDENCE_BLOCK);
    const kept = before?.blocks[blocks.length];
    const block = kept && sameEntries(told, before.told, from, to) ? kept : blockEvidence(told, from, to);
    blocks.push(block);
    for (const [code, mark, times] of block.currencies) recordCurrency(evidence, code, mark, times);
    yenSigns += block.yenSigns;
    for (const version of block.versions) versions.add(version);
  }
  // A yen sign is CNY in a call that speaks of RMB, JPY otherwise.
  const yen = (evidence.counts.get('CNY') ?? 0) > (evidence.counts.get('JPY') ?? 0) || defaultCurrency === 'CNY' ? 'CNY' : 'JPY';
  if (yenSigns > 0) recordCurrency(evidence, yen, null, yenSigns);
  const used = [...evidence.counts.keys()];
  const document: DocumentDecisions = { yen, versions, defaultCurrency, used, dominant: dominantCurrency(evidence) };
  const decisions = `${yen}|${defaultCurrency}|${document.dominant}|${used.length > 0}|${used.includes('USD')}|${[...versions].sort().join(' ')}`;

  // Checked readings change the figures they attach to, so lines with their texts are assembled afresh.
  const checked = options.checked ?? [];
  const checkedTexts = new Set(checked.filter((reading) => reading && typeof reading.text === 'string').map((reading) => reading.text));
  const assembled: Array<AssembledLine | null> = new Array(perLine.length).fill(null);
  let figureCount = 0;
  const candidates: Figure[] = [];
  for (let line = 0; line < perLine.length; line++) {
    const template = perLine[line];
    const lineEvidence = told[line];
    if (!template || !lineEvidence) continue;
    const previous = previousOf(line);
    const mayCheck = checkedTexts.size > 0 && template.entries.some((entry) => checkedTexts.has(entry.figure.text));
    let assembly: AssembledLine;
    if (!mayCheck && previous && previous.template === template && previous.taken === taken[line] && previous.decisions === decisions) {
      assembly = previous.line === line ? previous : movedAssembly(previous, line);
    } else {
      assembly = assembleLine(lines, line, template, taken[line], lineEvidence, decisions, document, keepTemplates ? (mayCheck ? checkedTexts : NOTHING_CHECKED) : null);
    }
    assembled[line] = assembly;
    figureCount += assembly.figures.length;
    if (mayCheck) for (const figure of assembly.figures) if (checkedTexts.has(figure.text)) candidates.push(figure);
  }
  // Sized once: tens of thousands of figures pushed one by one would regrow the list many times.
  const figures: Figure[] = new Array(figureCount);
  let next = 0;
  for (const assembly of assembled) if (assembly) for (const figure of assembly.figures) figures[next++] = figure;

  const attached = applyChecked(candidates, lines, checked);
  const diagnostics: Diagnostic[] = [];
  const failures: Diagnostic[] = [];
  for (const assembly of assembled) {
    if (!assembly) continue;
    for (const { figure, problem } of assembly.problems) if (!attached.has(figure)) diagnostics.push(diagnose(figure, problem, evidence));
    if (assembly.failure) failures.push(assembly.failure);
  }
  diagnostics.push(...failures);
  diagnostics.sort((a, b) => a.line - b.line || a.start - b.start);
  return { figures, diagnostics, defaultCurrency, assembled, told, blocks };
}

function sameEntries<T>(a: readonly T[], b: readonly T[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The evidence of lines `from`..`to`, each written currency and mark counted once in the order they first appear. */
function blockEvidence(told: ReadonlyArray<LineEvidence | null>, from: number, to: number): BlockEvidence {
  const byMark = new Map<string, [string, string | null, number]>();
  const versions: string[] = [];
  let yenSigns = 0;
  for (let line = from; line < to; line++) {
    const lineEvidence = told[line];
    if (!lineEvidence) continue;
    for (const [code, mark] of lineEvidence.currencies) {
      const key = `${code} ${mark ?? ''}`;
      const counted = byMark.get(key);
      if (counted) counted[2]++;
      else byMark.set(key, [code, mark, 1]);
    }
    yenSigns += lineEvidence.yenSigns;
    for (const version of lineEvidence.versions) versions.push(version);
  }
  return { currencies: [...byMark.values()], yenSigns, versions };
}

/** What the document decided as a whole, which each line's figures take. */
interface DocumentDecisions {
  yen: string;
  versions: ReadonlySet<string>;
  defaultCurrency: string | null;
  /** The currencies the document writes, and the one nearly all its amounts are in. */
  used: readonly string[];
  dominant: string | null;
}

/** What a line's reading tells the document, its scale word at `taken` (or -1) being part of an amount above. */
function evidenceOf(template: LineFigures, taken: number): LineEvidence {
  const currencies: Array<[string, string | null]> = [];
  const versions: string[] = [];
  let yenSigns = 0;
  let takes: LineEvidence['takes'] = null;
  let skip = taken;
  for (const entry of template.entries) {
    const figure = entry.figure;
    if (skip >= 0 && figure.start === skip) continue;
    // An amount here takes its scale from a later line, so nothing on this line is taken any more.
    if (entry.takes) {
      takes = entry.takes;
      skip = -1;
    }
    if (!entry.pending && figure.kind === 'money' && figure.unit) {
      if (figure.unit === YEN_OR_YUAN) yenSigns++;
      else currencies.push([figure.unit, entry.currencyMark]);
    }
    if (figure.kind === 'label' && VERSION_TEXT.test(figure.text)) versions.push(figure.text);
  }
  return { currencies, yenSigns, versions, takes };
}

const NOTHING_CHECKED: ReadonlySet<string> = new Set();

/**
 * The line's figures as the document reads them: the template's, given the document's
 * decisions. With `checkedTexts` the template is kept: a figure is copied when it stands on
 * another line now or the document may change it (its currency, a version, a checked
 * reading); the others are the template's own objects, which nothing changes.
 */
function assembleLine(
  lines: readonly string[], line: number, template: LineFigures, taken: number, evidence: LineEvidence, decisions: string,
  document: DocumentDecisions, checkedTexts: ReadonlySet<string> | null,
): AssembledLine {
  const figures: Figure[] = [];
  const problems: Array<{ figure: Figure; problem: Problem }> = [];
  const yenFigures: Figure[] = [];
  const pending: Array<{ figure: Figure; how: PendingCurrency; sentence: number }> = [];
  /** The currencies written in each sentence of the line (by its start) and on the whole line (-1), for amounts there whose currency is not written. */
  const nearCurrencies = new Map<number, Set<string>>();
  const noteCurrency = (key: number, code: string): void => {
    const found = nearCurrencies.get(key) ?? new Set<string>();
    found.add(code);
    nearCurrencies.set(key, found);
  };
  let skip = taken;
  for (const entry of template.entries) {
    // The scale word an amount on an earlier line took is part of that amount.
    if (skip >= 0 && entry.figure.start === skip) continue;
    if (entry.takes) skip = -1;
    const figure = checkedTexts && mayChange(entry, line, document, checkedTexts) ? copyFigure(entry.figure, line) : entry.figure;
    if (entry.pending) pending.push({ figure, how: entry.pending, sentence: entry.sentenceStart });
    else if (figure.kind === 'money' && figure.unit) {
      if (figure.unit === YEN_OR_YUAN) yenFigures.push(figure);
      else {
        noteCurrency(entry.sentenceStart, figure.unit);
        noteCurrency(-1, figure.unit);
      }
    }
    if (entry.problem) problems.push({ figure, problem: entry.problem });
    figures.push(figure);
  }
  relabelVersions(figures, document.versions);
  for (const figure of yenFigures) figure.unit = document.yen;
  for (const { figure, how, sentence } of pending) {
    const near = nearCurrencies.get(sentence) ?? nearCurrencies.get(-1);
    const problem = resolveCurrency(figure, how, document, near, lines[line]);
    if (!problem) continue;
    // A figure reported already keeps its place in the report, with the later problem.
    const reported = problems.findIndex((p) => p.figure === figure);
    if (reported >= 0) problems[reported] = { figure, problem };
    else problems.push({ figure, problem });
  }
  const failure = template.failure && (template.failure.line === line ? template.failure : { ...template.failure, line });
  return { template, taken, decisions, line, evidence, figures, problems, failure };
}

/** Whether assembling a kept template's figure on `line` changes it: it moved, or the document decides something of it. */
function mayChange(entry: LineFigureEntry, line: number, document: DocumentDecisions, checkedTexts: ReadonlySet<string>): boolean {
  const figure = entry.figure;
  return figure.line !== line || entry.pending !== null || (figure.kind === 'money' && figure.unit === YEN_OR_YUAN)
    || (figure.kind === 'count' && document.versions.has(figure.text)) || checkedTexts.has(figure.text);
}

/** A kept assembly on the line it moved to: its figures copied there, nothing else changed. */
function movedAssembly(previous: AssembledLine, line: number): AssembledLine {
  const figures = previous.figures.map((figure) => copyFigure(figure, line));
  const problems = previous.problems.map(({ figure, problem }) => ({ figure: figures[previous.figures.indexOf(figure)], problem }));
  const failure = previous.failure && { ...previous.failure, line };
  return { ...previous, line, figures, problems, failure, moved: true };
}

/** A copy of a figure on the line it stands on now, free for the document's reading to change. */
function copyFigure(template: Figure, line: number): Figure {
  const moved = line - template.line;
  const copy: Figure = { ...template, line };
  if (moved !== 0 && template.metricSpan) copy.metricSpan = { ...template.metricSpan, line: template.metricSpan.line + moved };
  return copy;
}

/**
 * Gives money whose currency is not written the document's currency: the one the call states,
 * else the one its line uses, else the only one the document writes (even if only as "$").
 * Where the document mixes currencies and the line does not decide, the amount could be
 * either: it stays unread with a missing-currency problem. Where the document writes no
 * currency at all, an amount of a monetary metric is money of an unstated currency.
 */
function resolveCurrency(figure: Figure, how: PendingCurrency, document: DocumentDecisions, near: Set<string> | undefined, text: string): Problem | null {
  const used = document.used;
  // What the amount measures: the metric the sentence names, or a money noun right after it ("100 million ARR").
  const nounAfter = MONEY_NOUN_AFTER.exec(text.slice(figure.end, figure.end + 24));
  const monetary = (figure.metric !== null && MONETARY_METRIC.test(figure.metric)) || (nounAfter !== null && isMoneyNoun(nounAfter[1]));
  let currency: string | null = document.defaultCurrency;
  const onLine = near && near.size === 1 ? near : undefined;
  if (!currency && onLine) currency = [...onLine][0];
  if (!currency) currency = document.dominant;
  // "Billions" alone is an order of magnitude of anything; only a monetary metric makes it money.
  if (how === 'magnitude' && !monetary && !document.defaultCurrency) currency = null;
  // Cents with nothing nearer to go by are most often dollar cents.
  if (how === 'subunit' && !currency && (!used.length || used.includes('USD'))) currency = 'USD';
  if (currency) {
    figure.unit = currency;
    figure.currencyInferred = true;
    return null;
  }
  // Money of an unstated currency: nothing was inferred, so the unit stays null and the flag unset.
  if (!used.length && monetary) return null;
  figure.kind = 'unparsed';
  figure.value = null;
  figure.min = null;
  figure.max = null;
  return { code: Diagnostics.missingCurrency.code };
}

/**
 * The currency of nearly all the document's amounts (nine in ten or more): one "$" figure
 * among many euro figures does not make a euro call's bare amounts ambiguous.
 */
function dominantCurrency(evidence: CurrencyEvidence): string | null {
  let total = 0;
  let best: [string, number] | null = null;
  for (const [code, count] of evidence.counts) {
    total += count;
    if (!best || count > best[1]) best = [code, count];
  }
  return best && best[1] >= DOMINANT_SHARE * total ? best[0] : null;
}
const DOMINANT_SHARE = 0.9;

/** A version number as written: "2.5", "3.11". */
const VERSION_TEXT = /^\d{1,2}\.\d{1,2}$/;

/**
 * A version the document names ("Gemini 2.5") is that name wherever it stands bare ("when we
 * built 2.5"): a bare decimal count with the same text becomes a label too.
 */
function relabelVersions(figures: Figure[], versions: ReadonlySet<string>): void {
  if (!versions.size) return;
  for (const figure of figures) {
    if (figure.kind !== 'count' || figure.unit !== null || figure.min !== null || !versions.has(figure.text)) continue;
    figure.kind = 'label';
    figure.value = null;
    figure.approximate = false;
    figure.bound = null;
    figure.qualifier = null;
    figure.metric = null;
    figure.metricSpan = null;
    figure.change = null;
    figure.comparison = null;
  }
}

/** A rank word ending a line, whose number opens the next ("Our No."). On trimmed text. */
const WRAPPED_RANK = /(?:^|[^\p{L}])(?:no\.|number|#)$/iu;
/** A scale word opening a line, after the line number a court or hearing transcript prints. */
const WRAPPED_SCALE_WORD = /^\s*(?:\d{1,3}\s+)?(thousand|million|billion|trillion)(?![\p{L}])/iu;
/** How many blank lines a hard wrap may leave between an amount and its scale (double-spaced transcripts). */
const WRAP_BLANK_LINES = 2;

/** The scale that opens the next non-blank line after `line`, for an amount the line break cut from it; or null. */
function wrappedScale(lines: readonly string[], line: number): { factor: number; line: number; start: number } | null {
  const next = wrapLineAfter(lines, line);
  if (next < 0) return null;
  const match = WRAPPED_SCALE_WORD.exec(lines[next].slice(0, 40));
  const factor = match ? SCALES.get(match[1].toLowerCase()) : undefined;
  return match && factor !== undefined ? { factor, line: next, start: match[0].length - match[1].length } : null;
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

const MONEY_NOUN_AFTER = /^ (?:of |in )?([A-Za-z]+)/;

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
