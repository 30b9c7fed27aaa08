// Finding figures by line without walking all of them: a 5 MB call has tens of thousands of
// figures, and hovers and code actions ask about one line at a time.
import type { Figure } from '../engine';

/** The figures on one line. The engine emits figures in line order, so a binary search finds them. */
export function figuresOnLine(figures: readonly Figure[], line: number): Figure[] {
  let low = 0;
  let high = figures.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (figures[mid].line < line) low = mid + 1;
    else high = mid;
  }
  const found: Figure[] = [];
  for (let i = low; i < figures.length && figures[i].line === line; i++) found.push(figures[i]);
  return found;
}
