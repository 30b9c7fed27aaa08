// The figures table in the page: TanStack Table (table-core) sorts and filters, and only
// the rows in view are in the DOM, so 10,000 figures scroll smoothly. An ARIA grid: one tab
// stop, arrows move the active row, Enter reveals it, Space and Shift select, Ctrl+C copies.
import { createTable, getCoreRowModel, getFilteredRowModel, getSortedRowModel, functionalUpdate } from '@tanstack/table-core';
import type { ColumnDef, Row, TableState, Updater } from '@tanstack/table-core';
import { FIGURE_COLUMNS, searchText } from '../src/webviews/figureColumns';
import type { FigureRow, FiguresTableState, FiguresToWebview } from '../src/webviews/messages';
import { answer, element, nextFrame, post } from './vscodeApi';

const ROW_HEIGHT = 24;
/** Rows drawn above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 10;
const FILTERS = [
  { id: 'metric', label: 'Metric' },
  { id: 'speaker', label: 'Speaker' },
  { id: 'kind', label: 'Kind' },
] as const;

let rows: FigureRow[] = [];
let title = 'Figures';
/** Positions in the shown order, and the row indexes selected. */
let active: number | null = null;
let anchor: number | null = null;
const selected = new Set<number>();

const columns: Array<ColumnDef<FigureRow>> = [
  ...FIGURE_COLUMNS.map((column): ColumnDef<FigureRow> => ({
    id: column.id,
    header: column.header,
    accessorFn: column.sortValue,
    sortUndefined: 'last',
    // Every column sorts ascending on the first click, numbers too.
    sortDescFirst: false,
    sortingFn: column.id === 'value' || column.id === 'line' ? 'basic' : 'alphanumeric',
    filterFn: 'equalsString',
  })),
  { id: 'search', accessorFn: searchText, filterFn: 'includesString', enableSorting: false },
];

let state: TableState;
const table = createTable<FigureRow>({
  data: rows,
  columns,
  state: {},
  onStateChange: () => undefined,
  renderFallbackValue: '',
  getCoreRowModel: getCoreRowModel(),
  getFilteredRowModel: getFilteredRowModel(),
  getSortedRowModel: getSortedRowModel(),
  getRowId: (_row, index) => String(index),
});
state = { ...table.initialState, columnVisibility: { search: false } };
function setState(updater: Updater<TableState>): void {
  state = functionalUpdate(updater, state);
  table.setOptions((previous) => ({ ...previous, state, onStateChange: setState }));
  render();
}
table.setOptions((previous) => ({ ...previous, state, onStateChange: setState }));

// ---- The page ----
const app = document.getElementById('app')!;
const toolbar = element('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Filters and export' });
const search = element('input', { type: 'search', placeholder: 'Filter text', 'aria-label': 'Filter by any text', id: 'filter-text' });
const selects = new Map<string, HTMLSelectElement>();
toolbar.append(search);
for (const filter of FILTERS) {
  const select = element('select', { 'aria-label': `Filter by ${filter.label.toLowerCase()}`, id: `filter-${filter.id}` });
  selects.set(filter.id, select);
  toolbar.append(select);
}
const count = element('span', { class: 'count', role: 'status', 'aria-live': 'polite' });
const copyButton = element('button', { type: 'button', title: 'Copy the selected rows as tab-separated text (Ctrl+C)' }, 'Copy TSV');
const csvButton = element('button', { type: 'button', title: 'Save the rows shown as CSV' }, 'Export CSV');
const jsonButton = element('button', { type: 'button', title: 'Save the rows shown as JSON' }, 'Export JSON');
toolbar.append(count, copyButton, csvButton, jsonButton);

