// Workspace-wide features over real JSON-RPC: speaker search and references across files on
// disk, the watched-files registration, and transcript detection for plain-text documents.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol, Location, Range, SymbolInformation } from 'vscode-languageserver-protocol';
import { CALL, fileUri, README, SECOND_CALL, tempFolder } from './fixtures';
import type { TempFolder } from './fixtures';
import { LspClient, positionOf } from './lspClient';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('protocol: a workspace search asked right after the server starts', function () {
  this.timeout(20000);

  it('waits for the indexing under way, so the first search finds every transcript', async () => {
    const folder = tempFolder('workspace-first-search');
    writeFileSync(join(folder.path, 'northwind-q3.txt'), CALL);
    writeFileSync(join(folder.path, 'bluefin-q1.md'), SECOND_CALL);
    const client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
    try {
      // One request, no retry: an answer given before the index is read would be empty.
      const results = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'priya' });
      assert.deepEqual(results.map((r) => r.location.uri).sort(), [fileUri(join(folder.path, 'bluefin-q1.md')), fileUri(join(folder.path, 'northwind-q3.txt'))]);
    } finally {
      await client.stop();
      folder.remove();
    }
  });
});

describe('protocol: workspace symbols', function () {
  this.timeout(20000);
  let folder: TempFolder;
  let client: LspClient;

  before(async () => {
    folder = tempFolder('workspace');
    writeFileSync(join(folder.path, 'northwind-q3.txt'), CALL);
    mkdirSync(join(folder.path, 'calls'));
    writeFileSync(join(folder.path, 'calls', 'bluefin-q1.md'), SECOND_CALL);
    writeFileSync(join(folder.path, 'README.md'), README);
    mkdirSync(join(folder.path, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder.path, 'node_modules', 'pkg', 'call.txt'), CALL.replace(/Marcus Hale/g, 'Hidden Speaker'));
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
  });
  after(async () => {
    await client.stop();
    folder.remove();
  });

  const search = (query: string) => client.request<SymbolInformation[]>('workspace/symbol', { query });

  // Asked first, right after start: the answer waits for the indexing of the folders.
  it('lists the transcripts of the workspace for Compare Metrics, without the README or node_modules', async () => {
    const uris = await client.request<string[]>('transcriptLens/workspaceTranscripts', {});
    assert.deepEqual(uris, [fileUri(join(folder.path, 'calls', 'bluefin-q1.md')), fileUri(join(folder.path, 'northwind-q3.txt'))]);
  });

  it('finds a speaker in every transcript of the workspace', async () => {
    const results = await eventually(() => search('priya'), (r) => r.length >= 2);
    assert.deepEqual(results.map((r) => r.name), ['Priya Nandi', 'Priya Nandi']);
    const files = results.map((r) => r.location.uri).sort();
    assert.deepEqual(files, [fileUri(join(folder.path, 'calls', 'bluefin-q1.md')), fileUri(join(folder.path, 'northwind-q3.txt'))]);
    assert.ok(results.every((r) => /Harbor Securities/.test(r.containerName ?? '')));
  });

  it('matches by substring and fuzzily, case-insensitive, and skips node_modules', async () => {
    assert.deepEqual((await search('BRANDT')).map((r) => r.name), ['Tomas Brandt']);
    assert.deepEqual((await search('mhale')).map((r) => r.name), ['Marcus Hale']);
    assert.deepEqual(await search('Hidden'), []);
    assert.deepEqual(await search('zzzz'), []);
  });

  it('registers a file watcher and indexes files it reports', async () => {
    const registration = client.serverRequests.find((m) => m.method === 'client/registerCapability' && JSON.stringify(m.params).includes('workspace/didChangeWatchedFiles'));
    assert.ok(registration);
    const path = join(folder.path, 'later.transcript');
    writeFileSync(path, SECOND_CALL.replace(/Tomas Brandt/g, 'Olga Brink'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path), type: 1 }] });
    const found = await eventually(() => search('olga'), (r) => r.length === 1);
    assert.equal(found[0]?.location.uri, fileUri(path));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path), type: 3 }] });
    assert.deepEqual(await eventually(() => search('olga'), (r) => r.length === 0), []);
  });

  it('indexes the unsaved text of an open transcript', async () => {
    const uri = fileUri(join(folder.path, 'northwind-q3.txt'));
    await client.open(uri, CALL.replace(/Marcus Hale/g, 'Marcus Vale'));
    await client.waitForDiagnostics(uri);
    assert.deepEqual((await search('vale')).map((r) => r.name), ['Marcus Vale']);
    await client.close(uri);
    assert.deepEqual((await eventually(() => search('marcus'), (r) => r.length === 1 && r[0].name === 'Marcus Hale')).map((r) => r.name), ['Marcus Hale']);
  });

  it('keeps the unsaved text of a file reopened while its closed copy is read from disk', async () => {
    const uri = fileUri(join(folder.path, 'northwind-q3.txt'));
    await client.open(uri, CALL);
    await client.waitForDiagnostics(uri);
    // The close starts a read of the file on disk; the reopen arrives before that read ends.
    void client.close(uri);
    const mark = client.mark;
    await client.open(uri, CALL.replace(/Marcus Hale/g, 'Marcus Gale'));
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 5000, mark);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual((await search('marcus')).map((r) => r.name), ['Marcus Gale']);
    await client.close(uri);
  });
});

