// Numbers as written: digit strings with thousands separators, spelled-out numbers, and the
// scale words and suffixes that multiply them. Everything here is a table look-up.
import { isAsciiLetter } from '../text';
import { MAGNITUDE_FACTS, SCALE_FACTS } from '../facts/scales';
import { memoize } from './memo';

/** Spelled-out cardinals up to ninety. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['a', 1], ['an', 1], ['a few', 3], ['several', 3], ['dozen', 12], ['a dozen', 12],
]);

/** Scale words, abbreviations, glued letters and CJK characters, lower case, to their factor (from ../facts/scales.ts). */
export const SCALES: ReadonlyMap<string, number> = new Map(
  SCALE_FACTS.flatMap((fact) => [...fact.words, ...fact.abbreviations, ...fact.letters, ...fact.cjk].map((written): [string, number] => [written.toLowerCase(), fact.factor])),
);

/** Plural scale words that stand for an order of magnitude ("millions of users"). */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map(MAGNITUDE_FACTS);

/** Ordinal words, which rank rather than measure. "first" and "second" are left out: they are mostly adverbs and time units. */
export const ORDINAL_WORDS: ReadonlySet<string> = new Set([
  'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'twentieth', 'hundredth',
]);

/** Shares said in words, to their fraction. */
export const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4],
  ['fifth', 1 / 5], ['fifths', 1 / 5], ['tenth', 1 / 10], ['tenths', 1 / 10],
]);

/** Multiples said in one word. */
export const MULTIPLE_WORDS: ReadonlyMap<string, number> = new Map([
  ['double', 2], ['doubled', 2], ['doubling', 2], ['triple', 3], ['tripled', 3], ['tripling', 3],
  ['quadruple', 4], ['quadrupled', 4], ['twofold', 2], ['threefold', 3], ['fourfold', 4],
  ['fivefold', 5], ['tenfold', 10],
]);

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;
const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/g;

