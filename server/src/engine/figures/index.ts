// The figure engine: finds every figure on every line, normalizes it (kind, value, unit,
// range, qualifier), says what it measures (metric, change, comparison), applies the user's
// checked readings and reports the figures it cannot read, with fixes.
import type { AnalyzeOptions, Diagnostic, Figure, Span } from '../types';
import { applyChecked } from './checked';
import { LineContext } from './context';
import { CURRENCY_STATED, currencyOf, STATEMENT_SCOPE, STATEMENT_SUBJECT, YEN_OR_YUAN } from './currencies';
import { diagnose, newCurrencyEvidence, recordCurrency } from './diagnostics';
import { LineMetrics, MetricGlossary } from './glossary';
import { scanLine, type Problem } from './scanner';

export { anchorFigure } from './checked';

export interface FigureReading {
  figures: Figure[];
  diagnostics: Diagnostic[];
  defaultCurrency: string | null;
}

/** Kinds that measure something and so can carry a metric. */
const MEASURES: ReadonlySet<string> = new Set(['money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction', 'unparsed']);
/** Kinds whose change word may also come after them ("10% growth"). */
const RATIOS: ReadonlySet<string> = new Set(['percent', 'percentagePoints', 'basisPoints', 'multiple', 'fraction', 'unparsed']);

/** Lines without a digit or a letter hold no figure. */
const HAS_DIGIT_OR_LETTER = /\d|[a-z]/i;

// A compiled glossary per user glossary, so each analysis does not recompile the built-in one.
let cachedGlossary: { key: string; glossary: MetricGlossary } | null = null;

function glossaryFor(extra: Record<string, string[]> | undefined): MetricGlossary {
  const key = extra ? JSON.stringify(extra) : '';
  if (!cachedGlossary || cachedGlossary.key !== key) {
    cachedGlossary = { key, glossary: new MetricGlossary(extra && typeof extra === 'object' ? extra : {}) };
  }
  return cachedGlossary.glossary;
}

/**
 * The currency the call states once for all: "all figures are in RMB unless otherwise
 * stated", "amounts are expressed in U.S. dollars". Each " in <currency>" is checked on the
 * words around it, a bounded slice, so the look stays linear.
 */
function findDefaultCurrency(lines: string[]): string | null {
  for (const line of lines) {
    if (line.length < 12) continue;
    CURRENCY_STATED.lastIndex = 0;
    for (let m = CURRENCY_STATED.exec(line); m; m = CURRENCY_STATED.exec(line)) {
      const before = line.slice(Math.max(0, m.index - 60), m.index);
      const sentenceBefore = before.slice(before.lastIndexOf('.') + 1);
      const after = line.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const stated = STATEMENT_SUBJECT.test(sentenceBefore) && (STATEMENT_SCOPE.test(sentenceBefore.trimEnd()) || STATEMENT_SCOPE.test(after) || /\b(?:are|is)$/i.test(sentenceBefore.trimEnd()));
      if (!stated) continue;
      const code = currencyOf(m[1].replace(/^U\.?S\.? /i, 'us '));
      if (code && code !== YEN_OR_YUAN) return code;
    }
  }
  return null;
}

/**
 * `structure` lists spans that frame the text rather than being said in it (turn counters,
 * running headers, page and line numbers), in line order: a figure there is no figure.
 */
export function readFigures(lines: string[], options: AnalyzeOptions, structure: Span[] = []): FigureReading {
  const defaultCurrency = findDefaultCurrency(lines);
  const evidence = newCurrencyEvidence(defaultCurrency);
  const glossary = glossaryFor(options.glossary);
  const figures: Figure[] = [];
  const problems = new Map<Figure, Problem>();
  const yenFigures: Figure[] = [];

  const scanContext = { defaultCurrency };
  let previousLine: string | null = null;
  let nextStructure = 0;
  for (let line = 0; line < lines.length; line++) {
    while (nextStructure < structure.length && structure[nextStructure].line < line) nextStructure++;
    const lineStructure = nextStructure;
    const inStructure = (start: number, end: number) => {
      for (let i = lineStructure; i < structure.length && structure[i].line === line; i++) {
        if (start < structure[i].end && end > structure[i].start) return true;
      }
      return false;
    };
    const text = lines[line];
    // The previous non-blank line, for a line that goes on with its sentence.
    const lineBefore = previousLine;
    if (text.trim()) previousLine = text;
    if (!HAS_DIGIT_OR_LETTER.test(text)) continue;
    let scanned;
    try {
      scanned = scanLine(text, scanContext);
    } catch {
      // A reading bug must not take the whole analysis down: this line keeps no figures.
      continue;
    }
    if (!scanned.length) continue;
    const context = new LineContext(text);
    // Metric phrases are read once per sentence that holds a figure, not on the whole line.
    const metrics = new LineMetrics(glossary, text, context, lineBefore);
    for (const s of scanned) {
      if (inStructure(s.start, s.end)) continue;
      const end = Math.min(s.end, text.length);
      const figure: Figure = {
        line, start: s.start, end, text: text.slice(s.start, end),
        kind: s.kind, value: finite(s.value), min: finite(s.min), max: finite(s.max), unit: s.unit,
        approximate: s.approximate, bound: s.bound, metric: null, change: null,
        comparison: null, qualifier: s.qualifier, checked: false,
      };
      if (MEASURES.has(figure.kind)) {
        figure.metric = metrics.metricOf(figure.start, figure.end, figure.kind);
        figure.change = RATIOS.has(figure.kind)
          ? context.changeAround(figure.start, figure.end)
          : context.changeBefore(figure.start, figure.end);
        figure.comparison = figure.change ? context.comparisonAround(figure.start, figure.end) : null;
        if (figure.value !== null && figure.value < 0 && !figure.change) figure.change = 'decrease';
      }
      if (figure.kind === 'money' && figure.unit) {
        if (figure.unit === YEN_OR_YUAN) yenFigures.push(figure);
        else recordCurrency(evidence, figure.unit, s.currencyMark);
      }
      if (s.problem) problems.set(figure, s.problem);
      figures.push(figure);
    }
  }

  // A yen sign is CNY in a call that speaks of RMB, JPY otherwise.
  const yen = (evidence.counts.get('CNY') ?? 0) > (evidence.counts.get('JPY') ?? 0) || defaultCurrency === 'CNY' ? 'CNY' : 'JPY';
  for (const figure of yenFigures) {
    figure.unit = yen;
    recordCurrency(evidence, yen, null);
  }

  const attached = applyChecked(figures, lines, options.checked ?? []);
  const diagnostics: Diagnostic[] = [];
  for (const [figure, problem] of problems) {
    if (attached.has(figure)) continue;
    diagnostics.push(diagnose(figure, problem, evidence));
  }
  diagnostics.sort((a, b) => a.line - b.line || a.start - b.start);
  return { figures, diagnostics, defaultCurrency };
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
