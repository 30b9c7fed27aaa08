// The web extension's server (dist/web/server.js, built from server/src/browser.ts) in a real
// Web Worker in headless Chromium, answering real LSP messages. The page only relays: each
// JSON-RPC message from this test goes to worker.postMessage, and each message the worker
// posts comes back here. Files are served by this test the way the web client serves them
// with vscode.workspace.fs (client/src/files.ts): as answers to the server's file requests.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { DataCallback, Disposable, Message, MessageConnection } from 'vscode-jsonrpc/node';
import type { DocumentSymbol, Hover, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol/node';
import {
  base64ToBytes, bytesToBase64, FILES_LIST_REQUEST, FILES_READ_REQUEST, FILES_RENAME_REQUEST, FILES_STAT_REQUEST,
  FILES_WRITE_REQUEST,
} from '../../server/src/files';
import type { FileParams, RenameFileParams, WriteFileParams } from '../../server/src/files';
import { CALL, SECOND_CALL } from '../protocol/fixtures';
import { MemoryFiles } from '../support/memoryFiles';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const WORKER_BUNDLE = join(REPO_ROOT, 'dist', 'web', 'server.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const FOLDER = 'vscode-test-web://mount/calls';
const OPENED = `${FOLDER}/northwind.transcript`;
const ON_DISK = `${FOLDER}/bluefin.transcript`;

const PAGE = `<!DOCTYPE html><meta charset="utf-8"><title>Transcript Lens worker</title>
<script>
  const worker = new Worker('/server.js');
  worker.onmessage = (event) => window.lensFromServer(event.data);
  worker.onerror = (event) => window.lensWorkerError(String(event.message));
  window.lensToServer = (message) => worker.postMessage(message);
</script>`;

/** Messages the page relays from the worker, fed to vscode-jsonrpc as if read from a stream. */
class RelayReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

/** Posts each message into the page, one after another so their order is kept. */
class RelayWriter extends AbstractMessageWriter {
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly page: Page) {
    super();
  }
  write(message: Message): Promise<void> {
    this.queue = this.queue.then(() => this.page.evaluate((sent) => (globalThis as unknown as { lensToServer(m: unknown): void }).lensToServer(sent), message as unknown));
    return this.queue;
  }
  end(): void {}
}

function positionOf(text: string, needle: string): { line: number; character: number } {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('browser: the web-worker server bundle in headless Chromium', function () {
  this.timeout(60_000);
  let http: Server;
  let browser: Browser;
  let client: MessageConnection;
  const files = new MemoryFiles('vscode-test-web:', { [ON_DISK]: SECOND_CALL });
  const diagnostics: PublishDiagnosticsParams[] = [];
  const logged: string[] = [];
  const workerErrors: string[] = [];
  const fileRequests: string[] = [];
  let initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string } };

  before(async () => {
    assert.ok(existsSync(WORKER_BUNDLE), `${WORKER_BUNDLE} is missing: run npm run build first`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing`);
    http = createServer((request, response) => {
      if (request.url === '/server.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(readFileSync(WORKER_BUNDLE));
      } else if (request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(PAGE);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((listening) => http.listen(0, '127.0.0.1', listening));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    const reader = new RelayReader();
    await page.exposeFunction('lensFromServer', (message: Message) => reader.deliver(message));
    await page.exposeFunction('lensWorkerError', (message: string) => workerErrors.push(message));
    client = createMessageConnection(reader, new RelayWriter(page));
    client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => diagnostics.push(params));
    client.onNotification('window/logMessage', ({ message }: { message: string }) => logged.push(message));
    // The web client's side of the file requests (client/src/files.ts), on an in-memory disk.
    client.onRequest(FILES_READ_REQUEST, async ({ uri }: FileParams) => {
      fileRequests.push(`read ${uri}`);
      const bytes = await files.read(uri);
      return bytes ? { base64: bytesToBase64(bytes) } : null;
    });
    client.onRequest(FILES_STAT_REQUEST, ({ uri }: FileParams) => files.stat(uri));
    client.onRequest(FILES_LIST_REQUEST, ({ uri }: FileParams) => {
      fileRequests.push(`list ${uri}`);
      return files.list(uri);
    });
    client.onRequest(FILES_WRITE_REQUEST, ({ uri, base64 }: WriteFileParams) => files.write(uri, base64ToBytes(base64)));
    client.onRequest(FILES_RENAME_REQUEST, ({ from, to }: RenameFileParams) => files.rename(from, to));
    client.onRequest(() => null);
    client.listen();
    const { port } = http.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    initializeResult = await client.sendRequest('initialize', {
      processId: null,
      rootUri: FOLDER,
      workspaceFolders: [{ uri: FOLDER, name: 'calls' }],
      capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown'] }, publishDiagnostics: { versionSupport: true } } },
    });
    await client.sendNotification('initialized', {});
  });

  after(async () => {
    client?.dispose();
    await browser?.close();
    await new Promise((closed) => http?.close(closed));
  });

  async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker errors: ${workerErrors.join('; ')}; log: ${logged.join('; ')}`);
      await new Promise((wait) => setTimeout(wait, 25));
    }
  }

  it('initializes and offers the transcript features', () => {
    assert.equal(initializeResult.serverInfo?.name, 'transcript-lens');
    for (const provider of ['documentSymbolProvider', 'hoverProvider', 'workspaceSymbolProvider', 'inlayHintProvider']) {
      assert.ok(initializeResult.capabilities[provider], `${provider} is offered`);
    }
    assert.deepEqual(workerErrors, []);
  });

  it('publishes diagnostics after didOpen, warning about the unreadable figure', async () => {
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: OPENED, languageId: 'transcript', version: 1, text: CALL } });
    const published = await until('diagnostics', () => diagnostics.find((params) => params.uri === OPENED));
    assert.equal(published.version, 1);
    assert.ok(published.diagnostics.some((diagnostic) => CALL.split('\n')[diagnostic.range.start.line].includes('9.1 year-on-year')), JSON.stringify(published.diagnostics));
    assert.ok(fileRequests.includes(`read ${OPENED}.lens.json`), `the sidecar was asked of the client: ${fileRequests.join(', ')}`);
  });

  it('answers documentSymbol with the speaker turns', async () => {
    const symbols = await client.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: OPENED } });
    const names = symbols.flatMap((symbol) => [symbol.name, ...(symbol.children ?? []).map((child) => child.name)]);
    for (const speaker of ['Jane Roe', 'Marcus Hale', 'Priya Nandi']) assert.ok(names.some((name) => name.includes(speaker)), `${speaker} in ${names.join(', ')}`);
  });

  it('answers hover on a figure with its normalized value', async () => {
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: OPENED }, position: positionOf(CALL, '12.5 billion') });
    assert.ok(hover, 'a hover');
    assert.match(JSON.stringify(hover.contents), /12,500,000,000/);
  });

  it('indexes the workspace through the client: a speaker only in a file it serves is found', async () => {
    const found = await until('the workspace index', async () => {
      const symbols = await client.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'Tomas' });
      return symbols.length ? symbols : undefined;
    });
    assert.deepEqual(found.map((symbol) => symbol.location.uri), [ON_DISK]);
    assert.ok(fileRequests.includes(`list ${FOLDER}`));
  });

  it('writes the sidecar through the client when a figure is marked as checked', async () => {
    const at = positionOf(CALL, '9.1 year-on-year');
    await client.sendRequest('workspace/executeCommand', {
      command: 'transcriptLens.markFigureChecked',
      arguments: [{ uri: OPENED, line: at.line, start: at.character, end: at.character + 3, text: '9.1', reading: { kind: 'percent', value: 0.091, unit: '%' } }],
    });
    assert.equal(JSON.parse(files.text(`${OPENED}.lens.json`) ?? '{}').checked[0].text, '9.1');
    assert.deepEqual(logged.filter((message) => /failed/.test(message)), []);
    assert.deepEqual(workerErrors, []);
  });
});
