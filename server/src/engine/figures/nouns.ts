// Counted nouns: "20 cities" counts cities, "45.4 million of our ADSs" counts ADSs. The unit
// is the noun, singular and lower case. Reads at most a few words after the number.

/** Words that cannot be the counted noun: they end the look. */
const NOT_NOUNS: ReadonlySet<string> = new Set([
  'to', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'nor', 'versus', 'vs',
  'against', 'than', 'as', 'per', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would',
  'could', 'can', 'may', 'might', 'should', 'has', 'have', 'had', 'that', 'which', 'who', 'this',
  'these', 'those', 'the', 'a', 'an', 'it', 'its', 'their', 'our', 'we', 'you', 'they', 'he', 'she',
  'i', 'today', 'now', 'ago', 'yoy', 'last', 'next', 'previously', 'respectively', 'compared', 'up',
  'down', 'over', 'under', 'into', 'through', 'during', 'while', 'when', 'where', 'so', 'also', 'only',
  'just', 'each', 'every', 'less', 'plus', 'if', 'then', 'there', 'here', 'after', 'before',
  'since', 'until', 'via', 'about', 'around', 'approximately', 'roughly', 'within', 'across', 'among',
  'again', 'already', 'still', 'yet', 'year', 'quarter', 'month', 'week', 'day', 'of', 'not', 'all',
  'some', 'any', 'both', 'either', 'other', 'overall', 'globally', 'level', 'mark',
  'range', 'or', 'reais', 'dollars', 'euros', 'yuan', 'yen', 'won', 'times', 'out', 'off', 'back',
  'ahead', 'last', 'respectively', 'year-on-year', 'year-over-year', 'quarter-over-quarter', 'mainly',
  'including', 'excluding', 'driven', 'led', 'based', 'due', 'what', 'how', 'why', 'his', 'her', 'my',
  'your', 'them', 'us', 'me', 'him', 'do', 'does', 'did', 'yes', 'no', 'one', 'two', 'three',
]);

/** Nouns a call counts, so "orders peaked at 120 million" counts orders. */
const COUNTED_NOUNS: ReadonlySet<string> = new Set([
  'orders', 'users', 'buyers', 'customers', 'members', 'merchants', 'subscribers', 'employees',
  'shares', 'adss', 'units', 'stores', 'downloads', 'visits', 'daus', 'maus', 'accounts', 'riders',
  'deliveries', 'parcels', 'packages', 'vehicles', 'devices', 'transactions', 'sellers', 'brands',
  'developers', 'enterprises', 'companies', 'clients', 'households', 'people', 'consumers', 'visitors',
  'viewers', 'players', 'drivers', 'couriers', 'warehouses', 'cities', 'countries', 'markets',
  'products', 'skus', 'models', 'apps', 'outlets', 'restaurants', 'hotels', 'trips', 'rides', 'tickets',
  'installs', 'seats', 'licenses', 'readers', 'listeners', 'patients', 'students', 'followers', 'locations',
]);

/** True for nouns a call counts ("orders", "stores"), so "2,000 stores" after a year-like number is a count. */
export function isCountedNoun(word: string): boolean {
  return COUNTED_NOUNS.has(word.toLowerCase());
}

/** Nouns that name an amount of money: "1.5 billion of revenue" is money, not a count of revenues. */
const MONEY_NOUNS: ReadonlySet<string> = new Set([
  'revenue', 'revenues', 'sales', 'profit', 'profits', 'income', 'cash', 'capex', 'spending', 'spend',
  'investment', 'investments', 'cost', 'costs', 'expenses', 'expense', 'gmv', 'ebitda', 'ebita', 'ebit',
  'earnings', 'debt', 'funding', 'financing', 'buybacks', 'dividends', 'savings', 'losses', 'loss',
  'turnover', 'bookings', 'billings', 'arr', 'liquidity', 'capital', 'value', 'volume', 'proceeds',
]);

/**
 * Nouns of the balance sheet and the ledger: a scaled number before them is money ("101
 * billion of assets", "a 15 billion revolving credit facility", "292 million of principal"),
 * though a plain one may count them ("we sold 3 assets"). Singular, as counted nouns are kept.
 */
const SCALED_MONEY_NOUNS: ReadonlySet<string> = new Set([
  'asset', 'credit', 'principal', 'liability', 'reserve', 'borrowing', 'receivable', 'payable',
  'impairment', 'write-down', 'writedown', 'premium', 'backlog', 'budget',
]);

/** True for a counted noun that a scaled number before it measures in money (SCALED_MONEY_NOUNS). */
export function isScaledMoneyNoun(unit: string): boolean {
  return SCALED_MONEY_NOUNS.has(unit.toLowerCase());
}

/** True for a noun that names an amount of money ("ARR", "revenue", "spend"). */
export function isMoneyNoun(word: string): boolean {
  return MONEY_NOUNS.has(word.toLowerCase());
}

/** Collective nouns that stand for a count of their members ("membership expanding to 46 million"). */
const COLLECTIVE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['membership', 'member'], ['headcount', 'employee'], ['workforce', 'employee'], ['audience', 'viewer'],
  // Active-user measures, written as acronyms in the singular ("mDAU grew to 136 million").
  ['dau', 'user'], ['mau', 'user'], ['wau', 'user'], ['mdau', 'user'], ['mdaus', 'user'],
]);

