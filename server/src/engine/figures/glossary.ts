// The metric glossary: metric name → the phrases that name it in a sentence. The built-in
// list covers what earnings calls report; the user's transcriptLens.metrics.glossary extends it.
// Matching is one precompiled alternation per glossary, run once per line.

export const BUILT_IN_GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  'revenue': ['revenue', 'revenues', 'sales', 'turnover', 'top line', 'top-line'],
  'customer management revenue': ['customer management revenue'],
  'cmr': ['cmr'],
  'cloud revenue': ['cloud revenue', 'cloud business revenue'],
  'adjusted ebita': ['adjusted ebita', 'adjusted ebita margin'],
  'adjusted ebitda': ['adjusted ebitda'],
  'ebitda': ['ebitda'],
  'ebita': ['ebita'],
  'ebit': ['ebit', 'operating profit', 'operating income', 'income from operations'],
  'gross margin': ['gross margin', 'gross profit margin'],
  'gross profit': ['gross profit'],
  'operating margin': ['operating margin'],
  'net income': ['net income', 'net profit', 'net earnings', 'profit attributable'],
  'non-gaap net income': ['non-gaap net income', 'adjusted net income'],
  'eps': ['eps', 'earnings per share', 'earnings per ads', 'diluted earnings'],
  'non-gaap diluted eps': ['non-gaap diluted eps', 'non-gaap diluted earnings per share'],
  'free cash flow': ['free cash flow', 'fcf'],
  'operating cash flow': ['operating cash flow', 'cash flow from operations', 'cash from operations'],
  'net cash': ['net cash', 'cash position', 'cash and cash equivalents'],
  'capex': ['capex', 'capital expenditure', 'capital expenditures', 'capital spending'],
  'share repurchase': ['share repurchase', 'share repurchases', 'buyback', 'buybacks', 'repurchased', 'repurchase program'],
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
    this.pattern.lastIndex = from;
    for (let match = this.pattern.exec(text); match && match.index < to; match = this.pattern.exec(text)) {
      const metric = this.metricByPhrase.get(match[0].toLowerCase().replace(/-/g, ' ')) ?? this.metricByPhrase.get(match[0].toLowerCase());
      if (metric) found.push({ start: match.index, end: match.index + match[0].length, metric });
    }
    return found;
  }
}
