// Calls side by side in the page: one row per metric, one column per call in period order.
// Every cell is a button: a click or Enter opens the sentence in the editor.
import type { CompareToWebview, MetricComparison } from '../src/webviews/messages';
import { answer, element, nextFrame, post } from './vscodeApi';

let comparison: MetricComparison = { calls: [], rows: [] };
const app = document.getElementById('app')!;

function render(): void {
  const heading = element('h1', {}, 'Metrics across calls');
  const toolbar = element('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Export' });
  const exportButton = element('button', { type: 'button', title: 'Save this table as CSV' }, 'Export CSV');
  exportButton.addEventListener('click', () => post({ type: 'export' }));
  toolbar.append(element('span', { class: 'count' }, `${comparison.rows.length} metrics in ${comparison.calls.length} calls`), exportButton);
  const table = element('table', { class: 'compare' });
  table.append(element('caption', { class: 'visually-hidden' }, 'One row per metric, one column per call, ordered by period'));
  const headRow = element('tr');
  headRow.append(element('th', { scope: 'col' }, 'Metric'));
  for (const call of comparison.calls) {
    const th = element('th', { scope: 'col' });
    th.append(element('span', { class: 'period' }, call.period ?? 'Period not stated'), element('span', { class: 'file' }, call.error ? `${call.name} (${call.error})` : call.name));
    headRow.append(th);
  }
  table.append(element('thead'));
  table.tHead!.append(headRow);
  const tbody = element('tbody');
  comparison.rows.forEach((row, rowIndex) => {
    const tr = element('tr');
    tr.append(element('th', { scope: 'row' }, row.metric));
    row.cells.forEach((cell, callIndex) => {
      const td = element('td');
      if (cell) {
        const button = element('button', { type: 'button', title: `Open the sentence in ${comparison.calls[callIndex].name}`, 'data-row': String(rowIndex), 'data-call': String(callIndex) });
        button.append(element('span', { class: 'value' }, cell.value ?? cell.text));
        if (cell.change) button.append(element('span', { class: `change ${cell.change.startsWith('down') ? 'down' : 'up'}` }, cell.change));
        button.addEventListener('click', () => post({ type: 'open', call: callIndex, row: rowIndex }));
        td.append(button);
      }
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(tbody);
  app.replaceChildren(heading, toolbar, comparison.rows.length ? table : element('p', { class: 'empty' }, 'These calls state no metric with a figure.'));
  app.removeAttribute('aria-busy');
}

window.addEventListener('message', (event: MessageEvent<CompareToWebview>) => {
  const message = event.data;
  if (message.type === 'comparison') {
    comparison = message.comparison;
    render();
  } else if (message.type === 'test') {
    void answer(message, {
      /** The table as a reader sees it: header texts and each row's cell texts. */
      state: async () => {
        await nextFrame();
        const texts = (row: Element) => [...row.children].map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
        return { header: [...app.querySelectorAll('thead tr')].map(texts)[0] ?? [], rows: [...app.querySelectorAll('tbody tr')].map(texts) };
      },
      clickCell: async (args) => {
        const button = app.querySelector<HTMLButtonElement>(`button[data-row="${Number(args.row)}"][data-call="${Number(args.call)}"]`);
        if (!button) throw new Error(`No cell at row ${String(args.row)}, call ${String(args.call)}.`);
        button.click();
        return true;
      },
    });
  }
});

post({ type: 'ready' });
