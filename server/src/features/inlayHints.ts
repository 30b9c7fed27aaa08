// Inlay hints: after each amount, its normalized compact value (" = 234.2 B CNY").
import { InlayHintKind } from 'vscode-languageserver';
import type { InlayHint, Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import type { Figure } from '../engine';
import { spanEnd, spanTouchesRange } from '../positions';
import { figuresInLines } from './figureLookup';
import { compactValue } from './hoverCard';

/** Ignores spacing and case, so "14%" gets no hint saying "= 14%". */
function readsTheSame(a: string, b: string): boolean {
  const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();
  return squeeze(a) === squeeze(b);
}

/** Counts below a million read as plainly as their compact form; lengths of time and factors too. */
function worthAHint(figure: Figure): boolean {
  if (figure.kind === 'duration' || figure.kind === 'multiple') return false;
  if (figure.kind !== 'count') return true;
  return Math.abs(figure.value ?? figure.max ?? 0) >= 1_000_000;
}

export function inlayHints(document: AnalyzedDocument, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const figure of figuresInLines(document.analysis.figures, range.start.line, range.end.line)) {
    if (!spanTouchesRange(figure, range) || !worthAHint(figure)) continue;
    const value = compactValue(figure);
    if (!value || readsTheSame(value, figure.text)) continue;
    hints.push({ position: spanEnd(figure), label: `= ${value}`, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}