/** The value of a digit string as readNumberToken cut it ("1,234.5", "1\,234"): separators and stray backslashes dropped. */
export function parseDigits(written: string, decimalComma = false): number {
  if (decimalComma) return parseDigits(written.replace(/\./g, '').replace(',', '.'));
  // Most numbers have no separator, and need no new string. Full-width digits read as ASCII ones.
  if (FULL_WIDTH_DIGIT.test(written)) return parseDigits(written.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  return written.includes(',') || written.includes('\\') ? Number(written.replace(/[,\\]/g, '')) : Number(written);
}

/**
 * Reads a spelled-out number such as "twenty-five", "three" or "one hundred"; null when the
 * words are not a number.
 */
export const parseNumberWords = memoize(readNumberWords);

function readNumberWords(written: string): number | null {
  const words = written.toLowerCase().split(/[\s-]+/).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const whole = NUMBER_WORDS.get(words.join(' '));
  if (whole !== undefined) return whole;
  let total = 0;
  let current = 0;
  for (const word of words) {
    const small = NUMBER_WORDS.get(word);
    if (small !== undefined) {
      current += small;
      continue;
    }
    const scale = SCALES.get(word);
    if (scale === undefined || word.length < 4) return null;
    current = (current || 1) * scale;
    if (scale >= 1e3) {
      total += current;
      current = 0;
    }
  }
  return total + current;
}

/** Rounds away binary noise so 234.2 × 1e9 is 234200000000, not 234200000000.00003. */
export function scaled(value: number, factor: number): number {
  if (factor === 1) return value;
  const product = value * factor;
  const whole = Math.round(product);
  return Math.abs(product - whole) <= Math.abs(product) * 1e-12 ? whole : product;
}

/** Percentages as fractions without noise: 41.2 → 0.412, not 0.41200000000000003. */
export function percentToFraction(value: number): number {
  // A division of two integers is rounded once, so it gives the double nearest the decimal.
  const millionths = Math.round(value * 1e6);
  return Math.abs(millionths) < Number.MAX_SAFE_INTEGER ? millionths / 1e8 : value / 100;
}

/** A token that holds a number: letters glued before ("RMB", "Q"), the number, letters glued after ("bn", "th"). */
export interface NumberToken {
  gluedBefore: string;
  /** The number as written, separators and stray backslashes included. */
  written: string;
  gluedAfter: string;
  /** Where the token ends. */
  end: number;
}

const isDigit = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
const BACKSLASH = 92;

/**
 * Reads a number token at `at` by hand, one character at a time: thousands groups of exactly
 * three digits ("1,234", also "1\,234"), one decimal part ("4.5", also "4\.5"). A hand-written
 * reader cannot backtrack, so no line, however long, makes it slow. Null when no digit is there.
 */
export function readNumberToken(text: string, at: number, withLetters = true, decimalComma = false): NumberToken | null {
  const GROUP = decimalComma ? 46 : 44;
  const DECIMAL = decimalComma ? 44 : 46;
  let i = at;
  if (withLetters) while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
  const numberStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === numberStart) return null;
  const separatorAt = (position: number, separator: number): number => {
    // The length of "<sep>" or "\<sep>" at position, or 0.
    if (text.charCodeAt(position) === separator) return 1;
    if (text.charCodeAt(position) === BACKSLASH && text.charCodeAt(position + 1) === separator) return 2;
    return 0;
  };
  const integerDigits = i - numberStart;
  for (;;) {
    const comma = separatorAt(i, GROUP);
    const group = i + comma;
    if (!comma || !isDigit(text.charCodeAt(group)) || !isDigit(text.charCodeAt(group + 1)) || !isDigit(text.charCodeAt(group + 2)) || isDigit(text.charCodeAt(group + 3))) break;
    i = group + 3;
  }
  // Indian grouping: "13,68,821", "1,00,000": pairs, then a last group of three.
  if (integerDigits <= 2 && i === numberStart + integerDigits) {
    let j = i;
    let pairs = 0;
    while (separatorAt(j, GROUP) === 1 && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && separatorAt(j + 3, GROUP) === 1) {
      j += 3;
      pairs++;
    }
    if (pairs && separatorAt(j, GROUP) === 1 && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) && !isDigit(text.charCodeAt(j + 4))) i = j + 4;
  }
  const dot = separatorAt(i, DECIMAL);
  if (dot && isDigit(text.charCodeAt(i + dot))) {
    i += dot;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  const numberEnd = i;
  if (withLetters && isAsciiLetter(text.charCodeAt(i))) {
    while (i < text.length && (isAsciiLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
  }
  return {
    gluedBefore: text.slice(at, numberStart),
    written: text.slice(numberStart, numberEnd),
    gluedAfter: text.slice(numberEnd, i),
    end: i,
  };
}

/** Basis points as fractions: 50 → 0.005. */
export function basisPointsToFraction(value: number): number {
  const hundredths = Math.round(value * 100);
  return Math.abs(hundredths) < Number.MAX_SAFE_INTEGER ? hundredths / 1e6 : value / 10000;
}

const EUROPEAN_NUMBER = /\d\.\d{3},\d|(?:^|[^\d.,])\d{1,3},\d{1,2} ?(?:%|€|Mio|Mrd|Prozent|EUR|Euro)/g;
const ENGLISH_NUMBER = /\d,\d{3}\.\d|(?:^|[^\d.,])\d{1,3}\.\d{1,2} ?(?:%|percent|million|billion|bn|m\b)/g;

/**
 * Whether the document writes decimal commas ("1.234,5 Mio. €", "3,5 %"): decided once for
 * the whole document by counting numbers that only a decimal comma reads and numbers that
 * only a decimal point reads.
 */
const DECIDED_LEAD = 20;

export function usesDecimalComma(lines: readonly string[]): boolean {
  return decimalCommaDecided(lines.length, (line) => decimalCommaLead(lines[line]));
}

/** What a line adds to the decimal comma's lead: numbers only a decimal comma reads, less those only a decimal point reads. */
export function decimalCommaLead(line: string): number {
  if (!line.includes(',')) return 0;
  return (line.match(EUROPEAN_NUMBER)?.length ?? 0) - (line.match(ENGLISH_NUMBER)?.length ?? 0);
}

/** The document's decision from its lines' leads in order, each asked for only while it may still count. */
export function decimalCommaDecided(lineCount: number, leadOf: (line: number) => number): boolean {
  let lead = 0;
  for (let line = 0; line < lineCount; line++) {
    lead += leadOf(line);
    // A clear lead decides: the rest of a long document need not be read.
    if (Math.abs(lead) > DECIDED_LEAD) break;
  }
  return lead > 0;
}
