// The metric glossary: metric name → the phrases that name it in a sentence. The built-in
// list covers what earnings calls report; the user's transcriptLens.metrics.glossary extends
// it and takes precedence. Matching is one precompiled regex (a trie of the phrases), run once
// per sentence that holds a figure; attribution then reads only the matches and a few words
// around the figure.

import { isAsciiLetterOrDigit } from '../text';
import { LineContext } from './context';

const BUILT_IN_GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  'revenue': ['revenue', 'sales', 'turnover', 'top line'],
  'sales volume': ['sales volume'],
  'cloud revenue': ['cloud revenue', 'cloud business revenue', 'cloud business'],
  'public cloud revenue': ['public cloud', 'public cloud revenue'],
  'ai-related revenue': ['ai-related revenue', 'ai revenue'],
  'advertising revenue': ['advertising revenue', 'ad revenue'],
  'subscription revenue': ['subscription revenue'],
  'service revenue': ['service revenue', 'services revenue'],
  'adjusted ebita': ['adjusted ebita'],
  'adjusted ebitda': ['adjusted ebitda'],
  'ebitda': ['ebitda'],
  'ebita': ['ebita'],
  'ebit': ['ebit', 'operating profit', 'operating income'],
  'income from operations': ['income from operations'],
  'gross margin': ['gross margin', 'gross profit margin'],
  'gross profit': ['gross profit'],
  'profit': ['profit'],
  'operating margin': ['operating margin'],
  'profit margin': ['profit margin', 'net margin'],
  'net income': ['net income', 'net profit', 'net earnings', 'profit attributable'],
  'non-gaap net income': ['non-gaap net income', 'adjusted net income'],
  'eps': ['eps', 'earnings per share', 'earnings per ads', 'diluted earnings', 'diluted eps'],
  'non-gaap diluted eps': ['non-gaap diluted eps', 'non-gaap diluted earnings per share'],
  'free cash flow': ['free cash flow', 'fcf'],
  'operating cash flow': ['operating cash flow', 'cash flow from operations', 'cash from operations', 'cash from operating activities',
    'net cash from operating activities', 'cash generated from operating activities', 'net cash provided by operating activities'],
  'net debt': ['net debt'],
  'net cash': ['net cash', 'cash position', 'cash and cash equivalents', 'cash'],
  'cash flow': ['cash flow'],
  'capex': ['capex', 'capital expenditure', 'capital expenditures', 'capital spending'],
  'share repurchase program': ['share repurchase program', 'buyback program', 'share buyback program', 'repurchase program'],
  'share repurchase': ['share repurchase', 'share buyback', 'buyback', 'repurchase', 'repurchased', 'repurchasing', 'bought back', 'buy back', 'buying back', 'buys back'],
  'dividend': ['dividend'],
  'gmv': ['gmv', 'gross merchandise volume', 'gross merchandise value'],
  'dau': ['dau', 'daily active users'],
  'mau': ['mau', 'monthly active users'],
  'users': ['users', 'user base'],
  'active users': ['active users', 'active accounts'],
  'customers': ['customers'],
  'buyers': ['buyers', 'active buyers'],
  'consumers': ['consumers', 'active consumers'],
  'members': ['members', 'paying members'],
  'membership': ['membership'],
  'orders': ['orders', 'paid orders'],
  'order volume': ['order volume'],
  'daily orders': ['daily orders'],
  'daily average orders': ['daily average orders', 'average daily orders'],
  'take rate': ['take rate'],
  'backlog': ['backlog', 'order backlog'],
  'churn': ['churn', 'churn rate'],
  'net retention': ['net retention', 'net revenue retention', 'net dollar retention'],
  'service fee': ['service fee'],
  'arpu': ['arpu', 'average revenue per user'],
  'guidance': ['guidance', 'outlook'],
  'impairment of goodwill': ['impairment of goodwill'],
  'goodwill impairment': ['goodwill impairment'],
  // Costs and expenses are amounts; a ratio is named only when the call says "ratio" or
  // states the expense as a share (LineMetrics.metricOf), so "R&D expense of EUR 487 million"
  // stays an expense. Each keeps the name as the call writes it ("expense" or "expenses").
  'cost of revenue': ['cost of revenue', 'cost of revenues', 'cost of sales'],
  'sales and marketing expense': ['sales and marketing expense'],
  'sales and marketing expenses': ['sales and marketing expenses'],
  'general and administrative expense': ['general and administrative expense'],
  'general and administrative expenses': ['general and administrative expenses'],
  'product development expense': ['product development expense'],
  'product development expenses': ['product development expenses'],
  'r&d expense': ['r&d expense', 'r&d expenses', 'r&d spending', 'research and development expense', 'research and development expenses', 'research and development'],
  'operating expenses': ['operating expenses', 'opex'],
  'roe': ['roe', 'return on equity'],
  'roa': ['roa', 'return on assets'],
  'roic': ['roic', 'return on invested capital'],
  'rote': ['rote', 'return on tangible equity'],
  'loss': ['loss', 'losses', 'net loss'],
  'margin': ['margin'],
  'gdp': ['gdp', 'economic growth'],
  'headcount': ['headcount', 'employees'],
};

export interface MetricMatch {
  /** Offset in the line where the phrase starts. */
  start: number;
  end: number;
  metric: string;
  /** The phrase came from the user's glossary: its name is taken as given, never narrowed. */
  user: boolean;
  /** The phrase is a bare "loss" or "profit" that names the measure said before it. */
  generic: 'loss' | 'profit' | 'margin' | null;
}

/** A noun right after a metric phrase that narrows it: "EBITA loss", "loss per order", "capex guidance". Sticky. */
const QUALIFYING_NOUN = / (?:(loss|losses|margin|margins|ratio|guidance|outlook)|per ([a-z]+))(?![A-Za-z])/iy;

/** "(net cash) used in investing activities", "neutral from investment and acquisition activities". Sticky. */
const CASH_FLOW_ACTIVITY = / (?:[a-z]+ )?(?:from|used in|used for|provided by|generated by|generated from) ((?:[a-z]+ ){1,4})activities(?![A-Za-z])/iy;

/** "statement" after a metric phrase: it names a financial statement. Sticky. */
const STATEMENT_AFTER = / statements?(?![A-Za-z])/iy;

