// The figure scanner: one pass over each line with a precompiled global regex that finds
// where a figure starts (a digit, a spelled-out number, a scale or share word), then sticky
// regexes that read forward from there (scale, unit, currency, range) and anchored regexes on
// a bounded slice before it (currency, qualifier, month, name). No step rescans the line.
import { Diagnostics } from '../catalog';
import type { Bound, Figure, FigureKind } from '../types';
import {
  alternation, escapeRegex, CURRENCY_AFTER, CURRENCY_AFTER_OPENING, CURRENCY_OF_AFTER, currencyMarkBefore, CURRENCY_REGEXES, currencyOf, RANGE_CURRENCY, SUBUNIT_AFTER, subunitOf,
} from './currencies';
import { SCALE_FACTS } from '../facts/scales';
import { unitFact, UNIT_FACTS, type UnitFact } from '../facts/units';
import {
  CJK_CLASSIFIER, CJK_MULTIPLE, CJK_NUMERAL, CJK_QUALIFIER_AFTER, CJK_TENTHS, cjkQualifierAfterMeaning, cjkQualifierBefore, MAY_HOLD_CJK, readCjkNumber,
} from './cjk';
import { qualifierAfterMeaning, qualifierBefore, QUALIFIER_AFTER, type Qualifier } from './context';
import {
  basisPointsToFraction, FRACTION_WORDS, MULTIPLE_WORDS, ORDINAL_WORDS, parseDigits, parseNumberWords,
  percentToFraction, readNumberToken, scaled, SCALES,
} from './numbers';
import {
  acronymAfter, wordAfter, CLOCK_TAIL, DATE_TAIL, EXCHANGE_BEFORE, FISCAL_BEFORE, isNameAcronym, isNameWord,
  isYear, MONTH_AFTER, MONTH_BEFORE, nameBefore, PERIOD_AFTER, PERIOD_YEAR_TAIL, PLUS_CHAIN, RANK_BEFORE,
} from './plain';
import { fuzzyPercent, magnitudeRange } from './fuzzy';
import { countedNounAfter, countNounAfter, countNounBefore, isCountedNoun, isScaledMoneyNoun } from './nouns';

/** Why a figure could not be read; the diagnostics module turns it into a diagnostic. */
export type Problem =
  | { code: typeof Diagnostics.missingCurrency.code }
  | { code: typeof Diagnostics.unparsedFigure.code; missingUnitAt: number | null }
  | { code: typeof Diagnostics.escapedSymbol.code; debris: Array<{ start: number; end: number }> };

/** A figure as read on its line, before metric, change and checked readings are added. */
export interface ScannedFigure
  extends Pick<Figure, 'start' | 'end' | 'kind' | 'value' | 'min' | 'max' | 'unit' | 'approximate' | 'bound' | 'qualifier'> {
  problem: Problem | null;
  /** For money: the currency mark as written before the amount ("RMB ", "$"), to copy in fixes. */
  currencyMark: string | null;
  /**
   * Money whose currency is not written: an amount with a scale ("27.8 million"), an order of
   * magnitude ("millions") or cents. The document decides its currency (see readFigures).
   */
  pending: PendingCurrency | null;
}

export type PendingCurrency = 'amount' | 'magnitude' | 'subunit';

export interface ScanContext {
  /** The currency the call states once for all, or null. */
  defaultCurrency: string | null;
  /** The document writes decimal commas ("1.234,5"). */
  decimalComma?: boolean;
}

// Where a figure may start: a digit (the letters glued before it are found by walking back)
// or a number word. Two simple regexes scan faster than one that must try every letter.
const DIGIT = /[\d\uff10-\uff19]/g;
export const NUMBER_WORD = new RegExp(
  [
    '\\b(?:(?:low|mid|high)(?:-to-| to )(?:mid|high)[- ](?:single|double)[- ]digits?',
    '(?:low|mid|high)[- ]?(?:single|double)[- ]digits?|(?:single|double|triple)[- ]digits?',
    '(?:low|mid|high)[- ]?(?:teens|[1-9]0s)',
    '(?:tens|hundreds) of (?:thousands|millions|billions)|hundreds|thousands|millions|billions|trillions',
    'a (?:hundred|thousand|million|billion|trillion|third|quarter|fifth|half)',
    '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?',
    'hundred|thousand|million|billion|trillion|half|double|doubled|tripled|quadrupled|doubling|tripling|quadrupling|twofold|threefold|fourfold|fivefold|tenfold',
    'third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth)\\b',
  ].join('|'),
  'gi',
);

/**
 * How every NUMBER_WORD alternative opens, as a trie, long enough to pass over common words
 * ("this", "for", "since", "though"): a global search for these runs faster than the full
 * alternation, which then runs sticky only where one opens. Every NUMBER_WORD match starts
 * with one of them, so no match is missed.
 */
const NUMBER_WORD_OPENING = /\b(?:a [htmbqf]|l(?:ow)|m(?:id|il)|h(?:igh|un|alf)|s(?:ing|ix|ev)|d(?:oub)|t(?:ri[lp]|en|hre|hir|hous|w[oe])|b(?:ill)|z(?:er)|o(?:ne)|f(?:our|iv|if|ort)|e(?:ig|lev)|n(?:in)|q(?:uad))/gi;
const NUMBER_WORD_AT = new RegExp(NUMBER_WORD.source, 'iy');

/** The next NUMBER_WORD match at or after `from`: the one its global search would find. */
function nextNumberWord(text: string, from: number): RegExpExecArray | null {
  NUMBER_WORD_OPENING.lastIndex = from;
  for (let opening = NUMBER_WORD_OPENING.exec(text); opening; opening = NUMBER_WORD_OPENING.exec(text)) {
    NUMBER_WORD_AT.lastIndex = opening.index;
    const match = NUMBER_WORD_AT.exec(text);
    if (match) return match;
    NUMBER_WORD_OPENING.lastIndex = opening.index + 1;
  }
  return null;
}

/** Exported for the ReDoS test: the regexes built at run time. */
const COMPUTED_REGEXES_LATE: RegExp[] = [NUMBER_WORD, NUMBER_WORD_AT];
export const COMPUTED_REGEXES: readonly RegExp[] = COMPUTED_REGEXES_LATE;

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;
const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** Where the token holding the digit at `at` starts: letters glued before it belong to it ("FY2026", "RMB2.17"). */
function tokenStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return start;
}

/** A scale after a number: a word or abbreviation ("billion", "bn", "Mio."), or a run of CJK scale characters ("億", "百萬"). Sticky. */
const SCALE_AFTER = new RegExp(
  `[ \\u00a0-]?(${alternation(SCALE_FACTS.flatMap((f) => [...f.words, ...f.abbreviations]))})(?![\\p{L}])|[ \\u00a0]?([${SCALE_FACTS.flatMap((f) => f.cjk).join('')}]{1,3})`,
  'iuy',
);
/** Every CJK scale character, to multiply a run such as 百萬. */
const CJK_SCALE: ReadonlyMap<string, number> = new Map(SCALE_FACTS.flatMap((f) => f.cjk.map((c): [string, number] => [c, f.factor])));
/**
 * The sticky regex of a unit after a number, from its facts: spelled forms and abbreviations
 * after a blank or a hyphen and not inside a longer word, symbols and CJK forms glued or after
 * one blank, glued-only forms right after the digits.
 */
function unitAfter(fact: UnitFact): RegExp {
  // A blank inside a word may be a hyphen ("basis-point").
  const spelled = (word: string) => escapeRegex(word).replace(/ /g, '[ -]');
  const parts: string[] = [];
  if (fact.words.length || fact.abbreviations.length) parts.push(`[ \\u00a0-]?(?:${alternation([...fact.words, ...fact.abbreviations], spelled)})(?![\\p{L}])`);
  if (fact.symbols.length || fact.cjk.length) parts.push(`[ \\u00a0]?(?:${alternation([...fact.symbols, ...fact.cjk])})${fact.operator ? '(?![ \\u00a0]?\\d)' : ''}`);
  if (fact.glued.length) parts.push(`(?:${alternation(fact.glued)})(?![\\p{L}\\d])`);
  return new RegExp(parts.join('|'), 'iuy');
}

/** The characters a unit's regex can start with, in both cases: most numbers fail on that one look. */
function unitOpening(fact: UnitFact): string {
  const firsts = [...fact.words, ...fact.abbreviations, ...fact.glued, ...fact.symbols, ...fact.cjk].map((form) => form[0]);
  return [...new Set([' ', '\u00a0', '-', ...firsts.flatMap((c) => [c.toLowerCase(), c.toUpperCase()])])].join('');
}

const POINTS_FACT = unitFact('percentagePoints');
const PERCENT_FACT = unitFact('percent');
const BASIS_FACT = unitFact('basisPoints');
const MULTIPLE_FACT = unitFact('multiple');
const PERCENT_AFTER = unitAfter(PERCENT_FACT);
const POINTS_AFTER = unitAfter(POINTS_FACT);
const BASIS_AFTER = unitAfter(BASIS_FACT);
/** Units written glued to the digits ("2ppt", "25bps", "5pct"), by their lower-case form. */
const GLUED_UNITS: ReadonlyMap<string, UnitFact> = new Map(
  [POINTS_FACT, PERCENT_FACT, BASIS_FACT].flatMap((fact) => [...fact.abbreviations, ...fact.glued].map((form): [string, UnitFact] => [form.toLowerCase(), fact])),
);
/** Unit characters above ASCII that may follow a number ("%" is checked by code). */
const UNIT_SYMBOL_CODES: ReadonlySet<number> = new Set(UNIT_FACTS.flatMap((fact) => [...fact.symbols, ...fact.glued]).map((form) => form.charCodeAt(0)).filter((code) => code > 0x7f));
const DURATION_AFTER =
  /(?:-plus)?[ -](?:(?:consecutive|straight|successive|full|more|additional|fiscal|calendar)[ -])?(decades?|years?|quarters?|months?|weeks?|days?|hours?|minutes?|seconds?)(?![\p{L}])(?![- ](?:on|over)[- ](?:years?|quarters?|months?|weeks?|days?)(?![\p{L}]))/iuy;
