// The language server started in process: startServer() on a pair of in-memory streams, with
// an in-memory file system injected, answering a real JSON-RPC client. No process, no disk.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { DocumentSymbol, Hover, InlayHint, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver/node';
import { clientFiles } from '../../server/src/clientFiles';
import { bytesToBase64, FILES_LIST_REQUEST, FILES_READ_REQUEST, FILES_STAT_REQUEST, localThenClient } from '../../server/src/files';
import { startServer } from '../../server/src/server';
import { CALL, SECOND_CALL } from '../protocol/fixtures';
import { MemoryFiles } from '../support/memoryFiles';

const FOLDER = 'mem:///calls';
const OPENED = `${FOLDER}/northwind.transcript`;
const ON_DISK = `${FOLDER}/bluefin.transcript`;
const SIDECAR = {
  version: 2,
  checked: [],
  annotations: [{ id: 'a1', tag: 'Guidance', note: '', created: '2026-11-30T10:00:00Z', text: 'We expect low single digit growth next year.', before: 'Gross margin expanded by 50 basis points. ', after: ' Service income', line: 10 }],
};

function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('the server in process (startServer with injected files)', () => {
  let client: MessageConnection;
  let files: MemoryFiles;
  const errors: string[] = [];
  const diagnostics: PublishDiagnosticsParams[] = [];
  let diagnosticsArrived: () => void = () => undefined;

  before(async () => {
    files = new MemoryFiles('mem:', { [ON_DISK]: SECOND_CALL, [`${OPENED}.lens.json`]: JSON.stringify(SIDECAR) });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    // This client cannot answer workspace/configuration, so the settings given here stay in force.
    startServer(connection, { files, logger: { error: (message) => errors.push(message) }, settings: { inlayHintsEnabled: true } });
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      diagnostics.push(params);
      diagnosticsArrived();
    });
    client.onRequest(() => null);
    client.listen();
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'calls' }],
      capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown'] } } },
    });
    await client.sendNotification('initialized', {});
    const published = new Promise<void>((resolve) => (diagnosticsArrived = resolve));
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: OPENED, languageId: 'transcript', version: 1, text: CALL } });
    await published;
  });

  after(() => client.dispose());

  it('publishes diagnostics for the opened transcript, with its version', () => {
    const [first] = diagnostics;
    assert.equal(first.uri, OPENED);
    assert.equal(first.version, 1);
    assert.ok(first.diagnostics.some((diagnostic) => CALL.split('\n')[diagnostic.range.start.line].includes('9.1 year-on-year')), 'the unreadable 9.1 is reported');
  });

  it('answers document symbols with the speaker turns, counting the annotation read from the injected sidecar', async () => {
    const symbols = await client.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: OPENED } });
    const names = symbols.flatMap((symbol) => [symbol.name, ...(symbol.children ?? []).map((child) => child.name)]);
    assert.ok(names.some((name) => name.includes('Jane Roe')), names.join(', '));
    assert.ok(names.some((name) => name.includes('Priya Nandi')), names.join(', '));
    const details = symbols.flatMap((symbol) => [symbol.detail ?? '', ...(symbol.children ?? []).map((child) => child.detail ?? '')]);
    assert.ok(details.some((detail) => detail.includes('1 annotation')), details.join(' | '));
  });

  it('answers hover on a figure with its normalized value', async () => {
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: OPENED }, position: positionOf(CALL, '12.5 billion') });
    assert.ok(hover, 'a hover');
    assert.match(JSON.stringify(hover.contents), /12,500,000,000/);
  });

  it('keeps the settings its entry point gave: inlay hints are on although they are off by default', async () => {
    const hints = await client.sendRequest<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: OPENED }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.ok(hints.some((hint) => /12\.5\s*B\s*CNY/.test(String(hint.label))), JSON.stringify(hints.slice(0, 3)));
  });

  it('indexes the workspace through the injected files: a speaker only on the fake disk is found', async () => {
    let found: SymbolInformation[] = [];
    for (let attempt = 0; attempt < 50 && !found.some((symbol) => symbol.location.uri === ON_DISK); attempt++) {
      found = await client.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'Tomas' });
      if (!found.length) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(found.map((symbol) => symbol.location.uri), [ON_DISK]);
  });

  it('writes the sidecar through the injected files when a figure is marked as checked', async () => {
    const at = positionOf(CALL, '9.1 year-on-year');
    const result = await client.sendRequest<{ sidecar: string | null }>('workspace/executeCommand', {
      command: 'transcriptLens.markFigureChecked',
      arguments: [{ uri: OPENED, line: at.line, start: at.character, end: at.character + 3, text: '9.1', reading: { kind: 'percent', value: 0.091, unit: '%' } }],
    });
    assert.equal(result.sidecar, `${OPENED}.lens.json`);
    assert.deepEqual(files.written, [`${OPENED}.lens.json`]);
    const saved = JSON.parse(files.text(`${OPENED}.lens.json`) ?? '{}');
    assert.equal(saved.checked[0].text, '9.1');
    assert.equal(saved.annotations[0].id, 'a1', 'the annotation already there is kept');
    assert.deepEqual(errors, []);
  });
});