/** Words after a bare "cash" that make it a flow or a payment: "cash returned", "cash taxes". Sticky. */
const CASH_NARROWED = / (?:returned|paid|used|spent|generated|distributed|taxes|interest|provided|consideration|outflows?|inflows?|burn|costs?)(?![A-Za-z])/iy;

/** Metrics a program's name narrows when written right before them ("Prime membership"). */
const PROGRAM_HEADS: ReadonlySet<string> = new Set(['membership', 'members']);
/** Capitalized words that open a sentence rather than name a program ("The membership grew"). */
const NOT_PROGRAM_NAMES: ReadonlySet<string> = new Set(['the', 'our', 'this', 'that', 'these', 'its', 'their', 'total', 'new', 'paying', 'active', 'and', 'with', 'of']);

/** A word that is or is part of a program's name: "88", "VIP", "88VIP", "Gold". */
const isProgramName = (word: string): boolean => /\d/.test(word) || (/^[A-Z]/.test(word) && !NOT_PROGRAM_NAMES.has(word.toLowerCase()));
/** The first word of a two-word program name must be a code: "88 VIP", "PLUS VIP", not "The Gold". */
const isProgramCode = (word: string): boolean => /\d/.test(word) || /^[A-Z]{2,}$/.test(word);

/** Measures of profit a bare "loss" or "profit" refers back to. */
const PROFIT_MEASURE = /(?:ebitda|ebita|ebit|income|profit|earnings)(?: loss)?$/;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface TrieNode {
  /** The character as written in the phrases, for the pattern. */
  written: string;
  children: Map<string, TrieNode>;
  /** A phrase ends here. */
  ends: boolean;
}

/**
 * The character a case-insensitive regex without the u flag compares: its upper case, unless
 * that is several characters or turns a non-ASCII character into an ASCII one.
 */
function caseFolded(char: string): string {
  const upper = char.toUpperCase();
  return upper.length === 1 && !(char.charCodeAt(0) > 127 && upper.charCodeAt(0) < 128) ? upper : char;
}

/**
 * The phrases as one regex trie: each position tries one character instead of every phrase,
 * which is about twice as fast as a flat alternation. The longest phrase that fits still wins,
 * because every branch is tried before the phrase that ends where it starts.
 */
function phraseTrie(phrases: readonly string[]): string {
  const root: TrieNode = { written: '', children: new Map(), ends: false };
  for (const phrase of phrases) {
    let node = root;
    // Code units, as the regex without the u flag reads them; characters the regex takes as equal share a branch.
    for (let i = 0; i < phrase.length; i++) {
      const char = phrase[i];
      const folded = caseFolded(char);
      let child = node.children.get(folded);
      if (!child) {
        child = { written: char, children: new Map(), ends: false };
        node.children.set(folded, child);
      }
      node = child;
    }
    node.ends = true;
  }
  return trieSource(root);
}

function trieSource(node: TrieNode): string {
  const branches = [...node.children.values()].map((child) => (child.written === ' ' ? '[ -]' : escapeRegex(child.written)) + trieSource(child));
  if (!branches.length) return '';
  if (node.ends) return `(?:${branches.join('|')})?`;
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}
const phraseKey = (phrase: string): string => phrase.trim().toLowerCase().replace(/[\s-]+/g, ' ');

/** One compiled glossary: the phrase regex and the phrase → metric map. */
export class MetricGlossary {
  private readonly pattern: RegExp;
  private readonly metricByPhrase = new Map<string, string>();
  private readonly userPhrases = new Set<string>();

  constructor(extra: Record<string, string[]> = {}) {
    const add = (metric: string, phrases: readonly unknown[], user: boolean): void => {
      const name = metric.trim().toLowerCase();
      if (!name) return;
      for (const phrase of [name, ...phrases]) {
        const key = typeof phrase === 'string' ? phraseKey(phrase) : '';
        if (!key) continue;
        this.metricByPhrase.set(key, name);
        // Built-in phrases are added first, so a user phrase only ever overrides one.
        if (user) this.userPhrases.add(key);
      }
    };
    for (const [metric, phrases] of Object.entries(BUILT_IN_GLOSSARY)) add(metric, phrases, false);
    for (const [metric, phrases] of Object.entries(extra)) if (Array.isArray(phrases)) add(metric, phrases, true);
    // The user's phrases come first, so they win where a built-in phrase starts at the same
    // place; within each group the longest phrase that fits wins, so "adjusted ebita" beats "ebita".
    const keys = [...this.metricByPhrase.keys()];
    const groups = [keys.filter((k) => this.userPhrases.has(k)), keys.filter((k) => !this.userPhrases.has(k))]
      .filter((group) => group.length > 0)
      .map(phraseTrie);
    // ASCII word boundaries keep this regex fast; phrases are matched case-insensitively,
    // and a plural "s" may follow any of them.
    this.pattern = new RegExp(`(?<![A-Za-z\\d])(?:${groups.join('|')})s?(?![A-Za-z\\d])`, 'gi');
  }

  /** The compiled phrase regex, for the ReDoS test. */
  get regex(): RegExp {
    return this.pattern;
  }

  /** The metric a whole phrase names, or null. */
  metricFor(phrase: string): string | null {
    return this.lookup(phrase)?.metric ?? null;
  }

  /** The glossary key a written phrase is found under (its plural folded) and its metric, or null. */
  private lookup(written: string): { key: string; metric: string } | null {
    const key = phraseKey(written);
    const metric = this.metricByPhrase.get(key);
    if (metric !== undefined) return { key, metric };
    const singular = key.endsWith('s') ? key.slice(0, -1) : null;
    const singularMetric = singular === null ? undefined : this.metricByPhrase.get(singular);
    return singular !== null && singularMetric !== undefined ? { key: singular, metric: singularMetric } : null;
  }

