// The plain-number classifier: digits that do not measure anything (years, dates, periods,
// ordinals, clock times, labels such as "618", "Scope 1" or a ticker). Every test reads a
// bounded slice next to the number, so the cost per figure does not grow with the line.

/** A month name right before the number ("June 30th", "November 11"). On trimmed text. */
export const MONTH_BEFORE = /(?:^|[^\p{L}])(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?$/iu;
/** A month name right after the number ("30 June 2023"). Sticky. */
export const MONTH_AFTER = / (?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![\p{L}])/iuy;
/** The rest of a date after its day: ordinal suffix and ", 2023". Sticky. */
export const DATE_TAIL = /(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d(?!\d))?/y;
/** A clock time's minutes, seconds and meridiem after its hour ("10:30 a.m.", "00:01:02.500"). Sticky. */
export const CLOCK_TAIL = /:[0-5]\d(?::[0-5]\d(?:[.,]\d{1,3})?)?(?: ?[ap]\.?m\.?)?/iy;
/** "fiscal 2023", "fiscal year 2023", "FY 2023" before a year. On trimmed text. */
export const FISCAL_BEFORE = /(?:^|[^\p{L}])(?:fiscal(?: year)?|FY|CY|calendar(?: year)?)$/iu;
/** A year's "quarter" or "fiscal year" after it ("the 2022 quarter"). Sticky. */
export const PERIOD_AFTER = / (?:quarter|fiscal year|financial year|half)(?![\p{L}])/iuy;
/** A period written after a quarter or half mark ("Q1 FY2026", "Q3 2024", "Q4'23"). Sticky. */
export const PERIOD_YEAR_TAIL = /(?: (?:FY|CY)?|'|-)?(?:FY|CY)?(?:19|20)?\d\d(?![\p{L}\d])/uy;
/** "no. 1", "No.1", "#1", "number 1" before the number. On trimmed text. */
export const RANK_BEFORE = /(?:^|[^\p{L}])(?:no\.|number|#|rank(?:ed)?|top)$/iu;
/** A stock exchange before a ticker ("HKEX: 9988", "NYSE:"). On trimmed text. */
export const EXCHANGE_BEFORE = /(?:^|[^\p{L}])(?:[A-Z]{2,6}):$/u;
/** Labels chained with plus signs ("1+6+N"). Sticky. */
export const PLUS_CHAIN = /(?:\+[A-Za-z\d]+)+/y;
/** "Scope", "Llama", and camel-case names such as "iPhone" or "eBay". */
const CAPITALIZED_WORD = /^(?:\p{Lu}|\p{Ll}\p{Lu})[\p{L}\d-]*$/u;

/** The capitalized word right before a number ("Scope 1", "Llama 2"), given trimmed text before it; or null. */
export function nameBefore(trimmed: string): string | null {
  const word = trimmed.slice(trimmed.lastIndexOf(' ') + 1);
  return CAPITALIZED_WORD.test(word) ? word : null;
}
const WORD_AFTER = / ([\p{L}\d]+)/uy;
const ACRONYM = /^\p{Lu}{2,}[a-z]?$/u;

/** The word right after a blank at `at`, or null. */
export function wordAfter(text: string, at: number): string | null {
  WORD_AFTER.lastIndex = at;
  const word = WORD_AFTER.exec(text);
  return word ? word[1] : null;
}

/** The acronym right after a number ("88 VIP members"), or null. */
export function acronymAfter(text: string, at: number): string | null {
  const word = wordAfter(text, at);
  return word && ACRONYM.test(word) ? word : null;
}

/** Capitalized words that start sentences or phrases and name nothing. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'of', 'by', 'for', 'from', 'to', 'with', 'the', 'a', 'an', 'and', 'or', 'but',
  'about', 'around', 'over', 'under', 'some', 'nearly', 'almost', 'approximately', 'roughly', 'only',
  'just', 'more', 'less', 'than', 'since', 'after', 'before', 'during', 'until', 'within', 'across',
  'we', 'our', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'so', 'also', 'another',
  'up', 'down', 'plus', 'minus', 'roughly', 'top', 'revenue', 'revenues', 'sales', 'growth', 'q', 'a:', 'q:',
  'i', 'yes', 'no', 'well', 'and,', 'first', 'second', 'third', 'last', 'next', 'each', 'every', 'all',
  'page', 'slide', 'table', 'figure', 'item', 'note', 'chart', 'exhibit',
]);

/** True when a capitalized word before a number makes it part of a name. */
export function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word.toLowerCase()) && !MONTH_BEFORE.test(word);
}

/** Acronyms after a number that are units, currencies or countable things, not names. */
const COUNTABLE_ACRONYMS: ReadonlySet<string> = new Set([
  'RMB', 'USD', 'CNY', 'HKD', 'EUR', 'GBP', 'JPY', 'TWD', 'INR', 'KRW', 'ADS', 'ADSS', 'SKUS', 'SKU',
  'DAUS', 'MAUS', 'GPUS', 'CPUS', 'APIS', 'PCS', 'TB', 'GB', 'MB', 'KB', 'PB', 'GW', 'MW', 'KW', 'KWH',
  'GWH', 'MWH', 'BPS', 'PP', 'PPT', 'PPTS', 'YOY', 'QOQ', 'AM', 'PM',
]);

export function isNameAcronym(acronym: string): boolean {
  return !COUNTABLE_ACRONYMS.has(acronym.toUpperCase());
}

/** A four-digit number that reads as a year. */
export function isYear(written: string, value: number): boolean {
  return /^\d{4}$/.test(written) && value >= 1900 && value <= 2099;
}
