// Figures. A first reader of percentages and scaled RMB amounts; the full figure engine of
// issue 4 replaces it.
import type { AnalyzeOptions, Diagnostic, Figure, Turn } from '../types';

const FIGURE = /(\d+(?:\.\d+)?) ?(%|billion RMB|billion)/g;

export interface FigureReading {
  figures: Figure[];
  diagnostics: Diagnostic[];
  defaultCurrency: string | null;
}

export function readFigures(lines: string[], _turns: Turn[], _options: AnalyzeOptions): FigureReading {
  const figures: Figure[] = [];
  const diagnostics: Diagnostic[] = [];
  lines.forEach((text, line) => {
    for (const match of text.matchAll(FIGURE)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const amount = Number(match[1]);
      const kind = match[2] === '%' ? 'percent' : match[2] === 'billion RMB' ? 'money' : 'unparsed';
      figures.push({
        line, start, end, text: match[0], kind,
        value: kind === 'percent' ? amount / 100 : kind === 'money' ? amount * 1e9 : null,
        min: null, max: null,
        unit: kind === 'percent' ? '%' : kind === 'money' ? 'CNY' : null,
        approximate: false, bound: null, metric: null, change: null,
        comparison: null, qualifier: null, checked: false,
      });
      if (kind === 'unparsed') {
        diagnostics.push({ line, start, end, severity: 'warning', code: 'missing-currency', message: `"${match[0]}" has a scale but no currency.`, fixes: [] });
      }
    }
  });
  return { figures, diagnostics, defaultCurrency: null };
}
