// Folding: every section and every turn of more than one line folds.
import { FoldingRangeKind } from 'vscode-languageserver';
import type { FoldingRange } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';

function fold(startLine: number, endLine: number): FoldingRange | null {
  return endLine > startLine ? { startLine, endLine, kind: FoldingRangeKind.Region } : null;
}

export function foldingRanges(document: AnalyzedDocument): FoldingRange[] {
  const { sections, turns } = document.analysis;
  return [...sections, ...turns]
    .map((block) => fold(block.line, block.endLine))
    .filter((range): range is FoldingRange => range !== null);
}
