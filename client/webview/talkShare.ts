// Who spoke how much, in the page: horizontal SVG bars per speaker, per kind of speaker and
// per section, then questions per analyst and firm and answer length per executive. Each
// chart is an image with a text alternative, and the numbers are in tables too.
import type { TalkBar, TalkShare, TalkToWebview } from '../src/webviews/messages';
import { answer, element, nextFrame, post } from './vscodeApi';

const SVG = 'http://www.w3.org/2000/svg';
const BAR_HEIGHT = 18;
const GAP = 8;
const LABEL_WIDTH = 280;
const CHART_WIDTH = 700;
const app = document.getElementById('app')!;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
}

/** A bar chart of words; the bar's class names its group so the theme's chart colours tell groups apart. */
function barChart(name: string, bars: TalkBar[], classOf: (bar: TalkBar, index: number) => string): SVGSVGElement {
  const rowHeight = BAR_HEIGHT + GAP + (bars.some((bar) => bar.detail) ? 12 : 0);
  const height = bars.length * rowHeight + GAP;
  const max = Math.max(1, ...bars.map((bar) => bar.words));
  const chart = svg('svg', { class: 'chart', role: 'img', width: CHART_WIDTH, height, viewBox: `0 0 ${CHART_WIDTH} ${height}`, 'aria-labelledby': `${slug(name)}-title` });
  chart.append(svg('title', { id: `${slug(name)}-title` }, `${name}: ${bars.map((bar) => `${bar.label} ${bar.words} words, ${percent(bar.share)}`).join('; ')}`));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 110;
  bars.forEach((bar, index) => {
    const y = GAP + index * rowHeight;
    const group = svg('g', { class: 'bar-row', 'data-label': bar.label });
    group.append(svg('text', { x: 0, y: y + 13, class: 'label' }, bar.label.length > 30 ? `${bar.label.slice(0, 29)}…` : bar.label));
    if (bar.detail && bar.detail !== bar.label) group.append(svg('text', { x: 0, y: y + 26, class: 'detail' }, bar.detail.length > 38 ? `${bar.detail.slice(0, 37)}…` : bar.detail));
    group.append(svg('rect', { x: LABEL_WIDTH, y, width: barSpace, height: BAR_HEIGHT, class: 'track', rx: 2 }));
    group.append(svg('rect', { x: LABEL_WIDTH, y, width: Math.max(1, (bar.words / max) * barSpace), height: BAR_HEIGHT, class: `bar ${classOf(bar, index)}`, rx: 2 }));
    group.append(svg('text', { x: LABEL_WIDTH + barSpace + 8, y: y + 13, class: 'amount' }, `${bar.words.toLocaleString('en-US')} · ${percent(bar.share)}`));
    chart.append(group);
  });
  return chart;
}

function numbersTable(caption: string, head: string[], rows: Array<Array<string | number>>): HTMLTableElement {
  const table = element('table', { class: 'numbers' });
  table.append(element('caption', { class: 'visually-hidden' }, caption));
  const headRow = element('tr');
  for (const cell of head) headRow.append(element('th', { scope: 'col' }, cell));
  table.append(headRow);
  for (const row of rows) {
    const tr = element('tr');
    for (const cell of row) tr.append(element('td', typeof cell === 'number' ? { class: 'number' } : {}, typeof cell === 'number' ? cell.toLocaleString('en-US') : cell));
    table.append(tr);
  }
  return table;
}

function section(title: string, ...content: Node[]): HTMLElement {
  const node = element('section', { 'aria-label': title });
  node.append(element('h2', {}, title), ...content);
  return node;
}

function render(title: string, talk: TalkShare | null): void {
  if (!talk || talk.totalWords === 0) {
    app.replaceChildren(element('h1', {}, title), element('p', { class: 'empty' }, 'No speaker turns were found in this transcript.'));
    app.removeAttribute('aria-busy');
    return;
  }
  const qa = [
    talk.analysts.length
      ? numbersTable('Questions per analyst', ['Analyst', 'Firm', 'Turns', 'Questions', 'Words'], talk.analysts.map((a) => [a.speaker, a.firm ?? '', a.turns, a.questions, a.words]))
      : element('p', { class: 'empty' }, 'No analyst speaks in a Q&A section.'),
    talk.firms.length ? numbersTable('Questions per firm', ['Firm', 'Analysts', 'Turns', 'Questions'], talk.firms.map((f) => [f.firm, f.analysts, f.turns, f.questions])) : element('span'),
  ];
  const answers = talk.executives.length
    ? numbersTable('Answer length per executive', ['Executive', 'Role', 'Answers', 'Words', 'Average', 'Longest'], talk.executives.map((e) => [e.speaker, e.role ?? '', e.answers, e.words, e.averageWords, e.longestWords]))
    : element('p', { class: 'empty' }, 'No executive answers in a Q&A section.');
  const columns = element('div', { class: 'columns' });
  columns.append(...qa);
  app.replaceChildren(
    element('h1', {}, title),
    element('p', { class: 'count' }, `${talk.totalWords.toLocaleString('en-US')} words in all`),
    section('Words per speaker', barChart('Words per speaker', talk.speakers, () => 'speaker')),
    section('Words per kind of speaker', barChart('Words per kind of speaker', talk.kinds, (bar) => `kind-${slug(bar.label).split('-')[0]}`)),
    section('Words per section', barChart('Words per section', talk.sections, (_bar, index) => `section-${index % 3}`)),
    section('Questions per analyst and firm', columns),
    section('Answer length per executive (Q&A)', answers),
  );
  app.removeAttribute('aria-busy');
}

window.addEventListener('message', (event: MessageEvent<TalkToWebview>) => {
  const message = event.data;
  if (message.type === 'talkShare') render(message.title, message.talk);
  else if (message.type === 'test') {
    void answer(message, {
      /** Each chart's bars as drawn: label, bar width and the amount written beside it. */
      state: async () => {
        await nextFrame();
        return [...app.querySelectorAll('svg.chart')].map((chart) => ({
          title: chart.querySelector('title')?.textContent ?? '',
          bars: [...chart.querySelectorAll('g.bar-row')].map((row) => ({
            label: row.getAttribute('data-label'),
            width: Number(row.querySelector('rect.bar')?.getAttribute('width')),
            amount: row.querySelector('text.amount')?.textContent ?? '',
            fill: getComputedStyle(row.querySelector('rect.bar')!).fill,
          })),
        }));
      },
      tables: async () => [...app.querySelectorAll('table.numbers')].map((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent ?? ''))),
    });
  }
});

post({ type: 'ready' });
