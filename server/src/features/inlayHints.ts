// Inlay hints: after a figure, its normalized value, only where that tells the reader
// something the text does not: a fuzzy amount as its range ("mid single digit" → 4–6%), a
// number written in words or without its scale, another unit (percentage points as basis
// points, RMB as CNY). A hint that would repeat the figure ("14%" → 14%) is not shown.
import { InlayHintKind } from 'vscode-languageserver';
import type { InlayHint, Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import type { Figure } from '../engine';
import { lineLength, spanEnd, spanTouchesRange } from '../positions';
import { figuresInLines } from './figureLookup';
import { formatAmount } from './hoverCard';

/** Longer hints crowd the line (and VS Code cuts hints past its maximum length); the hover has the rest. */
export const MAX_HINT_LENGTH = 24;
/** Joins the parts of a hint so a wrapped line never splits it ("= 379 B" / "CNY"). */
const NO_BREAK_SPACE = '\u00a0';

/** Ways a text writes each unit a hint can show, besides the unit itself. */
const UNIT_SPELLINGS: Record<string, RegExp> = {
  '%': /%|percent|per cent|pct/i,
  pp: /percentage points?|\bpp|\bppts?\b|points?/i,
  bp: /basis points?|\bbps?\b|\bbips?\b/i,
  K: /thousand|\dk\b|\bk\b/i,
  M: /million|\bmn\b|\bmm\b|\dm\b|\bm\b/i,
  B: /billion|\bbn\b|\dbn?\b|\bb\b/i,
  T: /trillion|\btn\b|\dt\b|\bt\b/i,
  USD: /\$|dollars?|usd/i,
  EUR: /€|euros?|eur/i,
  GBP: /£|pounds?|gbp/i,
};

/** Lengths of time and factors read as plainly as any hint; counts below a million too. */
function worthAHint(figure: Figure): boolean {
  if (figure.kind === 'duration' || figure.kind === 'multiple') return false;
  if (figure.kind !== 'count') return true;
  return Math.abs(figure.value ?? figure.max ?? 0) >= 1_000_000;
}

/** Every number written with digits in a text, as values ("45,400,000" → 45400000). */
function writtenNumbers(text: string): number[] {
  return [...text.normalize('NFKC').matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((match) => Number(match[0].replace(/,/g, '')));
}

function unitWritten(unit: string, text: string): boolean {
  const spelling = UNIT_SPELLINGS[unit];
  if (spelling) return spelling.test(text);
  // Count units ("orders") and currency codes the text may write in any case or number.
  return text.toLowerCase().includes(unit.toLowerCase().replace(/s$/, ''));
}

/**
 * Whether a hint would only repeat its figure: every number it shows is written in the
 * figure, and so is every unit (scale words, "%", currency codes or their usual symbols).
 * Units may also be written just after the figure ("45.4 million orders").
 */
export function repeatsFigure(hint: string, figureText: string, textAfter = ''): boolean {
  const said = `${figureText} ${textAfter}`.normalize('NFKC');
  const written = writtenNumbers(figureText);
  const numbers = writtenNumbers(hint);
  if (!numbers.every((number) => written.some((candidate) => Math.abs(candidate - number) < 1e-9 * Math.max(1, number)))) return false;
  const units = hint.replace(/-?\d[\d,]*(?:\.\d+)?/g, ' ').replace(/[–=]/g, ' ').replace(/%/g, ' % ').split(/\s+/).filter(Boolean);
  return units.every((unit) => unitWritten(unit, said));
}

/** One end of a hint, in the short form: percentage points as basis points and back, fractions as percentages. */
function shortAmount(figure: Figure, value: number): string | null {
  return formatAmount(figure.kind, figure.unit, value, 'compact');
}

/** "39 B USD – 40.2 B USD" reads as "39–40.2 B USD". */
function shortRange(low: string, high: string): string {
  const split = (text: string) => {
    const number = /^-?[\d.,]+/.exec(text)?.[0];
    return number ? [number, text.slice(number.length)] : null;
  };
  const a = split(low);
  const b = split(high);
  return a && b && a[1] === b[1] ? `${a[0]}–${b[0]}${b[1]}` : `${low} – ${high}`;
}

/** The value a hint shows, before the check that it adds something; null when there is none. */
export function hintValue(figure: Figure): string | null {
  if (!worthAHint(figure)) return null;
  if (figure.value !== null) return shortAmount(figure, figure.value);
  if (figure.min === null || figure.max === null) return null;
  const low = shortAmount(figure, figure.min);
  const high = shortAmount(figure, figure.max);
  return low && high ? shortRange(low, high) : null;
}

/** How far after a figure its unit word may be written: "45.4 million diluted shares". */
const UNIT_WINDOW = 24;

/** The hint label for a figure, or null when it would add nothing or not fit; lineText is the figure's line. */
export function hintLabel(figure: Figure, lineText: string): string | null {
  const value = hintValue(figure);
  const after = lineText.slice(figure.end, figure.end + UNIT_WINDOW);
  if (!value || value.length > MAX_HINT_LENGTH || repeatsFigure(value, figure.text, after)) return null;
  return `= ${value}`.replace(/ /g, NO_BREAK_SPACE);
}

export function inlayHints(document: AnalyzedDocument, range: Range): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const figure of figuresInLines(document.analysis.figures, range.start.line, range.end.line)) {
    if (!spanTouchesRange(figure, range)) continue;
    const lineStart = document.lines.offsetAt(figure.line, 0);
    const label = hintLabel(figure, document.text.slice(lineStart, lineStart + lineLength(document.lines, figure.line)));
    if (label) hints.push({ position: spanEnd(figure), label, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}
