// The figures of a transcript as a list the reader can search and jump through, behind the
// status bar's figure count.
import type { AnalyzedDocument } from '../analysisCache';
import type { FigureEntry } from '../protocol';
import { fullValue, kindTitle } from './hoverCard';

export function figureList(document: AnalyzedDocument): FigureEntry[] {
  return document.analysis.figures.map((figure) => ({
    line: figure.line,
    start: figure.start,
    end: figure.end,
    text: figure.text,
    kind: kindTitle(figure.kind),
    value: fullValue(figure),
    metric: figure.metric,
    unreadable: figure.kind === 'unparsed',
  }));
}
