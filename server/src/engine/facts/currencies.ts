// Every currency the engine knows, one row each: the marks written before an amount (symbols
// and codes, glued or after one blank) and the words written after it, in every script. The
// currency regexes, the range reader, the fixes and the grammar's lists are all generated from
// this table, so adding a currency is adding a row.

export interface CurrencyFact {
  /** ISO 4217 code; it is also a mark, before and after the amount, unless it is an English word. */
  iso: string;
  /** Written before the amount: "$", "US$", "RMB", "Rs.", "人民币". */
  before: readonly string[];
  /** Written after the amount (or its scale): "dollars", "yuan", "元", "美元", "€" in "1.234,5 Mio. €". */
  after: readonly string[];
  /** How a fix writes the currency before an amount; the first `before` mark when not given. */
  prefix?: string;
  /** The ISO code is also an English word ("TRY", "PHP"), so it is a mark only after an amount. */
  codeIsWord?: boolean;
}

/** A yen sign is CNY in a call that mostly speaks of RMB, JPY otherwise; resolved per document. */
export const YEN_OR_YUAN = '¥?';

/**
 * "Pesos" alone is read as Mexican pesos (the most traded peso); a call about another peso
 * writes its country ("Colombian pesos") or its code (COP), which wins.
 */
export const CURRENCIES: readonly CurrencyFact[] = [
  { iso: 'USD', before: ['$', 'US$', 'U.S.$', 'USD$'], after: ['dollars', 'dollar', 'US dollars', 'US dollar', 'U.S. dollars', 'U.S. dollar', 'bucks', 'buck', '美元', '美金'], prefix: '$' },
  { iso: 'CNY', before: ['RMB', '人民币', '人民幣'], after: ['RMB', 'yuan', 'renminbi', 'Chinese yuan', '元', '人民币', '人民幣'], prefix: 'RMB ' },
  { iso: YEN_OR_YUAN, before: ['¥', '￥'], after: [] },
  { iso: 'HKD', before: ['HK$', '港幣', '港币'], after: ['Hong Kong dollars', 'Hong Kong dollar', 'HK dollars', '港元', '港幣', '港币'] },
  { iso: 'TWD', before: ['NT$', '新台幣', '新台币'], after: ['New Taiwan dollars', 'Taiwan dollars', '新台幣', '新台币', '台幣', '台币'] },
  { iso: 'SGD', before: ['S$'], after: ['Singapore dollars', 'Singapore dollar', '新加坡元', '新元'] },
  { iso: 'AUD', before: ['A$', 'AU$'], after: ['Australian dollars', 'Australian dollar', '澳元'] },
  { iso: 'CAD', before: ['C$', 'CA$'], after: ['Canadian dollars', 'Canadian dollar', '加元'] },
  { iso: 'NZD', before: ['NZ$'], after: ['New Zealand dollars'] },
  { iso: 'BRL', before: ['R$'], after: ['reais', 'Brazilian reais', 'Brazilian real'] },
  { iso: 'MXN', before: ['MX$', 'Mex$'], after: ['pesos', 'peso', 'Mexican pesos'] },
  { iso: 'COP', before: [], after: ['Colombian pesos'] },
  { iso: 'CLP', before: [], after: ['Chilean pesos'] },
  { iso: 'ARS', before: [], after: ['Argentine pesos'] },
  { iso: 'EUR', before: ['€'], after: ['euros', 'euro', '€', '歐元', '欧元'], prefix: '€' },
  { iso: 'GBP', before: ['£'], after: ['pounds', 'pound', 'pounds sterling', 'sterling', 'quid', '英鎊', '英镑'], prefix: '£' },
  { iso: 'JPY', before: [], after: ['yen', 'Japanese yen', '日圓', '日元', '日币', '日幣', '円'], prefix: '¥' },
  { iso: 'KRW', before: ['₩'], after: ['won', 'Korean won', '韓元', '韩元'] },
  { iso: 'INR', before: ['₹', 'Rs.', 'Rs', 'INR'], after: ['rupees', 'rupee', 'Indian rupees', '印度盧比'], prefix: '₹' },
  { iso: 'TRY', before: ['₺'], after: ['lira', 'Turkish lira'], codeIsWord: true },
  { iso: 'CHF', before: [], after: ['Swiss francs', 'francs'] },
  { iso: 'SEK', before: [], after: ['Swedish kronor', 'kronor'] },
  { iso: 'NOK', before: [], after: ['Norwegian kroner'] },
  { iso: 'DKK', before: [], after: ['Danish kroner'] },
  { iso: 'ZAR', before: [], after: ['rand', 'South African rand'] },
  { iso: 'RUB', before: ['₽'], after: ['rubles', 'roubles'] },
  { iso: 'IDR', before: ['Rp'], after: ['rupiah'] },
  { iso: 'MYR', before: ['RM'], after: ['ringgit'] },
  { iso: 'THB', before: ['฿'], after: ['baht'] },
  { iso: 'PHP', before: ['₱'], after: ['Philippine pesos'], codeIsWord: true },
  { iso: 'VND', before: ['₫'], after: ['dong'] },
  { iso: 'SAR', before: [], after: ['riyals', 'Saudi riyals'], codeIsWord: true },
  { iso: 'AED', before: [], after: ['dirhams'] },
  { iso: 'ILS', before: ['₪'], after: ['shekels'] },
  { iso: 'PLN', before: [], after: ['zloty', 'złoty'] },
];

/**
 * Hundredths of a currency said on their own ("17 cents a share", "42 pence"): the amount is
 * in the currency named by `of`, or by the document when `of` is null (cents of the call's dollars or euros).
 */
export const SUBUNITS: ReadonlyArray<{ word: string; of: string | null }> = [
  { word: 'cents', of: null }, { word: 'cent', of: null }, { word: 'pence', of: 'GBP' }, { word: 'penny', of: 'GBP' },
];

/** The currencies a missing-currency fix offers when the call gives no hint. */
export const FALLBACK_CURRENCIES: readonly string[] = ['USD', 'CNY', 'EUR'];

/**
 * Metric names that measure money: in a call that names no currency, an amount of one of
 * these is money of an unstated currency rather than a number with a missing unit.
 */
export const MONETARY_METRIC =
  /\b(?:revenues?|sales|turnover|arr|mrr|bookings|billings|price|pricing|spend|spending|cost|costs|capex|expenses?|income|profit|earnings|eps|ebitda?|ebit|gmv|cash|cash flow|dividends?|buybacks?|repurchases?|debt|funding|valuation|investments?|loss|losses|proceeds|backlog|budget|fees?|payroll|salary|wages)\b/i;