  /** Every metric phrase starting in [from, to) of a line, in order. */
  matchRange(text: string, from = 0, to = text.length): MetricMatch[] {
    const found: MetricMatch[] = [];
    // Only this window is searched: a search from an offset would run on to the end of the line.
    const start = Math.max(0, from);
    const window = text.slice(start, Math.min(text.length, Math.max(start, to)));
    this.pattern.lastIndex = 0;
    let userEnd = -1;
    for (let match = this.pattern.exec(window); match; match = this.pattern.exec(window)) {
      const written = match[0];
      const known = this.lookup(written);
      if (!known) continue;
      const metric = known.metric;
      const phraseStart = start + match.index;
      const end = phraseStart + written.length;
      // The phrase is the user's when the key it was found under is theirs, not any key one letter shorter.
      const user = this.userPhrases.has(known.key);
      if (user) {
        found.push({ start: phraseStart, end, metric, user, generic: null });
        userEnd = end;
        continue;
      }
      // The user's phrase names the whole: in "Cloud revenue" with "cloud" theirs, "revenue" adds nothing.
      if (phraseStart === userEnd + 1 && (text[userEnd] === ' ' || text[userEnd] === '-')) continue;
      // "adjusted EBITA loss", "gross margin ratio", "loss per order": a qualifying noun after the phrase narrows the metric.
      // "the income statement", "cash flow statements": the name of a financial statement measures nothing.
      STATEMENT_AFTER.lastIndex = end;
      if (STATEMENT_AFTER.test(text)) continue;
      // "cash returned to shareholders", "cash paid": a bare "cash" that a participle narrows is not the cash position.
      if (metric === 'net cash' && written.length === 4) {
        CASH_NARROWED.lastIndex = end;
        if (CASH_NARROWED.test(text)) continue;
      }
      // "net cash used in financing activities": the cash flow of one kind of activity, not the cash position.
      if (metric === 'net cash') {
        CASH_FLOW_ACTIVITY.lastIndex = end;
        const activity = CASH_FLOW_ACTIVITY.exec(text);
        if (activity) {
          const activityEnd = end + activity[0].length;
          found.push({ start: phraseStart, end: activityEnd, metric: `net cash from ${activity[1].toLowerCase()}activities`, user, generic: null });
          this.pattern.lastIndex = activityEnd - start;
          continue;
        }
      }
      QUALIFYING_NOUN.lastIndex = end;
      const noun = QUALIFYING_NOUN.exec(text);
      const narrowed = noun ? narrow(metric, noun) : metric;
      const named = this.named(text, phraseStart, written, narrowed);
      // A bare "loss" named by an acronym before it ("UE losses") is not the measure said earlier.
      const generic = noun || named.start < phraseStart ? null : genericOf(written);
      found.push({ start: named.start, end: noun ? end + noun[0].length : end, metric: named.metric, user, generic });
      // The narrowing noun is part of this phrase, not a metric of its own.
      if (noun) this.pattern.lastIndex = end + noun[0].length - start;
    }
    return resolveGenerics(mergeHeads(text, found));
  }

  /**
   * A phrase as part of a name: "88VIP membership" names the program's membership (and starts
   * at its name), while in "Acme Cloud revenue" the capitalized "Cloud" belongs to the company,
   * so the metric is "revenue".
   */
  private named(text: string, start: number, written: string, metric: string): { metric: string; start: number } {
    const previous = wordBefore(text, start);
    if (!previous) return { metric, start };
    if (PROGRAM_HEADS.has(metric) && isProgramName(previous)) {
      // "88 VIP members": a program's name may be two such words.
      const first = wordBefore(text, start - previous.length - 1);
      const name = first && isProgramCode(first) ? `${first} ${previous}` : previous;
      return { metric: `${name.toLowerCase()} ${metric}`, start: start - name.length - 1 };
    }
    // "UE losses", "DTC margin": an acronym the glossary does not know names whose loss or margin it is.
    if (genericOf(written) && ACRONYM.test(previous)) {
      return { metric: `${previous.toLowerCase()} ${genericOf(written)}`, start: start - previous.length - 1 };
    }
    const line = revenueLine(text, start, written);
    if (line) return { metric: `${line.toLowerCase()} ${metric}`, start: start - line.length - 1 };
    const space = written.search(/[ -]/);
    if (space > 0 && /^[A-Z]/.test(written) && /^[A-Z]/.test(previous)) {
      const head = this.lookup(written.slice(space + 1));
      if (head) return { metric: head.metric, start };
    }
    return { metric, start };
  }
}

/**
 * The words that name a line of revenue when they open the sentence: "Customer management
 * revenue increased", "Direct sales and others revenue grew". One to five plain words, the
 * first capitalized as a sentence opens (or an acronym), none a determiner or a word for the whole.
 */
const REVENUE_LINE = /^[A-Z][A-Za-z]*(?:-[a-z]+)?(?: (?:[a-z]+(?:-[a-z]+)?|&)){0,4}$/;
const NOT_A_LINE: ReadonlySet<string> = new Set([
  'total', 'our', 'the', 'this', 'that', 'its', 'their', 'net', 'group', 'overall', 'consolidated', 'quarterly', 'annual',
  'reported', 'adjusted', 'gross', 'company', 'full', 'first', 'second', 'third', 'fourth', 'same', 'organic', 'so', 'but',
  'as', 'while', 'in', 'on', 'for', 'of', 'with', 'by', 'at', 'a', 'an', 'all', 'both', 'other', 'such', 'these', 'those',
  // Pronouns and the verbs that report or expect: "We expect revenue", "Management said revenue".
  'we', 'i', 'you', 'they', 'he', 'she', 'it', 'said', 'says', 'say', 'expect', 'expects', 'expected', 'see', 'saw', 'sees',
  'noted', 'believe', 'think', 'estimate', 'estimated', 'guide', 'guided', 'now', 'then', 'also',
]);
/** A period word names when, not which line: "Full-year revenue", "Fourth-quarter revenue". */
const PERIOD_WORD = /(?:year|quarter|month|half|week|annual|ytd)/i;

/** The name of the revenue line a sentence opens with, or null: see REVENUE_LINE. */
function revenueLine(text: string, start: number, written: string): string | null {
  if (!/^revenues?$/i.test(written) || start < 2 || text.charCodeAt(start - 1) !== 32) return null;
  // The sentence opens at the line's start or after a full stop, question mark or exclamation mark and a space.
  const opening = Math.max(text.lastIndexOf('. ', start - 2), text.lastIndexOf('? ', start - 2), text.lastIndexOf('! ', start - 2));
  const from = opening < 0 ? 0 : opening + 2;
  if (start - 1 - from > 60) return null;
  const words = text.slice(from, start - 1);
  if (!REVENUE_LINE.test(words)) return null;
  // "and" joins two names of one line ("Direct sales and others"), but does not open one.
  const list = words.split(' ');
  return list[0].toLowerCase() === 'and' || list.some((word) => NOT_A_LINE.has(word.toLowerCase()) || PERIOD_WORD.test(word)) ? null : words;
}

