// Finding figures by line without walking all of them: a 5 MB call has tens of thousands of
// figures, and hovers, code actions and inlay hints ask about a line or a screenful at a time.
import type { Figure } from '../engine';

/** The index of the first figure on or after the line; the engine emits figures in line order. */
function firstOnOrAfter(figures: readonly Figure[], line: number): number {
  let low = 0;
  let high = figures.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (figures[mid].line < line) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The figures from startLine to endLine, both included. */
export function figuresInLines(figures: readonly Figure[], startLine: number, endLine: number): Figure[] {
  const found: Figure[] = [];
  for (let i = firstOnOrAfter(figures, startLine); i < figures.length && figures[i].line <= endLine; i++) found.push(figures[i]);
  return found;
}

/** The figures on one line. */
export function figuresOnLine(figures: readonly Figure[], line: number): Figure[] {
  return figuresInLines(figures, line, line);
}