const MULTIPLE_AFTER = unitAfter(MULTIPLE_FACT);
/** A rate of events after "times": "a month", "per day", "every year". Sticky. */
const FREQUENCY_AFTER = / (?:a|an|per|every|each) (?:second|minute|hour|day|week|month|quarter|year)(?![\p{L}])/iuy;
const FRACTION_AFTER = /[ -](half|thirds?|quarters?|fifths?|tenths?)(?![\p{L}])/iuy;
const OF_AFTER = / of(?![\p{L}])/iuy;
const RANGE_JOIN = /(?: to | and | or |[-–] to |[-–—] ?| - | – )(?=[\d$\\€£¥a-zA-Z])/y;
const A_MONTH_AFTER = / an? (?:month|year|week|day|quarter)(?![\p{L}])/iuy;
const BEFORE_REACH = 32;
/** The widest ratio between a range's ends: "5 to 7", "30 to 35", "1 to 10"; wider ends state a movement. */
const RANGE_SPREAD = 10;

const PER_SHARE = / (?:per|a) (?:share|ADS|ordinary share)/y;
const FORM_SUFFIX = /-[A-Z](?![\p{L}\d])/uy;
const SLASH_DATE = /\/\d{1,2}\/\d{2,4}(?![\d/])/y;
/** " / 5 of": the denominator of a share written with blanks around the slash; " of" ends the match. Sticky. */
const SPACED_SHARE = / \/ (\d{1,2}) of(?![\p{L}])/uy;
const SLASH_FRACTION = /\/(\d{1,3})(?![\d/]|\.\d)/y;
const MIXED_FRACTION = /[- ](\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/y;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/i;
/** "Q1"–"Q4", "H1"–"H2", "FY26", "FY2026": a period; "H20" or "Q7" name something. */
function isPeriodMark(prefix: string, written: string): boolean {
  const upper = prefix.toUpperCase();
  if (upper === 'Q') return /^[1-4]$/.test(written);
  if (upper === 'H') return /^[12]$/.test(written);
  if (upper === 'FY' || upper === 'CY' || upper === 'F') return /^(?:\d{2}|\d{4})$/.test(written);
  return false;
}
const PERIOD_SUFFIX = /^(?:Q|H)\d{0,4}$/i;
const DECADE_SUFFIX = /^s$/;

function blank(partial: Partial<ScannedFigure> & Pick<ScannedFigure, 'start' | 'end' | 'kind'>): ScannedFigure {
  return {
    start: partial.start, end: partial.end, kind: partial.kind,
    value: partial.value ?? null, min: partial.min ?? null, max: partial.max ?? null, unit: partial.unit ?? null,
    approximate: partial.approximate ?? false, bound: partial.bound ?? null, qualifier: partial.qualifier ?? null,
    problem: partial.problem ?? null, currencyMark: partial.currencyMark ?? null, pending: partial.pending ?? null,
  };
}

// The last text read before a figure: several rules read the same words, so it is kept.
let lastBeforeText = '';
let lastBeforeOffset = -1;
let lastBeforeValue = '';

/** The text before offset, bounded and without trailing blanks. */
function before(text: string, offset: number): string {
  if (lastBeforeOffset !== offset || lastBeforeText !== text) {
    lastBeforeText = text;
    lastBeforeOffset = offset;
    lastBeforeValue = text.slice(Math.max(0, offset - BEFORE_REACH), offset).trimEnd();
  }
  return lastBeforeValue;
}

function endsInLetterOrDot(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return (last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last === 46;
}

/** Characters that can follow a number and start a unit, scale or currency: a blank, a sign, a letter. */
function mayHaveTail(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 32 || code === 0xa0 || code === 37 || code === 45 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 0x2fff || UNIT_SYMBOL_CODES.has(code);
}

function sticky(regex: RegExp, text: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  return regex.exec(text);
}

/**
 * A sticky match tried only when the character at `at` is one of `opening`, the characters
 * the regex can start with: most figures fail on that one look instead of a regex call.
 */
function stickyOpening(regex: RegExp, opening: string, text: string, at: number): RegExpExecArray | null {
  return at < text.length && opening.includes(text[at]) ? sticky(regex, text, at) : null;
}

// The characters each sticky regex can start with (case-folded where the regex has the i flag).
const BLANK_OPENING = ' \u00a0';
const POINTS_OPENING = unitOpening(POINTS_FACT);
const PERCENT_OPENING = unitOpening(PERCENT_FACT);
const BASIS_OPENING = unitOpening(BASIS_FACT);
const MULTIPLE_OPENING = unitOpening(MULTIPLE_FACT);
const SCALE_OPENING = `${BLANK_OPENING}-${[...new Set(SCALE_FACTS.flatMap((f) => [...f.words, ...f.abbreviations, ...f.cjk]).map((w) => w[0]))].map((c) => c.toLowerCase() + c.toUpperCase()).join('')}`;
const JOIN_OPENING = ' -–—';

/** A number's core as read: where it is, its value, and whether it was written in digits. */
interface Core {
  start: number;
  end: number;
  value: number;
  written: string;
  digits: boolean;
  scale: number;
}

/** What follows a number: the unit it carries and where the figure ends. */
interface Tail {
  kind: FigureKind | null;
  unit: string | null;
  /** Multiplies (scale) or converts (percent → fraction) the core's value. */
  convert: (value: number) => number;
  end: number;
  currencyMark: string | null;
  /** "20-plus years" states a lower bound. */
  bound?: Bound;
  /** Cents: money whose currency the document decides. */
  pending?: PendingCurrency;
}

const identity = (value: number): number => value;

/** Reads the unit after a number: percent, points, currency, duration, multiple. */
function readTail(text: string, at: number): Tail {
  if (!mayHaveTail(text, at)) return { kind: null, unit: null, convert: identity, end: at, currencyMark: null };
  let m = stickyOpening(POINTS_AFTER, POINTS_OPENING, text, at);
  if (m) return { kind: 'percentagePoints', unit: 'pp', convert: percentToFraction, end: at + m[0].length, currencyMark: null };
  m = stickyOpening(PERCENT_AFTER, PERCENT_OPENING, text, at);
  if (m) return { kind: 'percent', unit: '%', convert: percentToFraction, end: at + m[0].length, currencyMark: null };
  m = stickyOpening(BASIS_AFTER, BASIS_OPENING, text, at);
  if (m) return { kind: 'basisPoints', unit: 'bp', convert: basisPointsToFraction, end: at + m[0].length, currencyMark: null };
  m = stickyOpening(CURRENCY_AFTER, CURRENCY_AFTER_OPENING, text, at);
  if (m) {
    const resolved = currencyOf(m[1]);
    if (resolved) return { kind: 'money', unit: resolved, convert: identity, end: at + m[0].length, currencyMark: null };
  }
  m = stickyOpening(CURRENCY_OF_AFTER, ' ', text, at);
  if (m) {
    const resolved = currencyOf(m[1]);
    if (resolved) return { kind: 'money', unit: resolved, convert: identity, end: at + m[0].length, currencyMark: null };
  }
  m = stickyOpening(SUBUNIT_AFTER, ' \u00a0-', text, at);
  if (m) {
    const of = subunitOf(m[1]);
    return { kind: 'money', unit: of, convert: (value) => Number((value / 100).toPrecision(12)), end: at + m[0].length, currencyMark: null, pending: of ? undefined : 'subunit' };
  }
  m = stickyOpening(DURATION_AFTER, ' -', text, at);
  if (m) {
    const unit = m[1].toLowerCase().replace(/s$/, '');
    const bound = m[0].startsWith('-plus') ? 'atLeast' : undefined;
    // "two decades" is twenty years: the contract measures long spans in years.
    if (unit === 'decade') return { kind: 'duration', unit: 'year', convert: (value) => scaled(value, 10), end: at + m[0].length, currencyMark: null, bound };
    return { kind: 'duration', unit, convert: identity, end: at + m[0].length, currencyMark: null, bound };
  }
  m = stickyOpening(MULTIPLE_AFTER, MULTIPLE_OPENING, text, at);
  if (m) {
    // "downloaded 30 million times a month" counts events; it multiplies nothing.
    if (stickyOpening(FREQUENCY_AFTER, ' ', text, at + m[0].length)) return { kind: 'count', unit: 'time', convert: identity, end: at + m[0].length, currencyMark: null };
    return { kind: 'multiple', unit: 'x', convert: identity, end: at + m[0].length, currencyMark: null };
  }
  return { kind: null, unit: null, convert: identity, end: at, currencyMark: null };
}

/** Reads a scale word after a number ("billion", "bn", "億"); returns factor and end. */
function readScale(text: string, at: number): { factor: number; end: number } | null {
  const m = stickyOpening(SCALE_AFTER, SCALE_OPENING, text, at);
  if (!m) return null;
  if (m[2]) {
    let factor = 1;
    for (const c of m[2]) factor *= CJK_SCALE.get(c) ?? 1;
    return { factor, end: at + m[0].length };
  }
  const factor = SCALES.get(m[1].toLowerCase());
  return factor === undefined ? null : { factor, end: at + m[0].length };
}

COMPUTED_REGEXES_LATE.push(SCALE_AFTER, CJK_NUMERAL, ...CURRENCY_REGEXES);

/** Scans one line and returns its figures in order. Never throws on any text. */
export function scanLine(text: string, context: ScanContext): ScannedFigure[] {
  const figures: ScannedFigure[] = [];
  let position = 0;
  let digit = nextMatch(DIGIT, text, 0);
  let word = nextNumberWord(text, 0);
  // CJK numerals (十億, 三成) are looked for only on lines that may hold them.
  const cjkLine = MAY_HOLD_CJK.test(text);
  let cjk = cjkLine ? nextMatch(CJK_NUMERAL, text, 0) : null;
  while (digit || word || cjk) {
    const digitAt = digit ? tokenStart(text, digit.index) : Infinity;
    if (cjk && cjk.index < digitAt && (!word || cjk.index < word.index)) {
      const figure = readCjkFigure(text, cjk.index, cjk[0], context);
      if (figure) figures.push(figure);
      position = Math.max(cjk.index + cjk[0].length, figure ? figure.end : 0);
      cjk = nextMatch(CJK_NUMERAL, text, position);
      if (digit && digit.index < position) digit = nextMatch(DIGIT, text, position);
      if (word && word.index < position) word = nextNumberWord(text, position);
      continue;
    }
    if (!digit && !word) break;
    const useDigit = digit !== null && (!word || digitAt <= word.index);
    const at = useDigit ? digitAt : (word as RegExpExecArray).index;
    const matchEnd = useDigit ? (digit as RegExpExecArray).index + 1 : at + (word as RegExpExecArray)[0].length;
    const figure = useDigit ? readDigitFigure(text, at, context) : readWordFigure(text, at, (word as RegExpExecArray)[0], context);
    if (figure) figures.push(figure);
    position = Math.max(matchEnd, figure ? figure.end : 0, useDigit ? skipNumber(text, matchEnd) : 0);
    if (digit && digit.index < position) digit = nextMatch(DIGIT, text, position);
    if (word && word.index < position) word = nextNumberWord(text, position);
    if (cjk && cjk.index < position) cjk = nextMatch(CJK_NUMERAL, text, position);
  }
  return figures;
}

/**
 * Reads a figure written in CJK numerals: an amount with a big scale (十億, 數十億), or a
 * number with a unit after it (三成, 五個百分點, 二十倍, 二十家). A numeral with neither is a word.
 */
function readCjkFigure(text: string, at: number, written: string, context: ScanContext): ScannedFigure | null {
  const number = readCjkNumber(written);
  if (!number) return null;
  const end = at + written.length;
  const big = /[萬万億亿兆]/.test(written);
  const range = number.high !== null ? { min: number.value, max: number.high } : null;
  const value = range ? null : number.value;
  const tenths = sticky(CJK_TENTHS, text, end);
  if (tenths && !/[長长本為为功立交果員员熟]/.test(text.charAt(end + 1)) && !big) {
    return withQualifier(text, blank({ start: at, end: end + 1, kind: 'percent', value: value === null ? null : percentToFraction(value * 10), unit: '%' }));
  }
  const multiple = sticky(CJK_MULTIPLE, text, end);
  // Unscaled numerals (三, 二十) are figures only with a unit after them; alone they are words.
  if (!number.scaled && !multiple && !mayHaveTail(text, end)) return null;
  if (multiple) return withQualifier(text, blank({ start: at, end: end + multiple[0].length, kind: 'multiple', value, ...range, unit: 'x' }));
  const tail = readTail(text, end);
  if (tail.kind) {
    const convert = tail.convert;
    return withQualifier(text, blank({
      start: at, end: tail.end, kind: tail.kind, unit: tail.unit, pending: tail.pending ?? null,
      value: value === null ? null : convert(value), min: range ? convert(range.min) : null, max: range ? convert(range.max) : null,
      approximate: range !== null,
    }));
  }
  if (!number.scaled) return null;
  const classifier = sticky(CJK_CLASSIFIER, text, end);
  if (classifier) return withQualifier(text, blank({ start: at, end, kind: 'count', value, ...range, unit: classifier[1] || classifier[2] || null, approximate: range !== null }));
  if (!big) return null;
  return withQualifier(text, blank({ start: at, end, kind: 'money', value, ...range, pending: 'amount', approximate: range !== null }));
}

function nextMatch(regex: RegExp, text: string, from: number): RegExpExecArray | null {
  regex.lastIndex = from;
  return regex.exec(text);
}

/** Past the rest of a number that read as no figure, so its later digits start nothing. */
function skipNumber(text: string, at: number): number {
  let end = at;
  while (end < text.length && /[\dA-Za-z]/.test(text.charAt(end))) end++;
  return end;
}

/** Reads a figure that starts with a token holding a digit. */
function readDigitFigure(text: string, at: number, context: ScanContext): ScannedFigure | null {
  const token = readNumberToken(text, at, true, context.decimalComma);
  if (!token) return null;
  const { gluedBefore, gluedAfter } = token;
  let { written } = token;
  let numberStart = at + gluedBefore.length;
  // ".7" as said aloud: a decimal with no leading zero, after a blank or a bracket.
  if (!gluedBefore && !written.includes('.') && text.charCodeAt(numberStart - 1) === 46 && (numberStart === 1 || /[ (]/.test(text.charAt(numberStart - 2)))) {
    numberStart--;
    written = `.${written}`;
  }
  const numberEnd = numberStart + written.length;
  const tokenEnd = token.end;
  const value = parseDigits(written, context.decimalComma);

  if (gluedBefore) {
    const currency = currencyOf(gluedBefore);
    if (currency && !gluedAfter) {
      return readMeasure(text, { start: numberStart, end: numberEnd, value, written, digits: true, scale: 1 }, context, { start: at, code: currency, mark: gluedBefore });
    }
    if (isPeriodMark(gluedBefore, written) && !gluedAfter) {
      const tail = sticky(PERIOD_YEAR_TAIL, text, tokenEnd);
      return blank({ start: at, end: tail ? tokenEnd + tail[0].length : tokenEnd, kind: 'period' });
    }
    return label(text, at, tokenEnd);
  }
  if (gluedAfter) {
    const lower = gluedAfter.toLowerCase();
    if (ORDINAL_SUFFIX.test(gluedAfter)) {
      const trimmed = before(text, numberStart);
      if (MONTH_BEFORE.test(trimmed)) return date(text, numberStart, tokenEnd);
      return blank({ start: numberStart, end: tokenEnd, kind: MONTH_AFTER.test(text.slice(tokenEnd, tokenEnd + 12)) ? 'date' : 'ordinal' });
    }
    if (DECADE_SUFFIX.test(gluedAfter)) return blank({ start: numberStart, end: tokenEnd, kind: 'date' });
    if (PERIOD_SUFFIX.test(gluedAfter)) return blank({ start: numberStart, end: tokenEnd, kind: 'period' });
    const factor = SCALES.get(lower);
    // "45k" and "2.5M" are scaled; a lone lower-case "b" or "m" only after a currency ("$2b"), on a
    // decimal ("3.4m") or before a plural noun ("5m users"): "2b" alone is a name.
    const scaledSuffix = lower.length > 1 || gluedAfter === 'k' || gluedAfter === 'K' || gluedAfter === 'M'
      || written.includes('.') || currencyBefore(text, numberStart) !== null || countedNounAfter(text, tokenEnd, true)?.plural === true;
    if (factor !== undefined && scaledSuffix) {
      return readMeasure(text, { start: numberStart, end: tokenEnd, value, written, digits: true, scale: factor }, context, null);
    }
    if (gluedAfter === 'p' && (written.includes('.') || stickyOpening(PER_SHARE, ' ', text, tokenEnd))) {
      // Pence: "42.5p per share".
      return withQualifier(text, blank({ start: numberStart, end: tokenEnd, kind: 'money', value: Number((value / 100).toPrecision(12)), unit: 'GBP' }));
    }
    if (lower === 'x') {
      // "between 25x and 200x", "3x-4x": both ends glued to their x make one range.
      const joined = stickyOpening(RANGE_JOIN, JOIN_OPENING, text, tokenEnd);
      const second = joined && rangeAllowed(text, numberStart, joined[0]) ? readNumberToken(text, tokenEnd + joined[0].length, true, context.decimalComma) : null;
      if (joined && second && !second.gluedBefore && second.gluedAfter.toLowerCase() === 'x') {
        const high = parseDigits(second.written, context.decimalComma);
        if (spreadAllowed(value, high, joined[0])) return withQualifier(text, blank({ start: numberStart, end: second.end, kind: 'multiple', min: value, max: high, unit: 'x' }));
      }
      return withQualifier(text, blank({ start: numberStart, end: tokenEnd, kind: 'multiple', value, unit: 'x' }));
    }
    const gluedUnit = GLUED_UNITS.get(lower);
    if (gluedUnit) {
      const converted = gluedUnit.kind === 'basisPoints' ? basisPointsToFraction(value) : percentToFraction(value);
      return withQualifier(text, blank({ start: numberStart, end: tokenEnd, kind: gluedUnit.kind, value: converted, unit: gluedUnit.unit }));
    }
    return label(text, at, tokenEnd);
  }
  // "HTTP/2", "TCP/1": a number after a slash glued to letters is part of a name.
  if (text.charCodeAt(numberStart - 1) === 47 && isLetter(text.charCodeAt(numberStart - 2))) return label(text, numberStart, tokenEnd);
  // "_20260311" in a file name or title is part of a name.
  if (text.charCodeAt(at - 1) === 95 || text.charCodeAt(tokenEnd) === 95) return label(text, at, tokenEnd);
  // "'21", "fiscal year '24", "calendar '24 and '25": a year with its century left out.
  if (written.length === 2 && isApostrophe(text.charCodeAt(numberStart - 1)) && !isLetter(text.charCodeAt(numberStart - 2)) && !isDigitCode(text.charCodeAt(numberStart - 2))) {
    return blank({ start: numberStart - 1, end: numberEnd, kind: 'date' });
  }
  const slashDate = stickyOpening(SLASH_DATE, '/', text, numberEnd);
  if (slashDate && value <= 31) return blank({ start: numberStart, end: numberEnd + slashDate[0].length, kind: 'date' });
  const slash = stickyOpening(SLASH_FRACTION, '/', text, numberEnd);
  if (slash) return readSlash(text, numberStart, value, written, slash, context);
  // "3 / 5 of it": a share written with a spaced slash, said of something.
  const spaced = Number.isInteger(value) ? stickyOpening(SPACED_SHARE, ' ', text, numberEnd) : null;
  if (spaced && value < Number(spaced[1]) && SHARE_DENOMINATORS.has(Number(spaced[1]))) {
    return withQualifier(text, blank({ start: numberStart, end: numberEnd + spaced[0].length - 3, kind: 'fraction', value: Number((value / Number(spaced[1])).toPrecision(12)) }));
  }
  // "5½ years", "3¾%": a fraction character glued to the whole number.
  const vulgar = Number.isInteger(value) ? VULGAR_FRACTIONS.get(text.charAt(numberEnd)) : undefined;
  if (vulgar !== undefined) {
    return readMeasure(text, { start: numberStart, end: numberEnd + 1, value: value + vulgar, written: text.slice(numberStart, numberEnd + 1), digits: true, scale: 1 }, context, null);
  }
  const mixed = Number.isInteger(value) ? stickyOpening(MIXED_FRACTION, '- ', text, numberEnd) : null;
  if (mixed && Number(mixed[1]) < Number(mixed[2])) {
    const whole = value + Number(mixed[1]) / Number(mixed[2]);
    return readMeasure(text, { start: numberStart, end: numberEnd + mixed[0].length, value: whole, written: text.slice(numberStart, numberEnd + mixed[0].length), digits: true, scale: 1 }, context, null);
  }
  return readMeasure(text, { start: numberStart, end: numberEnd, value, written, digits: true, scale: 1 }, context, null);
}

/** Fraction characters written after a whole number ("5½"), to their value. */
const VULGAR_FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2], ['¼', 1 / 4], ['¾', 3 / 4], ['⅓', 1 / 3], ['⅔', 2 / 3], ['⅕', 1 / 5], ['⅖', 2 / 5], ['⅗', 3 / 5], ['⅘', 4 / 5],
  ['⅙', 1 / 6], ['⅚', 5 / 6], ['⅛', 1 / 8], ['⅜', 3 / 8], ['⅝', 5 / 8], ['⅞', 7 / 8],
]);

