// Document features over real JSON-RPC: outline, folding, hover cards, references, rename,
// semantic tokens, roster and inlay hints on an invented call.
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Range, SemanticTokens, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CALL } from './fixtures';
import { applyEdits, LspClient, positionOf, textAt } from './lspClient';

const uri = 'file:///nonexistent/northwind-q3.transcript';

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('protocol: document features', function () {
  this.timeout(20000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
    await client.open(uri, CALL);
    await client.waitForDiagnostics(uri);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const hoverAt = (needle: string, delta = 1) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(CALL, needle, delta) });

  it('advertises its features in initialize', () => {
    const capabilities = client.initializeResult!.capabilities;
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['transcriptLens.markFigureChecked', 'transcriptLens.server.annotate', 'transcriptLens.server.removeAnnotation']);
    const legend = (capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    assert.deepEqual(legend.tokenTypes, ['speaker', 'figure', 'unreadableFigure']);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  });

  it('nests turns under their sections in the outline', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const sections = symbols.filter((symbol) => symbol.children?.length);
    assert.deepEqual(sections.map((s) => s.name), ['Prepared Remarks', 'Questions & Answers']);
    assert.deepEqual(sections[0].children!.map((c) => c.name), ['Operator', 'Jane Roe', 'Marcus Hale']);
    assert.deepEqual(sections[1].children!.map((c) => c.name), ['Operator', 'Priya Nandi', 'Jane Roe']);
    const jane = sections[0].children![1];
    assert.match(jane.detail ?? '', /Chief Financial Officer/);
    assert.equal(textAt(CALL, jane.selectionRange), 'Jane Roe');
    assert.equal(jane.range.start.line, positionOf(CALL, '### **Jane Roe**').line);
    const priya = sections[1].children![1];
    assert.match(priya.detail ?? '', /Harbor Securities/);
    const operator = sections[0].children![0];
    assert.notEqual(jane.kind, priya.kind, 'management and analysts get different symbol kinds');
    assert.notEqual(jane.kind, operator.kind);
  });

  it('folds every turn and section', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const starts = new Set(ranges.map((range) => range.startLine));
    for (const header of ['## Prepared Remarks', '## Questions & Answers', '### **Jane Roe**', '### **Marcus Hale**']) {
      assert.ok(starts.has(positionOf(CALL, header).line), `a fold starts at ${header}`);
    }
    assert.ok(ranges.every((range) => range.endLine > range.startLine));
  });

  it('hovers a money figure with its full and compact value, metric and speaker', async () => {
    const text = hoverText(await hoverAt('12.5 billion'));
    assert.match(text, /12,500,000,000 CNY/);
    assert.match(text, /12\.5 B CNY/);
    assert.match(text, /Money/);
    assert.match(text, /Jane Roe/);
    assert.match(text, /Prepared Remarks/);
  });

  it('hovers percentage points with their basis points, and basis points with their points', async () => {
    const points = hoverText(await hoverAt('3 percentage points', 0));
    assert.match(points, /3 pp/);
    assert.match(points, /300 bp/);
    const basis = hoverText(await hoverAt('50 basis points', 0));
    assert.match(basis, /50 bp/);
    assert.match(basis, /0\.5 pp/);
  });

  it('hovers a fuzzy amount as a range', async () => {
    const text = hoverText(await hoverAt('low single digit', 5));
    assert.match(text, /1%\s*–\s*3%/);
  });

  it('hovers a plain number with what it is, and nothing on plain words', async () => {
    const date = hoverText(await hoverAt('2026.', 1));
    assert.match(date, /Date/);
    assert.equal(await hoverAt('welcome to', 2), null);
  });

  it('converts money only with the user\'s own exchange rate', async () => {
    assert.doesNotMatch(hoverText(await hoverAt('12.5 billion')), /In USD/);
    const converted = await LspClient.start({ settings: { reportingCurrency: 'USD', exchangeRates: { CNY: 0.14 } } });
    try {
      await converted.open(uri, CALL);
      await converted.waitForDiagnostics(uri);
      const hover = await converted.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(CALL, '12.5 billion', 1) });
      const text = hoverText(hover);
      assert.match(text, /In USD: 1,750,000,000 USD/);
      assert.match(text, /0\.14 USD per CNY/);
    } finally {
      await converted.stop();
    }
  });

  it('hovers a speaker\'s name with their role and how much they speak, and highlights their headers', async () => {
    const text = hoverText(await hoverAt('**Jane Roe**', 4));
    assert.match(text, /\*\*Jane Roe\*\* · Chief Financial Officer/);
    assert.match(text, /Management · 2 turns · \d+ words/);
    const highlights = await client.request<Array<{ range: Range }>>('textDocument/documentHighlight', { textDocument: { uri }, position: positionOf(CALL, 'Jane Roe', 1) });
    assert.deepEqual(highlights.map((h) => textAt(CALL, h.range)), ['Jane Roe', 'Jane Roe']);
  });

  it('finds every header of a speaker as references', async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri }, position: positionOf(CALL, 'Chief Financial Officer', 3), context: { includeDeclaration: true },
    });
    assert.equal(locations.length, 2);
    assert.ok(locations.every((location) => textAt(CALL, location.range) === 'Jane Roe'));
    const none = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri }, position: positionOf(CALL, 'welcome'), context: { includeDeclaration: true },
    });
    assert.deepEqual(none, []);
  });

  it('renames a speaker in every header and keeps the markup', async () => {
    const position = positionOf(CALL, 'Jane Roe', 2);
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
    assert.equal(prepared.placeholder, 'Jane Roe');
    assert.equal(textAt(CALL, prepared.range), 'Jane Roe');
    const onRole = await client.request<unknown>('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(CALL, 'Chief Financial', 2) });
    assert.equal(onRole, null);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName: 'Jane Roe-Park' });
    const edits = edit.changes![uri];
    assert.equal(edits.length, 2);
    const renamed = applyEdits(CALL, edits);
    assert.equal(renamed.split('### **Jane Roe-Park** -- Chief Financial Officer').length - 1, 2);
    assert.ok(!renamed.includes('**Jane Roe**'));
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: '  ' }));
  });

  it('renames an examiner in the labels that write the name, not in the Q. lines that stand for them', async () => {
    const courtUri = 'file:///nonexistent/hearing.transcript';
    const hearing = [
      'BY MS. TAVARES:',
      'Q. What was the budget?',
      'A. About $2 million.',
      'MS. TAVARES: Nothing further.',
      'THE COURT: Thank you.',
    ].join('\n');
    await client.open(courtUri, hearing);
    const position = positionOf(hearing, 'TAVARES: Nothing', 1);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: courtUri }, position, newName: 'MS. TAVARES-LIN' });
    const renamed = applyEdits(hearing, edit.changes![courtUri]);
    assert.ok(renamed.includes('MS. TAVARES-LIN: Nothing further.'), renamed);
    assert.ok(renamed.includes('\nQ. What was the budget?'), 'the Q label stays');
  });

  it('colours speakers by kind and figures as read or unreadable', async () => {
    const legend = (client.initializeResult!.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] } }).legend;
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded: Array<{ text: string; type: string; modifiers: string[] }> = [];
    const lines = CALL.split('\n');
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type, bits] = tokens.data.slice(i, i + 5);
      line += deltaLine;
      character = deltaLine ? deltaStart : character + deltaStart;
      decoded.push({
        text: lines[line].slice(character, character + length),
        type: legend.tokenTypes[type],
        modifiers: legend.tokenModifiers.filter((_, bit) => bits & (1 << bit)),
      });
    }
    const speakers = decoded.filter((token) => token.type === 'speaker');
    assert.equal(speakers.length, 6, 'one speaker token per turn header');
    assert.deepEqual(speakers.find((token) => token.text === 'Jane Roe')?.modifiers, ['management']);
    assert.deepEqual(speakers.find((token) => token.text === 'Priya Nandi')?.modifiers, ['analyst']);
    assert.deepEqual(speakers.find((token) => token.text === 'Operator')?.modifiers, ['operator']);
    assert.ok(decoded.some((token) => token.type === 'figure' && token.text.includes('12.5')));
    const janeLine = positionOf(CALL, 'Revenue of').line;
    const ranged = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri }, range: { start: { line: janeLine, character: 0 }, end: { line: janeLine + 1, character: 0 } },
    });
    assert.ok(ranged.data.length > 0 && ranged.data.length < tokens.data.length);
    assert.equal(ranged.data[0], janeLine, 'the first token of a range is on its first line');
  });

  it('answers the roster request in order of first appearance', async () => {
    const roster = await client.request<Array<{ speaker: string; speakerKind: string; turns: number; words: number; lines: number[]; role: string | null }>>('transcriptLens/roster', { uri });
    assert.deepEqual(roster.map((entry) => entry.speaker), ['Operator', 'Jane Roe', 'Marcus Hale', 'Priya Nandi']);
    const jane = roster[1];
    assert.equal(jane.turns, 2);
    assert.equal(jane.role, 'Chief Financial Officer');
    assert.deepEqual(jane.lines, [positionOf(CALL, '### **Jane Roe**').line, positionOf(CALL, '### **Jane Roe**', 0, 1).line]);
    assert.ok(jane.words > 20);
    assert.equal(roster[3].speakerKind, 'analyst');
  });

  it('shows inlay hints only once the setting is on, and asks the editor to refresh', async () => {
    const wholeDocument = { start: { line: 0, character: 0 }, end: { line: CALL.split('\n').length, character: 0 } };
    const off = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: wholeDocument });
    assert.deepEqual(off, []);
    const requestsBefore = client.serverRequests.length;
    await client.updateSettings({ inlayHints: { enabled: true } });
    await client.waitFor(client.serverRequests, (m) => (m.method === 'workspace/inlayHint/refresh' ? m : undefined), 5000, requestsBefore);
    const on = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: wholeDocument });
    // Hints join their words with no-break spaces, so a wrapped line keeps each in one piece.
    const money = on.find((hint) => hint.label === '= 12.5 B CNY'.replace(/ /g, '\u00a0'));
    assert.ok(money, `hints: ${on.map((hint) => hint.label).join(', ')}`);
    assert.deepEqual(money.position, positionOf(CALL, 'RMB 12.5 billion', 'RMB 12.5 billion'.length));
    await client.updateSettings({});
  });
});
