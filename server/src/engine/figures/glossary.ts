// The metric glossary: metric name → the phrases that name it in a sentence. The built-in
// list covers what earnings calls report; the user's transcriptLens.metrics.glossary extends it.
// Matching is one precompiled alternation per glossary, run once per line.

export const BUILT_IN_GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  'revenue': ['revenue', 'revenues', 'sales', 'turnover', 'top line', 'top-line'],
  'customer management revenue': ['customer management revenue'],
  'cmr': ['cmr'],
  'cloud revenue': ['cloud revenue', 'cloud business revenue'],
  'adjusted ebita': ['adjusted ebita'],
  'adjusted ebitda': ['adjusted ebitda'],
  'ebitda': ['ebitda'],
  'ebita': ['ebita'],
  'ebit': ['ebit', 'operating profit', 'operating income'],
  'income from operations': ['income from operations'],
  'gross margin': ['gross margin', 'gross profit margin'],
  'gross profit': ['gross profit'],
  'profit': ['profit', 'profits'],
  'operating margin': ['operating margin'],
  'net income': ['net income', 'net profit', 'net earnings', 'profit attributable'],
  'non-gaap net income': ['non-gaap net income', 'adjusted net income'],
  'eps': ['eps', 'earnings per share', 'earnings per ads', 'diluted earnings'],
  'non-gaap diluted eps': ['non-gaap diluted eps', 'non-gaap diluted earnings per share'],
  'free cash flow': ['free cash flow', 'fcf'],
  'operating cash flow': ['operating cash flow', 'cash flow from operations', 'cash from operations'],
  'net cash': ['net cash', 'cash position', 'cash and cash equivalents'],
  'cash flow': ['cash flow', 'cash flows'],
  'capex': ['capex', 'capital expenditure', 'capital expenditures', 'capital spending'],
  'share repurchase program': ['share repurchase program', 'buyback program', 'repurchase program'],
  'share repurchase': ['share repurchase', 'share repurchases', 'buyback', 'buybacks', 'repurchased'],
  'dividend': ['dividend', 'dividends'],
  'gmv': ['gmv', 'gross merchandise volume', 'gross merchandise value'],
  'dau': ['dau', 'daus', 'daily active users'],
  'mau': ['mau', 'maus', 'monthly active users'],
  'users': ['users', 'active users', 'customers', 'buyers', 'consumers'],
  'orders': ['orders', 'order volume', 'paid orders'],
  'take rate': ['take rate'],
  'arpu': ['arpu', 'average revenue per user'],
  'guidance': ['guidance', 'outlook'],
  'cost of revenue ratio': ['cost of revenue'],
  'sales and marketing expense ratio': ['sales and marketing expense', 'sales and marketing expenses'],
  'general and administrative expenses ratio': ['general and administrative expenses', 'general administrative expenses'],
  'product development expense ratio': ['product development expense', 'product development expenses', 'r&d expense', 'research and development'],
  'loss': ['loss', 'losses', 'net loss'],
  'margin': ['margin', 'margins', 'profit margin'],
  'gdp': ['gdp'],
  'headcount': ['headcount', 'employees'],
};

export interface MetricMatch {
  /** Offset in the line where the phrase starts. */
  start: number;
  end: number;
  metric: string;
}

/** A noun right after a metric phrase that narrows it. Sticky. */
const QUALIFYING_NOUN = / (loss|losses|margin|ratio)(?![A-Za-z])/iy;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One compiled glossary: the alternation regex and the phrase → metric map. */
export class MetricGlossary {
  private readonly pattern: RegExp;
  private readonly metricByPhrase = new Map<string, string>();

  constructor(extra: Record<string, string[]> = {}) {
    const add = (metric: string, phrases: readonly string[]): void => {
      const name = metric.trim().toLowerCase();
      if (!name) return;
      for (const phrase of [name, ...phrases]) {
        const key = typeof phrase === 'string' ? phrase.trim().toLowerCase().replace(/\s+/g, ' ') : '';
        if (key) this.metricByPhrase.set(key, name);
      }
    };
    for (const [metric, phrases] of Object.entries(BUILT_IN_GLOSSARY)) add(metric, phrases);
    for (const [metric, phrases] of Object.entries(extra)) if (Array.isArray(phrases)) add(metric, phrases);
    // Longest first, so "adjusted ebita" wins over "ebita" at the same position.
    const alternation = [...this.metricByPhrase.keys()]
      .sort((a, b) => b.length - a.length)
      .map((phrase) => escapeRegex(phrase).replace(/ /g, '[ -]'))
      .join('|');
    // ASCII word boundaries keep this alternation fast; phrases are matched case-insensitively.
    this.pattern = new RegExp(`(?<![A-Za-z\\d])(?:${alternation})(?![A-Za-z\\d])`, 'gi');
  }

  /** The compiled alternation, for the ReDoS test. */
  get regex(): RegExp {
    return this.pattern;
  }

  /** Every metric phrase starting in [from, to) of a line, in order. */
  matchRange(text: string, from = 0, to = text.length): MetricMatch[] {
    const found: MetricMatch[] = [];
    // Only this window is searched: a search from an offset would run on to the end of the line.
    const start = Math.max(0, from);
    const window = text.slice(start, Math.min(text.length, Math.max(start, to)));
    this.pattern.lastIndex = 0;
    for (let match = this.pattern.exec(window); match; match = this.pattern.exec(window)) {
      const metric = this.metricByPhrase.get(match[0].toLowerCase().replace(/-/g, ' ')) ?? this.metricByPhrase.get(match[0].toLowerCase());
      if (!metric) continue;
      // "adjusted EBITA loss", "gross margin ratio": a qualifying noun after the phrase narrows the metric.
      const end = start + match.index + match[0].length;
      QUALIFYING_NOUN.lastIndex = end;
      const noun = QUALIFYING_NOUN.exec(text);
      const suffix = noun ? (noun[1].toLowerCase().startsWith('loss') ? 'loss' : noun[1].toLowerCase()) : null;
      const narrowed = suffix && !metric.endsWith(suffix) && !metric.endsWith(`${suffix} ratio`) ? `${metric} ${suffix}` : metric;
      found.push({ start: start + match.index, end: noun ? end + noun[0].length : end, metric: narrowed });
      // The narrowing noun is part of this phrase, not a metric of its own.
      if (noun) this.pattern.lastIndex = end + noun[0].length - start;
    }
    return found;
  }
}