describe('the server in process with a virtual workspace: local files first, the rest asked of the client', () => {
  const LOCAL = 'mem:///local/call.transcript';
  const VIRTUAL_FOLDER = 'vscode-vfs://github/acme/calls';
  const VIRTUAL = `${VIRTUAL_FOLDER}/northwind.transcript`;
  let client: MessageConnection;
  const local = new MemoryFiles('mem:', { [`${LOCAL}.lens.json`]: JSON.stringify(SIDECAR) });
  const remote = new MemoryFiles('vscode-vfs:', { [`${VIRTUAL_FOLDER}/bluefin.transcript`]: SECOND_CALL, [`${VIRTUAL}.lens.json`]: JSON.stringify(SIDECAR) });
  const asked: string[] = [];

  before(async () => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer(connection, { files: localThenClient(local, clientFiles(connection)) });
    client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    // What client/src/files.ts does with vscode.workspace.fs, on the in-memory virtual workspace.
    client.onRequest(FILES_READ_REQUEST, async ({ uri }: { uri: string }) => {
      asked.push(uri);
      const bytes = await remote.read(uri);
      return bytes ? { base64: bytesToBase64(bytes) } : null;
    });
    client.onRequest(FILES_STAT_REQUEST, ({ uri }: { uri: string }) => remote.stat(uri));
    client.onRequest(FILES_LIST_REQUEST, ({ uri }: { uri: string }) => remote.list(uri));
    client.onRequest(() => null);
    // Diagnostics are published once a document's sidecar has been read.
    const published = new Set<string>();
    const bothPublished = new Promise<void>((resolve) => client.onNotification('textDocument/publishDiagnostics', ({ uri }: PublishDiagnosticsParams) => {
      published.add(uri);
      if (published.has(LOCAL) && published.has(VIRTUAL)) resolve();
    }));
    client.listen();
    await client.sendRequest('initialize', { processId: null, rootUri: VIRTUAL_FOLDER, workspaceFolders: [{ uri: VIRTUAL_FOLDER, name: 'calls' }], capabilities: {} });
    await client.sendNotification('initialized', {});
    for (const uri of [LOCAL, VIRTUAL]) {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'transcript', version: 1, text: CALL } });
    }
    await bothPublished;
  });

  after(() => client.dispose());

  async function annotationDetails(uri: string): Promise<string[]> {
    const symbols = await client.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    return symbols.flatMap((symbol) => [symbol.detail ?? '', ...(symbol.children ?? []).map((child) => child.detail ?? '')]).filter((detail) => detail.includes('annotation'));
  }

  it('reads the local sidecar itself and the virtual one through the client', async () => {
    assert.equal((await annotationDetails(LOCAL)).length > 0, true);
    assert.equal((await annotationDetails(VIRTUAL)).length > 0, true);
    assert.ok(asked.includes(`${VIRTUAL}.lens.json`));
    assert.ok(!asked.some((uri) => uri.startsWith('mem:')), 'local files are never asked of the client');
  });

  it('indexes the virtual workspace folder through the client', async () => {
    let found: SymbolInformation[] = [];
    for (let attempt = 0; attempt < 50 && !found.length; attempt++) {
      found = await client.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'Tomas' });
      if (!found.length) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.deepEqual(found.map((symbol) => symbol.location.uri), [`${VIRTUAL_FOLDER}/bluefin.transcript`]);
  });
});
