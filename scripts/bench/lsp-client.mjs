// A minimal LSP client for the benchmarks: spawns the bundled server over stdio, answers
// what it asks (workspace/configuration with {} for each item), and lets the caller wait
// for the diagnostics of a given document version.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/**
 * `workspaceFolders` (file URIs) are indexed by the server at start; `onProgress` gets every
 * $/progress value it reports (the client says it supports work-done progress).
 */
export async function startServer(serverPath, { workspaceFolders = null, onProgress = null } = {}) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** uri -> { version, at } of the last publishDiagnostics, and who waits for which version. */
  const published = new Map();
  const waiters = [];

  connection.onRequest('workspace/configuration', (params) => (params.items ?? []).map(() => ({})));
  connection.onRequest(() => null);
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    published.set(params.uri, { version: params.version, at, count: params.diagnostics.length });
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i];
      if (waiter.uri === params.uri && (waiter.version === undefined || params.version === undefined || params.version >= waiter.version)) {
        waiters.splice(i, 1);
        clearTimeout(waiter.timer);
        waiter.resolve(at);
      }
    }
  });
  if (onProgress) connection.onNotification('$/progress', (params) => onProgress(params.value));
  connection.onNotification(() => {});
  connection.listen();

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: workspaceFolders ? workspaceFolders.map((uri, i) => ({ uri, name: `folder-${i}` })) : null,
    capabilities: {
      window: { workDoneProgress: onProgress !== null },
      workspace: { configuration: true, workspaceFolders: workspaceFolders !== null },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    pid: child.pid,
    /** Resolves with the time (performance.now()) the diagnostics of `version` (or later) arrive. */
    diagnosticsFor(uri, version, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
        waiters.push({ uri, version, resolve, reject, timer });
      });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone; it is killed below either way.
      }
      connection.dispose();
      child.kill();
    },
    get stderr() { return stderr; },
  };
}
