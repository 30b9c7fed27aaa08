// Finding one figure of an analysis by its text, for the unit tests that read sentences.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import type { AnalyzeOptions, Figure } from '../../server/src/engine';

/** The figure written `text` in `line` (the `occurrence`-th when it is written more than once); fails the test when there is none. */
export function figureIn(line: string, text: string, options: AnalyzeOptions = {}, occurrence = 0): Figure {
  const figures = analyze(line, options).figures;
  const found = figures.filter((f) => f.text === text);
  assert.ok(found[occurrence], `no figure "${text}" (#${occurrence}) in ${JSON.stringify(line)}; found ${figures.map((f) => `"${f.text}" (${f.kind})`).join(', ') || 'none'}`);
  return found[occurrence];
}

/** Asserts that the figure written `text` in `line` has the expected fields (only those). */
export function reads(line: string, text: string, expected: Partial<Figure>, options: AnalyzeOptions = {}): void {
  const found = figureIn(line, text, options);
  const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, found[key as keyof Figure]]));
  assert.deepEqual(actual, expected, `"${text}" in ${JSON.stringify(line)}`);
}
