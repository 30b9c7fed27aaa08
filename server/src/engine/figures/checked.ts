// Checked figures: readings the user chose for figures the engine could not read. Each is
// anchored by its text and the words around it on its line, so an edit elsewhere in the
// file keeps it attached; the figure with the same text and the closest context wins. The
// context itself comes from the shared anchors module, which annotations use too.
import { anchorAt, contextScore } from '../anchors/locate';
import type { ContextAnchor } from '../anchors/locate';
import type { CheckedFigure, Figure } from '../types';

/** The context that anchors a figure: up to ANCHOR_REACH characters before and after it on its line. */
export function anchorFigure(lineText: string, figure: { start: number; end: number }): ContextAnchor {
  return anchorAt(lineText, figure.start, figure.end);
}

/**
 * Gives each checked reading to the figure with its text whose context matches best, and
 * returns the figures that took one (their diagnostics are dropped by the caller). A
 * reading whose context no longer matches at all (fewer than a quarter of its characters)
 * stays unattached rather than landing on an unrelated figure.
 */
export function applyChecked(figures: Figure[], lines: string[], checked: readonly CheckedFigure[]): Set<Figure> {
  const attached = new Set<Figure>();
  if (!checked.length) return attached;
  const byText = new Map<string, Figure[]>();
  for (const figure of figures) {
    const list = byText.get(figure.text);
    if (list) list.push(figure);
    else byText.set(figure.text, [figure]);
  }
  for (const reading of checked) {
    if (!reading || typeof reading.text !== 'string') continue;
    const candidates = byText.get(reading.text);
    if (!candidates) continue;
    const anchor = { before: String(reading.before ?? ''), after: String(reading.after ?? '') };
    const needed = Math.ceil((anchor.before.length + anchor.after.length) / 4);
    let best: Figure | null = null;
    let bestScore = -1;
    for (const figure of candidates) {
      if (attached.has(figure)) continue;
      const score = contextScore(anchor, anchorFigure(lines[figure.line] ?? '', figure));
      if (score > bestScore) {
        best = figure;
        bestScore = score;
      }
    }
    if (!best || bestScore < needed) continue;
    best.kind = reading.kind;
    best.value = typeof reading.value === 'number' && Number.isFinite(reading.value) ? reading.value : null;
    best.unit = reading.unit ?? null;
    best.min = null;
    best.max = null;
    best.checked = true;
    attached.add(best);
  }
  return attached;
}
