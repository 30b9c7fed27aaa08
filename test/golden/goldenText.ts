// The golden format: one line per turn, figure or diagnostic, in document order, so a person
// can read a golden file beside its fixture and a diff shows what changed in a few lines.
//   L3-5 turn "Hanne Sorvik" role="CEO" kind=management section="Prepared Remarks"
//   L5:43-45 percent 0.14 % "14%" metric=orders change=increase
//   L9:12-24 warning missing-currency "…message…"
// Lines are 1-based and columns 1-based and inclusive, as an editor's status bar shows them.
// Keys the contract adds later are printed as key=value too, so no field goes unseen.
import type { ContractAnalysis } from '../../server/src/engine';

type Row = Record<string, unknown>;

const BARE = /^[\w.%$&+/-]+$/;

/** A number as short as it can be and still exact: large whole amounts in exponent form. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e6) return value.toExponential().replace('e+', 'e');
  return String(value);
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return BARE.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** Every key not already shown, when it says something (not null, not false). */
function rest(row: Row, shown: readonly string[]): string[] {
  return Object.entries(row)
    .filter(([key, value]) => !shown.includes(key) && value !== null && value !== false && value !== undefined)
    .map(([key, value]) => (value === true ? key : `${key}=${formatValue(value)}`));
}

function span(row: Row): string {
  const line = Number(row.line) + 1;
  return `L${line}:${Number(row.start) + 1}-${Number(row.end)}`;
}

function turnLine(turn: Row): string {
  const lines = turn.endLine !== turn.line ? `L${Number(turn.line) + 1}-${Number(turn.endLine) + 1}` : `L${Number(turn.line) + 1}`;
  const words = [lines, 'turn', JSON.stringify(turn.speaker)];
  if (turn.role !== null) words.push(`role=${JSON.stringify(turn.role)}`);
  if (turn.affiliation !== null) words.push(`affiliation=${JSON.stringify(turn.affiliation)}`);
  words.push(`kind=${formatValue(turn.speakerKind)}`);
  if (turn.section !== null) words.push(`section=${JSON.stringify(turn.section)}`);
  return [...words, ...rest(turn, ['line', 'endLine', 'speaker', 'role', 'affiliation', 'speakerKind', 'section'])].join(' ');
}

function figureLine(figure: Row): string {
  const words = [span(figure), String(figure.kind)];
  if (figure.value !== null) words.push(formatValue(figure.value));
  if (figure.min !== null || figure.max !== null) {
    words.push(`${figure.min === null ? '' : formatValue(figure.min)}..${figure.max === null ? '' : formatValue(figure.max)}`);
  }
  if (figure.unit !== null) words.push(formatValue(figure.unit));
  words.push(JSON.stringify(figure.text));
  return [...words, ...rest(figure, ['line', 'start', 'end', 'kind', 'value', 'min', 'max', 'unit', 'text'])].join(' ');
}

function diagnosticLine(diagnostic: Row): string {
  const words = [span(diagnostic), String(diagnostic.severity), String(diagnostic.code), JSON.stringify(diagnostic.message)];
  return [...words, ...rest(diagnostic, ['line', 'start', 'end', 'severity', 'code', 'message'])].join(' ');
}

/** The golden text of an analysis in the contract's shape (without its file name). */
export function goldenText(analysis: Omit<ContractAnalysis, 'file'>): string {
  const { turns, figures, diagnostics, ...others } = analysis as unknown as Record<string, Row[]>;
  const entries: Array<{ line: number; start: number; order: number; text: string }> = [
    ...turns.map((turn) => ({ line: Number(turn.line), start: -1, order: 0, text: turnLine(turn) })),
    ...figures.map((figure) => ({ line: Number(figure.line), start: Number(figure.start), order: 1, text: figureLine(figure) })),
    ...diagnostics.map((diagnostic) => ({ line: Number(diagnostic.line), start: Number(diagnostic.start), order: 2, text: diagnosticLine(diagnostic) })),
  ];
  // A stable sort keeps the engine's own order among equals.
  entries.sort((a, b) => a.line - b.line || a.start - b.start || a.order - b.order);
  const header = Object.entries(others).map(([key, value]) => `${key}=${formatValue(value)}`);
  return [...header, ...entries.map((entry) => entry.text)].join('\n') + '\n';
}
