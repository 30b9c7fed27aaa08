// The metric glossary: metric name → the phrases that name it in a sentence. The built-in
// list covers what earnings calls report; the user's transcriptLens.metrics.glossary extends
// it and takes precedence. Matching is one precompiled alternation, run once per sentence that
// holds a figure; attribution then reads only the matches and a few words around the figure.

export const BUILT_IN_GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  'revenue': ['revenue', 'sales', 'turnover', 'top line'],
  'customer management revenue': ['customer management revenue'],
  'cmr': ['cmr'],
  'cloud revenue': ['cloud revenue', 'cloud business revenue'],
  'public cloud revenue': ['public cloud', 'public cloud revenue'],
  'ai-related revenue': ['ai-related revenue', 'ai revenue'],
  'ai-related product revenue': ['ai-related product revenue'],
  'direct sales and others revenue': ['direct sales and others revenue', 'direct sales revenue'],
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
  'eps': ['eps', 'earnings per share', 'earnings per ads', 'diluted earnings'],
  'non-gaap diluted eps': ['non-gaap diluted eps', 'non-gaap diluted earnings per share'],
  'free cash flow': ['free cash flow', 'fcf'],
  'operating cash flow': ['operating cash flow', 'cash flow from operations', 'cash from operations', 'cash from operating activities',
    'net cash from operating activities', 'cash generated from operating activities', 'net cash provided by operating activities'],
  'net cash': ['net cash', 'cash position', 'cash and cash equivalents'],
  'cash flow': ['cash flow'],
  'capex': ['capex', 'capital expenditure', 'capital spending'],
  'share repurchase program': ['share repurchase program', 'buyback program', 'share buyback program', 'repurchase program'],
  'share repurchase': ['share repurchase', 'share buyback', 'buyback', 'repurchased', 'bought back'],
  'dividend': ['dividend'],
  'gmv': ['gmv', 'gross merchandise volume', 'gross merchandise value'],
  'dau': ['dau', 'daily active users'],
  'mau': ['mau', 'monthly active users'],
  'users': ['users'],
  'active users': ['active users', 'active accounts'],
  'customers': ['customers'],
  'buyers': ['buyers', 'active buyers'],
  'consumers': ['consumers', 'annual active consumers'],
  'members': ['members', 'paying members'],
  'membership': ['membership'],
  'orders': ['orders', 'paid orders'],
  'order volume': ['order volume'],
  'daily orders': ['daily orders'],
  'daily average orders': ['daily average orders', 'average daily orders'],
  'take rate': ['take rate'],
  'service fee': ['service fee'],
  'arpu': ['arpu', 'average revenue per user'],
  'guidance': ['guidance', 'outlook'],
  'impairment of goodwill': ['impairment of goodwill'],
  'goodwill impairment': ['goodwill impairment'],
  'cost of revenue ratio': ['cost of revenue'],
  // Expense ratios keep the name as the call writes it ("expense" or "expenses", with or without "and").
  'sales and marketing expense ratio': ['sales and marketing expense'],
  'sales and marketing expenses ratio': ['sales and marketing expenses'],
  'general and administrative expense ratio': ['general and administrative expense'],
  'general and administrative expenses ratio': ['general and administrative expenses'],
  'general administrative expenses ratio': ['general administrative expenses'],
  'product development expense ratio': ['product development expense', 'product development expenses', 'r&d expense', 'research and development'],
  'loss': ['loss', 'net loss'],
  'margin': ['margin'],
  'gdp': ['gdp'],
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
  generic: 'loss' | 'profit' | null;
}

/** A noun right after a metric phrase that narrows it: "EBITA loss", "loss per order". Sticky. */
const QUALIFYING_NOUN = / (?:(loss|losses|margin|ratio)|per ([a-z]+))(?![A-Za-z])/iy;

/** Metrics a program's name narrows when written right before them ("Prime membership"). */
const PROGRAM_HEADS: ReadonlySet<string> = new Set(['membership', 'members']);
/** A program's name: a single word with a capital or a digit, such as "VIP" or "88VIP". Sticky-free, read on one word. */
const PROGRAM_NAME = /^[A-Za-z\d]*[A-Z\d][A-Za-z\d]*$/;

/** Measures of profit a bare "loss" or "profit" refers back to. */
const PROFIT_MEASURE = /(?:ebitda?|ebit|income|profit|earnings)(?: loss)?$/;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseKey = (phrase: string): string => phrase.trim().toLowerCase().replace(/[\s-]+/g, ' ');