/** An abbreviation in capitals ("UE", "DTC"), not a word that opens a sentence. */
const ACRONYM = /^[A-Z]{2,5}$/;

/** What may stand between a specific metric and its head: "cloud business overall revenue". */
const HEAD_LINK = /^ (?:overall |total |reported )?$/i;

/**
 * "Our cloud business overall revenue grew 3%": a bare head ("revenue") right after a metric
 * that is a kind of it ("cloud revenue") is that metric, not the whole company's.
 */
function mergeHeads(text: string, matches: MetricMatch[]): MetricMatch[] {
  const merged: MetricMatch[] = [];
  for (const match of matches) {
    const previous = merged[merged.length - 1];
    if (previous && !match.user && previous.metric.endsWith(` ${match.metric}`) && HEAD_LINK.test(text.slice(previous.end, match.start))) {
      previous.end = match.end;
      continue;
    }
    merged.push(match);
  }
  return merged;
}

/** The word (ASCII letters and digits) that ends one blank before offset, or null. */
function wordBefore(text: string, offset: number): string | null {
  if (text.charCodeAt(offset - 1) !== 32) return null;
  let start = offset - 1;
  while (start > 0 && start > offset - 25 && isAsciiLetterOrDigit(text.charCodeAt(start - 1))) start--;
  return start < offset - 1 && (start === 0 || !isAsciiLetterOrDigit(text.charCodeAt(start - 1))) ? text.slice(start, offset - 1) : null;
}

/** Metrics that are already per unit: "EPS", "ARPU", "loss per order". */
const PER_UNIT_METRIC = /(?:^|\s)(?:eps|arpu|per \w+)$/;

function narrow(metric: string, noun: RegExpExecArray): string {
  // "EPS per share" says per share twice.
  if (noun[2]) return PER_UNIT_METRIC.test(metric) ? metric : `${metric} per ${noun[2].toLowerCase()}`;
  const word = noun[1].toLowerCase();
  const suffix = word.startsWith('loss') ? 'loss' : word === 'margins' ? 'margin' : word;
  return metric.endsWith(suffix) || metric.endsWith(`${suffix} ratio`) ? metric : `${metric} ${suffix}`;
}

/**
 * "Adjusted EBITA was a loss of RMB3 billion", "recorded a profit of RMB48 million": a bare
 * "loss" or "profit" names the measure of profit said before it, in its sentence or carried in.
 */
function resolveGenerics(matches: MetricMatch[], carried: string | null = null): MetricMatch[] {
  let measure = carried;
  for (const match of matches) {
    if (match.generic === 'margin') {
      // "EBITDA turned positive, with a 4% margin"; "net income … margin" stays a plain margin.
      if (measure && /ebit(?:d?a)?$/.test(measure)) match.metric = `${measure} margin`;
    } else if (match.generic) {
      if (measure) match.metric = match.generic === 'loss' ? `${measure} loss` : measure;
    } else if (!match.user && PROFIT_MEASURE.test(match.metric)) {
      measure = match.metric.replace(/ loss$/, '');
    }
  }
  return matches;
}

/** Whether a written phrase is a bare "loss", "profit" or "margin" that names a measure said before it. */
function genericOf(written: string): MetricMatch['generic'] {
  const word = written.toLowerCase();
  if (word === 'loss' || word === 'losses') return 'loss';
  if (word === 'profit' || word === 'profits') return 'profit';
  if (word === 'margin' || word === 'margins') return 'margin';
  return null;
}

/** The measure of profit a sentence's matches end on, or null. */
function lastProfitMeasure(matches: readonly MetricMatch[]): string | null {
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i];
    if (!match.user && match.metric !== 'profit' && PROFIT_MEASURE.test(match.metric)) return match.metric.replace(/ loss$/, '');
  }
  return null;
}

export interface Span {
  start: number;
  end: number;
}

/** Where the sentences of a line are (LineContext). */
export interface SentenceFinder {
  sentenceAt(offset: number): Span;
}

/**
 * What may stand between a figure and the metric written right after it, normalized to single
 * blanks with a trailing blank: "32% revenue increase", "a 16% year-over-year increase in
 * adjusted EBITA", "53% of overall cloud revenue", "72% of Orrin's total revenue".
 */
const LEAD_TO_METRIC_AFTER =
  /^(?:(?:year|quarter|month)[- ](?:over|on)[- ](?:year|quarter|month) |yoy |y\/y )?(?:(?:increase|decrease|growth|decline|rise|drop|reduction|improvement|gain|jump) (?:in|of) |of |in )?(?:[a-z][a-z-]*'s )?(?:(?:the|our|its|their|total|overall) ){0,2}(?:(?:annual|annualized|quarterly|yearly|recurring|reported|organic) )?$/i;

/** The words between a metric and the level it reached: "expanded to", "grew to over". */
const REACHED_LEVEL = /^[^,;]{0,40} to(?: about| over| more than| nearly| almost)? $/i;

/** Change nouns a figure may be the size of: "a 40% year-over-year reduction". */
const CHANGE_NOUN_AFTER: ReadonlySet<string> = new Set([
  // "gain" is left out: "a $284 million gain" is a gain, not the change of a metric said before.
  'increase', 'growth', 'rise', 'jump', 'improvement', 'expansion', 'surge', 'uplift',
  'decrease', 'decline', 'drop', 'fall', 'reduction', 'contraction', 'cut', 'swing', 'change',
]);

/** A preposition that makes the next metric phrase a modifier of the one before: "revenue from customers". */
const MODIFIER_LINK = /^ (?:from|of|in|among) (?:[A-Za-z-]+ ){0,2}$/i;

/** The words a count counts: "20 cities", "15 international sorting centers", "millions of new jobs". Sticky. */
const COUNTED_NOUN = /(?: of)? ([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*){0,2})/y;
/** Words that end a counted noun phrase. */
const NOUN_PHRASE_STOP: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'in', 'of', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'across', 'over', 'under',
  'per', 'that', 'which', 'who', 'this', 'these', 'those', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has',
  'had', 'will', 'would', 'can', 'could', 'as', 'than', 'more', 'less', 'year', 'years', 'quarter', 'quarters', 'month',
  'months', 'today', 'now', 'so', 'also', 'already', 'yoy', 'year-over-year', 'year-on-year', 'we', 'our', 'it', 'its',
  'times', 'percent', 'versus', 'vs', 'away', 'during', 'into', 'through', 'while', 'within', 'since', 'after', 'before', 'up', 'down',
]);