const grid = element('div', { class: 'grid', role: 'grid', tabindex: '0', 'aria-multiselectable': 'true', 'aria-label': 'Figures' });
const template = FIGURE_COLUMNS.map((column) => column.width).join(' ');
const header = element('div', { class: 'row header', role: 'row', 'aria-rowindex': '1' });
header.style.gridTemplateColumns = template;
const headerCells = FIGURE_COLUMNS.map((column) => {
  const cell = element('div', { role: 'columnheader', class: 'cell', 'data-column': column.id });
  const button = element('button', { type: 'button', class: 'sort', tabindex: '-1', title: `Sort by ${column.header.toLowerCase()}` }, column.header);
  button.addEventListener('click', () => table.getColumn(column.id)?.toggleSorting(undefined, false));
  cell.append(button);
  header.append(cell);
  return cell;
});
const body = element('div', { class: 'body', role: 'rowgroup' });
const spacer = element('div', { class: 'spacer' });
body.append(spacer);
grid.append(header, body);
const empty = element('p', { class: 'empty', hidden: '' });
app.append(toolbar, grid, empty);
app.removeAttribute('aria-busy');

function shownRows(): Array<Row<FigureRow>> {
  return table.getRowModel().rows;
}

function fillSelect(id: string, label: string, values: string[]): void {
  const select = selects.get(id)!;
  const current = select.value;
  select.replaceChildren(element('option', { value: '' }, `All ${label.toLowerCase()}s`), ...values.map((value) => element('option', { value }, value)));
  select.value = values.includes(current) ? current : '';
}

function distinct(values: Array<string | null>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))].sort((a, b) => a.localeCompare(b));
}

function setFilter(id: string, value: string): void {
  table.getColumn(id)?.setFilterValue(value || undefined);
}

search.addEventListener('input', () => setFilter('search', search.value.trim().toLowerCase()));
for (const [id, select] of selects) select.addEventListener('change', () => setFilter(id, select.value));

function selectedIndexes(): number[] {
  // In the order shown, so a copy pastes the way the table reads.
  return shownRows().map((row) => row.index).filter((index) => selected.has(index));
}
copyButton.addEventListener('click', () => post({ type: 'copy', indexes: selectedIndexes().length ? selectedIndexes() : shownRows().map((row) => row.index) }));
csvButton.addEventListener('click', () => post({ type: 'export', format: 'csv', indexes: shownRows().map((row) => row.index) }));
jsonButton.addEventListener('click', () => post({ type: 'export', format: 'json', indexes: shownRows().map((row) => row.index) }));