/** One compiled glossary: the alternation regex and the phrase → metric map. */
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
        if (user) this.userPhrases.add(key);
        else this.userPhrases.delete(key);
      }
    };
    for (const [metric, phrases] of Object.entries(BUILT_IN_GLOSSARY)) add(metric, phrases, false);
    for (const [metric, phrases] of Object.entries(extra)) if (Array.isArray(phrases)) add(metric, phrases, true);
    // The user's phrases come first, so they win where a built-in phrase starts at the same
    // place; within each group the longest comes first, so "adjusted ebita" beats "ebita".
    const byLength = (a: string, b: string): number => b.length - a.length;
    const keys = [...this.metricByPhrase.keys()];
    const alternation = [...keys.filter((k) => this.userPhrases.has(k)).sort(byLength), ...keys.filter((k) => !this.userPhrases.has(k)).sort(byLength)]
      .map((phrase) => escapeRegex(phrase).replace(/ /g, '[ -]'))
      .join('|');
    // ASCII word boundaries keep this alternation fast; phrases are matched case-insensitively,
    // and a plural "s" may follow any of them.
    this.pattern = new RegExp(`(?<![A-Za-z\\d])(?:${alternation})s?(?![A-Za-z\\d])`, 'gi');
  }

  /** The compiled alternation, for the ReDoS test. */
  get regex(): RegExp {
    return this.pattern;
  }

  /** The metric a written phrase names, its plural folded, or undefined. */
  private lookup(written: string): string | undefined {
    const key = phraseKey(written);
    return this.metricByPhrase.get(key) ?? (key.endsWith('s') ? this.metricByPhrase.get(key.slice(0, -1)) : undefined);
  }

  /** Every metric phrase starting in [from, to) of a line, in order. */
  matchRange(text: string, from = 0, to = text.length): MetricMatch[] {
    const found: MetricMatch[] = [];
    // Only this window is searched: a search from an offset would run on to the end of the line.
    const start = Math.max(0, from);
    const window = text.slice(start, Math.min(text.length, Math.max(start, to)));
    this.pattern.lastIndex = 0;
    for (let match = this.pattern.exec(window); match; match = this.pattern.exec(window)) {
      const written = match[0];
      const metric = this.lookup(written);
      if (!metric) continue;
      const phraseStart = start + match.index;
      const end = phraseStart + written.length;
      const key = phraseKey(written);
      const user = this.userPhrases.has(key) || this.userPhrases.has(key.slice(0, -1));
      if (user) {
        found.push({ start: phraseStart, end, metric, user, generic: null });
        continue;
      }
      // "adjusted EBITA loss", "gross margin ratio", "loss per order": a qualifying noun after the phrase narrows the metric.
      QUALIFYING_NOUN.lastIndex = end;
      const noun = QUALIFYING_NOUN.exec(text);
      const narrowed = noun ? narrow(metric, noun) : metric;
      const generic = !noun && /^(?:loss|losses|profit|profits)$/i.test(written) ? (metric === 'loss' ? 'loss' : 'profit') : null;
      found.push({ start: phraseStart, end: noun ? end + noun[0].length : end, metric: this.named(text, phraseStart, written, narrowed), user, generic });
      // The narrowing noun is part of this phrase, not a metric of its own.
      if (noun) this.pattern.lastIndex = end + noun[0].length - start;
    }
    return resolveGenerics(found);
  }

  /**
   * A phrase as part of a name: "88VIP membership" names the program's membership, while in
   * "Acme Cloud revenue" the capitalized "Cloud" belongs to the company, so the metric is "revenue".
   */
  private named(text: string, start: number, written: string, metric: string): string {
    const previous = /([A-Za-z\d]+)[ ]$/.exec(text.slice(Math.max(0, start - 24), start));
    if (!previous) return metric;
    if (PROGRAM_HEADS.has(metric) && PROGRAM_NAME.test(previous[1])) return `${previous[1].toLowerCase()} ${metric}`;
    const space = written.search(/[ -]/);
    if (space > 0 && /^[A-Z]/.test(written) && /^[A-Z]/.test(previous[1])) {
      const head = this.lookup(written.slice(space + 1));
      if (head) return head;
    }
    return metric;
  }
}

function narrow(metric: string, noun: RegExpExecArray): string {
  if (noun[2]) return `${metric} per ${noun[2].toLowerCase()}`;
  const suffix = noun[1].toLowerCase().startsWith('loss') ? 'loss' : noun[1].toLowerCase();
  return metric.endsWith(suffix) || metric.endsWith(`${suffix} ratio`) ? metric : `${metric} ${suffix}`;
}

/**
 * "Adjusted EBITA was a loss of RMB2 billion", "recorded a profit of RMB63 million": a bare
 * "loss" or "profit" names the measure of profit said before it in the sentence.
 */
function resolveGenerics(matches: MetricMatch[], carried: string | null = null): MetricMatch[] {
  let measure = carried;
  for (const match of matches) {
    if (match.generic && measure) {
      match.metric = match.generic === 'loss' ? `${measure} loss` : measure;
    } else if (!match.user && PROFIT_MEASURE.test(match.metric)) {
      measure = match.metric.replace(/ loss$/, '');
    }
  }
  return matches;
}

/** The measure of profit a sentence's matches end on, to carry into a next sentence that opens on a bare "Loss". */
export function lastProfitMeasure(matches: readonly MetricMatch[]): string | null {
  for (let i = matches.length - 1; i >= 0; i--) {
    if (!matches[i].user && !matches[i].generic && PROFIT_MEASURE.test(matches[i].metric)) return matches[i].metric.replace(/ loss$/, '');
  }
  return null;
}

/** Resolves the bare "loss"/"profit" phrases of a sentence against a measure carried from the sentence before. */
export function carryProfitMeasure(matches: MetricMatch[], carried: string): void {
  resolveGenerics(matches.filter((m) => m.generic && m.metric === (m.generic === 'loss' ? 'loss' : 'profit')), carried);
}