/** What joins two metrics measured together: "GMV and members", "DAUs and also in VIP members". */
const COORDINATION = /^ and (?:also )?(?:in )?$/i;

/** A line that starts in lower case goes on with the sentence of the line before. */
const CONTINUATION = /^[a-z]/;

/** Digits with a decimal point and no scale word. */
const BARE_DECIMAL = /^\d+\.\d+$/;

/** Units a count may be measured in: "212,000 tonnes" is an amount of something else, not a count of tonnes. */
const MEASUREMENT_UNITS: ReadonlySet<string> = new Set([
  'seconds', 'minutes', 'hours', 'days', 'weeks', 'points', 'basis', 'tonnes', 'tons', 'units', 'barrels', 'ounces',
  'miles', 'kilometers', 'kilometres', 'km', 'meters', 'metres', 'feet', 'square', 'acres', 'hectares', 'liters', 'litres',
  'gallons', 'watts', 'kilowatts', 'megawatts', 'gigawatts', 'kwh', 'mwh', 'gwh', 'bytes', 'mb', 'gb', 'tb', 'pb',
  // Money counted in a currency's units is an amount, not a count of things: "20 cents per share".
  'cents', 'cent', 'dollars', 'euros', 'pounds', 'pence', 'yuan', 'yen', 'rupees', 'pesos', 'francs', 'bucks',
]);

/** Where a figure's metric was named: the words on its line, or on the previous non-blank line. */
export interface MetricAttribution {
  metric: string;
  start: number;
  end: number;
  /** The words stand on the previous non-blank line, which this line goes on from. */
  previousLine: boolean;
}

/** Kinds that are amounts of something: a ratio's name ("gross margin", "ROE") never measures them. */
const AMOUNT_KINDS: ReadonlySet<string> = new Set(['money', 'count']);
/** Metrics that are ratios or rates. */
const RATIO_METRIC = /(?:margin|ratio|rate|churn|retention|roe|roa|roic|rote)$/;
/** Metrics that count people or accounts: "customers" never measures EUR 200 million. */
const COUNT_METRIC = /(?:^|\s)(?:customers|users|buyers|consumers|members|dau|mau|headcount)$/;
/** Metrics that are costs: stated as a share of revenue, they are the cost's ratio. */
const COST_METRIC = /(?:expense|expenses|cost of revenue)$/;

/**
 * Words between two metrics, or a metric and a figure, that end one clause and start another
 * with a new subject: "revenue grew; we expect 5%", "revenue was flat, but we added 12%",
 * "orders were down 11%, equipment was down 11". A colon is no break: "Revenue: EUR 14.2
 * billion" names the figure's metric.
 */
const CLAUSE_BREAK = /;|\b(?:but|while|whereas|although|though|however)\b|\band (?:we|i|you|they|our|their|there|this|these|those)\b|, and the\b|, (?:these|those)\b|, (?!(?:which|that|who|or|and|up|down|but|so|as)\b)[a-z]+ (?:was|were|is|are)\b/gi;

/**
 * How far (in characters) a metric may govern a figure after it, or the next figure of a chain
 * ("were $54.4 million …, compared to $59.5 million … and $62.7 million"): further away, other
 * nouns have come between. At most MAX_CHAIN figures may stand in between.
 */
const METRIC_REACH = 120;
const PLAIN_KINDS: ReadonlySet<string> = new Set(['date', 'period', 'ordinal', 'label']);
const MAX_CHAIN = 8;

/** Kinds of figure that say when or which, never how much of a noun. */
const NAMES_NO_NOUN: ReadonlySet<string> = new Set(['date', 'period', 'ordinal', 'label']);

/** A figure said as the size of the noun after it: "a $284 million gain", "an EUR 8 million one-off". */
const ARTICLE_BEFORE = /\b(?:a|an)(?: (?:nearly|roughly|about|approximately|almost|over|estimated|additional|further|incremental|total|record|one-time))?\s*$/i;

/** Whether text between a metric and a figure is at most `words` words with no clause break: "bought back another". */
function isClose(between: string, words: number): boolean {
  const trimmed = between.trim();
  return !/[,;]\s/.test(between) && (!trimmed || trimmed.split(/\s+/).length <= words);
}

/** "of", maybe a determiner, and the next word, right after a figure. Sticky. */
const OF_NOUN_AFTER = / of (?:(?:our|the|its|their|this|that) )?([A-Za-z][A-Za-z-]*)/y;
/** Words after "of" that name no thing measured: "12% of total", "5% of which". */
const NOT_A_NOUN_AFTER_OF: ReadonlySet<string> = new Set(['total', 'which', 'whom', 'what', 'all', 'each', 'both', 'them', 'it', 'us', 'those', 'these', 'last', 'next', 'prior', 'previous', 'about', 'approximately', 'roughly', 'around', 'nearly', 'almost', 'just', 'only', 'some']);
/** The word right after a figure. Sticky. */
const WORD_AFTER = / ([A-Za-z][A-Za-z-]*)/y;