describe('protocol: detection', function () {
  this.timeout(20000);
  let client: LspClient;

  afterEach(async () => {
    await client.stop();
  });

  const detected = (uri: string) => client.notifications.some((m) => m.method === 'transcriptLens/detected' && (m.params as { uri: string }).uri === uri);

  it('tells the client a plain-text transcript was detected, and serves it no features until it is a transcript', async () => {
    client = await LspClient.start();
    const uri = 'file:///nonexistent/call.txt';
    await client.open(uri, CALL, 'plaintext');
    const notice = await client.waitFor(client.notifications, (m) => (m.method === 'transcriptLens/detected' ? m.params : undefined));
    assert.deepEqual(notice, { uri });
    assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.equal(client.publishedFor(uri).length, 0);
  });

  it('leaves a README alone, and detects nothing when detection is off', async () => {
    client = await LspClient.start({ settings: { detection: { enabled: false } } });
    await client.open('file:///nonexistent/README.md', README, 'markdown');
    await client.open('file:///nonexistent/call.txt', CALL, 'plaintext');
    // A transcript opened as a control: once it is settled, the README before it is too.
    await client.open('file:///nonexistent/control.transcript', CALL);
    await client.waitForDiagnostics('file:///nonexistent/control.transcript');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(detected('file:///nonexistent/README.md'), false);
    assert.equal(detected('file:///nonexistent/call.txt'), false);
  });

  it('does not detect a README with detection on', async () => {
    client = await LspClient.start();
    await client.open('file:///nonexistent/README.md', README, 'markdown');
    await client.open('file:///nonexistent/call.md', CALL, 'markdown');
    await client.waitFor(client.notifications, (m) => (m.method === 'transcriptLens/detected' ? m : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(detected('file:///nonexistent/README.md'), false);
    assert.equal(detected('file:///nonexistent/call.md'), true);
  });
});

describe('protocol: workspace index and the detection setting', function () {
  this.timeout(20000);

  it('indexes plainly named transcripts once detection is turned on, and drops them when it is turned off', async () => {
    const folder = tempFolder('detection-index');
    writeFileSync(join(folder.path, 'notes.txt'), SECOND_CALL.replace(/Tomas Brandt/g, 'Wendel Aske'));
    const client = await LspClient.start({ settings: { detection: { enabled: false } }, workspaceFolders: [{ uri: folder.uri, name: 'notes' }] });
    const search = () => client.request<SymbolInformation[]>('workspace/symbol', { query: 'aske' });
    try {
      await client.waitFor(client.notifications, (m) => (m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === 'end' ? m : undefined));
      assert.deepEqual(await search(), [], 'with detection off, a file named notes.txt is not a transcript');
      await client.updateSettings({ detection: { enabled: true } });
      assert.deepEqual((await eventually(search, (r) => r.length === 1)).map((r) => r.name), ['Wendel Aske']);
      await client.updateSettings({ detection: { enabled: false } });
      assert.deepEqual(await eventually(search, (r) => r.length === 0), []);
    } finally {
      await client.stop();
      folder.remove();
    }
  });
});

describe('protocol: indexing a large workspace', function () {
  this.timeout(30000);

  it('reports work-done progress from begin to end and indexes every file', async () => {
    const folder = tempFolder('large');
    const client = await (async () => {
      for (let i = 0; i < 40; i++) writeFileSync(join(folder.path, `call-${i}.txt`), SECOND_CALL.replace(/Tomas Brandt/g, 'Olivia Quell'));
      return LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'large' }] });
    })();
    try {
      await client.waitFor(client.serverRequests, (m) => (m.method === 'window/workDoneProgress/create' ? m : undefined));
      const kinds = async (kind: string) => client.waitFor(client.notifications, (m) => (m.method === '$/progress' && (m.params as { value: { kind: string } }).value.kind === kind ? m : undefined), 10000);
      await kinds('begin');
      await kinds('end');
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'quell' });
      assert.equal(found.length, 40);
    } finally {
      await client.stop();
      folder.remove();
    }
  });
});

