// Currencies as transcripts write them, generated from the one table in ../facts/currencies.ts:
// the look-up from a written mark to its ISO code and the regexes that find a mark before or
// after an amount. Every pattern is an alternation of literals, longest first, so none backtracks.
import { CURRENCIES, FALLBACK_CURRENCIES, SUBUNITS, YEN_OR_YUAN } from '../facts/currencies';
import { memoize } from './memo';

export { FALLBACK_CURRENCIES, YEN_OR_YUAN };

/** A regex source that matches `literal` exactly. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of literals, longest first, so "US dollars" wins over "dollars". */
export function alternation(literals: Iterable<string>, escape: (literal: string) => string = escapeRegex): string {
  return [...new Set(literals)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');
}

/** The lookup key of a written mark: backslashes dropped, blanks collapsed, lower case. */
function markKey(mark: string): string {
  return mark.replace(/\\/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

const CODE_BY_MARK: ReadonlyMap<string, string> = new Map(
  CURRENCIES.flatMap((c) => [...c.before, ...c.after, c.iso].map((mark): [string, string] => [markKey(mark), c.iso])),
);

/** The ISO code of a written currency mark ("RMB", "US$", "\$", "U.S. dollar", "元"), or null. */
export const currencyOf = memoize((mark: string): string | null => {
  const key = markKey(mark).replace(/,$/, '');
  return CODE_BY_MARK.get(key) ?? null;
});

const isWordMark = (mark: string): boolean => /^[A-Za-z]/.test(mark);
/** Marks written before an amount; an ISO code that is also an English word only after it. */
const BEFORE_MARKS = CURRENCIES.flatMap((c) => [...c.before, ...(c.codeIsWord || c.iso === YEN_OR_YUAN ? [] : [c.iso])]);
const AFTER_MARKS = CURRENCIES.flatMap((c) => [...c.after, ...(c.iso === YEN_OR_YUAN ? [] : [c.iso])]);

/** A mark before an amount: a "$" may carry Markdown escapes ("\\$"). */
function beforeMarkSource(mark: string): string {
  return escapeRegex(mark).replace(/\\\$$/, '\\\\{0,2}\\$');
}

/** The marks before an amount by their last character, longest first, so one look picks the few to compare. */
const BEFORE_MARKS_BY_LAST = new Map<number, string[]>();
for (const mark of [...new Set(BEFORE_MARKS)].sort((a, b) => b.length - a.length)) {
  const last = mark.charCodeAt(mark.length - 1);
  BEFORE_MARKS_BY_LAST.set(last, [...(BEFORE_MARKS_BY_LAST.get(last) ?? []), mark]);
}
const isAsciiLetterCode = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
/** "U.S. dollar," before an amount. */
const DOLLAR_WORDS_BEFORE = /(?:^|[^A-Za-z])(U\.?S\.? dollars?,?)$/;

/**
 * The currency mark that `trimmed` (the text before an amount, trailing blanks removed) ends
 * in: "RMB", "US$", "\\$", "€", "USD", "人民币", "U.S. dollar,"; or null. Each mark is
 * compared at the end, so the cost does not depend on the text.
 */
export function currencyMarkBefore(trimmed: string): string | null {
  for (const mark of BEFORE_MARKS_BY_LAST.get(trimmed.charCodeAt(trimmed.length - 1)) ?? []) {
    let end = trimmed.length;
    let body = mark;
    if (mark.endsWith('$')) {
      if (trimmed.charCodeAt(end - 1) !== 36) continue;
      end--;
      // Markdown escapes between the prefix and the sign ("\\$", "US\\$").
      for (let escapes = 0; escapes < 2 && trimmed.charCodeAt(end - 1) === 92; escapes++) end--;
      body = mark.slice(0, -1);
    }
    const start = end - body.length;
    if (start < 0 || !trimmed.startsWith(body, start)) continue;
    const previous = trimmed.charCodeAt(start - 1);
    if (isAsciiLetterCode(previous) || previous === 36 || previous === 92) continue;
    return trimmed.slice(start);
  }
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last !== 44 && last !== 114 && last !== 115) return null;
  const words = DOLLAR_WORDS_BEFORE.exec(trimmed);
  return words ? words[1] : null;
}

/** A currency written just after an amount ("234 billion RMB", "380 billion yuan", "10 億美元"). Sticky; group 1 is the mark. */
export const CURRENCY_AFTER = new RegExp(`[ \\u00a0]?(${alternation(AFTER_MARKS)})(?![A-Za-z])`, 'iy');

/** A currency said with "of" or "in" after an amount ("hundreds of millions of dollars", "a billion in euros"). Sticky. */
export const CURRENCY_OF_AFTER = new RegExp(` (?:of|in) (${alternation(AFTER_MARKS.filter(isWordMark))})(?![A-Za-z])`, 'iy');

/** The characters CURRENCY_AFTER can start with, both cases, for a cheap look before the regex. */
export const CURRENCY_AFTER_OPENING = ` \u00a0${[...new Set(AFTER_MARKS.map((m) => m[0]))].map((c) => c.toLowerCase() + c.toUpperCase()).join('')}`;

/** A currency mark at the start of a range's second end ("US$4", "S$4", "RMB 4", "€4"). Sticky. */
export const RANGE_CURRENCY = new RegExp(`(?:${alternation(BEFORE_MARKS, beforeMarkSource)}) ?`, 'y');

/** Cents or pence after an amount ("17 cents"). Sticky; group 1 is the word. */
export const SUBUNIT_AFTER = new RegExp(`[ \\u00a0-](${alternation(SUBUNITS.map((s) => s.word))})(?![A-Za-z])`, 'iy');

/** The currency a subunit word belongs to, or null when the document's currency decides ("cents"). */
export function subunitOf(word: string): string | null {
  return SUBUNITS.find((s) => s.word === word.toLowerCase())?.of ?? null;
}

/** How a currency is usually written before an amount when a fix inserts it. */
export const PREFIX_OF: ReadonlyMap<string, string> = new Map(
  CURRENCIES.filter((c) => c.iso !== YEN_OR_YUAN).map((c): [string, string] => {
    const first = c.before[0];
    return [c.iso, c.prefix ?? (first ? (isWordMark(first) ? `${first} ` : first) : `${c.iso} `)];
  }),
);

/**
 * A currency said after "in" ("... are in RMB", "expressed in U.S. dollars"). Group 1 is the
 * currency. The words before it decide whether it is a statement for the whole call.
 */
export const CURRENCY_STATED = new RegExp(` in (${alternation([...AFTER_MARKS, ...BEFORE_MARKS].filter(isWordMark))})(?![A-Za-z])`, 'gi');

/** What a statement for the whole call says before its currency: "all figures are", "amounts are expressed". */
export const STATEMENT_SUBJECT = /\b(?:all|figures|amounts|numbers|financials|results)\b/i;
/** ...and what it says after: "unless otherwise stated". */
export const STATEMENT_SCOPE = /\b(?:unless|otherwise|throughout|all figures|all amounts)\b|\b(?:stated|expressed|reported|presented|denominated|quoted)$/i;

/** Exported for the ReDoS test: the regexes built at run time. */
export const CURRENCY_REGEXES: readonly RegExp[] = [CURRENCY_OF_AFTER, CURRENCY_AFTER, RANGE_CURRENCY, SUBUNIT_AFTER, CURRENCY_STATED];
