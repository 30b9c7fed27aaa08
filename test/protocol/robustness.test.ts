// Bad input over real JSON-RPC: the server answers every request on empty, binary-ish,
// garbled, CRLF, BOM and very large documents, and shuts down cleanly.
import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { CALL } from './fixtures';
import { LspClient, positionOf } from './lspClient';

function names(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((symbol) => [symbol.name, ...names(symbol.children ?? [])]);
}

describe('protocol: bad input', function () {
  this.timeout(60000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    if (client.alive) await client.stop();
  });

  async function everyRequest(uri: string, text: string): Promise<void> {
    const position = { line: 0, character: Math.min(3, text.length) };
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/foldingRange', { textDocument: { uri } });
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [] } });
    await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    await client.request('textDocument/inlayHint', { textDocument: { uri }, range: whole });
    await client.request('textDocument/documentHighlight', { textDocument: { uri }, position });
    await client.request('textDocument/prepareRename', { textDocument: { uri }, position });
    await client.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: whole });
    await client.request('transcriptLens/roster', { uri });
    await client.request('transcriptLens/summary', { uri });
  }

  it('answers on an empty document', async () => {
    const uri = 'untitled:empty';
    await client.open(uri, '');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
    await everyRequest(uri, '');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });

  it('answers on binary-ish and garbled text', async () => {
    let noise = '';
    for (let i = 0; i < 5000; i++) noise += String.fromCharCode((i * 7919) % 0xd7ff);
    const garbled = CALL.replace(/e/g, '\uFFFD') + '\u0000\u0001\u0002';
    for (const [name, text] of [['noise', noise], ['garbled', garbled]]) {
      const uri = `untitled:${name}`;
      await client.open(uri, text);
      await client.waitForDiagnostics(uri);
      await everyRequest(uri, text);
    }
    assert.ok(client.alive);
  });

  it('reads CRLF and BOM documents like LF ones', async () => {
    const lfNames = await (async () => {
      await client.open('untitled:lf', CALL);
      return names(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:lf' } }));
    })();
    assert.ok(lfNames.includes('Jane Roe'));
    for (const [uri, text] of [['untitled:crlf', CALL.replace(/\n/g, '\r\n')], ['untitled:bom', `\uFEFF${CALL}`]]) {
      await client.open(uri, text);
      await client.waitForDiagnostics(uri);
      assert.deepEqual(names(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })), lfNames);
    }
    const crlfHover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'untitled:crlf' }, position: positionOf(CALL, '12.5 billion', 1) });
    assert.match((crlfHover.contents as { value: string }).value, /12,500,000,000 CNY/);
  });

  it('analyzes a 20 MB document in the degraded mode with one clear message and stays alive', async () => {
    const uri = 'untitled:huge';
    const huge = CALL.repeat(Math.ceil(20_000_000 / CALL.length));
    await client.open(uri, huge);
    const published = await client.waitForDiagnostics(uri, () => true, 50000);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0].code, 'degraded-analysis');
    assert.match(published.diagnostics[0].message, /maxDocumentSize/);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(names(symbols).length > 1000);
    await client.close(uri);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'untitled:lf' }, position: positionOf(CALL, '12.5 billion', 1) });
    assert.ok(hover);
  });

  it('answers hovers on another document while a 20 MB document is being analyzed', async () => {
    const uri = 'untitled:huge-again';
    const huge = CALL.repeat(Math.ceil(20_000_000 / CALL.length));
    let analyzed = false;
    const published = client.waitForDiagnostics(uri, () => true, 50000).then((params) => {
      analyzed = true;
      return params;
    });
    await client.open(uri, huge);
    // The large document is read off the request path: these hovers do not wait for it.
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'untitled:lf' }, position: positionOf(CALL, '12.5 billion', 1) });
    assert.equal(analyzed, false, 'the hover waited for the large document');
    assert.match((hover.contents as { value: string }).value, /12,500,000,000 CNY/);
    assert.equal((await published).diagnostics[0].code, 'degraded-analysis');
    await client.close(uri);
  });

  it('answers requests for unknown documents with empty results', async () => {
    const uri = 'file:///never/opened.transcript';
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('transcriptLens/roster', { uri }), []);
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal(await client.stop(), 0);
    assert.equal(client.alive, false);
  });
});
