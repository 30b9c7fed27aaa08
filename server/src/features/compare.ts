// Calls side by side: one row per metric, one column per call in the order of the periods
// the calls report on, each cell the headline figure of that metric and the change stated
// with it. Calls not open in the editor are read through the injected file system.
import type { AnalyzedDocument } from '../analysisCache';
import { decodeFile } from '../decode';
import { analyze, LineIndex } from '../engine';
import type { AnalyzeOptions, Figure, FigureKind, Turn } from '../engine';
import { readCallPeriod } from '../engine/period';
import { uriBasename } from '../files';
import type { ServerFiles } from '../files';
import type { ComparedCall, ComparedCell, MetricComparison } from '../protocol';
import { fullValue } from './hoverCard';
import { turnAtLine } from './turnLookup';

/** Kinds that measure something; dates, periods, ranks and labels are not a metric's value. */
const MEASURE_KINDS: ReadonlySet<FigureKind> = new Set(['money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction']);

export interface LoadedCall {
  uri: string;
  document: AnalyzedDocument | null;
  error: string | null;
}

function nameOf(uri: string): string {
  return uriBasename(uri) || uri;
}

/** The open document's analysis when the editor holds it, else the file read from the file system. */
export async function loadCall(
  uri: string,
  openDocument: (uri: string) => AnalyzedDocument | null,
  files: ServerFiles,
  options: AnalyzeOptions,
): Promise<LoadedCall> {
  const open = openDocument(uri);
  if (open) return { uri, document: open, error: null };
  let bytes: Uint8Array | null;
  try {
    if (!files.handles(uri)) throw new Error(`no file system for ${uri}`);
    bytes = await files.read(uri);
  } catch {
    return { uri, document: null, error: 'could not be read' };
  }
  if (!bytes) return { uri, document: null, error: 'not found' };
  const { text } = decodeFile(bytes);
  if (text === null) return { uri, document: null, error: 'not a text file' };
  const analysis = analyze(text, options);
  return { uri, document: { uri, version: 0, text, lines: new LineIndex(text), analysis }, error: null };
}

/** The sentence around a span of a line: from the last sentence end before it to the next one after it. */
export function sentenceAround(lineText: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !(/[.!?]/.test(lineText[from - 2] ?? '') && /\s/.test(lineText[from - 1]))) from--;
  while (from < start && /\s/.test(lineText[from])) from++;
  let to = end;
  while (to < lineText.length && !(/[.!?]/.test(lineText[to]) && (to + 1 === lineText.length || /\s/.test(lineText[to + 1])))) to++;
  return { start: from, end: Math.min(lineText.length, to + 1) };
}

function changeText(figure: Figure): string {
  const value = fullValue(figure) ?? figure.text;
  const direction = figure.change === 'decrease' ? 'down' : 'up';
  return [direction, value, figure.comparison].filter(Boolean).join(' ');
}

/** Figures said by management come first: an analyst quoting a number is not the company's figure. */
function byManagementFirst(turns: readonly Turn[]): (a: Figure, b: Figure) => number {
  const rank = (figure: Figure) => (turnAtLine(turns, figure.line)?.speakerKind === 'management' ? 0 : 1);
  return (a, b) => rank(a) - rank(b) || a.line - b.line || a.start - b.start;
}

/** The cell of each metric the call states, keyed by metric. */
export function metricCells(document: AnalyzedDocument): Map<string, ComparedCell> {
  const byMetric = new Map<string, Figure[]>();
  for (const figure of document.analysis.figures) {
    if (!figure.metric || !MEASURE_KINDS.has(figure.kind)) continue;
    const list = byMetric.get(figure.metric) ?? [];
    list.push(figure);
    byMetric.set(figure.metric, list);
  }
  const cells = new Map<string, ComparedCell>();
  const order = byManagementFirst(document.analysis.turns);
  for (const [metric, figures] of byMetric) {
    const sorted = [...figures].sort(order);
    const level = sorted.find((figure) => figure.change === null);
    // The change said in the same sentence as the level, else the first change of the metric.
    const sameLine = level && sorted.find((figure) => figure.change !== null && figure.line === level.line);
    const change = sameLine || sorted.find((figure) => figure.change !== null);
    const headline = level ?? change!;
    const lineStart = document.lines.offsetAt(headline.line, 0);
    const lineText = document.text.slice(lineStart, document.lines.offsetAt(headline.line + 1, 0)).replace(/\r?\n$/, '');
    const sentence = sentenceAround(lineText, headline.start, headline.end);
    cells.set(metric, {
      value: level ? fullValue(level) : null,
      text: headline.text,
      change: change ? changeText(change) : null,
      line: headline.line,
      start: sentence.start,
      end: sentence.end,
      mentions: figures.length,
    });
  }
  return cells;
}

export function compareMetrics(loaded: readonly LoadedCall[]): MetricComparison {
  const columns = loaded.map((call) => {
    const period = call.document ? readCallPeriod(call.document.text.split(/\r?\n/, 40)) : null;
    const info: ComparedCall = { uri: call.uri, name: nameOf(call.uri), period: period?.label ?? null, sortKey: period?.sortKey ?? null, error: call.error };
    return { info, cells: call.document ? metricCells(call.document) : new Map<string, ComparedCell>() };
  });
  // Calls without a period keep their given order after the others.
  columns.sort((a, b) => (a.info.sortKey === null || b.info.sortKey === null ? Number(a.info.sortKey === null) - Number(b.info.sortKey === null) : a.info.sortKey - b.info.sortKey));
  const metrics = new Map<string, number>();
  for (const column of columns) for (const metric of column.cells.keys()) metrics.set(metric, (metrics.get(metric) ?? 0) + 1);
  // Metrics every call states come first; then by name, so the rows are stable.
  const ordered = [...metrics.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([metric]) => metric);
  return {
    calls: columns.map((column) => column.info),
    rows: ordered.map((metric) => ({ metric, cells: columns.map((column) => column.cells.get(metric) ?? null) })),
  };
}
