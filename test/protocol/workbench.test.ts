// The workbench requests over real JSON-RPC: the figures table's rows, two calls compared
// (one open, one only on disk) in period order, and who spoke how much.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureRow, MetricComparison, TalkShare } from '../../server/src/protocol';
import { CALL, fileUri, tempFolder } from './fixtures';
import type { TempFolder } from './fixtures';
import { LspClient, positionOf } from './lspClient';

/** The same invented company one quarter earlier, kept only on disk. */
const EARLIER_CALL = CALL.replace('Q3 2026', 'Q2 2026').replace('third quarter', 'second quarter').replace('RMB 12.5 billion', 'RMB 11.9 billion').replace('March 3, 2026', 'December 2, 2025');

describe('protocol: workbench requests', function () {
  this.timeout(20000);
  let folder: TempFolder;
  let client: LspClient;
  let openUri: string;
  let diskUri: string;

  before(async () => {
    folder = tempFolder('workbench');
    openUri = fileUri(join(folder.path, 'northwind-q3.transcript'));
    diskUri = fileUri(join(folder.path, 'northwind-q2.transcript'));
    writeFileSync(join(folder.path, 'northwind-q2.transcript'), EARLIER_CALL);
    client = await LspClient.start();
    await client.open(openUri, CALL);
    await client.waitForDiagnostics(openUri);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    folder.remove();
  });

  it('returns one figure table row per figure, with speaker, section, reading and change', async () => {
    const rows = await client.request<FigureRow[]>('transcriptLens/figureTable', { uri: openUri });
    const figures = await client.request<Array<{ text: string }>>('transcriptLens/figures', { uri: openUri });
    assert.deepEqual(rows.map((row) => row.text), figures.map((figure) => figure.text), 'the same figures as the figure list');
    const revenue = rows.find((row) => row.text === 'RMB 12.5 billion');
    assert.ok(revenue);
    assert.deepEqual(
      [revenue.speaker, revenue.role, revenue.speakerKind, revenue.section, revenue.metric, revenue.kindId, revenue.number, revenue.unit],
      ['Jane Roe', 'Chief Financial Officer', 'management', 'Prepared Remarks', 'revenue', 'money', 12_500_000_000, 'CNY'],
    );
    assert.equal(revenue.line, positionOf(CALL, 'RMB 12.5 billion').line);
    const points = rows.find((row) => row.text === '3 percentage points');
    assert.equal(points?.change, 'increase');
    assert.equal(points?.period, 'year over year');
    const about = rows.find((row) => row.text.includes('3 billion'));
    assert.equal(about?.qualifier, 'about');
    assert.equal(about?.section, 'Questions & Answers');
  });

  it('answers with no rows for a document that is not open', async () => {
    assert.deepEqual(await client.request('transcriptLens/figureTable', { uri: 'file:///nowhere/call.transcript' }), []);
  });

  it('compares an open call and one on disk, ordered by the period each names', async () => {
    const missing = fileUri(join(folder.path, 'missing.transcript'));
    const comparison = await client.request<MetricComparison>('transcriptLens/compareMetrics', { uris: [openUri, missing, diskUri] });
    assert.deepEqual(comparison.calls.map((call) => [call.name, call.period, call.error]), [
      ['northwind-q2.transcript', 'Q2 2026', null],
      ['northwind-q3.transcript', 'Q3 2026', null],
      ['missing.transcript', null, 'not found'],
    ]);
    const revenue = comparison.rows.find((row) => row.metric === 'revenue');
    assert.ok(revenue, JSON.stringify(comparison.rows.map((row) => row.metric)));
    assert.equal(revenue.cells[0]?.value, '11,900,000,000 CNY');
    assert.equal(revenue.cells[1]?.value, '12,500,000,000 CNY');
    assert.equal(revenue.cells[2], null);
    const cell = revenue.cells[1]!;
    const line = CALL.split('\n')[cell.line];
    assert.equal(line.slice(cell.start, cell.end), 'Revenue of RMB 12.5 billion was up 3 percentage points year over year.');
    const stated = comparison.rows.map((row) => row.cells.filter(Boolean).length);
    assert.deepEqual(stated, [...stated].sort((a, b) => b - a), 'metrics more calls state come first');
  });

  it('follows unsaved edits of an open call', async () => {
    await client.change(openUri, [{ text: CALL.replace('RMB 12.5 billion', 'RMB 13.1 billion') }]);
    const comparison = await client.request<MetricComparison>('transcriptLens/compareMetrics', { uris: [openUri] });
    assert.equal(comparison.rows.find((row) => row.metric === 'revenue')?.cells[0]?.value, '13,100,000,000 CNY');
    await client.change(openUri, [{ text: CALL }]);
  });

  it('counts words per speaker, kind and section, questions per analyst and answers per executive', async () => {
    const talk = await client.request<TalkShare>('transcriptLens/talkShare', { uri: openUri });
    const roster = await client.request<Array<{ speaker: string; words: number }>>('transcriptLens/roster', { uri: openUri });
    assert.equal(talk.totalWords, roster.reduce((sum, entry) => sum + entry.words, 0));
    assert.equal(talk.speakers.find((bar) => bar.label === 'Jane Roe')?.words, roster.find((entry) => entry.speaker === 'Jane Roe')?.words);
    assert.ok(Math.abs(talk.speakers.reduce((sum, bar) => sum + bar.share, 0) - 1) < 1e-9, 'shares add up to one');
    assert.deepEqual(talk.sections.map((bar) => bar.label), ['Prepared Remarks', 'Questions & Answers']);
    assert.deepEqual(talk.kinds.map((bar) => bar.label).sort(), ['Analysts', 'Management', 'Operator']);
    assert.deepEqual(talk.analysts, [{ speaker: 'Priya Nandi', firm: 'Harbor Securities', turns: 1, questions: 1, words: talk.analysts[0].words }]);
    assert.deepEqual(talk.firms, [{ firm: 'Harbor Securities', analysts: 1, questions: 1, turns: 1 }]);
    assert.deepEqual(talk.executives.map((e) => [e.speaker, e.answers]), [['Jane Roe', 1]]);
    assert.equal(talk.executives[0].averageWords, talk.executives[0].words);
  });
});