// ---- Rendering: the header's sort state, then only the rows in view ----
let renderedRows = 0;
function render(): void {
  const shown = shownRows();
  count.textContent = `${shown.length.toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')} figures`;
  grid.setAttribute('aria-rowcount', String(shown.length + 1));
  for (const cell of headerCells) {
    const sorted = table.getColumn(cell.dataset.column!)?.getIsSorted();
    cell.setAttribute('aria-sort', sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none');
  }
  empty.hidden = shown.length > 0;
  empty.textContent = rows.length ? 'No figure matches these filters.' : 'No figures were read in this transcript.';
  if (active !== null && active >= shown.length) active = shown.length ? shown.length - 1 : null;
  spacer.style.height = `${shown.length * ROW_HEIGHT}px`;
  const first = Math.max(0, Math.floor(body.scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((body.scrollTop + body.clientHeight) / ROW_HEIGHT) + OVERSCAN);
  const fragment = document.createDocumentFragment();
  for (let position = first; position < last; position++) fragment.append(rowElement(shown[position], position));
  for (const old of body.querySelectorAll('.row')) old.remove();
  body.append(fragment);
  renderedRows = last - first;
  if (active !== null && shown[active]) grid.setAttribute('aria-activedescendant', `row-${shown[active].index}`);
  else grid.removeAttribute('aria-activedescendant');
}

function rowElement(row: Row<FigureRow>, position: number): HTMLElement {
  const figure = row.original;
  const isSelected = selected.has(row.index);
  const node = element('div', {
    class: `row${isSelected ? ' selected' : ''}${position === active ? ' active' : ''}${figure.unreadable ? ' unreadable' : ''}`,
    role: 'row',
    id: `row-${row.index}`,
    'aria-rowindex': String(position + 2),
    'aria-selected': String(isSelected),
    'data-position': String(position),
  });
  node.style.gridTemplateColumns = template;
  node.style.top = `${position * ROW_HEIGHT}px`;
  for (const column of FIGURE_COLUMNS) {
    const text = column.text(figure);
    node.append(element('div', { role: 'gridcell', class: `cell ${column.id}`, title: text }, text));
  }
  return node;
}

body.addEventListener('scroll', () => requestAnimationFrame(render));
new ResizeObserver(() => render()).observe(body);

/** Makes the row at a position the active one, scrolled into view; optionally selects it and reveals it. */
function activate(position: number, options: { select?: 'only' | 'toggle' | 'range' | 'none'; reveal?: boolean } = {}): void {
  const shown = shownRows();
  if (!shown.length) return;
  position = Math.max(0, Math.min(shown.length - 1, position));
  active = position;
  const mode = options.select ?? 'only';
  if (mode === 'only') {
    selected.clear();
    selected.add(shown[position].index);
    anchor = position;
  } else if (mode === 'toggle') {
    if (selected.has(shown[position].index)) selected.delete(shown[position].index);
    else selected.add(shown[position].index);
    anchor = position;
  } else if (mode === 'range') {
    const from = anchor ?? position;
    selected.clear();
    for (let p = Math.min(from, position); p <= Math.max(from, position); p++) selected.add(shown[p].index);
  }
  const top = position * ROW_HEIGHT;
  if (top < body.scrollTop) body.scrollTop = top;
  else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
  render();
  if (options.reveal) post({ type: 'reveal', index: shown[position].index });
}

body.addEventListener('click', (event) => {
  const rowNode = (event.target as HTMLElement).closest<HTMLElement>('.row');
  if (!rowNode) return;
  grid.focus();
  const position = Number(rowNode.dataset.position);
  const mode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only';
  activate(position, { select: mode, reveal: mode === 'only' });
});

grid.addEventListener('keydown', (event) => {
  const shown = shownRows();
  const page = Math.max(1, Math.floor(body.clientHeight / ROW_HEIGHT) - 1);
  const current = active ?? -1;
  const move = (to: number) => activate(to, { select: event.shiftKey ? 'range' : 'only' });
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.key === 'ArrowDown') move(current + 1);
  else if (event.key === 'ArrowUp') move(Math.max(0, current - 1));
  else if (event.key === 'PageDown') move(current + page);
  else if (event.key === 'PageUp') move(Math.max(0, current - page));
  else if (event.key === 'Home') move(0);
  else if (event.key === 'End') move(shown.length - 1);
  else if (event.key === 'Enter' && active !== null) post({ type: 'reveal', index: shown[active].index });
  else if (event.key === ' ' && active !== null) activate(active, { select: 'toggle' });
  else if (ctrl && event.key.toLowerCase() === 'a') {
    for (const row of shown) selected.add(row.index);
    render();
  } else if (ctrl && event.key.toLowerCase() === 'c') copyButton.click();
  else return;
  event.preventDefault();
});

// The grid is one tab stop and its header buttons are outside the tab order, so Alt+1…9 and
// Alt+0 sort by the n-th column from the keyboard.
grid.addEventListener('keydown', (event) => {
  if (!event.altKey || !/^[0-9]$/.test(event.key)) return;
  const column = FIGURE_COLUMNS[(Number(event.key) + 9) % 10];
  if (column) table.getColumn(column.id)?.toggleSorting(undefined, false);
  event.preventDefault();
});

/** The row of the figure under the cursor, or the last one before it. */
function followCursor(line: number, character: number): void {
  const shown = shownRows();
  let best: number | null = null;
  let bestKey = -1;
  const cursorKey = line * 100_000 + character;
  shown.forEach((row, position) => {
    const figure = row.original;
    if (figure.line === line && figure.start <= character && character <= figure.end) {
      best = position;
      bestKey = Infinity;
    }
    const key = figure.line * 100_000 + figure.start;
    if (bestKey !== Infinity && key <= cursorKey && key > bestKey) {
      best = position;
      bestKey = key;
    }
  });
  if (best !== null) activate(best, { select: 'only' });
}

function tableState(): FiguresTableState {
  const filters: Record<string, string> = {};
  for (const filter of state.columnFilters) filters[filter.id] = String(filter.value);
  return {
    title,
    total: rows.length,
    shown: shownRows().map((row) => row.index),
    selected: selectedIndexes(),
    active: active === null ? null : shownRows()[active]?.index ?? null,
    activeText: active === null ? null : shownRows()[active]?.original.text ?? null,
    sorting: state.sorting.map(({ id, desc }) => ({ id, desc })),
    filters,
    renderedRows,
  };
}

/** A test's filter goes through the controls, as a person's would. */
function applyTestFilter(args: Record<string, unknown>): void {
  if (typeof args.text === 'string') {
    search.value = args.text;
    search.dispatchEvent(new Event('input'));
  }
  for (const [id, select] of selects) {
    const value = args[id];
    if (typeof value !== 'string') continue;
    if (value && ![...select.options].some((option) => option.value === value)) throw new Error(`No ${id} "${value}" to filter by.`);
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }
}

window.addEventListener('message', (event: MessageEvent<FiguresToWebview>) => {
  const message = event.data;
  if (message.type === 'rows') {
    const keepActive = active !== null ? shownRows()[active]?.original : undefined;
    rows = message.rows;
    title = message.title;
    grid.setAttribute('aria-label', title);
    selected.clear();
    table.setOptions((previous) => ({ ...previous, data: rows }));
    fillSelect('metric', 'metric', distinct(rows.map((row) => row.metric)));
    fillSelect('speaker', 'speaker', distinct(rows.map((row) => row.speaker)));
    fillSelect('kind', 'kind', distinct(rows.map((row) => row.kind)));
    for (const [id, select] of selects) setFilter(id, select.value);
    render();
    if (keepActive) followCursor(keepActive.line, keepActive.start);
  } else if (message.type === 'cursor') {
    followCursor(message.line, message.character);
  } else if (message.type === 'test') {
    void answer(message, {
      state: async () => (await nextFrame(), tableState()),
      filter: async (args) => (applyTestFilter(args), await nextFrame(), tableState()),
      sort: async (args) => {
        const button = header.querySelector<HTMLButtonElement>(`[data-column="${String(args.column)}"] button`);
        if (!button) throw new Error(`No column ${String(args.column)}.`);
        button.click();
        await nextFrame();
        return tableState();
      },
      /** Clicks the row at a position of the shown order, scrolling it into view first. */
      clickRow: async (args) => {
        const position = Number(args.position);
        body.scrollTop = position * ROW_HEIGHT;
        render();
        const node = body.querySelector<HTMLElement>(`.row[data-position="${position}"]`);
        if (!node) throw new Error(`Row ${position} is not drawn.`);
        node.querySelector<HTMLElement>('.cell')!.click();
        await nextFrame();
        return tableState();
      },
      key: async (args) => {
        grid.dispatchEvent(new KeyboardEvent('keydown', { key: String(args.key), shiftKey: Boolean(args.shift), ctrlKey: Boolean(args.ctrl), bubbles: true }));
        await nextFrame();
        return tableState();
      },
      /** The texts of the cells of the rows drawn, as a screen reader would read them. */
      renderedTexts: () => [...body.querySelectorAll('.row')].map((row) => [...row.children].map((cell) => cell.textContent ?? '')),
    });
  }
});

post({ type: 'ready' });
