// Diagnostics, quick fixes and "Mark as checked" over real JSON-RPC, including the sidecar
// file the server writes beside a transcript on disk.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { CALL, fileUri, tempFolder } from './fixtures';
import type { TempFolder } from './fixtures';
import { applyEdits, LspClient, positionOf, textAt } from './lspClient';

const CATALOG_CODES = ['unparsed-figure', 'missing-currency', 'escaped-symbol', 'not-text', 'invalid-encoding', 'degraded-analysis'];
const UNREADABLE = '9.1';

function onUnreadable(text: string) {
  return (diagnostic: Diagnostic) => textAt(text, diagnostic.range).includes(UNREADABLE);
}

describe('protocol: diagnostics and code actions', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: TempFolder;

  beforeEach(async () => {
    folder = tempFolder('diagnostics');
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
  });
  afterEach(async () => {
    await client.stop();
    folder.remove();
  });

  it('publishes diagnostics with the document version, source and code, and clears them on close', async () => {
    const uri = 'file:///nonexistent/call.transcript';
    await client.open(uri, CALL);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.ok(published.diagnostics.length > 0);
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'transcript-lens');
      assert.ok(CATALOG_CODES.includes(String(diagnostic.code)), `catalog code: ${diagnostic.code}`);
      assert.ok(diagnostic.message.length > 10);
    }
    assert.ok(published.diagnostics.some(onUnreadable(CALL)), 'the bare "9.1" change is flagged');
    const mark = client.mark;
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, 5000, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('coalesces rapid typing: only the latest version is analyzed and published', async () => {
    const uri = 'file:///nonexistent/typing.transcript';
    await client.open(uri, CALL);
    await client.waitForDiagnostics(uri);
    const mark = client.mark;
    let version = 1;
    for (let i = 0; i < 8; i++) {
      version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    }
    const latest = await client.waitForDiagnostics(uri, () => true, 5000, mark);
    assert.equal(latest.version, version);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const afterBurst = client.notifications
      .slice(mark)
      .filter((message) => message.method === 'textDocument/publishDiagnostics')
      .map((message) => message.params as { uri: string; version?: number })
      .filter((params) => params.uri === uri);
    assert.ok(afterBurst.every((params) => params.version === version), `versions published: ${afterBurst.map((p) => p.version)}`);
  });

  it('reads several changes in one didChange as a fresh open of the final text would (diagnostics and outline)', async () => {
    const uri = 'file:///nonexistent/edited.transcript';
    await client.open(uri, CALL);
    await client.waitForDiagnostics(uri);
    // Sent bottom to top, so each range also holds in the text the changes before it left.
    const changes = [
      { range: { start: positionOf(CALL, 'about RMB 3 billion'), end: positionOf(CALL, 'about RMB 3 billion', 'about RMB 3'.length) }, newText: 'about 7' },
      { range: { start: positionOf(CALL, 'Marcus Hale'), end: positionOf(CALL, 'Marcus Hale', 'Marcus'.length) }, newText: 'Marco' },
      { range: { start: positionOf(CALL, 'Gross margin'), end: positionOf(CALL, 'Gross margin') }, newText: 'Costs showed a 4.4 year-on-year increase.\n\n' },
    ];
    const edited = applyEdits(CALL, changes);
    const mark = client.mark;
    const version = await client.change(uri, changes.map(({ range, newText }) => ({ range, text: newText })));
    const updated = await client.waitForDiagnostics(uri, (params) => params.version === version, 5000, mark);
    const freshUri = 'file:///nonexistent/fresh.transcript';
    await client.open(freshUri, edited);
    const fresh = await client.waitForDiagnostics(freshUri);
    const comparable = (diagnostics: Diagnostic[]) => diagnostics.map(({ range, code, message, severity }) => ({ range, code, message, severity }));
    assert.deepEqual(comparable(updated.diagnostics), comparable(fresh.diagnostics));
    assert.ok(updated.diagnostics.some((diagnostic) => textAt(edited, diagnostic.range).includes('4.4')), 'the inserted figure must be read');
    const outline = (documentUri: string) => client.request('textDocument/documentSymbol', { textDocument: { uri: documentUri } });
    assert.deepEqual(await outline(uri), await outline(freshUri));
  });

  it('follows the per-code severity setting, with off dropping the code', async () => {
    const uri = 'file:///nonexistent/severity.transcript';
    client.settings = { diagnostics: { severity: { 'unparsed-figure': 'error', 'missing-currency': 'error' } } };
    await client.open(uri, CALL);
    const strict = await client.waitForDiagnostics(uri);
    const flagged = strict.diagnostics.find(onUnreadable(CALL));
    assert.equal(flagged?.severity, 1);
    const mark = client.mark;
    await client.updateSettings({ diagnostics: { severity: { 'unparsed-figure': 'off', 'missing-currency': 'off' } } });
    const quiet = await client.waitForDiagnostics(uri, () => true, 5000, mark);
    assert.equal(quiet.diagnostics.filter(onUnreadable(CALL)).length, 0);
  });

  it('reads settings per workspace folder: each document gets its own folder\'s severity and glossary', async () => {
    client.settings = {};
    client.folderSettings = {
      'file:///nonexistent/strict': { diagnostics: { severity: { 'unparsed-figure': 'error' } }, metrics: { glossary: { 'robot shipments': ['robots'] } } },
      'file:///nonexistent/quiet': { diagnostics: { severity: { 'unparsed-figure': 'off' } } },
    };
    try {
      const mark = client.mark;
      const strictUri = 'file:///nonexistent/strict/call.transcript';
      const quietUri = 'file:///nonexistent/quiet/call.transcript';
      await client.open(strictUri, CALL);
      await client.open(quietUri, CALL);
      const strict = await client.waitForDiagnostics(strictUri, () => true, 5000, mark);
      const quiet = await client.waitForDiagnostics(quietUri, () => true, 5000, mark);
      assert.equal(strict.diagnostics.find(onUnreadable(CALL))?.severity, 1);
      assert.equal(quiet.diagnostics.filter(onUnreadable(CALL)).length, 0);
      const asked = client.serverRequests.filter((m) => m.method === 'workspace/configuration')
        .flatMap((m) => (m.params as { items: Array<{ scopeUri?: string }> }).items.map((item) => item.scopeUri));
      assert.ok(asked.includes(strictUri) && asked.includes(quietUri), `scopeUris asked: ${asked.join(', ')}`);
      // The folder's own glossary names the metric of "45,000 robots" only there.
      const robots = positionOf(CALL, '45,000');
      const strictHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: strictUri }, position: robots });
      const quietHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: quietUri }, position: robots });
      const text = (hover: Hover | null) => JSON.stringify(hover?.contents ?? '');
      assert.match(text(strictHover), /robot shipments/);
      assert.doesNotMatch(text(quietHover), /robot shipments/);
    } finally {
      client.folderSettings = {};
    }
  });

  it('offers the engine\'s fixes as quick fixes whose edits resolve the diagnostic', async () => {
    const uri = 'file:///nonexistent/fixes.transcript';
    await client.open(uri, CALL);
    const published = await client.waitForDiagnostics(uri);
    let fixed: { action: CodeAction; diagnostic: Diagnostic } | undefined;
    for (const diagnostic of published.diagnostics) {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const action = actions.find((candidate) => candidate.edit);
      if (action) {
        fixed = { action, diagnostic };
        break;
      }
    }
    assert.ok(fixed, 'at least one diagnostic has a quick fix with an edit');
    assert.equal(fixed.action.kind, 'quickfix');
    assert.equal(fixed.action.diagnostics?.[0].code, fixed.diagnostic.code);
    const edited = applyEdits(CALL, fixed.action.edit!.changes![uri]);
    assert.notEqual(edited, CALL);
    const mark = client.mark;
    const version = await client.change(uri, [{ text: edited }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === version, 5000, mark);
    assert.equal(after.diagnostics.length, published.diagnostics.length - 1);
  });

  it('marks a figure as checked in a sidecar file that survives edits and a reopen', async () => {
    const path = join(folder.path, 'northwind.txt');
    writeFileSync(path, CALL);
    const uri = fileUri(path);
    await client.open(uri, CALL);
    const published = await client.waitForDiagnostics(uri);
    const diagnostic = published.diagnostics.find(onUnreadable(CALL));
    assert.ok(diagnostic);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const percent = actions.find((action) => action.command?.command === 'transcriptLens.markFigureChecked' && /9\.1%/.test(action.title));
    assert.ok(percent, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const mark = client.mark;
    await client.request('workspace/executeCommand', { command: percent.command!.command, arguments: percent.command!.arguments });
    const sidecar = JSON.parse(readFileSync(`${path}.lens.json`, 'utf8'));
    assert.equal(sidecar.version, 2);
    assert.equal(sidecar.checked.length, 1);
    assert.equal(sidecar.checked[0].text, UNREADABLE);
    assert.equal(sidecar.checked[0].kind, 'percent');
    assert.ok(Math.abs(sidecar.checked[0].value - 0.091) < 1e-12);
    assert.match(sidecar.checked[0].before, /showed a $/);
    const republished = await client.waitForDiagnostics(uri, () => true, 5000, mark);
    assert.equal(republished.diagnostics.filter(onUnreadable(CALL)).length, 0, 'the checked figure has no diagnostic');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(CALL, UNREADABLE, 1) });
    assert.match((hover.contents as { value: string }).value, /Checked by you/);

    // An edit elsewhere moves the figure down a line; the mark still holds.
    const edited = `A note added above the title.\n${CALL}`;
    const editMark = client.mark;
    const version = await client.change(uri, [{ text: edited }]);
    const afterEdit = await client.waitForDiagnostics(uri, (p) => p.version === version, 5000, editMark);
    assert.equal(afterEdit.diagnostics.filter(onUnreadable(edited)).length, 0);

    // A fresh server reads the sidecar when the document opens.
    await client.stop();
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
    await client.open(uri, CALL);
    const reopened = await client.waitForDiagnostics(uri);
    assert.equal(reopened.diagnostics.filter(onUnreadable(CALL)).length, 0);
    assert.equal(readFileSync(path, 'utf8'), CALL, 'the transcript itself is never written');

    // Emptying the sidecar on disk brings the diagnostic back once the watcher reports it.
    writeFileSync(`${path}.lens.json`, JSON.stringify({ version: 1, checked: [] }));
    const watchMark = client.mark;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${uri}.lens.json`, type: 2 }] });
    const restored = await client.waitForDiagnostics(uri, () => true, 5000, watchMark);
    assert.equal(restored.diagnostics.filter(onUnreadable(CALL)).length, 1);
  });

  it('keeps both marks when two figures are marked at once', async () => {
    const path = join(folder.path, 'two-marks.txt');
    const text = CALL.replace('year-on-year increase.', 'year-on-year increase. Parts income showed a 7.3 year-on-year increase.');
    writeFileSync(path, text);
    const uri = fileUri(path);
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const commands = await Promise.all(['9.1', '7.3'].map(async (figure) => {
      const diagnostic = published.diagnostics.find((candidate) => textAt(text, candidate.range).includes(figure));
      assert.ok(diagnostic, `"${figure}" is flagged`);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const percent = actions.find((action) => action.command?.command === 'transcriptLens.markFigureChecked' && action.title.includes('%'));
      assert.ok(percent?.command, `a percent reading for "${figure}"`);
      return percent.command;
    }));
    await Promise.all(commands.map((command) => client.request('workspace/executeCommand', { command: command.command, arguments: command.arguments })));
    const sidecar = JSON.parse(readFileSync(`${path}.lens.json`, 'utf8'));
    assert.deepEqual(sidecar.checked.map((entry: { text: string }) => entry.text).sort(), ['7.3', '9.1']);
  });

  it('publishes nothing for a document closed while its sidecar is being re-read', async () => {
    const path = join(folder.path, 'closing.txt');
    writeFileSync(path, CALL);
    writeFileSync(`${path}.lens.json`, JSON.stringify({ version: 1, checked: [] }));
    const uri = fileUri(path);
    await client.open(uri, CALL);
    await client.waitForDiagnostics(uri);
    const mark = client.mark;
    // Both notifications leave together, so the close arrives while the sidecar read is pending.
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${uri}.lens.json`, type: 2 }] });
    await client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 5000, mark);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterClose = client.publishedFor(uri).slice(-1)[0];
    assert.deepEqual(afterClose.diagnostics, [], 'the last word on a closed document is an empty list');
  });

  it('refuses a stale or malformed mark command without writing anything', async () => {
    const path = join(folder.path, 'stale.txt');
    writeFileSync(path, CALL);
    const uri = fileUri(path);
    await client.open(uri, CALL);
    await client.waitForDiagnostics(uri);
    const position = positionOf(CALL, UNREADABLE);
    const stale = { uri, line: position.line, start: position.character, end: position.character + 3, text: '7.7', reading: { kind: 'percent', value: 0.077, unit: '%' } };
    await assert.rejects(client.request('workspace/executeCommand', { command: 'transcriptLens.markFigureChecked', arguments: [stale] }));
    await assert.rejects(client.request('workspace/executeCommand', { command: 'transcriptLens.markFigureChecked', arguments: ['nonsense'] }));
    const inPlace = { uri, line: position.line, start: position.character, end: position.character + UNREADABLE.length, text: UNREADABLE };
    const unknownKind = { ...inPlace, reading: { kind: 'banana', value: 0.091, unit: '%' } };
    await assert.rejects(client.request('workspace/executeCommand', { command: 'transcriptLens.markFigureChecked', arguments: [unknownKind] }));
    const unparsedKind = { ...inPlace, reading: { kind: 'unparsed', value: null, unit: null } };
    await assert.rejects(client.request('workspace/executeCommand', { command: 'transcriptLens.markFigureChecked', arguments: [unparsedKind] }));
    const emptyText = { ...inPlace, end: inPlace.start, text: '', reading: { kind: 'label', value: null, unit: null } };
    await assert.rejects(client.request('workspace/executeCommand', { command: 'transcriptLens.markFigureChecked', arguments: [emptyText] }));
    assert.equal(existsSync(`${path}.lens.json`), false);
    assert.ok(client.alive);
  });
});
