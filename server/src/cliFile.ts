// The CLI's work on one file, the same in the main thread and in a worker: read, decode,
// analyze, and format the result for the chosen output, so a worker sends back text only.
import { readFileSync, statSync } from 'node:fs';
import { analyze, toContractJson } from './engine';
import type { Analysis, ContractAnalysis, Figure } from './engine';
import { decodeFile } from './decode';
import { turnAtLine } from './features/turnLookup';

/** How the results are printed: the contract as one array, one object a line, compiler-style lines, or figure rows. */
export type OutputMode = 'json' | 'jsonl' | 'lines' | 'csv' | 'figures-jsonl';

export interface FileJob {
  index: number;
  path: string;
  mode: OutputMode;
}

export type FileResult =
  | { index: number; ok: true; output: string }
  | { index: number; ok: false; reason: string };

export const FIGURE_COLUMNS = ['file', 'speaker', 'role', 'section', 'metric', 'kind', 'value', 'unit', 'change', 'period', 'text', 'line'] as const;
type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], string | number | null>;

export function runFileJob(job: FileJob): FileResult {
  let bytes: Buffer;
  try {
    if (job.path !== '-' && statSync(job.path).isDirectory()) return { index: job.index, ok: false, reason: 'is a directory' };
    bytes = readFileSync(job.path === '-' ? 0 : job.path);
  } catch (error) {
    const code = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    return { index: job.index, ok: false, reason: describeReadError(code) };
  }
  const decoded = decodeFile(bytes);
  const analysis = decoded.text === null ? emptyAnalysis() : analyze(decoded.text);
  analysis.diagnostics.unshift(...decoded.diagnostics);
  return { index: job.index, ok: true, output: format(job.path, analysis, job.mode) };
}

function format(file: string, analysis: Analysis, mode: OutputMode): string {
  switch (mode) {
    case 'json': return indented(JSON.stringify(toContractJson(file, analysis), null, 2));
    case 'jsonl': return `${JSON.stringify(toContractJson(file, analysis))}\n`;
    case 'lines': return compilerLines(toContractJson(file, analysis));
    case 'csv': return figureRows(file, analysis).map((row) => csvLine(FIGURE_COLUMNS.map((column) => row[column]))).join('');
    case 'figures-jsonl': return figureRows(file, analysis).map((row) => `${JSON.stringify(row)}\n`).join('');
  }
}

/** One element of the --json array, indented as JSON.stringify(array, null, 2) would indent it. */
function indented(json: string): string {
  return `  ${json.replace(/\n/g, '\n  ')}`;
}

function compilerLines(result: ContractAnalysis): string {
  const out: string[] = [];
  for (const d of result.diagnostics) out.push(`${result.file}:${d.line + 1}:${d.start + 1}: ${d.severity} ${d.code}: ${d.message}`);
  out.push(`${result.file}: ${result.turns.length} turns, ${result.figures.length} figures, ${result.diagnostics.length} diagnostics`);
  return `${out.join('\n')}\n`;
}

/** Every figure, dates and labels included: the kind column tells them apart. */
function figureRows(file: string, analysis: Analysis): FigureRow[] {
  return analysis.figures.map((figure) => figureRow(file, analysis, figure));
}

function figureRow(file: string, analysis: Analysis, figure: Figure): FigureRow {
  const turn = turnAtLine(analysis.turns, figure.line);
  const section = turn?.section ?? analysis.sections.find((s) => s.line <= figure.line && figure.line <= s.endLine)?.name ?? null;
  return {
    file,
    speaker: turn?.speaker ?? null,
    role: turn?.role ?? null,
    section,
    metric: figure.metric,
    kind: figure.kind,
    value: figure.value,
    unit: figure.unit,
    change: figure.change,
    period: figure.comparison,
    text: figure.text,
    // 1-based, as editors and the compiler-style lines count.
    line: figure.line + 1,
  };
}

/** The CSV header line. */
export function csvHeader(): string {
  return csvLine([...FIGURE_COLUMNS]);
}

/**
 * One RFC 4180 record: fields with a comma, quote or line break are quoted, quotes doubled.
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, carriage return) gets
 * a leading apostrophe; numbers are written as numbers.
 */
export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(field: string | number | null): string {
  if (field === null) return '';
  if (typeof field === 'number') return String(field);
  const guarded = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function emptyAnalysis(): Analysis {
  return { turns: [], sections: [], figures: [], diagnostics: [], defaultCurrency: null, degraded: false };
}

function describeReadError(code: string): string {
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return code;
  }
}
