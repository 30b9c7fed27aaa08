// Figures and comparisons as text for other tools: CSV (RFC 4180), TSV for the clipboard
// (pastes into a spreadsheet as cells) and JSON. Pure functions, so unit tests cover them.
import type { FigureRow, MetricComparison } from './messages';

type Cell = string | number | boolean | null;

/** Characters a spreadsheet reads as the start of a formula; such cells get a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Guards a text cell against formula injection; numbers stay numbers. */
function guarded(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One CSV field: quoted when it holds a comma, a quote or a line break, quotes doubled (RFC 4180). */
export function csvField(cell: Cell): string {
  const text = guarded(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with CRLF line ends, as RFC 4180 has it. */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** TSV for the clipboard: tabs and line breaks inside a cell become spaces, so each row stays one row. */
export function toTsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => row.map((cell) => guarded(cell).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
}

/** The columns a figure exports with: raw numbers, so a spreadsheet or pandas can compute with them. */
export const FIGURE_EXPORT_COLUMNS: ReadonlyArray<{ header: string; cell: (row: FigureRow) => Cell }> = [
  { header: 'speaker', cell: (row) => row.speaker },
  { header: 'role', cell: (row) => row.role },
  { header: 'speaker_kind', cell: (row) => row.speakerKind },
  { header: 'section', cell: (row) => row.section },
  { header: 'metric', cell: (row) => row.metric },
  { header: 'kind', cell: (row) => row.kindId },
  { header: 'value', cell: (row) => row.number },
  { header: 'min', cell: (row) => row.min },
  { header: 'max', cell: (row) => row.max },
  { header: 'unit', cell: (row) => row.unit },
  { header: 'normalized', cell: (row) => row.value },
  { header: 'change', cell: (row) => row.change },
  { header: 'period', cell: (row) => row.period },
  { header: 'qualifier', cell: (row) => row.qualifier },
  { header: 'text', cell: (row) => row.text },
  { header: 'line', cell: (row) => row.line + 1 },
];

export function figuresCsv(rows: readonly FigureRow[]): string {
  return toCsv(FIGURE_EXPORT_COLUMNS.map((column) => column.header), rows.map((row) => FIGURE_EXPORT_COLUMNS.map((column) => column.cell(row))));
}

export function figuresTsv(rows: readonly FigureRow[]): string {
  return toTsv(FIGURE_EXPORT_COLUMNS.map((column) => column.header), rows.map((row) => FIGURE_EXPORT_COLUMNS.map((column) => column.cell(row))));
}

export function figuresJson(rows: readonly FigureRow[]): string {
  const objects = rows.map((row) => Object.fromEntries(FIGURE_EXPORT_COLUMNS.map((column) => [column.header, column.cell(row)])));
  return JSON.stringify(objects, null, 2) + '\n';
}

/** One row per metric; per call a value column and a change column, calls in period order. */
export function comparisonCsv(comparison: MetricComparison): string {
  const header = ['metric', ...comparison.calls.flatMap((call) => {
    const name = call.period ? `${call.period} (${call.name})` : call.name;
    return [`${name} value`, `${name} change`];
  })];
  const rows = comparison.rows.map((row) => [row.metric, ...row.cells.flatMap((cell) => [cell ? cell.value ?? cell.text : null, cell?.change ?? null])]);
  return toCsv(header, rows);
}
