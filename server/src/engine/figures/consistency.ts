// Consistency checks across figures that are already read: a metric stated twice for the
// same period with values that disagree, a stated change that contradicts the two values it
// joins, and parts that add up to more than their whole. Each check fires only on a narrow,
// explicit wording, so what it raises is rare and a reader would agree with it; every
// diagnostic points at the other figures through `related`.
import { Diagnostics, type CatalogKind } from '../catalog';
import type { Diagnostic, Figure, Span } from '../types';
import { LineContext } from './context';

/** One sentence and the figures in it, in reading order. */
interface Sentence {
  line: number;
  start: number;
  text: string;
  figures: Figure[];
}

/** A value with the half-unit of its last written digit: what rounding could hide. */
interface Reading {
  value: number;
  tolerance: number;
}

const WRITTEN_NUMBER = /\d[\d,]*(?:\.\d+)?/;

/**
 * The figure's value and the rounding its written digits allow ("1.25 billion" ± 0.005
 * billion), or null when it is not one exact written number (a range, a qualifier, words).
 */
function readingOf(figure: Figure): Reading | null {
  if (figure.value === null || figure.min !== null || figure.max !== null) return null;
  if (figure.approximate || figure.bound || figure.checked) return null;
  const written = WRITTEN_NUMBER.exec(figure.text);
  if (!written) return null;
  const digits = written[0].replace(/,/g, '');
  const number = Number(digits);
  if (!Number.isFinite(number) || number === 0) return null;
  const point = digits.indexOf('.');
  const decimals = point < 0 ? 0 : digits.length - point - 1;
  const scale = Math.abs(figure.value / number);
  return { value: figure.value, tolerance: 0.5 * 10 ** -decimals * scale };
}

const low = (r: Reading) => r.value - r.tolerance;
const high = (r: Reading) => r.value + r.tolerance;

/** Two levels of the same measure: the same kind and unit, neither a change. */
function sameMeasure(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || !(a.kind === 'money' || a.kind === 'count' || a.kind === 'percent')) return false;
  // A count's noun may be said once for both ("1,000 stores, of which 600 are ...").
  return a.unit === b.unit || (a.kind === 'count' && (a.unit === null || b.unit === null));
}

/** Figures in the same sentence, for every sentence that holds at least one. */
function sentencesOf(lines: readonly string[], figures: readonly Figure[]): Sentence[] {
  const sentences: Sentence[] = [];
  let context: LineContext | null = null;
  let current: Sentence | null = null;
  for (const figure of figures) {
    if (!context || current?.line !== figure.line) context = new LineContext(lines[figure.line] ?? '');
    const bounds = context.sentenceAt(figure.start);
    if (!current || current.line !== figure.line || current.start !== bounds.start) {
      current = { line: figure.line, start: bounds.start, text: context.text.slice(bounds.start, bounds.end), figures: [] };
      sentences.push(current);
    }
    current.figures.push(figure);
  }
  return sentences;
}

/** The text between two figures of one sentence, blanks collapsed, so the patterns need no \s*. */
function between(sentence: Sentence, a: Figure, b: Figure): string {
  return collapsed(sentence.text.slice(a.end - sentence.start, b.start - sentence.start));
}

function collapsed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const spanOf = (figure: Figure): Span => ({ line: figure.line, start: figure.start, end: figure.end });

function diagnosticOn(figure: Figure, kind: CatalogKind, message: string, related: { figure: Figure; message: string }[]): Diagnostic {
  return {
    ...spanOf(figure), severity: kind.defaultSeverity, code: kind.code, message, fixes: [],
    related: related.map((r) => ({ span: spanOf(r.figure), message: r.message })),
  };
}

function percentText(fraction: number): string {
  const points = fraction * 100;
  return `${points >= 0 ? '+' : ''}${points.toFixed(Math.abs(points) < 10 ? 1 : 0)}%`;
}

// ---------------------------------------------------------------------------------------
// (b) A stated change against the two values it joins: "revenue of 110, up 10% from 90".

