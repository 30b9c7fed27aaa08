// Currencies as transcripts write them: symbols, ISO codes and words, before or after the
// amount. Regexes are precompiled; the look-ups are Maps keyed by the lower-cased mark.
import { memoize } from './memo';

/** A yen sign reads as CNY in a call that mostly speaks of RMB, else as JPY; resolved at the end. */
export const YEN_OR_YUAN = '¥?';

const MARKS: ReadonlyArray<[string, string]> = [
  ['rmb', 'CNY'], ['cny', 'CNY'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['us$', 'USD'], ['u.s.$', 'USD'], ['usd', 'USD'], ['$', 'USD'], ['us dollar', 'USD'],
  ['us dollars', 'USD'], ['u.s. dollar', 'USD'], ['u.s. dollars', 'USD'], ['dollar', 'USD'], ['dollars', 'USD'],
  ['hk$', 'HKD'], ['hkd', 'HKD'], ['hong kong dollars', 'HKD'], ['nt$', 'TWD'], ['twd', 'TWD'],
  ['s$', 'SGD'], ['sgd', 'SGD'], ['a$', 'AUD'], ['aud', 'AUD'], ['c$', 'CAD'], ['cad', 'CAD'],
  ['r$', 'BRL'], ['brl', 'BRL'], ['€', 'EUR'], ['eur', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'],
  ['£', 'GBP'], ['gbp', 'GBP'], ['pound', 'GBP'], ['pounds', 'GBP'], ['sterling', 'GBP'],
  ['¥', YEN_OR_YUAN], ['￥', YEN_OR_YUAN], ['jpy', 'JPY'], ['yen', 'JPY'],
  ['₩', 'KRW'], ['krw', 'KRW'], ['won', 'KRW'], ['₹', 'INR'], ['inr', 'INR'], ['rs.', 'INR'],
  ['rupees', 'INR'], ['₺', 'TRY'], ['try', 'TRY'], ['lira', 'TRY'], ['chf', 'CHF'],
  ['francs', 'CHF'], ['mxn', 'MXN'], ['sek', 'SEK'], ['nok', 'NOK'], ['dkk', 'DKK'],
  ['zar', 'ZAR'], ['rub', 'RUB'], ['idr', 'IDR'], ['myr', 'MYR'], ['thb', 'THB'], ['php', 'PHP'],
  ['vnd', 'VND'], ['sar', 'SAR'], ['aed', 'AED'], ['ils', 'ILS'], ['pln', 'PLN'], ['nzd', 'NZD'],
];

const CODE_BY_MARK: ReadonlyMap<string, string> = new Map(MARKS);

/** The ISO code of a written currency mark ("RMB", "US$", "\$", "U.S. dollar"), or null. */
export const currencyOf = memoize((mark: string): string | null => {
  const key = mark.replace(/\\/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return CODE_BY_MARK.get(key) ?? null;
});

/**
 * A currency written just before an amount, read on the text before the figure with
 * trailing blanks removed: "RMB", "US$", "\$", "€", "USD", "U.S. dollar,". Group 1 is the mark.
 * "TRY", "PHP", "WON" and "SAR" are left out as prefixes: they are English words too.
 */
export const CURRENCY_BEFORE =
  /(?:^|[^A-Za-z$\\])((?:US|U\.S\.|HK|NT|[SACR])?\\{0,2}\$|[€£¥￥₩₹₺]|Rs\.|(?:RMB|CNY|USD|HKD|TWD|SGD|AUD|CAD|BRL|EUR|GBP|JPY|KRW|INR|CHF|MXN|SEK|NOK|DKK|ZAR|RUB|IDR|MYR|THB|VND|AED|ILS|PLN|NZD)|U\.?S\.? dollars?,?)$/;

/** A currency written just after an amount ("234 billion RMB", "380 billion yuan"). Sticky. */
export const CURRENCY_AFTER =
  /[ \u00a0]?(RMB|CNY|USD|HKD|TWD|EUR|GBP|JPY|KRW|INR|yuan|renminbi|(?:U\.?S\.? |Hong Kong )?dollars|euros|pounds|yen|won|rupees|lira)(?![A-Za-z])/y;

/** How a currency is usually written before an amount when a fix inserts it. */
export const PREFIX_OF: ReadonlyMap<string, string> = new Map([
  ['USD', '$'], ['CNY', 'RMB '], ['EUR', '€'], ['GBP', '£'], ['HKD', 'HK$'], ['JPY', '¥'],
  ['TWD', 'NT$'], ['INR', '₹'], ['KRW', '₩'],
]);

/** The currencies a missing-currency fix offers when the call gives no hint. */
export const FALLBACK_CURRENCIES: readonly string[] = ['USD', 'CNY', 'EUR'];

/**
 * A currency said after "in" ("... are in RMB", "expressed in U.S. dollars"). Group 1 is the
 * currency. The words before it decide whether it is a statement for the whole call.
 */
export const CURRENCY_STATED = / in (RMB|renminbi|CNY|yuan|U\.?S\.? dollars|US\$|USD|dollars|euros?|EUR|HK\$|HKD|Hong Kong dollars|pounds|GBP|yen|JPY)\b/gi;

/** What a statement for the whole call says before its currency: "all figures are", "amounts are expressed". */
export const STATEMENT_SUBJECT = /\b(?:all|figures|amounts|numbers|financials|results)\b/i;
/** ...and what it says after: "unless otherwise stated". */
export const STATEMENT_SCOPE = /\b(?:unless|otherwise|throughout|all figures|all amounts)\b|\b(?:stated|expressed|reported|presented|denominated|quoted)$/i;