/** What leads from a share to the metric it is a share of: "5.1% of revenue", "55% of total revenue". */
const SHARE_LEAD = /^of (?:(?:the|our|its|total|overall|group|net) )*$/i;
/** The text before a figure that restates an amount said just before it: "EUR 212 million, or ". */
const RESTATES_AMOUNT = /\d[^,;]{0,20}, or (?:about |roughly |approximately |around |nearly |almost )?$/i;
/** A sentence opening on a pronoun subject and a verb, right up to the figure: "It grew ", "This was about ". */
const PRONOUN_SUBJECT = /^\s*(?:it|this|that)(?:'s| (?:was|is|were|grew|rose|fell|increased|decreased|declined|expanded|improved|reached|came in at|stood at|dropped|climbed|jumped|slipped)\b)[^,;]{0,20}$/i;

/** A change noun and the level it reached, between a metric and the figure: " increase to ". */
const LEVEL_AFTER_CHANGE = /^ (?:[a-z-]+ )?(?:to|of|at) $/i;

/** Words that name a metric to set a figure apart from it: "in addition to the dividend", "excluding SBC". */
const SET_APART = /\b(?:in addition to|besides|beyond|on top of|apart from|aside from|alongside|excluding|other than|except for|instead of)\s+(?:(?:the|our|its|their) )?$/i;

/** The denominator of a share: "the share of online orders within total sales". */
const SHARE_OF = /\b(?:proportion|share|percentage|portion|fraction|part) of\b[^,;.]{0,50}$/i;

/** Words that link a quantity in a unit to the metric before it: "output was 212,000 tonnes", "… 820,000 and 850,000 tonnes". */
const LINKED_TO_FIGURE =
  /\b(?:was|were|is|are|be|been|of|at|to|by|reached|totaled|totalled|hit|exceeded|exceeding|grew|rose|fell|increased|decreased|produced|shipped|delivered|sold)(?: (?:about|approximately|around|roughly|nearly|almost|over|more than|less than|under|some|up to|at least|between))?\s*$|\d (?:and|to|or)\s*$/i;

/** Qualifiers at the end of the text before a figure, removed before reading the word before them. */
const QUALIFIER_AT_END = /\b(?:about|approximately|around|roughly|nearly|almost|over|more than|less than|under|some|up to|at least|just over|just under)$/i;
/**
 * A preposition that makes a count a comparison or a recipient ("versus 100 cities", "to 1
 * million merchants"), unless "to" follows a change ("grew to 49 million users").
 */
const COMPLEMENT_BEFORE = /\b(?:after|versus|vs\.?|than|to)$/i;
/** A change or level verb that makes "to" name the level reached. */
const LEVEL_VERB = /\b(?:grew|grown|grow|grows|expanded|expand|increased|rose|risen|climbed|jumped|reached|up|down|fell|declined|decreased|dropped|doubled|tripled|went|from)\b/i;

/** "respectively" in a sentence pairs a list of metrics with a list of figures in order. */
const RESPECTIVELY = /\brespectively\b/i;
/** What joins figures of one list: ", ", " and ", ", and ". */
const LIST_JOIN = /^(?:,? and |, )$/;

/** A counted noun phrase after a count. */
interface CountedNoun {
  /** The metric it names, or null when the count is in a unit of measure ("212,000 tonnes"). */
  metric: string | null;
  start: number;
  end: number;
}

/** The metrics of one line: glossary matches per sentence, read once, and the figure → metric attribution. */
export class LineMetrics {
  private readonly bySentence = new Map<number, MetricMatch[]>();

  /** The matches of the last sentence of the previous non-blank line, read only when needed. */
  private previousMatches: MetricMatch[] | null = null;

  /** Where clause breaks stand on the line, [start, end) pairs in order, found in one pass when first needed. */
  private clauseBreaks: number[] | null = null;

  /** Whether each sentence (by its start) says "respectively"; null when the line never does. */
  private readonly respectively: Map<number, boolean> | null;

  /** The figures' starts, ascending, for binary searches. */
  private readonly figureStarts: number[];

  /**
   * previousLine: the previous non-blank line, for a line that goes on with its sentence ("or
   * 12% year over year, …" after a page break) or opens on a bare "Loss". figures: every
   * figure on the line, in order, for lists said with "respectively".
   */
  constructor(
    private readonly glossary: MetricGlossary,
    private readonly text: string,
    private readonly sentences: SentenceFinder,
    private readonly previousLine: string | null = null,
    private readonly figures: ReadonlyArray<Span & { kind?: string }> = [],
  ) {
    this.figures = [...figures].sort((a, b) => a.start - b.start);
    this.figureStarts = this.figures.map((figure) => figure.start);
    this.respectively = RESPECTIVELY.test(text) ? new Map() : null;
  }

  /** Whether a clause break lies wholly inside [from, to). */
  private breakBetween(from: number, to: number): boolean {
    // A short stretch is read directly; a long one through the line's breaks, found once, so a
    // long line with a metric far before many figures is not read again for each of them.
    if (to - from <= 400) {
      CLAUSE_BREAK.lastIndex = 0;
      return CLAUSE_BREAK.test(this.text.slice(from, to));
    }
    if (!this.clauseBreaks) {
      this.clauseBreaks = [];
      CLAUSE_BREAK.lastIndex = 0;
      for (let m = CLAUSE_BREAK.exec(this.text); m; m = CLAUSE_BREAK.exec(this.text)) this.clauseBreaks.push(m.index, m.index + m[0].length);
    }
    const breaks = this.clauseBreaks;
    // The first break starting at or after `from`, by binary search over the pairs.
    let low = 0;
    let high = breaks.length / 2;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[2 * mid] < from) low = mid + 1;
      else high = mid;
    }
    return low < breaks.length / 2 && breaks[2 * low + 1] <= to;
  }

  /** Whether a metric ending at `from` reaches the figure at `to`, directly or through a chain of figures each within reach of the last. */
  private withinReach(from: number, to: number): boolean {
    let reached = from;
    let index = this.lastFigureBefore(to);
    // The figures between, walked back from the figure: at most MAX_CHAIN of them.
    const between: Span[] = [];
    while (index >= 0 && this.figures[index].start >= from && between.length <= MAX_CHAIN) {
      const figure = this.figures[index--];
      // A date or a label says when or which, not how much: it carries no metric along a chain.
      if (!figure.kind || !PLAIN_KINDS.has(figure.kind)) between.unshift(figure);
    }
    if (between.length > MAX_CHAIN) return false;
    for (const figure of between) {
      if (figure.start - reached > METRIC_REACH) return false;
      reached = Math.max(reached, figure.end);
    }
    return to - reached <= METRIC_REACH;
  }

  /** The index of the last figure starting before offset, or -1. */
  private lastFigureBefore(offset: number): number {
    let low = 0;
    let high = this.figureStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.figureStarts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  /**
   * What the figure at [start, end) measures and the words that say so, or null. A metric is
   * named only when the sentence supports it: the phrase governs this figure (its clause, the
   * nearest, not a noun the figure qualifies), and its type fits the figure's kind.
   */
  metricOf(start: number, end: number, kind: string, change: string | null = null): MetricAttribution | null {
    const sentence = this.sentences.sentenceAt(start);
    const matches = this.matchesOf(sentence);
    const listed = this.respectiveMetric(start, sentence, matches);
    if (listed) return this.fitting(listed, kind, change, false);
    let before: MetricMatch | null = null;
    let after: MetricMatch | null = null;
    for (const match of matches) {
      if (match.end <= start && match.start >= sentence.start) {
        // "Revenue from customers": the phrase after the preposition only says whose revenue.
        if (before && !before.generic && MODIFIER_LINK.test(this.text.slice(before.end, match.start))) continue;
        // "DAUs and VIP members … grew": two metrics joined by "and" are measured together.
        before = before && COORDINATION.test(this.text.slice(before.end, match.start)) ? { ...match, start: before.start, metric: `${before.metric} and ${match.metric}` } : match;
      } else if (match.start >= end && match.end <= sentence.end) {
        after = match;
        break;
      }
    }
    // A metric in an earlier clause with its own subject does not measure this figure.
    if (before && this.breakBetween(before.end, start)) before = null;
    if (before && !this.withinReach(before.end, start)) before = null;
    // "a EUR 15 million share buyback … brings cash returned to EUR 96 million": the phrase is the noun of the figure right before it.
    // "a 32% revenue increase to $5.1 billion" still names the level reached.
    if (before && this.nounOfEarlierFigure(before, start) && !LEVEL_AFTER_CHANGE.test(this.text.slice(before.end, start))) before = null;
    // "The share of online orders within total sales … is 4%": sales are what the share is of.
    if (before && SHARE_OF.test(this.text.slice(Math.max(sentence.start, before.start - 80), before.start))) before = null;
    // "Beyond the dividend, we returned EUR 20 million": the metric is named to set the figure apart from it.
    if (before && SET_APART.test(this.text.slice(Math.max(sentence.start, before.start - 24), before.start))) before = null;
    // "Backlog was EUR 11.2 billion. It grew 7%": a pronoun subject stands for the metric the sentence before opened on.
    if (!before && PRONOUN_SUBJECT.test(this.text.slice(sentence.start, start))) before = this.openingMetricBefore(sentence);
    let fromPreviousLine = false;
    // A line that goes on with the previous line's sentence goes on with its metric too.
    if (!before && sentence.start === 0 && CONTINUATION.test(this.text)) {
      const previous = this.matchesOfPreviousLine();
      before = previous.length ? previous[previous.length - 1] : null;
      fromPreviousLine = before !== null;
    }
    // A count that is the level a metric said before reached: "membership expanded to 49 million users".
    if (kind === 'count' && before && !fromPreviousLine && REACHED_LEVEL.test(this.text.slice(before.end, start))) return this.fitting(before, kind, change, false);
    // A metric written right after the figure is what it measures: "32% revenue increase".
    if (after && after.start - end <= 60) {
      const lead = this.text.slice(end, after.start).trim().replace(/\s+/g, ' ');
      // "Cost of revenue was EUR 1.6 billion, or 55% of revenue": a share restating the amount
      // before it is that amount's share of the metric after it, so it measures the metric before.
      // Points are not a share: "EUR 45 million, or 80 basis points of margin" measures the margin.
      if ((kind === 'percent' || kind === 'fraction') && SHARE_LEAD.test(`${lead} `) && RESTATES_AMOUNT.test(this.text.slice(Math.max(sentence.start, start - 40), start))) {
        return before && !fromPreviousLine ? this.fitting(before, kind, change, false) : null;
      }
      if (!lead || LEAD_TO_METRIC_AFTER.test(`${lead} `)) return this.fitting(after, kind, change, false);
    }
    // "a $284 million gain", "88 million of earnings": the figure is the size of a noun the glossary does not know.
    if (this.qualifiesNounAfter(start, end)) return null;
    // Unless the metric governs it closely: "we repurchased EUR 15 million of our own shares".
    if (kind !== 'count' && this.measuresNounAfterOf(end) && !(before && isClose(this.text.slice(before.end, start), 3))) return null;
    // A count measures what it counts: "2 million delivery riders". A bare decimal ("version
    // 3.2 parses") counts nothing.
    if (kind === 'count' && !BARE_DECIMAL.test(this.text.slice(start, end))) {
      const counted = this.countedNoun(end, sentence.end);
      // "going after 50 cities versus 100 cities", "new business to 1 million merchants": a count in a
      // comparison or a recipient is not what the sentence reports.
      if (counted?.metric && this.isComplement(start)) return null;
      if (counted?.metric) return { metric: counted.metric, start: counted.start, end: counted.end, previousLine: false };
      // "customers thousand miles away": a quantity in a unit belongs to a metric only through a linking word.
      if (counted && before && !fromPreviousLine) {
        const between = this.text.slice(before.end, start);
        // "… cash flow, … to see shale output at 4 million barrels": the link must be the metric's own.
        if (!LINKED_TO_FIGURE.test(between) || !isClose(between, 5)) return null;
      }
    }
    return before ? this.fitting(before, kind, change, fromPreviousLine) : null;
  }

  /**
   * The metric as this figure may carry it: a ratio's name never measures money or a count, a
   * count of people never measures money, and a cost stated in points or as a level percentage is the cost's ratio to revenue.
   */
  private fitting(match: MetricMatch, kind: string, change: string | null, previousLine: boolean): MetricAttribution | null {
    let metric = match.metric;
    if (!match.user) {
      if (AMOUNT_KINDS.has(kind) && RATIO_METRIC.test(metric)) return null;
      if (kind === 'money' && COUNT_METRIC.test(metric)) return null;
      const points = kind === 'percentagePoints' || kind === 'basisPoints';
      if (COST_METRIC.test(metric) && (points || (kind === 'percent' && !change))) metric = `${metric} ratio`;
    }
    return { metric, start: match.start, end: match.end, previousLine };
  }

  /** Whether a metric phrase stands right after another figure before `start`, as that figure's noun ("a $15 million share buyback"). */
  private nounOfEarlierFigure(match: MetricMatch, start: number): boolean {
    const index = this.lastFigureBefore(Math.min(start, match.start));
    const figure = index >= 0 ? this.figures[index] : null;
    // A year or a period names when, not what: "third quarter 2025 revenue" is no noun of 2025.
    if (figure !== null && NAMES_NO_NOUN.has(figure.kind ?? '')) return false;
    return figure !== null && figure.end <= match.start && match.start - figure.end <= 2 && !this.text.slice(figure.end, match.start).trim();
  }

  /** The first metric of the sentence before this one on the line, or null. */
  private openingMetricBefore(sentence: Span): MetricMatch | null {
    if (sentence.start === 0) return null;
    const previous = this.matchesOf(this.sentences.sentenceAt(sentence.start - 1));
    return previous.find((match) => !match.generic) ?? null;
  }

  /** Whether a count is the object of "versus", "than", "after" or a "to" that follows no change. */
  private isComplement(start: number): boolean {
    const before = this.text.slice(Math.max(0, start - 48), start).trimEnd().replace(QUALIFIER_AT_END, '').trimEnd();
    const preposition = COMPLEMENT_BEFORE.exec(before);
    return preposition !== null && (preposition[0].toLowerCase() !== 'to' || !LEVEL_VERB.test(before));
  }

  /** "a $284 million gain": an article before the figure and a noun after it that is no change word. */
  private qualifiesNounAfter(start: number, end: number): boolean {
    if (!ARTICLE_BEFORE.test(this.text.slice(Math.max(0, start - 24), start))) return false;
    WORD_AFTER.lastIndex = end;
    const word = WORD_AFTER.exec(this.text)?.[1].toLowerCase();
    return word !== undefined && !NOUN_PHRASE_STOP.has(word) && !CHANGE_NOUN_AFTER.has(word) && !/^(?:year|quarter|month)-(?:over|on)-/.test(word);
  }

  /** "88 million of earnings", "$3 million of costs": "of" and a noun after the figure say what it is an amount of. */
  private measuresNounAfterOf(end: number): boolean {
    OF_NOUN_AFTER.lastIndex = end;
    const word = OF_NOUN_AFTER.exec(this.text)?.[1].toLowerCase();
    return word !== undefined && !NOUN_PHRASE_STOP.has(word) && !NOT_A_NOUN_AFTER_OF.has(word) && !/^\d/.test(word);
  }

  /**
   * "Cash from operations and free cash flow were up by $7 million and $10 million,
   * respectively": the nth figure of a list measures the nth of the metrics before the list.
   */
  private respectiveMetric(start: number, sentence: Span, matches: readonly MetricMatch[]): MetricMatch | null {
    if (!this.respectively) return null;
    let says = this.respectively.get(sentence.start);
    if (says === undefined) {
      says = RESPECTIVELY.test(this.text.slice(sentence.start, sentence.end));
      this.respectively.set(sentence.start, says);
    }
    if (!says) return null;
    const figures = this.figures;
    const at = this.lastFigureBefore(start + 1);
    if (at < 0 || figures[at].start !== start) return null;
    // The list around this figure: neighbours in the sentence joined by ", " or "and".
    let first = at;
    while (first > 0 && figures[first - 1].start >= sentence.start && LIST_JOIN.test(this.text.slice(figures[first - 1].end, figures[first].start))) first--;
    let last = at;
    while (last + 1 < figures.length && figures[last + 1].end <= sentence.end && LIST_JOIN.test(this.text.slice(figures[last].end, figures[last + 1].start))) last++;
    const size = last - first + 1;
    if (size < 2) return null;
    const named = matches.filter((match) => match.end <= figures[first].start && match.start >= sentence.start);
    if (named.length < size) return null;
    return named[named.length - size + (at - first)];
  }

  /** The noun phrase right after a count, named as the glossary names it when it knows it. */
  private countedNoun(end: number, sentenceEnd: number): CountedNoun | null {
    COUNTED_NOUN.lastIndex = end;
    const found = COUNTED_NOUN.exec(this.text);
    if (!found || found.index + found[0].length > sentenceEnd) return null;
    const words: string[] = [];
    for (const word of found[1].toLowerCase().split(' ')) {
      // A verb after the noun ("shoppers joined") ends it; before it, "-ed" is an adjective ("registered users").
      if (NOUN_PHRASE_STOP.has(word) || (words.length > 0 && word.endsWith('ed'))) break;
      words.push(word);
    }
    if (!words.length) return null;
    const phrase = words.join(' ');
    const start = found.index + found[0].length - found[1].length;
    const span = { start, end: start + phrase.length };
    if (MEASUREMENT_UNITS.has(words[words.length - 1])) return { metric: null, ...span };
    const known = this.glossary.metricFor(phrase);
    if (known) return { metric: known, ...span };
    // Things counted in numbers are plural: "86,000 electric" or "ten million small" name no noun.
    return /[^s]s$/.test(phrase) ? { metric: phrase, ...span } : null;
  }

  private matchesOf(sentence: Span): MetricMatch[] {
    const cached = this.bySentence.get(sentence.start);
    if (cached) return cached;
    const matches = this.glossary.matchRange(this.text, sentence.start, sentence.end);
    this.bySentence.set(sentence.start, matches);
    // "… adjusted EBITA loss narrowed. Loss reduced by RMB80 million": a sentence opening on a
    // bare "Loss" goes on with the measure of the sentence before.
    const first = matches[0];
    if (first && first.generic === 'loss' && first.metric === 'loss' && !/[A-Za-z\d]/.test(this.text.slice(sentence.start, first.start))) {
      const previous = sentence.start > 0 ? this.matchesOf(this.sentences.sentenceAt(sentence.start - 1)) : this.matchesOfPreviousLine();
      const measure = lastProfitMeasure(previous);
      if (measure) resolveGenerics(matches.filter((match) => match.generic && (match.metric === 'loss' || match.metric === 'profit')), measure);
    }
    return matches;
  }

  private matchesOfPreviousLine(): MetricMatch[] {
    if (this.previousMatches) return this.previousMatches;
    const previous = this.previousLine ?? '';
    const last = previous ? new LineContext(previous).sentenceAt(Math.max(0, previous.length - 1)) : { start: 0, end: 0 };
    this.previousMatches = previous ? new LineMetrics(this.glossary, previous, { sentenceAt: () => last }).matchesOf(last) : [];
    return this.previousMatches;
  }
}