/** The rest of a span of dates after "2/3": "-4/94". Sticky. */
const DATE_SPAN_TAIL = /-\d{1,2}\/\d{2,4}(?![\d/])/y;

/** Denominators of shares written with a slash ("1/8", "3/4"); other slashes are dates or names. */
const SHARE_DENOMINATORS: ReadonlySet<number> = new Set([2, 3, 4, 5, 8, 10, 16, 32, 64, 100]);

/** "1/8" is a share, "3/8%" a percentage, "11/11" or "6/18" a date. */
function readSlash(text: string, start: number, numerator: number, written: string, slash: RegExpExecArray, context: ScanContext): ScannedFigure | null {
  const denominator = Number(slash[1]);
  const end = start + written.length + slash[0].length;
  // "phase 1/2", "item 7/8": a name.
  const trimmed = before(text, start);
  if (endsInLetterOrDot(trimmed) && isNamingWord(lastLowerWord(trimmed)) && NAMING_WORD_BEFORE.test(trimmed)) return blank({ start, end, kind: 'label' });
  // "2/3-4/94" in a running header: a span of dates, not a share.
  const dateSpan = stickyOpening(DATE_SPAN_TAIL, '-', text, end);
  if (dateSpan && numerator <= 12 && denominator <= 31) return blank({ start, end: end + dateSpan[0].length, kind: 'date' });
  if (Number.isInteger(numerator) && numerator < denominator && SHARE_DENOMINATORS.has(denominator)) {
    const share = Number((numerator / denominator).toPrecision(12));
    const measured = readMeasure(text, { start, end, value: share, written: text.slice(start, end), digits: true, scale: 1 }, context, null);
    if (measured && measured.kind !== 'count' && measured.kind !== 'unparsed' && measured.kind !== 'label') return measured;
    return withQualifier(text, blank({ start, end, kind: 'fraction', value: share }));
  }
  const tail = stickyOpening(/\/\d{2,4}(?![\d/])/y, '/', text, end);
  return blank({ start, end: tail ? end + tail[0].length : end, kind: numerator <= 31 && denominator <= 31 ? 'date' : 'label' });
}