/** A third invented call, kept open in the editor and never written to disk. */
const OPEN_CALL = `Kestrel Foods Q2 2026 Earnings Call

## Questions & Answers

### **Operator**

Next is Priya Nandi.

### **Priya Nandi** -- Harbor Securities -- Analyst

What drove volumes?

### **Ada Voss** -- Chief Executive Officer

Pricing, mostly.

### **Priya Nandi** -- Harbor Securities -- Analyst

And margins next year?
`;

/** The range of the name in the n-th header of a speaker written as "### **Name**". */
function headerName(text: string, name: string, occurrence = 0): Range {
  const start = positionOf(text, `### **${name}**`, 6, occurrence);
  return { start, end: { line: start.line, character: start.character + name.length } };
}

describe('protocol: speaker references across the workspace', function () {
  this.timeout(20000);
  let folder: TempFolder;
  let client: LspClient;
  let northwind: string;
  let bluefin: string;
  const openUri = 'file:///nonexistent/kestrel-q2.transcript';

  before(async () => {
    folder = tempFolder('references');
    writeFileSync(join(folder.path, 'northwind-q3.txt'), CALL);
    mkdirSync(join(folder.path, 'calls'));
    writeFileSync(join(folder.path, 'calls', 'bluefin-q1.md'), SECOND_CALL);
    northwind = fileUri(join(folder.path, 'northwind-q3.txt'));
    bluefin = fileUri(join(folder.path, 'calls', 'bluefin-q1.md'));
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
    await client.open(openUri, OPEN_CALL);
    await client.waitForDiagnostics(openUri);
  });
  after(async () => {
    await client.stop();
    folder.remove();
  });

  const references = (uri: string, position: { line: number; character: number }, includeDeclaration = true) =>
    client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
  const onSecondPriya = () => positionOf(OPEN_CALL, 'Priya Nandi**', 3, 1);

  // Other files come in URI order: calls/bluefin-q1.md sorts before northwind-q3.txt.
  it('lists the speaker\'s headers in this document first, then in every other transcript', async () => {
    const locations = await eventually(() => references(openUri, onSecondPriya()), (r) => r.length >= 4);
    assert.deepEqual(locations, [
      { uri: openUri, range: headerName(OPEN_CALL, 'Priya Nandi', 0) },
      { uri: openUri, range: headerName(OPEN_CALL, 'Priya Nandi', 1) },
      { uri: bluefin, range: headerName(SECOND_CALL, 'Priya Nandi') },
      { uri: northwind, range: headerName(CALL, 'Priya Nandi') },
    ]);
  });

  it('leaves out the header under the cursor when the declaration is excluded', async () => {
    const locations = await eventually(() => references(openUri, onSecondPriya(), false), (r) => r.length >= 3);
    assert.deepEqual(locations.filter((l) => l.uri === openUri).map((l) => l.range), [headerName(OPEN_CALL, 'Priya Nandi', 0)]);
    assert.deepEqual(locations.filter((l) => l.uri !== openUri).map((l) => l.uri).sort(), [bluefin, northwind].sort());
  });

  it('finds a speaker who appears in one file only in that file alone', async () => {
    await eventually(() => references(openUri, onSecondPriya()), (r) => r.length >= 4);
    assert.deepEqual(await references(openUri, positionOf(OPEN_CALL, 'Ada Voss', 1)), [{ uri: openUri, range: headerName(OPEN_CALL, 'Ada Voss') }]);
    assert.deepEqual(await references(openUri, positionOf(OPEN_CALL, 'Ada Voss', 1), false), []);
  });

  it('starts from a file on disk once it is open, and lists every header of the speaker there', async () => {
    await client.open(northwind, CALL);
    await client.waitForDiagnostics(northwind);
    const locations = await references(northwind, positionOf(CALL, 'Jane Roe', 2, 1));
    assert.deepEqual(locations, [{ uri: northwind, range: headerName(CALL, 'Jane Roe', 0) }, { uri: northwind, range: headerName(CALL, 'Jane Roe', 1) }]);
    await client.close(northwind);
  });

  it('uses the unsaved text of an open file over the disk', async () => {
    const edited = `Draft notes above the call.\n\n${CALL}`;
    const mark = client.mark;
    await client.open(northwind, edited);
    // The reopened document's own publish (it has a version); the close before sent an empty one without.
    await client.waitForDiagnostics(northwind, (params) => params.version !== undefined, 5000, mark);
    const locations = await references(openUri, onSecondPriya());
    assert.deepEqual(locations.find((l) => l.uri === northwind)?.range, headerName(edited, 'Priya Nandi'));
    await client.close(northwind);
    const back = await eventually(() => references(openUri, onSecondPriya()), (r) => r.find((l) => l.uri === northwind)?.range.start.line === headerName(CALL, 'Priya Nandi').start.line);
    assert.deepEqual(back.find((l) => l.uri === northwind)?.range, headerName(CALL, 'Priya Nandi'));
  });
});
