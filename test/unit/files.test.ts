// The URI helpers the server uses instead of node:path and node:url, so it runs in a web worker.
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { base64ToBytes, bytesToBase64, displayUri, joinUri, relativeUriPath, uriBasename, uriPath } from '../../server/src/files';

describe('server file URIs', () => {
  it('joins names below a folder, encoded as VS Code writes them', () => {
    assert.equal(joinUri('file:///calls/', 'Q3 (draft)!.txt'), 'file:///calls/Q3%20%28draft%29%21.txt');
    assert.equal(joinUri('vscode-vfs://github/acme/calls', '.transcript-lens', 'codebook.json'), 'vscode-vfs://github/acme/calls/.transcript-lens/codebook.json');
    assert.equal(joinUri(pathToFileURL('/tmp/a b').href, 'c d.txt'), pathToFileURL('/tmp/a b/c d.txt').href);
  });

  it('reads the decoded path, the file name and the path inside a folder', () => {
    assert.equal(uriPath('file:///calls/q3%20call.txt'), '/calls/q3 call.txt');
    assert.equal(uriBasename('vscode-vfs://github/acme/calls/q3%20call.txt?ref=main'), 'q3 call.txt');
    assert.equal(relativeUriPath('file:///calls', 'file:///calls/2026/q3%20call.txt'), '2026/q3 call.txt');
    assert.equal(relativeUriPath('file:///calls', 'file:///callsign/q3.txt'), null);
    assert.equal(displayUri('file:///calls/q3%20call.txt'), '/calls/q3 call.txt');
    assert.equal(displayUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });

  it('carries any bytes through base64 unchanged, also past one chunk', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) % 256);
    const encoded = bytesToBase64(bytes);
    assert.equal(encoded, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(base64ToBytes(encoded), bytes);
  });
});
