// The engine's entry point: text in, analysis out. Pure: no editor, protocol or file-system
// imports (test/unit/purity.test.ts), and it never throws on any input.
import { Diagnostics } from './catalog';
import { readFigures } from './figures';
import { checkConsistency } from './figures/consistency';
import { splitLines } from './text';
import { readTurns } from './turns';
import type { Analysis, AnalyzeOptions, Diagnostic, Turn } from './types';

export * from './types';
export { DIAGNOSTIC_CODES, Diagnostics, isDiagnosticCode } from './catalog';
export type { CatalogKind, DiagnosticCode, DiagnosticKind } from './catalog';
export { looksLikeTranscript } from './detect';
export { speakerKey } from './speakers/identity';
export { anchorFigure } from './figures';
export { LineIndex, splitLines, stripBom } from './text';
export { toContractJson } from './contract';
export type { ContractAnalysis } from './contract';

export const DEFAULT_MAX_DOCUMENT_SIZE = 10_000_000;

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const lines = splitLines(text);
  const { turns, sections, structure } = readTurns(lines);
  const maxSize = options.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (text.length > maxSize) {
    const notice: Diagnostic = {
      line: 0, start: 0, end: Math.min(lines[0].length, 1),
      severity: Diagnostics.degradedAnalysis.defaultSeverity,
      code: Diagnostics.degradedAnalysis.code,
      message: Diagnostics.degradedAnalysis.message(text.length, maxSize),
      fixes: [],
    };
    return { turns, sections, figures: [], diagnostics: [notice], defaultCurrency: null, degraded: true };
  }
  // Turn counters, page headers and line numbers are structure: no figures are read there.
  const { figures, diagnostics: readingDiagnostics, defaultCurrency } = readFigures(lines, options, structure);
  const diagnostics = mergeByPosition(readingDiagnostics, checkConsistency(lines, figures));
  return { turns, sections, figures, diagnostics, defaultCurrency, degraded: false };
}

/**
 * The speaker turns of a text and nothing else (no figures, sections or notices): the same
 * turns as analyze, for callers that want speakers only, such as the workspace index. With
 * `words: false` their word counts are left at 0, which saves a fifth of the reading.
 */
export function analyzeTurns(text: string, options: { words?: boolean } = {}): Turn[] {
  return readTurns(splitLines(text), options).turns;
}

/** Both lists in document order; most documents have no consistency diagnostic at all. */
export function mergeByPosition(first: Diagnostic[], second: Diagnostic[]): Diagnostic[] {
  if (second.length === 0) return first;
  return [...first, ...second].sort((a, b) => a.line - b.line || a.start - b.start);
}