// A word after the number, with a leading blank. Sticky; group 1 is the word.
const WORD_AFTER = /[ \u00a0]([\p{L}][\p{L}'-]*)/uy;
const OF_DETERMINER = / of (?:our|the|their|its|these|those|new|total)?(?: ?)/y;
const MAX_WORDS = 3;

function sticky(regex: RegExp, text: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  return regex.exec(text);
}

/** Plurals that do not end in "s", to their singular. */
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['people', 'person'], ['children', 'child'], ['men', 'man'], ['women', 'woman'], ['feet', 'foot'], ['mice', 'mouse'], ['series', 'series'], ['species', 'species'], ['buses', 'bus'], ['campuses', 'campus'], ['viruses', 'virus'],
]);

/** The singular, lower-case form of a counted noun: "cities" → "city", "ADSs" → "ads". */
export function singular(noun: string): string {
  if (/[A-Z]s$/.test(noun)) return noun.slice(0, -1).toLowerCase();
  const lower = noun.toLowerCase();
  const irregular = IRREGULAR_PLURALS.get(lower);
  if (irregular) return irregular;
  if (/ies$/.test(lower) && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses)$/.test(lower)) return lower.slice(0, -2);
  if (/[^s]s$/.test(lower) && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

function isNounWord(word: string): boolean {
  return !NOT_NOUNS.has(word.toLowerCase());
}

/** Adjectives and participles before a noun ("daily orders", "paid users", "growing"): skipped. */
function isModifier(word: string): boolean {
  const lower = word.toLowerCase();
  return MODIFIERS.has(lower) || (/(?:ly|ed|ing)$/.test(lower) && !COUNTED_NOUNS.has(lower));
}

/** Words that make a length an area or a volume ("square feet", "cubic meters"). */
const AREA_WORDS: ReadonlySet<string> = new Set(['square', 'cubic']);

/** Adjectives common between a number and its noun ("1,200 net new customers"). */
const MODIFIERS: ReadonlySet<string> = new Set(['net', 'new', 'total', 'additional', 'active', 'unique', 'more', 'fewer', 'gross']);

/**
 * The noun counted by the number ending at `at`: the first plural among the next few words
 * ("15 international sorting centers" → "center"), else the first word ("7 billion parameter
 * version" → "parameter"). `allowOf` reads "millions of users". Undefined when no noun follows.
 */
export function countNounAfter(text: string, at: number, allowOf: boolean): string | undefined {
  return countedNounAfter(text, at, allowOf)?.unit;
}

/** As countNounAfter, and whether the noun was plural ("20 cities") or singular ("618 festival"). */
export function countedNounAfter(text: string, at: number, allowOf: boolean): { unit: string; plural: boolean } | undefined {
  // Both the noun and "of" follow a blank: most numbers stop on this one look.
  const next = text.charCodeAt(at);
  if (next !== 32 && next !== 0xa0) return undefined;
  let position = at;
  if (allowOf) {
    const of = sticky(OF_DETERMINER, text, at);
    if (of) position = at + of[0].length - 1;
  }
  let first: string | undefined;
  for (let i = 0; i < MAX_WORDS; i++) {
    const match = sticky(WORD_AFTER, text, position);
    if (!match) break;
    const word = match[1];
    if (MONEY_NOUNS.has(word.toLowerCase())) return undefined;
    // A capitalized word names something ("618 Shopfest festival"); it is counted by no number.
    if (/^\p{Lu}\p{Ll}/u.test(word) || !isNounWord(word)) break;
    position += match[0].length;
    if (isModifier(word)) continue;
    // An acronym modifies the noun after it ("1,000 AI models"), so it is not the noun.
    const modifier = i === 0 && /\p{Lu}{2,}/u.test(word) && !/s$/.test(word);
    if (!modifier) first ??= word;
    if ((/[^s]s$/.test(word) && word.length > 3) || IRREGULAR_PLURALS.has(word.toLowerCase())) {
      // "175 square feet": an area keeps its measure word.
      const unit = first !== undefined && first !== word && AREA_WORDS.has(first.toLowerCase()) ? `${first.toLowerCase()} ${singular(word)}` : singular(word);
      return { unit, plural: true };
    }
    if (text.charAt(position) !== ' ') break;
  }
  return first === undefined ? undefined : { unit: singular(first), plural: false };
}

/** Words that make a counted noun before them a tally ("customer count", "user base"). */
const TALLY_WORDS: ReadonlySet<string> = new Set(['count', 'base', 'number', 'numbers', 'total']);

// The words before a number in its clause, at most this far back.
const NOUN_BEFORE_REACH = 40;
const PLURAL_WORD = /[\p{L}]+/gu;

/** A counted noun named just before the number ("orders peaked at 120 million"), or null. */
export function countNounBefore(text: string, at: number): string | null {
  const from = Math.max(0, at - NOUN_BEFORE_REACH);
  const slice = text.slice(from, at);
  const clause = slice.slice(Math.max(slice.lastIndexOf(','), slice.lastIndexOf('.'), slice.lastIndexOf(';')) + 1);
  let found: string | null = null;
  let previous = '';
  PLURAL_WORD.lastIndex = 0;
  for (let m = PLURAL_WORD.exec(clause); m; m = PLURAL_WORD.exec(clause)) {
    const lower = m[0].toLowerCase();
    if (COUNTED_NOUNS.has(lower)) found = singular(m[0]);
    else if (COLLECTIVE_NOUNS.has(lower)) found = COLLECTIVE_NOUNS.get(lower) ?? null;
    // "a customer count that exceeded 300 million", "our user base of 20 million".
    else if (TALLY_WORDS.has(lower) && COUNTED_NOUNS.has(`${previous}s`)) found = previous;
    previous = lower;
  }
  return found;
}
