// The rows of the figures table: each entry of the figure list (the same text, kind and
// value the quick pick shows) with its reading, its change and who said it in which section.
import type { AnalyzedDocument } from '../analysisCache';
import type { FigureRow } from '../protocol';
import { figureList } from './figureList';
import { turnAtLine } from './turnLookup';

export function figureTable(document: AnalyzedDocument): FigureRow[] {
  const { figures, turns } = document.analysis;
  return figureList(document).map((entry, index) => {
    const figure = figures[index];
    const turn = turnAtLine(turns, figure.line);
    return {
      ...entry,
      kindId: figure.kind,
      number: figure.value,
      min: figure.min,
      max: figure.max,
      unit: figure.unit,
      change: figure.change,
      period: figure.comparison,
      qualifier: figure.qualifier,
      speaker: turn?.speaker ?? null,
      role: turn?.role ?? null,
      speakerKind: turn?.speakerKind ?? null,
      section: turn?.section ?? null,
    };
  });
}
