// Hover: the card of the figure under the cursor.
import type { Hover, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import type { Figure } from '../engine';
import { spanContains, spanRange } from '../positions';
import type { Settings } from '../settings';
import { hoverCard } from './hoverCard';
import { turnAtLine } from './turnLookup';

/** The figure under the position; the narrowest wins when spans touch. */
export function figureAt(document: AnalyzedDocument, position: Position): Figure | null {
  let best: Figure | null = null;
  for (const figure of document.analysis.figures) {
    if (spanContains(figure, position) && (!best || figure.end - figure.start < best.end - best.start)) best = figure;
  }
  return best;
}

export function hoverAt(document: AnalyzedDocument, position: Position, settings: Settings): Hover | null {
  const figure = figureAt(document, position);
  if (!figure) return null;
  const turn = turnAtLine(document.analysis.turns, figure.line);
  const diagnostic = document.analysis.diagnostics.find(
    (d) => d.line === figure.line && d.start < figure.end && figure.start < d.end,
  );
  const value = hoverCard(figure, {
    speaker: turn?.speaker ?? null,
    section: turn?.section ?? null,
    diagnosticMessage: diagnostic?.message ?? null,
    reportingCurrency: settings.reportingCurrency,
    exchangeRates: settings.exchangeRates,
  });
  return { contents: { kind: 'markdown', value }, range: spanRange(figure) };
}