/** Words that make a change something else than the plain ratio of the two values. */
const CHANGE_BASIS_WORDS =
  /\b(?:constant[- ]currency|organic(?:ally)?|excluding|ex-|like[- ]for[- ]like|comparable|same[- ]store|pro[- ]forma|adjusted for|currency[- ]neutral|fx|cagr|compound(?:ed)?|annual(?:ly|ized)?|per (?:year|annum|day)|a year|each year|run[- ]rate|respectively|normalized|underlying)\b/i;

/** What may stand between a change (or a level) and the base it is measured from. */
const FROM_GAP =
  /^,? ?(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|sequentially|quarter[- ]over[- ]quarter|y\/y|yoy),? )?(?:from|(?:as )?compared (?:to|with)|versus|vs\.?)(?: (?:the|a|last|prior|previous))?(?: (?:year|quarter|period)(?:'s)?)?(?: (?:prior[- ]year|year[- ]ago))?$/i;
/** A base stated first: "from $90 million to $110 million". */
const FROM_BEFORE = /\bfrom\s+(?:the\s+)?$/i;
const TO_GAP = /^to(?: a)?(?: record)?$/i;
/** Between a level and the change right after it: ", up", ", an increase of", "or". */
const LEVEL_TO_CHANGE = /^,?(?: ?(?:or|which (?:is|was)|representing))?(?: ?(?:up|down|an? (?:increase|decrease|decline|rise|drop|gain|growth|improvement) of|increasing|decreasing|growing|declining|rising|falling)(?: by)?)?$/i;
/** Between a level and a change with no change word: "from 90 to 110, or 10%". */
const OR_GAP = /^,? ?or(?: by)?$/i;

const CHANGE_KINDS: ReadonlySet<string> = new Set(['percent', 'percentagePoints', 'basisPoints']);
const MEASURE_KINDS: ReadonlySet<string> = new Set(['money', 'count', 'percent', 'percentagePoints', 'basisPoints', 'multiple', 'fraction']);

/** "in the third quarter of fiscal 2020", "for the prior year period": a period said in passing. */
const PERIOD_PHRASE =
  /\s(?:in|for|during)\s+(?:(?:year-ago|prior-year|the|of|same|first|second|third|fourth|quarter|fiscal|full|year|prior|previous|last|period|ago|q[1-4]|fy\d{2,4}|\d{4})(?![\w-])[\s,]*){1,10}/gi;

function withoutPeriods(gap: string): string {
  return gap.includes(' ') ? gap.replace(PERIOD_PHRASE, ' ') : gap;
}

interface ChangeClaim {
  change: Figure;
  level: Figure;
  base: Figure;
}

/** The level, the base and the change of one sentence, when its wording says which is which. */
function changeClaims(sentence: Sentence): ChangeClaim[] {
  // Three figures at least, one of them a ratio, before any pattern runs: most sentences stop here.
  if (sentence.figures.length < 3 || !sentence.figures.some((figure) => CHANGE_KINDS.has(figure.kind))) return [];
  if (CHANGE_BASIS_WORDS.test(sentence.text)) return [];
  const claims: ChangeClaim[] = [];
  // Years and periods may stand between the values ("from 38% in the prior year period").
  const f = sentence.figures.filter((figure) => MEASURE_KINDS.has(figure.kind));
  const between = (a: Figure, b: Figure) => collapsed(withoutPeriods(sentence.text.slice(a.end - sentence.start, b.start - sentence.start)));
  for (let i = 0; i < f.length; i++) {
    const change = f[i];
    if (!(change.kind === 'percent' || change.kind === 'percentagePoints' || change.kind === 'basisPoints')) continue;
    const prev = f[i - 1];
    const next = f[i + 1];
    const afterNext = f[i + 2];
    const beforePrev = f[i - 2];
    // "110 compared to 90 a year ago, an increase of 10%"
    if (change.change && prev && beforePrev && FROM_GAP.test(between(beforePrev, prev)) && LEVEL_TO_CHANGE.test(between(prev, change))
      && !TO_GAP.test(between(beforePrev, prev))) {
      claims.push({ change, level: beforePrev, base: prev });
    } else if (!change.change) {
      // "from 90 to 110, or 10%": no change word, so the direction is the values' own.
      if (prev && beforePrev && OR_GAP.test(between(prev, change)) && TO_GAP.test(between(beforePrev, prev))
        && FROM_BEFORE.test(sentence.text.slice(0, beforePrev.start - sentence.start))) {
        claims.push({ change, level: prev, base: beforePrev });
      }
    // "110, up 10% from 90"
    } else if (prev && next && LEVEL_TO_CHANGE.test(between(prev, change)) && FROM_GAP.test(between(change, next))) {
      claims.push({ change, level: prev, base: next });
    // "up 10% from 90 to 110"
    } else if (next && afterNext && FROM_GAP.test(between(change, next)) && TO_GAP.test(between(next, afterNext))) {
      claims.push({ change, level: afterNext, base: next });
    // "up 10% to 110 from 90"
    } else if (next && afterNext && TO_GAP.test(between(change, next)) && FROM_GAP.test(between(next, afterNext))) {
      claims.push({ change, level: next, base: afterNext });
    // "from 90 to 110, up 10%"
    } else if (prev && beforePrev && LEVEL_TO_CHANGE.test(between(prev, change)) && TO_GAP.test(between(beforePrev, prev))
      && FROM_BEFORE.test(sentence.text.slice(0, beforePrev.start - sentence.start))) {
      claims.push({ change, level: prev, base: beforePrev });
    }
  }
  return claims.filter(({ change, level, base }) => !base.change && sameMeasure(level, base) && isLevel(sentence, level)
    && (change.kind === 'percent' ? level.kind !== 'percent' : level.kind === 'percent'));
}

/** Change words just before a figure make it a change, not a level ("grew $20 million"). */
const CHANGE_JUST_BEFORE = /(?:up|down|grew|grown|rose|risen|fell|fallen|declined?|increased?|decreased?|improved?|expanded?|contracted?|growth|by)\s+(?:of\s+|by\s+)?$/i;

/**
 * A level by its position. A percent before "up 200 bp" gets that change word attached by the
 * reader, so for percents the words before it decide; amounts carry a change only when a change
 * word stands before them.
 */
function isLevel(sentence: Sentence, level: Figure): boolean {
  if (level.kind !== 'percent') return !level.change;
  const before = sentence.text.slice(Math.max(0, level.start - sentence.start - 30), level.start - sentence.start);
  return !CHANGE_JUST_BEFORE.test(before);
}

/** How far the change the two values imply lies from the stated one, beyond all rounding. */
function changeGap(claim: ChangeClaim): { implied: number; stated: number; gap: number } | null {
  const level = readingOf(claim.level);
  const base = readingOf(claim.base);
  const change = readingOf(claim.change);
  if (!level || !base || !change || low(base) <= 0 || low(level) < 0) return null;
  // Percentage points and basis points are differences of two percentages; a percent is a ratio.
  const relative = claim.change.kind === 'percent';
  const impliedLow = relative ? low(level) / high(base) - 1 : low(level) - high(base);
  const impliedHigh = relative ? high(level) / low(base) - 1 : high(level) - low(base);
  const implied = relative ? level.value / base.value - 1 : level.value - base.value;
  // Without a change word ("from 90 to 110, or 10%") the direction is the values' own.
  const direction = claim.change.change ? (claim.change.change === 'decrease' ? -1 : 1) : Math.sign(implied) || 1;
  const stated = direction * Math.abs(change.value);
  const statedLow = stated - change.tolerance;
  const statedHigh = stated + change.tolerance;
  const gap = Math.max(impliedLow - statedHigh, statedLow - impliedHigh, 0);
  return { implied, stated, gap };
}

function checkChanges(sentences: readonly Sentence[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const sentence of sentences) {
    for (const claim of changeClaims(sentence)) {
      const measured = changeGap(claim);
      // Half a point beyond rounding, and a tenth of the stated change: a sloppy round-off is no contradiction.
      if (!measured || measured.gap <= 0.005 || measured.gap <= Math.abs(measured.stated) * 0.1) continue;
      const { change, level, base } = claim;
      const impliedText = change.kind === 'percent' ? percentText(measured.implied) : `${(measured.implied * 100).toFixed(1)} points`;
      diagnostics.push(diagnosticOn(change, Diagnostics.changeMismatch,
        Diagnostics.changeMismatch.message(change.text, base.text, level.text, impliedText), [
          { figure: base, message: `The value it is measured from: ${base.text}.` },
          { figure: level, message: `The value it leads to: ${level.text}.` },
        ]));
    }
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------------------
// (c) Parts that add up to more than their whole: "revenue of 100, of which 60 ... and 50 ...".

/** The words that open a list of parts right after the whole. */
const PARTS_MARKER = /^,? ?(?:of which|consisting of|comprised of|made up of|split between|broken down into)\b/i;
/** The same words anywhere in a sentence: most sentences have none, and are passed over at once. */
const PARTS_WORDS = /\b(?:of which|consisting of|comprised of|made up of|split between|broken down into)\b/i;
/** Netted wholes, where a part may legitimately exceed the whole (a gain inside a net loss). */
const NETTED = /\b(?:net|income|profit|earnings|loss(?:es)?|gains?|charges?|benefits?|cash\s+flow|ebit(?:da)?|margins?|impacts?|offset|negative|adjust(?:ed|ments?)?|decline|reduction|savings)\b/i;
/** Words after which a figure is not a part but a comparison or a change. */
const NOT_A_PART = /\b(?:from|versus|vs\.?|compared|up|down|increase|decrease|growth|last year|prior year|year ago|respectively)\b/i;

function checkParts(sentences: readonly Sentence[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const sentence of sentences) {
    const f = sentence.figures;
    if (f.length < 2 || !PARTS_WORDS.test(sentence.text)) continue;
    for (let i = 0; i + 1 < f.length; i++) {
      const whole = f[i];
      if (!PARTS_MARKER.test(between(sentence, whole, f[i + 1]))) continue;
      if (whole.change || !(whole.kind === 'money' || whole.kind === 'count')) continue;
      if (NETTED.test(sentence.text)) continue;
      const tail = sentence.text.slice(whole.end - sentence.start);
      if (NOT_A_PART.test(tail)) continue;
      const parts = f.slice(i + 1);
      // Every later figure must be a part of the same measure; anything else makes the reading unsure.
      if (!parts.every((part) => !part.change && sameMeasure(whole, part))) continue;
      const wholeReading = readingOf(whole);
      const partReadings = parts.map(readingOf);
      if (!wholeReading || partReadings.some((r) => r === null)) continue;
      const smallestSum = (partReadings as Reading[]).reduce((sum, r) => sum + low(r), 0);
      if (smallestSum <= high(wholeReading)) continue;
      diagnostics.push(diagnosticOn(whole, Diagnostics.partsExceedWhole,
        Diagnostics.partsExceedWhole.message(whole.text, parts.map((p) => p.text)),
        parts.map((part) => ({ figure: part, message: `A part: ${part.text}.` }))));
    }
  }
  return diagnostics;
}

// ---------------------------------------------------------------------------------------
// (a) The same metric for the same period stated twice with different values.

const QUARTER_WORDS: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4', '1st': '1', '2nd': '2', '3rd': '3', '4th': '4' };
const QUARTER_NAMED = /\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\b/gi;
const QUARTER_CODE = /\bQ([1-4])\b/g;
const FULL_YEAR = /\b(?:full[- ]year|fiscal[- ]year|fiscal|FY)\b/gi;
const YEAR = /\b(?:FY\s?|'|)((?:19|20)\d{2})\b/g;
/** A sentence about another period, a forecast or a part of the business: not a plain statement of the period's total. */
const NOT_A_PLAIN_STATEMENT =
  /\b(?:last|prior|previous|ago|earlier|compared|versus|vs|from|sequential(?:ly)?|guidance|guide|expect(?:s|ed|ing)?|outlook|forecast|target|anticipate[sd]?|project(?:s|ed|ion)?|plan(?:s|ned)?|estimate[sd]?|consensus|budget|will|would|could|should|may|might|segment|division|region|regions|business|businesses|unit|brand|channel|product|store|stores|excluding|organic|constant|respectively|each|per|average|run[- ]rate|including|includes|of which|impact|contributed|contribution|represent(?:s|ed|ing)?|account(?:s|ed|ing)?\s+for|which|share|mix|portion|part)\b/i;
/** A capitalized word after a preposition names a place, segment or customer ("in Europe"). */
const NAMED_PART = /\b(?:in|for|from|at|across|within|of)\s+(?!(?:Q[1-4]|FY|Fiscal|First|Second|Third|Fourth|Quarter|January|February|March|April|May|June|July|August|September|October|November|December|GAAP|the\b))[A-Z]/;
/** A capitalized word names a place, segment, product or customer ("Europe revenue"), unless it is one of these. */
const CAPITALIZED = /\b[A-Z][A-Za-z0-9'.-]*/g;
const ORDINARY_CAPITALIZED: ReadonlySet<string> = new Set([
  'q1', 'q2', 'q3', 'q4', 'fy', 'fiscal', 'first', 'second', 'third', 'fourth', 'quarter', 'full', 'year', 'gaap', 'non-gaap', 'i',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);
/** Words that may open a sentence without naming anything. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set([
  'the', 'in', 'our', 'we', 'and', 'so', 'for', 'at', 'on', 'just', 'now', 'also', 'as', 'then', 'overall', 'yes', 'okay', 'well', 'but', 'total', 'this', 'that',
]);

/** True when a capitalized word other than a period word or a plain sentence opener is in the sentence. */
function namesSomething(text: string, metric: string): boolean {
  const opening = /^\W*/.exec(text)?.[0].length ?? 0;
  for (const m of text.matchAll(CAPITALIZED)) {
    let word = m[0].toLowerCase();
    while (word.endsWith('.') || word.endsWith("'")) word = word.slice(0, -1);
    if (ORDINARY_CAPITALIZED.has(word)) continue;
    if (m.index === opening && (SENTENCE_OPENERS.has(word) || metric.startsWith(word))) continue;
    return true;
  }
  return false;
}

const BASIS = /\b(?:non[- ]GAAP|GAAP|adjusted|reported|core|diluted|basic|operating|gross|net|total)\b/gi;

/** A quick look before the full reading: no period word, no period. */
const PERIOD_WORD = /quarter|Q[1-4]|fiscal|FY|year/i;

/** "q3 2025", "fy 2024": the one period the sentence names, or null for none or several. */
function periodOf(text: string): string | null {
  if (!PERIOD_WORD.test(text)) return null;
  const quarters = new Set<string>();
  for (const m of text.matchAll(QUARTER_NAMED)) quarters.add(QUARTER_WORDS[m[1].toLowerCase()]);
  for (const m of text.matchAll(QUARTER_CODE)) quarters.add(m[1]);
  const years = new Set<string>();
  for (const m of text.matchAll(YEAR)) years.add(m[1]);
  const fullYear = FULL_YEAR.test(text);
  FULL_YEAR.lastIndex = 0;
  if (quarters.size > 1 || years.size > 1 || /\bhalf\b/i.test(text)) return null;
  const year = [...years][0] ?? '';
  if (quarters.size === 1) return `q${[...quarters][0]} ${year}`;
  if (fullYear && year) return `fy ${year}`;
  return null;
}

function basisOf(text: string): string {
  return [...new Set([...text.matchAll(BASIS)].map((m) => m[0].toLowerCase().replace(/[- ]/g, '')))].sort().join(',');
}

/** A plain statement of a metric for a period, which a later one must agree with. */
interface Statement {
  key: string;
  figure: Figure;
  reading: Reading;
}

function statementsOf(sentence: Sentence): Statement[] {
  const levels = sentence.figures.filter((f) => f.kind === 'money' && f.metric && !f.change);
  if (levels.length === 0 || NOT_A_PLAIN_STATEMENT.test(sentence.text) || NAMED_PART.test(sentence.text)) return [];
  const period = periodOf(sentence.text);
  if (!period) return [];
  const statements: Statement[] = [];
  for (const figure of levels) {
    // One figure per metric in the sentence: two would be a split or a comparison.
    if (levels.some((other) => other !== figure && other.metric === figure.metric)) continue;
    const reading = readingOf(figure);
    if (!reading || namesSomething(sentence.text, figure.metric ?? '')) continue;
    statements.push({ key: `${figure.metric}|${figure.unit}|${period}|${basisOf(sentence.text)}`, figure, reading });
  }
  return statements;
}

function checkRepeats(statements: readonly Statement[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firstStatement = new Map<string, { figure: Figure; reading: Reading }>();
  for (const { key, figure, reading } of statements) {
    const first = firstStatement.get(key);
    if (!first) {
      firstStatement.set(key, { figure, reading });
      continue;
    }
    if (low(reading) <= high(first.reading) && low(first.reading) <= high(reading)) continue;
    diagnostics.push(diagnosticOn(figure, Diagnostics.conflictingFigures,
      Diagnostics.conflictingFigures.message(figure.metric ?? '', figure.text, first.figure.text, first.figure.line + 1),
      [{ figure: first.figure, message: `The same ${figure.metric} for the same period: ${first.figure.text}.` }]));
  }
  return diagnostics;
}

/**
 * What the checks find on one line: its statements for the document-wide repeat check and
 * its own change and parts diagnostics. It depends only on the line's text and its figures,
 * so an incremental reading keeps it while both stay the same.
 */
export interface LineFindings {
  statements: Statement[];
  changes: Diagnostic[];
  parts: Diagnostic[];
}

function findOnLine(lines: readonly string[], figures: Figure[]): LineFindings {
  const sentences = sentencesOf(lines, figures);
  return { statements: sentences.flatMap(statementsOf), changes: checkChanges(sentences), parts: checkParts(sentences) };
}

/** Every consistency diagnostic of a document, in document order. */
export function checkConsistency(lines: readonly string[], figures: readonly Figure[]): Diagnostic[] {
  try {
    const readable = figures.filter((f) => f.kind !== 'unparsed').sort((a, b) => a.line - b.line || a.start - b.start);
    const findings: LineFindings[] = [];
    for (let first = 0; first < readable.length;) {
      const line = readable[first].line;
      let end = first;
      while (end < readable.length && readable[end].line === line) end++;
      findings.push(findOnLine(lines, readable.slice(first, end)));
      first = end;
    }
    return consistencyDiagnostics(findings);
  } catch {
    // A checking bug must not take the analysis down: the figures stand without these notes.
    return [];
  }
}

/**
 * What the checks find on one line, given the line's figures in reading order; null when
 * none of them can be checked. It may throw on a checking bug: the caller then drops every
 * consistency diagnostic, as checkConsistency does.
 */
export function lineFindings(lines: readonly string[], figures: readonly Figure[]): LineFindings | null {
  const readable = figures.filter((f) => f.kind !== 'unparsed');
  if (readable.length === 0) return null;
  readable.sort((a, b) => a.start - b.start);
  return findOnLine(lines, readable);
}

/**
 * A line's findings after the line moved: the same findings about the copies of its figures
 * (`to`, in the order of `from`), their diagnostics `lines` further down.
 */
export function movedFindings(found: LineFindings, from: readonly Figure[], to: readonly Figure[], lines: number): LineFindings {
  const copyOf = (figure: Figure): Figure => to[from.indexOf(figure)];
  const moved = (diagnostic: Diagnostic): Diagnostic => {
    const copy: Diagnostic = { ...diagnostic, line: diagnostic.line + lines };
    if (diagnostic.related) copy.related = diagnostic.related.map((related) => ({ ...related, span: { ...related.span, line: related.span.line + lines } }));
    return copy;
  };
  return {
    statements: found.statements.map((statement) => ({ ...statement, figure: copyOf(statement.figure) })),
    changes: found.changes.map(moved),
    parts: found.parts.map(moved),
  };
}

/** The document's consistency diagnostics from its lines' findings in line order, in document order. */
export function consistencyDiagnostics(findings: Iterable<LineFindings>): Diagnostic[] {
  const statements: Statement[] = [];
  const changes: Diagnostic[] = [];
  const parts: Diagnostic[] = [];
  for (const found of findings) {
    for (const statement of found.statements) statements.push(statement);
    for (const diagnostic of found.changes) changes.push(diagnostic);
    for (const diagnostic of found.parts) parts.push(diagnostic);
  }
  return [...checkRepeats(statements), ...changes, ...parts].sort((a, b) => a.line - b.line || a.start - b.start);
}