function label(text: string, start: number, end: number): ScannedFigure {
  const chain = stickyOpening(PLUS_CHAIN, '+', text, end);
  return blank({ start, end: chain ? end + chain[0].length : end, kind: 'label' });
}

function date(text: string, start: number, end: number): ScannedFigure {
  const tail = sticky(DATE_TAIL, text, end);
  return blank({ start, end: tail ? end + tail[0].length : end, kind: 'date' });
}

// The qualifier last read before a figure: a bare number and its figure ask for the same one.
let lastQualifierText = '';
let lastQualifierStart = -1;
let lastQualifier: Qualifier | null = null;

/** The qualifier written right before offset `start` ("about", "more than"), or null. */
function qualifierAt(text: string, start: number): Qualifier | null {
  if (lastQualifierStart !== start || lastQualifierText !== text) {
    lastQualifierText = text;
    lastQualifierStart = start;
    lastQualifier = qualifierBefore(before(text, start), Math.max(0, start - BEFORE_REACH));
  }
  return lastQualifier;
}

/** Adds the qualifier written before a figure (and "or so", "plus" after it). */
function withQualifier(text: string, figure: ScannedFigure): ScannedFigure {
  const found = qualifierAt(text, figure.start) ?? (isCjkBefore(text, figure.start) ? cjkQualifierBefore(text, figure.start) : plusOrMinusBefore(text, figure.start));
  if (found) {
    figure.approximate = found.approximate;
    figure.bound = found.bound;
    figure.qualifier = found.written;
  }
  const cjkAfter = text.charCodeAt(figure.end) > 0x2fff ? sticky(CJK_QUALIFIER_AFTER, text, figure.end) : null;
  if (cjkAfter) {
    const meaning = cjkQualifierAfterMeaning(cjkAfter[0]);
    figure.approximate ||= meaning.approximate;
    figure.bound ??= meaning.bound;
    figure.qualifier ??= cjkAfter[0];
  }
  const after = stickyOpening(QUALIFIER_AFTER, ' +', text, figure.end);
  if (after) {
    const meaning = qualifierAfterMeaning(after[0]);
    figure.approximate ||= meaning.approximate;
    figure.bound ??= meaning.bound;
    figure.qualifier ??= after[0].trim();
    if (after[0] === '+') figure.end += 1;
  }
  return figure;
}

const PLUS_OR_MINUS = /(?:^|[^\p{L}])(plus or minus|plus\/minus|±)$/iu;

/** "plus or minus 50 basis points", "±2%": an approximate figure. */
function plusOrMinusBefore(text: string, offset: number): Qualifier | null {
  const trimmed = before(text, offset);
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last !== 115 && last !== 83 && last !== 0xb1) return null;
  const m = PLUS_OR_MINUS.exec(trimmed);
  return m ? { written: m[1], start: offset - (text.slice(0, offset).length - text.slice(0, offset).trimEnd().length) - m[1].length, approximate: true, bound: null } : null;
}

/** Whether the text before offset (past one blank) ends in a CJK character, where a CJK qualifier may stand. */
function isCjkBefore(text: string, offset: number): boolean {
  const last = text.charCodeAt(offset - 1) === 32 ? text.charCodeAt(offset - 2) : text.charCodeAt(offset - 1);
  return last > 0x2fff;
}

interface CurrencyBefore {
  start: number;
  code: string;
  mark: string;
}

