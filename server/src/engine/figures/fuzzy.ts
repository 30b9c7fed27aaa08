// Fuzzy amounts: percentages said by their digits ("mid single digit", "double-digit",
// "high 40s") and orders of magnitude said in words ("millions", "tens of thousands"). Each
// reads to a [min, max] range; the value stays null.
import { memoize } from './memo';
import { MAGNITUDES } from './numbers';

const FUZZY_SINGLE: ReadonlyMap<string, [number, number]> = new Map([
  ['low', [0.01, 0.03]], ['mid', [0.04, 0.06]], ['high', [0.07, 0.09]], ['', [0.01, 0.09]],
]);
const FUZZY_DOUBLE: ReadonlyMap<string, [number, number]> = new Map([
  ['low', [0.1, 0.39]], ['mid', [0.4, 0.69]], ['high', [0.7, 0.99]], ['', [0.1, 0.99]],
]);

/** Fuzzy percentages: "mid single digit", "double-digit", "triple-digit", "mid-70s", "high teens". */
export const fuzzyPercent: (lower: string) => Readonly<[number, number]> | null = memoize(readFuzzyPercent);

function readFuzzyPercent(lower: string): [number, number] | null {
  // "low-to-mid single digits" spans from the first level's low end to the second's high end.
  const span = /^(low|mid|high)(?:-to-| to )(.+)$/.exec(lower);
  if (span) {
    const from = fuzzyPercent(`${span[1]} ${span[2].replace(/^(?:mid|high)[- ]/, '')}`);
    const to = fuzzyPercent(span[2]);
    return from && to ? [from[0], to[1]] : null;
  }
  const words = lower.split(/[- ]/);
  const level = words[0] === 'low' || words[0] === 'mid' || words[0] === 'high' ? words[0] : '';
  const body = level ? words.slice(1) : words;
  if (body[0] === 'single') return FUZZY_SINGLE.get(level) ?? null;
  if (body[0] === 'double') return FUZZY_DOUBLE.get(level) ?? null;
  if (body[0] === 'triple') return [1, 9.99];
  if (!level) return null;
  const third = level === 'low' ? 0 : level === 'mid' ? 1 : 2;
  if (body[0] === 'teens') return [0.11 + third * 0.03, 0.13 + third * 0.03].map((v) => Number(v.toFixed(2))) as [number, number];
  const decade = /^([1-9])0s$/.exec(body[0] ?? '');
  if (!decade) return null;
  const base = Number(decade[1]) * 10 + third * 3 + 1;
  return [base / 100, (base + 2) / 100].map((v) => Number(v.toFixed(2))) as [number, number];
}

/** Orders of magnitude in words: "millions" 1e6–9.99…e6, "tens of thousands" 1e4–99,999. */
export const magnitudeRange: (lower: string) => Readonly<[number, number]> | null = memoize(readMagnitudeRange);

function readMagnitudeRange(lower: string): [number, number] | null {
  const single = MAGNITUDES.get(lower);
  if (single !== undefined) return [single, single * 10 - 1];
  const compound = /^(tens|hundreds) of (\w+)$/.exec(lower);
  if (!compound) return null;
  const base = MAGNITUDES.get(compound[2]);
  if (base === undefined) return null;
  const low = base * (compound[1] === 'tens' ? 10 : 100);
  return [low, low * 10 - 1];
}
