// The period a call reports on, read from its opening lines: a title such as "Q1 FY2026
// Earnings Call", a greeting such as "welcome to the first quarter of fiscal 2026 call",
// or failing those the call's date. Calls are ordered by it when compared side by side.
import type { Span } from './types';

export interface CallPeriod extends Span {
  /** How the period reads in a column header: "Q1 FY2026", "Q3 2023", "Q2", "FY2023", "2024-01-28". */
  label: string;
  /** The year the period belongs to (fiscal when fiscal is true), or null when none is said. */
  year: number | null;
  /** 1–4 for a quarter, null for a full year or a date. */
  quarter: number | null;
  fiscal: boolean;
  /**
   * Orders calls by the end of the period they report on, in months since year 0; a period
   * without a year sorts by its quarter alone, before every period that has one.
   */
  sortKey: number;
}

/** Only the head of a call names its period; later mentions are about other quarters. */
const HEAD_LINES = 40;
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// Each pattern is linear: fixed alternatives, bounded quantifiers, no nested repetition.
const QUARTER_CODE = /\bQ([1-4])[ \t]{0,3}(?:(FY|fiscal(?:[ \t]year)?)[ \t]{0,3})?'?(\d{4}|\d{2})\b/gi;
const FISCAL_QUARTER_CODE = /\b(FY|fiscal(?:[ \t]year)?)[ \t]{0,3}'?(\d{4}|\d{2})[ \t]{0,3}Q([1-4])\b/gi;
const QUARTER_WORDS = /\b(first|second|third|fourth)[ \t-]quarter\b(?:[ \t]of)?(?:[ \t](fiscal(?:[ \t]year)?|FY))?(?:[ \t]'?(\d{4})\b)?/gi;
const YEAR_QUARTER_WORDS = /\b((?:FY|fiscal(?:[ \t]year)?)[ \t]?)?(\d{4})[ \t](first|second|third|fourth)[ \t-]quarter\b/gi;
const FULL_YEAR = /\b(?:full[ \t-]year|fiscal[ \t]year|FY)[ \t]?'?(\d{4})\b/gi;
const MONTH_DATE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)[ \t]{1,3}(\d{1,2})(?:st|nd|rd|th)?,?[ \t]{1,3}(\d{4})\b/gi;
const DAY_MONTH_DATE = /\b(\d{1,2})[ \t]{1,3}(January|February|March|April|May|June|July|August|September|October|November|December),?[ \t]{1,3}(\d{4})\b/gi;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** Words that make a mention the call's own period ("second quarter 2020 earnings call"). */
const CALL_WORDS = /^[^.?!]{0,40}\b(?:earnings|results|conference|call|webcast|financial|report)\b/i;

interface Candidate extends CallPeriod {
  /** Higher is more telling: a quarter with a year beats a bare quarter, which beats a date. */
  weight: number;
  offset: number;
}

function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length === 2 ? 2000 + year : year;
}

function plausibleYear(year: number): boolean {
  return year >= 1950 && year <= 2100;
}

function quarterPeriod(quarter: number, year: number | null, fiscal: boolean): Omit<CallPeriod, keyof Span> {
  const label = year === null ? `Q${quarter}` : `Q${quarter} ${fiscal ? 'FY' : ''}${year}`;
  return { label, year, quarter, fiscal, sortKey: (year ?? 0) * 12 + quarter * 3 };
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match;
}

function candidatesOnLine(text: string, line: number): Candidate[] {
  const found: Candidate[] = [];
  const add = (match: RegExpExecArray, period: Omit<CallPeriod, keyof Span>, weight: number) => {
    if (period.year !== null && !plausibleYear(period.year)) return;
    const end = match.index + match[0].length;
    const aboutTheCall = CALL_WORDS.test(text.slice(end, end + 60)) ? 0.5 : 0;
    found.push({ ...period, line, start: match.index, end, weight: weight + aboutTheCall, offset: match.index });
  };
  for (const match of matches(QUARTER_CODE, text)) add(match, quarterPeriod(Number(match[1]), fullYear(match[3]), match[2] !== undefined), 4);
  for (const match of matches(FISCAL_QUARTER_CODE, text)) add(match, quarterPeriod(Number(match[3]), fullYear(match[2]), true), 4);
  for (const match of matches(QUARTER_WORDS, text)) {
    // "our first quarter of profitability": a quarter of something else names no period.
    if (!match[2] && !match[3] && /of$/i.test(match[0])) continue;
    const year = match[3] ? fullYear(match[3]) : null;
    add(match, quarterPeriod(ORDINALS[match[1].toLowerCase()], year, match[2] !== undefined), year === null ? 2 : 4);
  }
  for (const match of matches(YEAR_QUARTER_WORDS, text)) add(match, quarterPeriod(ORDINALS[match[3].toLowerCase()], fullYear(match[2]), match[1] !== undefined), 4);
  for (const match of matches(FULL_YEAR, text)) {
    const year = fullYear(match[1]);
    // A full year ends after its fourth quarter, so it sorts just after it.
    add(match, { label: `FY${year}`, year, quarter: null, fiscal: true, sortKey: year * 12 + 12.5 }, 3);
  }
  const addDate = (match: RegExpExecArray, year: number, month: number, day: number) => {
    if (month < 1 || month > 12 || day < 1 || day > 31) return;
    const label = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // A call is held a month or two after its quarter ends, so the date sorts among those quarters.
    add(match, { label, year, quarter: null, fiscal: false, sortKey: year * 12 + month - 1 + day / 31 - 1 }, 1);
  };
  for (const match of matches(MONTH_DATE, text)) addDate(match, Number(match[3]), MONTHS.indexOf(match[1].toLowerCase()) + 1, Number(match[2]));
  for (const match of matches(DAY_MONTH_DATE, text)) addDate(match, Number(match[3]), MONTHS.indexOf(match[2].toLowerCase()) + 1, Number(match[1]));
  for (const match of matches(ISO_DATE, text)) addDate(match, Number(match[1]), Number(match[2]), Number(match[3]));
  return found;
}

/**
 * The period the call reports on, from its first lines: the most telling mention, the
 * earliest among equals. A quarter said without a year takes the year of the call's date
 * when one is written (the year before, when the date falls before that quarter ends).
 * Null when the head of the call names no period and no date.
 */
export function readCallPeriod(lines: readonly string[]): CallPeriod | null {
  const candidates: Candidate[] = [];
  for (let line = 0; line < Math.min(lines.length, HEAD_LINES); line++) {
    // Very long lines are prose; only their first part can be a title or a greeting.
    candidates.push(...candidatesOnLine(lines[line].slice(0, 2000), line));
  }
  if (!candidates.length) return null;
  const best = candidates.reduce((a, b) => (b.weight > a.weight || (b.weight === a.weight && (b.line < a.line || (b.line === a.line && b.offset < a.offset))) ? b : a));
  const period: CallPeriod = { label: best.label, year: best.year, quarter: best.quarter, fiscal: best.fiscal, sortKey: best.sortKey, line: best.line, start: best.start, end: best.end };
  const date = candidates.find((candidate) => candidate.quarter === null && candidate.label.length === 10);
  if (period.quarter !== null && period.year === null && date?.year) {
    const dateMonth = Number(date.label.slice(5, 7));
    const year = dateMonth <= period.quarter * 3 ? date.year - 1 : date.year;
    return { ...period, ...quarterPeriod(period.quarter, year, false) };
  }
  return period;
}