/** A currency written before offset ("RMB 248", "\$3.3", "U.S. dollar, 55"), or null. */
function currencyBefore(text: string, offset: number): CurrencyBefore | null {
  // Every currency mark ends in a symbol, a letter, a dot or the comma of "U.S. dollar,".
  const last = text.charCodeAt(offset - 1) === 32 ? text.charCodeAt(offset - 2) : text.charCodeAt(offset - 1);
  if (!(last === 36 || last === 44 || last === 46 || (last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last > 0x7f)) return null;
  if (last === 44 && !/dollars?, ?$/i.test(text.slice(Math.max(0, offset - 10), offset))) return null;
  const slice = text.slice(Math.max(0, offset - BEFORE_REACH), offset);
  const trimmed = slice.trimEnd();
  // A currency code is separated by at most one blank; a symbol is glued.
  if (slice.length - trimmed.length > 1) return null;
  const mark = currencyMarkBefore(trimmed);
  if (!mark) return null;
  const code = currencyOf(mark.replace(/,$/, ''));
  if (!code) return null;
  const start = offset - (slice.length - trimmed.length) - mark.length;
  return { start, code, mark: text.slice(start, offset) };
}

/** "13 and a half million", "two and a half years": the half belongs to the number. Sticky. */
const AND_A_HALF = / and a half(?![\p{L}])/iuy;
/** A hedge between a number and its scale or noun: "20 plus million", "30-ish million", "600-some customers". Sticky. */
const HEDGE_INFIX = /(?:[ -]plus|-ish|-some|-odd)(?![\p{L}])/iuy;

/** A number's core with "and a half" and a hedge read into it, and the hedge's meaning; null when neither follows. */
function readHedge(text: string, core: Core): { core: Core; hedge: Qualifier | null } | null {
  if (core.scale !== 1) return null;
  let end = core.end;
  let value = core.value;
  const half = Number.isInteger(value) ? stickyOpening(AND_A_HALF, ' ', text, end) : null;
  if (half) {
    value += 0.5;
    end += half[0].length;
  }
  let hedge: Qualifier | null = null;
  const infix = stickyOpening(HEDGE_INFIX, ' -', text, end);
  // The hedge belongs to the number only when a scale, a unit or a counted noun follows it ("20-some at the top" is left alone).
  if (infix && (readScale(text, end + infix[0].length) || readTail(text, end + infix[0].length).kind || countedNounAfter(text, end + infix[0].length, false)?.plural)) {
    const written = infix[0].slice(1);
    const plus = written.toLowerCase() === 'plus';
    hedge = { written, start: end + 1, approximate: !plus, bound: plus ? 'atLeast' : null };
    end += infix[0].length;
  }
  if (end === core.end) return null;
  return { core: { ...core, end, value, written: text.slice(core.start, end) }, hedge };
}

/**
 * Reads a number written in digits (or words) with what follows it: scale, unit, currency,
 * range; then decides its kind. `glued` is a currency glued before the digits ("RMB2.17").
 */
function readMeasure(text: string, core: Core, context: ScanContext, glued: CurrencyBefore | null): ScannedFigure | null {
  const hedged = readHedge(text, core);
  if (!hedged) return readMeasureCore(text, core, context, glued);
  const figure = readMeasureCore(text, hedged.core, context, glued);
  if (figure && hedged.hedge && figure.kind !== 'label') {
    figure.approximate ||= hedged.hedge.approximate;
    figure.bound ??= hedged.hedge.bound;
    figure.qualifier ??= hedged.hedge.written;
  }
  return figure;
}

function readMeasureCore(text: string, core: Core, context: ScanContext, glued: CurrencyBefore | null): ScannedFigure | null {
  let end = core.end;
  let factor = core.scale;
  const scale = factor === 1 ? readScale(text, end) : null;
  if (scale) {
    factor = scale.factor;
    end = scale.end;
  }
  const currency = glued ?? currencyBefore(text, core.start);
  let start = currency ? currency.start : core.start;
  let negative = false;
  if (!currency) {
    const sign = text.charAt(core.start - 1);
    const beforeSign = text.charAt(core.start - 2);
    // "-41-" alone between blanks is a page number in a running header, not a negative.
    if (sign === '-' && text.charAt(core.end) === '-' && (core.start === 1 || /\s/.test(beforeSign)) && (core.end + 1 === text.length || /\s/.test(text.charAt(core.end + 1))) && core.digits && factor === 1) {
      return blank({ start: core.start - 1, end: core.end + 1, kind: 'label' });
    }
    if ((sign === '-' || sign === '−') && (core.start === 1 || /[\s(:=]/.test(beforeSign))) {
      negative = true;
      start = core.start - 1;
    }
  }
  // "9 out of 10 customers", "one in five people": a share said as a count of a count.
  const outOf = factor === 1 && !currency && Number.isInteger(core.value) ? stickyOpening(OUT_OF, ' ', text, end) : null;
  if (outOf && (outOf[1] !== undefined || core.value === 1)) {
    const whole = parseDigitsOrWords(outOf[2]);
    if (whole !== null && core.value < whole && !stickyOpening(DURATION_AFTER, ' -', text, end + outOf[0].length)) {
      return withQualifier(text, blank({ start, end: end + outOf[0].length, kind: 'fraction', value: Number((core.value / whole).toPrecision(12)) }));
    }
  }
  if (factor === 1 && !currency && endsInLetterOrDot(before(text, start)) && FACTOR_BEFORE.test(before(text, start))) {
    return withQualifier(text, blank({ start, end, kind: 'multiple', value: negative ? -core.value : core.value, unit: 'x' }));
  }
  // Plain numbers: dates, periods, clock times, ordinals and labels, when nothing measures them.
  if (core.digits && factor === 1 && !currency) {
    const plain = readPlain(text, core, start);
    if (plain) return plain;
  }
  let tail = readTail(text, end);
  if (currency && tail.kind !== null && tail.kind !== 'money') tail = { ...tail, kind: null, end };
  // "-plus years" keeps its bound; "20+ years" too.
  let value = scaled(core.value, factor);
  if (negative) value = -value;
  let min: number | null = null;
  let max: number | null = null;
  // A range: "5% to 7%", "5-7%", "three to five years", "RMB 3 to 4 billion".
  const joined = stickyOpening(RANGE_JOIN, JOIN_OPENING, text, tail.kind ? tail.end : end);
  if (joined && rangeAllowed(text, start, joined[0])) {
    const second = readRangeEnd(text, joined.index + joined[0].length, context.decimalComma);
    // "3-1/8 to 3-3/16": rates in fractions make a range without a unit.
    const fractions = core.written.includes('/') && second !== null && !Number.isInteger(second.value);
    // "33 to 35 units", "30 to 35": two bare numbers make a range too (close ends are checked below).
    // "$20.9 million or 67, 64%": an alternative whose second end carries nothing is a restart, not a range.
    const bareAlternative = joined[0].trim() === 'or' && second !== null && !second.tail.kind && second.factor === 1 && !second.currency && (currency !== null || factor !== 1 || tail.kind !== null);
    const bare = !tail.kind && !currency && factor === 1 && second !== null && !second.tail.kind && second.factor === 1 && !second.currency && core.digits;
    if (second && !bareAlternative && (tail.kind || currency || factor !== 1 || second.tail.kind || second.factor !== 1 || fractions || bare) && (!second.currency || (currency && currency.code === second.currency))
      && (!tail.kind || !second.tail.kind || tail.kind === second.tail.kind) && (factor === 1 || !second.tail.kind || second.tail.kind === 'money')
      && (second.tail.pending !== 'subunit' || (!currency && factor === 1)) && (!currency || !second.tail.kind || second.tail.kind === 'money') && (!tail.kind || second.factor === 1 || tail.kind === 'money')) {
      const secondTail = second.tail.kind ? second.tail : tail;
      const sameKind = !tail.kind || !second.tail.kind || tail.kind === second.tail.kind;
      const firstFactor = factor !== 1 ? factor : second.factor;
      if (sameKind && (secondTail.kind || currency || factor !== 1 || second.factor !== 1 || fractions || bare)) {
        const low = secondTail.convert(scaled(core.value, firstFactor));
        const high = secondTail.convert(scaled(second.value, second.factor !== 1 ? second.factor : firstFactor));
        // "14 to 2%" falls rather than spans: a range runs upwards, so the two stay apart. Ends far
        // apart ("$5.5 million to $92.8 million") are a movement, and equal ends a repetition.
        if (spreadAllowed(low, high, joined[0])) {
          min = low;
          max = high;
          tail = { ...secondTail, end: second.end };
          end = second.end;
          factor = firstFactor;
        }
      }
    }
  }
  const figureEnd = Math.max(end, tail.end);
  const kind = currency ? 'money' : tail.kind;
  if (kind) {
    const figure = blank({
      start, end: figureEnd, kind,
      value: min === null ? tail.convert(value) : null,
      min, max,
      unit: currency ? currency.code : tail.unit,
      currencyMark: currency ? currency.mark : null,
      pending: currency ? null : tail.pending ?? null,
    });
    const escapes = escapedDebris(text, start, figureEnd);
    if (escapes.length) figure.problem = { code: Diagnostics.escapedSymbol.code, debris: escapes };
    if (tail.bound) {
      figure.bound = tail.bound;
      figure.qualifier = 'plus';
    }
    if (!negative && inAccountingParentheses(text, start, figureEnd) && figure.value !== null) figure.value = -figure.value;
    return withQualifier(text, figure);
  }
  return withQualifier(text, bareNumber(text, core, start, end, min === null ? value : null, factor, min === null ? null : { min, max }));
}

/**
 * Whether a joiner makes a range: "and" only after "between"; "to" not after "from", which
 * states a movement ("from RMB 312 million to RMB 41.7 billion"), two figures.
 */
const MOVEMENT_BEFORE = /(?:^|[^\p{L}])(?:from|by|up|down|increased?|decreased?|grew|rose|fell|declined?|improved|dropped|went)$/iu;

/**
 * Whether two ends make a range: it runs upwards, and ends far apart state a movement unless
 * "between … and" says it is a range ("between DKK 57 million and DKK 65 billion").
 */
function spreadAllowed(low: number, high: number, joiner: string): boolean {
  return low < high && (low <= 0 || high <= low * RANGE_SPREAD || joiner.trim() === 'and');
}

function rangeAllowed(text: string, start: number, joiner: string): boolean {
  const trimmed = before(text, start);
  if (joiner.trim() === 'and') return /(?:^|[^\p{L}])between$/iu.test(trimmed);
  if (joiner.trim() === 'to') return !MOVEMENT_BEFORE.test(trimmed);
  return true;
}

/** In a table row (tabs or pipes), "(4.2%)" is a negative figure, as accountants write it. */
function inAccountingParentheses(text: string, start: number, end: number): boolean {
  return text.charAt(start - 1) === '(' && text.charAt(end) === ')' && (text.includes('\t') || text.includes('|'));
}

/** Reads the second number of a range with its own currency, scale and unit. */
function readRangeEnd(text: string, at: number, decimalComma = false): { value: number; factor: number; tail: Tail; end: number; currency: string | null } | null {
  const currency = sticky(RANGE_CURRENCY, text, at);
  const numberAt = currency ? at + currency[0].length : at;
  const digits = readNumberToken(text, numberAt, false, decimalComma);
  let value: number | null = null;
  let end = numberAt;
  if (digits) {
    // "5-7%" continues; "2022-2023" or "5-7th" or "1-800-FLOWERS" do not.
    if (/^[.\d]|^[A-Za-z]{3}/.test(text.slice(digits.end, digits.end + 3))) return null;
    value = parseDigits(digits.written, decimalComma);
    end = digits.end;
    // "3-1/8 to 3-3/16": a rate said in fractions.
    const mixed = Number.isInteger(value) ? stickyOpening(MIXED_FRACTION, '- ', text, end) : null;
    if (mixed && Number(mixed[1]) < Number(mixed[2])) {
      value += Number(mixed[1]) / Number(mixed[2]);
      end += mixed[0].length;
    }
  } else {
    const words = sticky(/(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?![\p{L}])/iuy, text, numberAt);
    if (!words) return null;
    value = parseNumberWords(words[0]);
    end = numberAt + words[0].length;
  }
  if (value === null) return null;
  const gluedScale = sticky(/(bn|mn|tn|k|m|b)(?![\p{L}])/iuy, text, end);
  let factor = 1;
  if (gluedScale) {
    factor = SCALES.get(gluedScale[1].toLowerCase()) ?? 1;
    end += gluedScale[0].length;
  } else {
    const scale = readScale(text, end);
    if (scale) {
      factor = scale.factor;
      end = scale.end;
    }
  }
  const tail = readTail(text, end);
  return { value, factor, tail, end: Math.max(end, tail.end), currency: currency ? currencyOf(currency[0].trim()) : null };
}

/** Backslashes that break a figure beyond a Markdown-valid `\$`: doubled ones and those between digits. */
function escapedDebris(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const debris: Array<{ start: number; end: number }> = [];
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    const doubled = text.charCodeAt(i + 1) === 92;
    const insideNumber = /\d/.test(text.charAt(i - 1)) && /[.,\d%-]/.test(text.charAt(i + 1));
    if (doubled || insideNumber) {
      debris.push({ start: i, end: doubled ? i + 2 : i + 1 });
      if (doubled) i++;
    }
  }
  return debris;
}

/** A size glued with a hyphen that names a product ("3-nanometer", "6-inch", "12-core"). Sticky. */
const SIZE_NAME = /-(?:nanometers?|nm|microns?|inch|foot|feet|meters?|metres?|miles?|kilometers?|liters?|litres?|gallons?|tons?|tonnes?|watts?|volts?|bits?|cores?|layers?|nodes?|stor(?:y|ies)|seats?|wheels?|doors?|stars?)(?![\p{L}])/iuy;
/** Words after which a number names rather than measures ("version 12", "phase 3"). On trimmed text. */
const NAMING_WORD_BEFORE = /(?:^|[^\p{L}])(?:version|release|form|item|article|section|chapter|rule|phase|tier|gen|generation|series|model|type|class|room|gate|route|channel|page|slide|exhibit|schedule|proposal|resolution|episode|season|volume|line|paragraph|clause|title|bill|amendment|docket)s?$/iu;
/** A naming word, its first number and a list joiner before the next number ("phases 1 and"). On trimmed text. */
const NAMING_LIST_BEFORE = /(?:^|[^\p{L}])(?:version|release|item|article|section|chapter|rule|phase|tier|generation|model|class|room|gate|route|channel|page|slide|exhibit|schedule|proposal|resolution|episode|season|volume|line|paragraph|clause|title|bill|amendment|docket)s? \d{1,3}(?:, \d{1,3}){0,4},? (?:and|or|to|through)$/iu;
/** "Page 4 of" before the page count of a page marker. On trimmed text. */
const PAGE_OF_BEFORE = /(?:^|[^\p{L}])(?:page|slide|p\.) ?\d{1,4} of$/iu;
const NAMING_WORDS: ReadonlySet<string> = new Set([
  'version', 'release', 'form', 'item', 'article', 'section', 'chapter', 'rule', 'phase', 'tier', 'gen', 'generation', 'series', 'model',
  'type', 'class', 'room', 'gate', 'route', 'channel', 'page', 'slide', 'exhibit', 'schedule', 'proposal', 'resolution', 'episode', 'season', 'volume',
  'line', 'paragraph', 'clause', 'title', 'bill', 'amendment', 'docket',
]);

/** "phase" and "phases 1 and 2" both name. */
function isNamingWord(word: string): boolean {
  return NAMING_WORDS.has(word) || (word.endsWith('s') && NAMING_WORDS.has(word.slice(0, -1)));
}

/** The last run of letters of a text, lower case. */
function lastLowerWord(text: string): string {
  let start = text.length;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return text.slice(start).toLowerCase();
}

/** A capitalized word that is not all capitals (an acronym after a number is more often a unit). */
const CAPITALIZED_NAME = /^\p{Lu}\p{Ll}+$/u;
/** A version number: one or two digits, a dot, one or two digits ("2.0", "3.11"). */
const VERSION_NUMBER = /^\d{1,2}\.\d{1,2}$/;

/** The "to 1" or ":1" of a ratio ("20 to 1", "3:1"). Sticky. */
const RATIO_TAIL = /(?: to |:)1(?![\d,:\/]|\.\d)/y;

/** A rate named shortly before a number, then a verb or preposition that links them. On trimmed text. */
const RATE_BEFORE = /\b(?:rates?|yields?|ratio|margins?|comps|unemployment|inflation|participation|coupon)\b[^.;:!?\d]{0,30}\b(?:was|were|is|are|at|of|to|by|up|down|around|about|approximately|roughly)$/i;

/** A range's second end and the word after it, after "top 4": "-5 hands". Sticky. */
const TOP_COUNT_AFTER = /(?:[-–]\d{1,3})? ([\p{L}]+)/uy;

/** "the top 4-5 hands", "the top 20 coins": "top" before things in the plural counts them rather than ranking one. */
function topCount(text: string, trimmed: string, end: number): boolean {
  if (lastLowerWord(trimmed) !== 'top') return false;
  const after = stickyOpening(TOP_COUNT_AFTER, ' -–', text, end);
  return after !== null && countedNounAfter(text, end + after[0].length - after[1].length - 1, false)?.plural === true;
}

/** A percentage right after a number, so "the top 1%" measures rather than ranks. */
const PERCENT_NEXT = new RegExp(`^(?:${PERCENT_AFTER.source})`, 'iu');
/** A two-digit year after a period word: "the first quarter of 19", "second half of 21". On trimmed text. */
const PERIOD_OF_BEFORE = /(?:^|[^\p{L}])(?:quarter|half|year|fiscal|calendar|FY|CY)(?: of)?$/iu;

/** Digits that name or date rather than measure; null when the number is a measure. */
function readPlain(text: string, core: Core, start: number): ScannedFigure | null {
  const trimmed = before(text, start);
  // A number alone on its line numbers a cue, a page or a slide.
  if (start === 0 && core.end === text.length) return blank({ start, end: core.end, kind: 'label' });
  const clock = stickyOpening(CLOCK_TAIL, ':', text, core.end);
  if (clock && !core.written.includes('.')) return blank({ start, end: core.end + clock[0].length, kind: 'date' });
  if (core.written.length === 2 && endsInLetterOrDot(trimmed) && PERIOD_OF_BEFORE.test(trimmed) && !PERCENT_NEXT.test(text.slice(core.end, core.end + 9))) {
    return blank({ start, end: core.end, kind: 'period' });
  }
  const yearPeriod = isYear(core.written, core.value) ? stickyOpening(PERIOD_AFTER, ' ', text, core.end) : null;
  if (yearPeriod) return blank({ start, end: core.end + yearPeriod[0].length, kind: 'period' });
  if (endsInLetterOrDot(trimmed) && MONTH_BEFORE.test(trimmed)) return date(text, start, core.end);
  if (core.value >= 1 && core.value <= 31 && stickyOpening(MONTH_AFTER, ' ', text, core.end)) {
    const month = sticky(MONTH_AFTER, text, core.end);
    return date(text, start, core.end + (month ? month[0].length : 0));
  }
  const last = trimmed.charCodeAt(trimmed.length - 1);
  const afterWord = (last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last === 46 || last === 35;
  if (afterWord && RANK_BEFORE.test(trimmed) && !PERCENT_NEXT.test(text.slice(core.end, core.end + 9)) && !topCount(text, trimmed, core.end)) return blank({ start, end: core.end, kind: 'ordinal' });
  if ((last === 58 && EXCHANGE_BEFORE.test(trimmed)) || (core.written.charCodeAt(0) === 48 && isDigitCode(core.written.charCodeAt(1)))) return blank({ start, end: core.end, kind: 'label' });
  const chain = stickyOpening(PLUS_CHAIN, '+', text, core.end);
  if (chain) return blank({ start, end: core.end + chain[0].length, kind: 'label' });
  // "3-nanometer", "6-inch fab": a size that names a product, not a count.
  if (stickyOpening(SIZE_NAME, '-', text, core.end)) return blank({ start, end: core.end, kind: 'label' });
  // "Page 4 of 9": a page marker.
  if (afterWord && trimmed.endsWith('of') && PAGE_OF_BEFORE.test(trimmed)) return blank({ start, end: core.end, kind: 'label' });
  // "version 12", "Form 10", "phase 3": numbers after a naming word.
  if (afterWord && core.value < 1000 && isNamingWord(lastLowerWord(trimmed)) && NAMING_WORD_BEFORE.test(trimmed) && !PERCENT_NEXT.test(text.slice(core.end, core.end + 9))) return blank({ start, end: core.end, kind: 'label' });
  // "phases 1 and 2", "items 7, 8 and 9": every number of a list after a naming word names.
  if (afterWord && core.value < 1000 && NAMING_LIST_BEFORE.test(trimmed)) return blank({ start, end: core.end, kind: 'label' });
  // "20 to 1": a ratio.
  const ratio = Number.isInteger(core.value) && core.value > 1 ? stickyOpening(RATIO_TAIL, ' :', text, core.end) : null;
  if (ratio) return withQualifier(text, blank({ start, end: core.end + ratio[0].length, kind: 'multiple', value: core.value, unit: 'x' }));
  // "COVID-19" and "10-K" or "20-F" are names.
  if (text.charCodeAt(start - 1) === 45 && isLetter(text.charCodeAt(start - 2))) return blank({ start, end: core.end, kind: 'label' });
  const formName = stickyOpening(FORM_SUFFIX, '-', text, core.end);
  if (formName) return blank({ start, end: core.end + formName[0].length, kind: 'label' });
  if (isYear(core.written, core.value)) {
    if (FISCAL_BEFORE.test(trimmed)) return blank({ start, end: core.end, kind: 'period' });
    // A year unless it counts things a call counts: "in 2026 earnings" is a date, "over 2000 stores" a count.
    const next = wordAfter(text, core.end);
    if (!next || !isCountedNoun(next)) return blank({ start, end: core.end, kind: 'date' });
  }
  const integer = !/[.,]/.test(core.written);
  // "Docker 2.0", "Gemini 2.5": a short decimal after a name is its version.
  if ((integer && core.value < 1000) || VERSION_NUMBER.test(core.written)) {
    // A name stands one blank before its number ("Scope 1"); the cheap test goes first.
    const oneBlankBefore = trimmed.length === Math.min(start, BEFORE_REACH) - 1;
    const name = oneBlankBefore ? nameBefore(trimmed) : null;
    if (name && isNameWord(name) && !stickyOpening(/[ -](?:%|percent|times|x|decades?|years?|months?|quarters?|weeks?|days?|hours?|minutes?|seconds?)(?![\p{L}])/iuy, ' -', text, core.end) && text.charCodeAt(core.end) !== 37) {
      return blank({ start, end: core.end, kind: 'label' });
    }
  }
  // "2.5 Pro", "3.5 Turbo": a version before the name it belongs to.
  if (!integer && VERSION_NUMBER.test(core.written) && text.charCodeAt(core.end) === 32) {
    const next = wordAfter(text, core.end);
    if (next && CAPITALIZED_NAME.test(next) && isNameWord(next) && !/[.!?]$/.test(trimmed)) return blank({ start, end: core.end, kind: 'label' });
  }
  if (integer && core.value < 1000) {
    const acronym = text.charCodeAt(core.end) === 32 ? acronymAfter(text, core.end) : null;
    if (acronym && isNameAcronym(acronym)) return blank({ start, end: core.end + 1 + acronym.length, kind: 'label' });
  }
  return null;
}

/**
 * A number with no unit: a count when a noun follows ("20 cities", "45.4 million of our ADSs")
 * or was just named ("orders peaked at 120 million"); money in the call's default currency
 * when scaled; else a figure the engine cannot read.
 */
function bareNumber(text: string, core: Core, start: number, end: number, value: number | null, factor: number, range: { min: number | null; max: number | null } | null): ScannedFigure {
  const integer = !/[.,]/.test(core.written);
  const counted = countedNounAfter(text, end, factor !== 1);
  // "101 billion of assets": a scaled number of a ledger noun is an amount, not a count.
  const noun = counted && factor !== 1 && isScaledMoneyNoun(counted.unit) ? undefined : counted;
  // A plain integer before a singular noun names it ("the 618 festival"); it counts nothing.
  if (noun && !noun.plural && factor === 1 && !range && core.digits && !core.written.includes(',') && (core.value >= 2 || !integer)) return blank({ start, end, kind: 'label' });
  // "the 2.5 series", "our 2.5 models": things are not counted in tenths, so the number names them.
  if (noun && noun.plural && factor === 1 && !range && core.digits && !Number.isInteger(core.value) && VERSION_NUMBER.test(core.written) && (isCountedNoun(`${noun.unit}s`) || NAMED_IN_SERIES.has(noun.unit))) return blank({ start, end, kind: 'label' });
  if (noun) return blank({ start, end, kind: 'count', value, ...range, unit: noun.unit });
  if (factor === 1) {
    const trimmed = before(text, start);
    const qualified = qualifierAt(text, start) !== null;
    if (core.digits && integer && core.value >= 100 && !qualified && core.written.length < 7 && !range) {
      return blank({ start, end, kind: 'label' });
    }
    if (core.digits && (!Number.isInteger(core.value) || range) && RATE_BEFORE.test(text.slice(Math.max(0, start - 60), start).trimEnd())) {
      // "the participation rate was 66.7", "a coupon of 3-1/16": the sentence says it is a rate.
      const percent = (v: number | null): number | null => (v === null ? null : percentToFraction(v));
      return blank({ start, end, kind: 'percent', value: percent(value), min: percent(range?.min ?? null), max: percent(range?.max ?? null), unit: '%' });
    }
    if (core.digits && !Number.isInteger(core.value) && !range) {
      const unitNeeded = /^ (?:year[- ](?:on|over)[- ]year |yoy )?(?:increase|decrease|growth|decline|rise|drop|gain|jump|improvement)/i.test(text.slice(end, end + 40))
        || /(?:increased?|decreased?|grew|growth|declined?|rose|up|down|fell|by)$/i.test(trimmed);
      if (unitNeeded) return blank({ start, end, kind: 'unparsed', problem: { code: Diagnostics.unparsedFigure.code, missingUnitAt: core.end } });
    }
    return blank({ start, end, kind: 'count', value, ...range, unit: null });
  }
  const classifier = text.charCodeAt(end) > 0x2fff || text.charCodeAt(end + 1) > 0x2fff ? sticky(CJK_CLASSIFIER, text, end) : null;
  if (classifier) return blank({ start, end, kind: 'count', value, ...range, unit: classifier[1] || classifier[2] || null });
  const nounBefore = countNounBefore(text, start);
  if (nounBefore) return blank({ start, end, kind: 'count', value, ...range, unit: nounBefore });
  // "13.5 million are still using it", "1.1 million of those": people do what money does not.
  if (stickyOpening(PEOPLE_VERB_AFTER, ' ', text, end)) return blank({ start, end, kind: 'count', value, ...range, unit: null });
  return blank({ start, end, kind: 'money', value, ...range, pending: 'amount' });
}

/** " out of 10", " in five": the whole of a share said as counts; group 1 is set for "out of". Sticky. */
const OUT_OF = / (?:(out of)|in) (\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a hundred|a thousand)(?![\p{L}\d]|[.,]\d)/iuy;

/** A whole written in digits or words ("10", "ten", "a hundred"), or null. */
function parseDigitsOrWords(written: string): number | null {
  return /^\d+$/.test(written) ? Number(written) : parseNumberWords(written);
}

/** " a million", " of a billion" after a share word. Group 1 is the scale. Sticky. */
const SHARE_OF_SCALE = / (?:of )?an? (hundred|thousand|million|billion|trillion)(?![\p{L}])/iuy;
/** "a couple of", "a few", "several" right before a scale word. On trimmed text. */
const VAGUE_COUNT_BEFORE = /(?:^|[^\p{L}])(a couple of|a couple|a few|several)$/iu;
/** The value read for a vague count before a scale: approximate, as the figure says. */
const VAGUE_COUNTS: ReadonlyMap<string, number> = new Map([['a couple', 2], ['a few', 3], ['several', 3]]);

/** What follows "double" when it multiplies: a determiner, a pronoun, a preposition, or the clause's end. Sticky. */
const DOUBLE_AS_FACTOR_AFTER = /(?: (?:the|what|that|this|its|our|their|his|her|your|my|it|them|in|of|over|from|since|by)(?![\p{L}])|[.,;:!?)]|$)/iuy;
/** "a factor 3", "by a factor of 10": the number is a multiple. On trimmed text. */
const FACTOR_BEFORE = /(?:^|[^\p{L}])factor(?: of)?$/iu;

/** What people do and amounts of money do not, right after a bare scaled number ("13.5 million are still using"). Sticky. */
const PEOPLE_VERB_AFTER = / (?:(?:are|were) (?:still |now |already )?|who (?:are |were )?)?(?:using|registered|signed up|subscribed|logged in|playing|watching|visiting|downloading|of (?:those|them|whom) (?:are|were)(?! (?:from|in|for|related|attributable|due|tied|driven|spent|invested|allocated|expected|associated)(?![\p{L}])))(?![\p{L}])/iuy;

/** Nouns that a version number names ("the 2.5 series", singular as countedNounAfter gives them). */
const NAMED_IN_SERIES: ReadonlySet<string> = new Set(['series', 'version', 'release', 'generation', 'edition']);

/** Reads a figure that starts with a word: spelled-out numbers, fuzzy amounts, shares, multiples. */
function readWordFigure(text: string, at: number, word: string, context: ScanContext): ScannedFigure | null {
  const lower = word.toLowerCase();
  const end = at + word.length;
  // "double" alone is a factor, "double-digit" a fuzzy percentage.
  const fuzzy = lower === 'double' ? null : fuzzyPercent(lower);
  if (fuzzy) {
    return withQualifier(text, blank({ start: at, end, kind: 'percent', min: fuzzy[0], max: fuzzy[1], unit: '%' }));
  }
  const magnitude = magnitudeRange(lower);
  if (magnitude) {
    const noun = countNounAfter(text, end, true);
    if (noun !== undefined) return withQualifier(text, blank({ start: at, end, kind: 'count', min: magnitude[0], max: magnitude[1], unit: noun }));
    const currency = currencyBefore(text, at);
    if (currency) return withQualifier(text, blank({ start: currency.start, end, kind: 'money', min: magnitude[0], max: magnitude[1], unit: currency.code, currencyMark: currency.mark }));
    const said = stickyOpening(CURRENCY_OF_AFTER, ' ', text, end);
    const code = said ? currencyOf(said[1]) : null;
    if (said && code) return withQualifier(text, blank({ start: at, end: end + said[0].length, kind: 'money', min: magnitude[0], max: magnitude[1], unit: code }));
    return blank({ start: at, end, kind: 'money', min: magnitude[0], max: magnitude[1], pending: 'magnitude' });
  }
  const multiple = MULTIPLE_WORDS.get(lower);
  if (multiple !== undefined) {
    // "double the performance", "worth double": a factor; "a double", "double-click", "double down": not one.
    if (lower === 'double' && (!stickyOpening(DOUBLE_AS_FACTOR_AFTER, ' .,;:!?)', text, end) || /(?:^|[^\p{L}])(?:a|the)$/iu.test(before(text, at)))) return null;
    return withQualifier(text, blank({ start: at, end, kind: 'multiple', value: multiple, unit: 'x' }));
  }
  // "half a million users", "a quarter of a billion dollars": a share of a scale is an amount.
  const shareOfScale = lower === 'half' || lower === 'a quarter' || lower === 'a third' || lower === 'a half' ? stickyOpening(SHARE_OF_SCALE, ' ', text, end) : null;
  if (shareOfScale) {
    const share = FRACTION_WORDS.get(lower.replace(/^a /, '')) ?? 0.5;
    return readMeasure(text, { start: at, end: end + shareOfScale[0].length, value: share, written: text.slice(at, end + shareOfScale[0].length), digits: false, scale: SCALES.get(shareOfScale[1].toLowerCase()) ?? 1 }, context, null);
  }
  if (lower === 'half') return readHalf(text, at, end);
  if (ORDINAL_WORDS.has(lower)) {
    // "one-third" was read with its number; a lone "third" or "tenth" ranks.
    return blank({ start: at, end, kind: 'ordinal' });
  }
  if (lower.startsWith('a ')) {
    const rest = lower.slice(2);
    const share = FRACTION_WORDS.get(rest);
    if (share !== undefined) {
      if (rest === 'half') return readHalf(text, at + 2, end);
      if (!stickyOpening(OF_AFTER, ' ', text, end)) return null;
      return withQualifier(text, blank({ start: at, end, kind: 'fraction', value: share }));
    }
    const factor = SCALES.get(rest) ?? 1;
    return readMeasure(text, { start: at, end, value: factor, written: word, digits: false, scale: 1 }, context, null);
  }
  const scale = SCALES.get(lower);
  if (scale !== undefined) {
    // "a couple of million", "a few billion": a small vague number before the scale.
    const vague = endsInLetterOrDot(before(text, at)) ? VAGUE_COUNT_BEFORE.exec(before(text, at)) : null;
    if (vague) {
      const start = at - (text.slice(0, at).length - text.slice(0, at).trimEnd().length) - vague[1].length;
      const figure = readMeasure(text, { start, end, value: scaled(VAGUE_COUNTS.get(vague[1].toLowerCase().replace(/ of$/, '')) ?? 1, scale), written: text.slice(start, end), digits: false, scale: 1 }, context, null);
      if (figure) figure.approximate = true;
      return figure;
    }
    return readMeasure(text, { start: at, end, value: scale, written: word, digits: false, scale: 1 }, context, null);
  }
  const number = parseNumberWords(lower);
  if (number === null) return null;
  // "one-third", "two-thirds", "three quarters of".
  const share = stickyOpening(FRACTION_AFTER, ' -', text, end);
  if (share) {
    const part = share[1].toLowerCase();
    const isQuarter = part.startsWith('quarter');
    // "three quarters of the revenue" is a share; "two quarters of growth" a length of time.
    if (!isQuarter || (stickyOpening(OF_AFTER, ' ', text, end + share[0].length) && SHARE_OF.test(text.slice(end + share[0].length, end + share[0].length + 12)))) {
      const fraction = FRACTION_WORDS.get(part) ?? 0;
      return withQualifier(text, blank({ start: at, end: end + share[0].length, kind: 'fraction', value: Number((number * fraction).toPrecision(12)) }));
    }
  }
  const core: Core = { start: at, end, value: number, written: word, digits: false, scale: 1 };
  const scaleAfter = readScale(text, end);
  if (scaleAfter) return readMeasure(text, core, context, null);
  if (readHedge(text, core)) {
    // "two and a half years", "two and a half million": a small spelled count alone is still left out.
    const measured = readMeasure(text, core, context, null);
    return measured && (measured.kind !== 'count' || measured.unit !== null || (measured.value ?? 0) >= 1000) ? measured : null;
  }
  const tail = readTail(text, end);
  const joined = tail.kind ? null : stickyOpening(RANGE_JOIN, JOIN_OPENING, text, end);
  const rangeEnd = joined ? readRangeEnd(text, end + joined[0].length, context.decimalComma) : null;
  if (rangeEnd && rangeEnd.tail.kind && rangeEnd.tail.kind !== 'money') return readMeasure(text, core, context, null);
  // Small spelled-out counts ("three strategies") are left out, as the contract allows; "six cents" and "nine bucks" are money.
  if (!tail.kind) {
    const measured = (endsInLetterOrDot(before(text, at)) && FACTOR_BEFORE.test(before(text, at))) || stickyOpening(OUT_OF, ' ', text, end) ? readMeasure(text, core, context, null) : null;
    return measured && (measured.kind === 'multiple' || measured.kind === 'fraction') ? measured : null;
  }
  if (tail.kind === 'money') return readMeasure(text, core, context, null);
  // "one second" and "a second" ask the listener to wait; they measure nothing.
  if (tail.kind === 'duration' && tail.unit === 'second' && number === 1) return null;
  const figure = readMeasure(text, core, context, null);
  return figure && figure.kind !== 'count' && figure.kind !== 'unparsed' ? figure : null;
}

/** What follows "of" in a share of something: a determiner or a number ("three quarters of the revenue"). */
const SHARE_OF = /^ of (?:the|our|its|their|all|this|that|these|those|total|[\d$€£¥])/i;

/** "-year" after "half", and group 1 when a span follows it ("to go", "ago", "left"). Sticky. */
const HALF_YEAR_SPAN = /[- ]year(?![\p{L}])( (?:to go|ago|left|later|from now|away)(?![\p{L}]))?/iuy;

/** "half a month", "half-day", "first half", "by half". */
function readHalf(text: string, at: number, end: number): ScannedFigure | null {
  const trimmed = before(text, at);
  // "a month and a half" or "one and a half years": the half belongs to the length of time.
  if (/(?:^|[^\p{L}])and(?: a)?$/iu.test(trimmed) && (/(?:month|year|week|day|quarter|hour)s? and(?: a)?$/i.test(trimmed) || stickyOpening(/ (?:months?|years?|weeks?|days?|quarters?|hours?)(?![\p{L}])/iuy, ' ', text, end))) return null;
  // "half-year to go", "for a half year": a length of time, not the period "the half-year".
  const halfYear = stickyOpening(HALF_YEAR_SPAN, ' -', text, end);
  if (halfYear && (halfYear[1] || /(?:^|[^\p{L}])(?:a|another|for|about|over|nearly|almost|than|only|just)$/iu.test(trimmed))) {
    return withQualifier(text, blank({ start: at, end: end + halfYear[0].length - (halfYear[1]?.length ?? 0), kind: 'duration', value: 0.5, unit: 'year' }));
  }
  // "half-yearly", "half of next year": a period.
  if (stickyOpening(/(?:[- ]yearly|[- ]year(?![\p{L}])| of (?:next|this|last|the) (?:year|fiscal))/iuy, ' -', text, end)) return blank({ start: at, end, kind: 'period' });
  if (/(?:^|[^\p{L}])(?:first|second|back|front|latter|later|other|1st|2nd)$/iu.test(trimmed)) {
    return blank({ start: at, end, kind: 'period' });
  }
  const unit = stickyOpening(A_MONTH_AFTER, ' ', text, end) ?? stickyOpening(/[ -](?:month|year|week|day|quarter|hour)(?![\p{L}])/iuy, ' -', text, end);
  if (unit) {
    const name = /month|year|week|day|quarter|hour/i.exec(unit[0]);
    return withQualifier(text, blank({ start: at, end: end + unit[0].length, kind: 'duration', value: 0.5, unit: name ? name[0].toLowerCase() : null }));
  }
  return withQualifier(text, blank({ start: at, end, kind: 'fraction', value: 0.5 }));
}
