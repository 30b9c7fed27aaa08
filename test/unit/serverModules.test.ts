// The server's pure helpers: settings parsing, the sidecar format, speaker matching,
// checked-figure readings and turn lookup.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../server/src/checkedStore';
import { nodeFiles } from '../../server/src/nodeFiles';
import { sidecarUri } from '../../server/src/sidecar';
import { analyze } from '../../server/src/engine';
import { readingsOf } from '../../server/src/features/codeActions';
import { figuresOnLine } from '../../server/src/features/figureLookup';
import { turnAtLine } from '../../server/src/features/turnLookup';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/settings';
import { SettingsStore } from '../../server/src/settingsStore';
import { matchScore, WorkspaceIndex } from '../../server/src/workspaceIndex';

describe('server settings', () => {
  it('reads nested and dotted keys and keeps only valid entries', () => {
    const settings = parseSettings({
      detection: { enabled: false },
      'inlayHints.enabled': true,
      diagnostics: { severity: { 'unparsed-figure': 'off', 'missing-currency': 'loud' } },
      reportingCurrency: 'usd',
      exchangeRates: { cny: 0.14, EUR: 'one', JPY: -1 },
      maxDocumentSize: 50_000,
      metrics: { glossary: { gmv: ['gross merchandise volume'], bad: [1] } },
    });
    assert.equal(settings.detectionEnabled, false);
    assert.equal(settings.inlayHintsEnabled, true);
    assert.deepEqual(settings.severity, { 'unparsed-figure': 'off' });
    assert.equal(settings.reportingCurrency, 'USD');
    assert.deepEqual(settings.exchangeRates, { CNY: 0.14 });
    assert.equal(settings.maxDocumentSize, 50_000);
    assert.deepEqual(settings.glossary, { gmv: ['gross merchandise volume'] });
  });

  it('falls back to the defaults on anything malformed', () => {
    assert.deepEqual(parseSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(parseSettings('nonsense'), DEFAULT_SETTINGS);
    assert.deepEqual(parseSettings({ reportingCurrency: 'dollars', maxDocumentSize: -3, detection: { enabled: 'yes' } }), DEFAULT_SETTINGS);
  });
});

describe('settings per resource', () => {
  // The client's answers: the window's section, and one folder's own.
  const answers = (scopeUri: string | null) =>
    Promise.resolve(scopeUri?.startsWith('file:///a/') ? { reportingCurrency: 'eur', metrics: { glossary: { fleet: ['vessels'] } } } : { reportingCurrency: 'usd' });
  const logged: string[] = [];
  const log = (what: string) => void logged.push(what);

  it('gives a document its folder\'s settings once read, and the window\'s before and after', async () => {
    const store = new SettingsStore(answers, log);
    await store.loadGlobal();
    assert.equal(store.for('file:///a/call.txt').reportingCurrency, 'USD', 'the window\'s until the document\'s are read');
    await store.load('file:///a/call.txt');
    await store.load('file:///b/call.txt');
    assert.equal(store.for('file:///a/call.txt').reportingCurrency, 'EUR');
    assert.deepEqual(store.for('file:///a/call.txt').glossary, { fleet: ['vessels'] });
    assert.equal(store.for('file:///b/call.txt').reportingCurrency, 'USD');
    store.forget('file:///a/call.txt');
    assert.equal(store.for('file:///a/call.txt').reportingCurrency, 'USD');
  });

  it('keeps the window\'s settings when a read fails, and logs it', async () => {
    const store = new SettingsStore((scopeUri) => (scopeUri ? Promise.reject(new Error('no answer')) : answers(null)), log);
    await store.reload(['file:///a/call.txt']);
    assert.equal(store.for('file:///a/call.txt').reportingCurrency, 'USD');
    assert.ok(logged.some((what) => what.includes('file:///a/call.txt')));
  });

  it('takes pushed settings for every document when the client cannot be asked', () => {
    const store = new SettingsStore(null, log);
    store.replace({ reportingCurrency: 'gbp' });
    assert.equal(store.for('file:///a/call.txt').reportingCurrency, 'GBP');
  });
});

describe('checked-figure sidecar', () => {
  it('sits beside file transcripts only', () => {
    assert.equal(sidecarUri('file:///calls/q3%20call.txt', nodeFiles), 'file:///calls/q3%20call.txt.lens.json');
    assert.equal(sidecarUri('untitled:Untitled-1', nodeFiles), null);
  });

  it('keeps well-formed entries and skips the rest', () => {
    const good = { text: '9.1', before: 'a ', after: ' rise', kind: 'percent', value: 0.091, unit: '%' };
    const parsed = parseSidecar(JSON.stringify({ version: 1, checked: [good, { ...good, kind: 'unparsed' }, { text: 3 }] }));
    assert.deepEqual(parsed, [good]);
    assert.deepEqual(parseSidecar('{not json'), []);
    assert.deepEqual(parseSidecar('[]'), []);
  });
});

describe('workspace speaker matching', () => {
  it('ranks prefix, word, substring and fuzzy matches, case-insensitive', () => {
    assert.ok(matchScore('jane', 'Jane Roe') > matchScore('roe', 'Jane Roe'));
    assert.ok(matchScore('roe', 'Jane Roe') > matchScore('ne r', 'Jane Roe'));
    assert.ok(matchScore('ne r', 'Jane Roe') > matchScore('jroe', 'Jane Roe'));
    assert.ok(matchScore('jroe', 'Jane Roe') > 0);
    assert.equal(matchScore('zed', 'Jane Roe'), 0);
  });
});

describe('mark-as-checked readings', () => {
  it('offers money in the document currency, percent, count and label', () => {
    assert.deepEqual(readingsOf('9.1', 'CNY').map((r) => [r.kind, r.value, r.unit]), [
      ['money', 9.1, 'CNY'], ['percent', 0.091, '%'], ['count', 9.1, null], ['label', null, null],
    ]);
  });

  it('scales amounts and leaves percent out when a scale word is there', () => {
    const readings = readingsOf('49.9 billion', null);
    assert.deepEqual(readings.map((r) => r.kind), ['count', 'label']);
    assert.equal(readings[0].value, 49_900_000_000);
  });
});

describe('turn lookup', () => {
  it('finds the turn a line belongs to', () => {
    const { turns } = analyze('### **Ana Ruiz** -- Chief Executive Officer\n\nHello.\n\n### **Ben Ito** -- Chief Financial Officer\n\nThanks.\n');
    assert.equal(turns.length, 2);
    assert.equal(turnAtLine(turns, 2)?.speaker, 'Ana Ruiz');
    assert.equal(turnAtLine(turns, 6)?.speaker, 'Ben Ito');
  });
});

describe('figure lookup by line', () => {
  const text = ['Revenue rose 12% to $4.1 billion.', '', 'No figures here.', 'Margin was 18.5%, up 2 percentage points, on 3 million orders.'].join('\n');
  const figures = analyze(text).figures;

  it('finds exactly the figures of each line, as a full scan does', () => {
    for (let line = -1; line <= 5; line++) {
      assert.deepEqual(figuresOnLine(figures, line), figures.filter((figure) => figure.line === line), `line ${line}`);
    }
    assert.ok(figuresOnLine(figures, 3).length >= 3);
  });

  it('relies on the engine emitting figures in line order', () => {
    for (let i = 1; i < figures.length; i++) assert.ok(figures[i - 1].line <= figures[i].line);
  });
});

describe('settings defaults', () => {
  // The server's defaults and the ones package.json shows in the Settings editor must agree.
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const declared = (key: string) => manifest.contributes.configuration.properties[`transcriptLens.${key}`].default;

  it('matches package.json for every setting the server reads', () => {
    assert.equal(declared('detection.enabled'), DEFAULT_SETTINGS.detectionEnabled);
    assert.equal(declared('inlayHints.enabled'), DEFAULT_SETTINGS.inlayHintsEnabled);
    assert.equal(declared('maxDocumentSize'), DEFAULT_SETTINGS.maxDocumentSize);
    assert.equal(declared('reportingCurrency'), DEFAULT_SETTINGS.reportingCurrency);
    assert.deepEqual(declared('exchangeRates'), DEFAULT_SETTINGS.exchangeRates);
    assert.deepEqual(declared('metrics.glossary'), DEFAULT_SETTINGS.glossary);
    assert.deepEqual(declared('diagnostics.severity'), DEFAULT_SETTINGS.severity);
  });
});

describe('workspace index: one speaker across files', () => {
  const header = (name: string, role: string) => `### **${name}** -- ${role}`;
  const first = ['Ostara Mills Q4 2026 Earnings Call', '', header('Lena Ward', 'Chief Executive Officer'), '', 'Volumes grew.', '',
    header('Ravi Okafor', 'Analyst'), '', 'What about pricing?', '', header('Lena Ward', 'Chief Executive Officer'), '', 'Pricing held.'].join('\n');
  const second = ['Ostara Mills Q1 2027 Earnings Call', '', header('Lena Ward', 'Chief Executive Officer'), '', 'A quiet quarter.'].join('\n');
  const index = new WorkspaceIndex(nodeFiles);
  index.set('file:///calls/q4.txt', analyze(first).turns);
  index.set('file:///calls/q1.txt', analyze(second).turns);

  it('keeps the name span of every header of a speaker, matching names by speakerKey', () => {
    const [inFirst] = index.speakerInOtherFiles(' lena  WARD ', 'file:///calls/q1.txt');
    assert.equal(inFirst.uri, 'file:///calls/q4.txt');
    assert.deepEqual(inFirst.nameSpans, [{ line: 2, start: 6, end: 15 }, { line: 10, start: 6, end: 15 }]);
    assert.deepEqual(inFirst.nameSpan, inFirst.nameSpans[0]);
  });

  it('leaves out the excluded file, orders the rest by URI, and finds nobody unknown', () => {
    assert.deepEqual(index.speakerInOtherFiles('Lena Ward', 'file:///elsewhere.txt').map((speaker) => speaker.uri), ['file:///calls/q1.txt', 'file:///calls/q4.txt']);
    assert.deepEqual(index.speakerInOtherFiles('Ravi Okafor', 'file:///calls/q4.txt'), []);
    assert.deepEqual(index.speakerInOtherFiles('Nobody', 'file:///elsewhere.txt'), []);
  });

  it('forgets a file once it no longer has speakers', () => {
    const changing = new WorkspaceIndex(nodeFiles);
    changing.set('file:///calls/q1.txt', analyze(second).turns);
    changing.set('file:///calls/q1.txt', []);
    assert.deepEqual(changing.speakerInOtherFiles('Lena Ward', 'file:///other.txt'), []);
  });
});
