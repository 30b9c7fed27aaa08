// The columns of the figures table as the reader sees them: header, the text of a cell and
// the value it sorts by. Pure, so the webview script and the tests share it.
import type { FigureRow } from './messages';

export interface FigureColumn {
  id: string;
  header: string;
  /** A CSS grid track for the column. */
  width: string;
  text: (row: FigureRow) => string;
  /** What the column sorts by; numbers sort as numbers, undefined sorts last. */
  sortValue: (row: FigureRow) => string | number | undefined;
}

const changeText = (row: FigureRow) => [row.change === 'increase' ? 'up' : row.change === 'decrease' ? 'down' : '', row.period ?? ''].filter(Boolean).join(' · ');

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { id: 'line', header: 'Line', width: '4.5em', text: (row) => String(row.line + 1), sortValue: (row) => row.line * 100_000 + row.start },
  { id: 'speaker', header: 'Speaker', width: 'minmax(7em, 1.2fr)', text: (row) => row.speaker ?? '', sortValue: (row) => row.speaker ?? undefined },
  { id: 'role', header: 'Role', width: 'minmax(5em, 0.7fr)', text: (row) => row.role ?? row.speakerKind ?? '', sortValue: (row) => row.role ?? row.speakerKind ?? undefined },
  { id: 'section', header: 'Section', width: 'minmax(5em, 0.6fr)', text: (row) => row.section ?? '', sortValue: (row) => row.section ?? undefined },
  { id: 'metric', header: 'Metric', width: 'minmax(7em, 1.2fr)', text: (row) => row.metric ?? '', sortValue: (row) => row.metric ?? undefined },
  { id: 'value', header: 'Value', width: 'minmax(11em, 1.5fr)', text: (row) => row.value ?? '', sortValue: (row) => row.number ?? row.min ?? undefined },
  { id: 'change', header: 'Change', width: 'minmax(6em, 1fr)', text: changeText, sortValue: (row) => changeText(row) || undefined },
  { id: 'qualifier', header: 'Qualifier', width: 'minmax(5.5em, 0.5fr)', text: (row) => row.qualifier ?? '', sortValue: (row) => row.qualifier ?? undefined },
  { id: 'kind', header: 'Kind', width: 'minmax(6em, 0.8fr)', text: (row) => row.kind, sortValue: (row) => row.kind },
  { id: 'text', header: 'As written', width: 'minmax(8em, 1.3fr)', text: (row) => row.text, sortValue: (row) => row.text },
];

/** Everything a free-text filter looks through. */
export function searchText(row: FigureRow): string {
  return FIGURE_COLUMNS.map((column) => column.text(row)).join(' ').toLowerCase();
}
