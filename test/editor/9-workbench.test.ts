// The analyst's workbench in the real editor: the figures table (filter, sort, click a row,
// the cursor moving the selection, CSV export), Compare Metrics on two calls, and the talk
// share chart. The webviews are driven through their messages, as a user's clicks would be.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FiguresTableState } from '../../client/src/webviews/messages';
import { extensionApi, OWN_CALL, PICTURE_CALL, positionOf, quickPickShown, SEED_000, showTranscript, waitFor, workbenchTexts, workspaceUri } from './helpers';

const THIRD_QUARTER = 'harbor-lights-q3.txt';

/** Splits RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') (field += '"'), index++;
      else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') row.push(field), (field = '');
    else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), index++;
    } else field += character;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('Figures table', () => {
  let api: Awaited<ReturnType<typeof extensionApi>>;
  const table = async (action: string, args?: Record<string, unknown>) => (await api.workbench.askWebview('figures', action, args)) as FiguresTableState;

  before(async () => {
    api = await extensionApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('lists every figure of the transcript, filters by metric and text, and sorts by value', async () => {
    const document = await showTranscript(OWN_CALL);
    await vscode.commands.executeCommand('transcriptLens.showFiguresTable');
    const state = await waitFor('the figures table to fill', async () => {
      const current = await table('state').catch(() => undefined);
      return current && current.total > 0 ? current : undefined;
    });
    assert.match(state.title, /harbor-lights-q2/);
    assert.equal(state.shown.length, state.total);
    const rendered = (await api.workbench.askWebview('figures', 'renderedTexts')) as string[][];
    const revenue = rendered.find((cells) => cells.includes('$1.8 billion'));
    assert.ok(revenue, `a row for $1.8 billion among ${JSON.stringify(rendered)}`);
    assert.ok(revenue.includes('Mara Lindqvist') && revenue.includes('revenue') && revenue.includes('1,800,000,000 USD'), JSON.stringify(revenue));
    assert.ok(revenue.includes('Prepared Remarks') && revenue.includes(String(positionOf(document, '$1.8 billion').line + 1)), JSON.stringify(revenue));

    const byMetric = await table('filter', { metric: 'revenue' });
    assert.ok(byMetric.shown.length >= 2 && byMetric.shown.length < state.total, `revenue rows: ${byMetric.shown.length} of ${state.total}`);
    const byText = await table('filter', { text: 'year over year' });
    assert.ok(byText.shown.length >= 1 && byText.shown.length <= byMetric.shown.length);
    const cleared = await table('filter', { metric: '', text: '' });
    assert.equal(cleared.shown.length, state.total);

    const sorted = await table('sort', { column: 'line' });
    assert.deepEqual(sorted.sorting, [{ id: 'line', desc: false }]);
    const descending = await table('sort', { column: 'line' });
    assert.deepEqual(descending.shown, [...sorted.shown].reverse(), 'a second click sorts the other way');
  });

  it('selects the figure in the editor when a row is clicked, and follows the cursor back', async () => {
    const filtered = await table('filter', { text: '2,400' });
    assert.equal(filtered.shown.length, 1, 'one figure reads 2,400');
    await table('clickRow', { position: 0 });
    const editor = await waitFor('the editor to select 2,400', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.getText(active.selection) === '2,400' ? active : undefined;
    });
    assert.equal(editor.document.uri.toString(), workspaceUri(OWN_CALL).toString());

    await table('filter', { text: '' });
    const target = positionOf(editor.document, '31.5%');
    editor.selection = new vscode.Selection(target.translate(0, 1), target.translate(0, 1));
    const followed = await waitFor('the table to follow the cursor to 31.5%', async () => {
      const current = await table('state');
      return current.activeText === '31.5%' ? current : undefined;
    });
    assert.deepEqual(followed.selected, [followed.active], 'the row under the cursor is the one selected');
  });

  it('updates as the document changes', async () => {
    const before = await table('filter', { metric: '', speaker: '', kind: '', text: '' });
    const editor = await showTranscript(OWN_CALL).then((document) => vscode.window.showTextDocument(document));
    const end = positionOf(editor.document, 'to 87%.').translate(0, 'to 87%.'.length);
    try {
      assert.ok(await editor.edit((edit) => edit.insert(end, ' Parcel revenue reached $215 million.')));
      const after = await waitFor('the table to show the new figure', async () => {
        const current = await table('state');
        return current.total === before.total + 1 ? current : undefined;
      });
      const texts = (await api.workbench.askWebview('figures', 'renderedTexts')) as string[][];
      assert.ok(texts.some((cells) => cells.includes('$215 million')), `the new figure among ${after.total} rows`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor('the table to drop the figure again', async () => ((await table('state')).total === before.total ? true : undefined));
  });

  it('moves through rows from the keyboard and exports the rows shown as CSV', async () => {
    await table('filter', { metric: 'revenue', text: '' });
    const first = await table('key', { key: 'Home' });
    const second = await table('key', { key: 'ArrowDown' });
    assert.equal(first.active, first.shown[0]);
    assert.equal(second.active, second.shown[1]);
    const target = workspaceUri('figures-export.csv');
    await api.workbench.exportFigures('csv', target);
    const rows = parseCsv(await readText(target));
    assert.equal(rows[0].join(','), 'speaker,role,speaker_kind,section,metric,kind,value,min,max,unit,normalized,change,period,qualifier,text,line');
    assert.equal(rows.length - 1, second.shown.length, 'one CSV row per row shown');
    assert.ok(rows.slice(1).every((row) => row[4] === 'revenue'));
    const revenue = rows.find((row) => row[14] === '$1.8 billion');
    assert.ok(revenue, JSON.stringify(rows));
    assert.equal(revenue[6], '1800000000');
    assert.equal(revenue[9], 'USD');
    await vscode.workspace.fs.delete(target);
  });
});

describe('Figures table with 10,000 figures', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('draws only the rows in view and still filters every row', async function () {
    this.timeout(120_000);
    const api = await extensionApi();
    // An invented call: 2,500 paragraphs of four figures each.
    const paragraphs = Array.from({ length: 2500 }, (_, index) => `Revenue in region ${index} was $${(index % 90) + 1}.5 million, up ${(index % 30) + 1}% with ${index + 10} stores and a margin of 12%.`);
    const text = `### **Ada Moreno** -- Chief Financial Officer\n\n${paragraphs.join('\n\n')}\n`;
    const uri = workspaceUri('ten-thousand-figures.transcript');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      await vscode.commands.executeCommand('transcriptLens.showFiguresTable');
      const state = await waitFor('10,000 rows in the table', async () => {
        const current = (await api.workbench.askWebview('figures', 'state').catch(() => undefined)) as FiguresTableState | undefined;
        return current && current.total >= 10_000 && /ten-thousand/.test(current.title) ? current : undefined;
      }, 90_000);
      assert.ok(state.renderedRows > 0 && state.renderedRows < 200, `${state.renderedRows} rows drawn of ${state.total}`);
      const stores = (await api.workbench.askWebview('figures', 'filter', { text: '2,509 stores' })) as FiguresTableState;
      assert.equal(stores.shown.length, 1, 'the last paragraph\'s store count, found among 10,000 rows');
      const end = (await api.workbench.askWebview('figures', 'clickRow', { position: 0 })) as FiguresTableState;
      assert.equal(end.activeText, '2509');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

describe('Compare Metrics', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('puts two calls side by side in period order, opens a cell and exports CSV', async () => {
    const api = await extensionApi();
    // Given in the wrong order on purpose: the table orders calls by the period each names.
    const comparison = await api.workbench.compare([workspaceUri(THIRD_QUARTER), workspaceUri(OWN_CALL)]);
    assert.deepEqual(comparison.calls.map((call) => call.period), ['Q2', 'Q3']);
    const state = (await waitFor('the comparison to render', async () => {
      const current = (await api.workbench.askWebview('compare', 'state').catch(() => undefined)) as { header: string[]; rows: string[][] } | undefined;
      return current && current.rows.length ? current : undefined;
    })) as { header: string[]; rows: string[][] };
    assert.match(state.header[1], /^Q2 harbor-lights-q2\.txt/);
    assert.match(state.header[2], /^Q3 harbor-lights-q3\.txt/);
    const revenueIndex = state.rows.findIndex((row) => row[0] === 'revenue');
    assert.ok(revenueIndex >= 0, JSON.stringify(state.rows));
    assert.match(state.rows[revenueIndex][1], /1,800,000,000 USD up 12% year over year/);
    assert.match(state.rows[revenueIndex][2], /1,900,000,000 USD up 9% year over year/);

    await api.workbench.askWebview('compare', 'clickCell', { row: revenueIndex, call: 1 });
    const editor = await waitFor('the Q3 call to open at its revenue sentence', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === workspaceUri(THIRD_QUARTER).toString() && !active.selection.isEmpty ? active : undefined;
    });
    assert.match(editor.document.getText(editor.selection), /^Revenue for the quarter was \$1\.9 billion, an increase of 9% from a year ago\.$/);

    const target = workspaceUri('metrics-export.csv');
    await api.workbench.exportComparison(target);
    const rows = parseCsv(await readText(target));
    assert.deepEqual(rows[0].slice(0, 3), ['metric', 'Q2 (harbor-lights-q2.txt) value', 'Q2 (harbor-lights-q2.txt) change']);
    const revenue = rows.find((row) => row[0] === 'revenue');
    assert.deepEqual(revenue?.slice(1, 5), ['1,800,000,000 USD', 'up 12% year over year', '1,900,000,000 USD', 'up 9% year over year']);
    await vscode.workspace.fs.delete(target);
  });
});

describe('Compare Metrics from the Explorer', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('compares the files selected in the Explorer, as the context menu passes them', async () => {
    const api = await extensionApi();
    const [q2, q3] = [workspaceUri(OWN_CALL), workspaceUri(THIRD_QUARTER)];
    // The Explorer passes the clicked file and every selected one.
    await vscode.commands.executeCommand('transcriptLens.compareMetrics', q3, [q3, q2]);
    const state = (await waitFor('the comparison of the selected files', async () => {
      const current = (await api.workbench.askWebview('compare', 'state').catch(() => undefined)) as { header: string[]; rows: string[][] } | undefined;
      return current && current.header.length === 3 ? current : undefined;
    })) as { header: string[]; rows: string[][] };
    assert.deepEqual(state.header.map((text) => text.split(' ')[0]), ['Metric', 'Q2', 'Q3']);
  });
});

describe('Compare Metrics from the Command Palette', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('offers the workspace\'s transcripts, the open one first, and not its notes or README', async () => {
    const api = await extensionApi();
    await showTranscript(OWN_CALL);
    const choices = (await api.workbench.compareChoices()).map((uri) => uri.toString());
    for (const name of [OWN_CALL, THIRD_QUARTER, PICTURE_CALL, SEED_000]) assert.ok(choices.includes(workspaceUri(name).toString()), `${name} is offered`);
    for (const name of ['meeting-notes.txt', 'README.md']) assert.ok(!choices.includes(workspaceUri(name).toString()), `${name} is not offered`);
    assert.equal(new Set(choices).size, choices.length, 'each call once');

    // The pick itself, as drawn, with the open call among its first rows: its rows count
    // exactly those calls (a row tells the size of its list).
    const picked = vscode.commands.executeCommand('transcriptLens.compareMetrics');
    try {
      const rows = await quickPickShown((shown) => shown.some((row) => row.includes(OWN_CALL)));
      if (rows) {
        const sized = await waitFor('the pick to list the offered calls', () => workbenchTexts(`.quick-input-widget .monaco-list-row[aria-setsize="${choices.length}"]`).then((found) => (found?.length ? found : undefined)), 5000)
          .catch(async (error) => {
            const sizes = await workbenchTexts('.quick-input-widget .monaco-list-row');
            throw new Error(`${(error as Error).message}: ${sizes?.length} rows drawn, ${choices.length} calls offered`);
          });
        assert.ok(sized.every((row) => !row.includes('meeting-notes.txt') && !row.includes('README.md')), sized.join(' | '));
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await picked, undefined, 'nothing compared when the pick is dismissed');
    }
  });
});

describe('Who spoke how much', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('draws words per speaker, kind and section as SVG bars that add up to the roster', async () => {
    const api = await extensionApi();
    await showTranscript(OWN_CALL);
    const roster = await waitFor('the roster', () => (api.roster().length ? api.roster() : undefined));
    await vscode.commands.executeCommand('transcriptLens.showTalkShare');
    type Chart = { title: string; bars: Array<{ label: string; width: number; amount: string; fill: string }> };
    const charts = await waitFor('the talk-share charts', async () => {
      const found = (await api.workbench.askWebview('talkShare', 'state').catch(() => undefined)) as Chart[] | undefined;
      return found && found.length === 3 ? found : undefined;
    });
    const [speakers, kinds, sections] = charts;
    const mara = roster.find((entry) => entry.speaker === 'Mara Lindqvist')!;
    const maraBar = speakers.bars.find((bar) => bar.label === 'Mara Lindqvist');
    assert.ok(maraBar && maraBar.amount.startsWith(`${mara.words.toLocaleString('en-US')} ·`), JSON.stringify(speakers.bars));
    assert.deepEqual(speakers.bars.map((bar) => bar.width), [...speakers.bars.map((bar) => bar.width)].sort((a, b) => b - a), 'longest bar first');
    assert.ok(kinds.bars.some((bar) => bar.label === 'Management') && kinds.bars.some((bar) => bar.label === 'Analysts'));
    assert.deepEqual(sections.bars.map((bar) => bar.label), ['Prepared Remarks', 'Questions & Answers']);
    assert.match(speakers.title, /Mara Lindqvist \d+ words/);
    assert.notEqual(maraBar.fill, '', 'the bar takes a colour from the theme');
    const tables = (await api.workbench.askWebview('talkShare', 'tables')) as string[][][];
    const analysts = tables[0];
    assert.deepEqual(analysts[0], ['Analyst', 'Firm', 'Turns', 'Questions', 'Words']);
    assert.equal(analysts[1][0], 'Priya Natarajan');
    assert.equal(analysts[1][1], 'Kestrel Securities');
    assert.ok(Number(analysts[1][3]) >= 1, 'she asks at least one question');
  });
});
