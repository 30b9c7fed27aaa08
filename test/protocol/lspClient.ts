// A small LSP client for the protocol tests: it spawns the bundled server
// (`node dist/server.js --stdio`), speaks real JSON-RPC over its stdio, answers the
// server's own requests (workspace/configuration, registrations, progress) and records
// every notification so tests can wait for them.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');

export interface RecordedMessage {
  method: string;
  params: unknown;
}

export interface StartOptions {
  /** The "transcriptLens" section the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  workspaceFolders?: Array<{ uri: string; name: string }>;
  capabilities?: ClientCapabilities;
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
    symbol: {},
    executeCommand: {},
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    inlayHint: {},
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
    },
    foldingRange: {},
  },
};

export class LspClient {
  /** Every notification the server sent, in order. */
  readonly notifications: RecordedMessage[] = [];
  /** Every request the server sent to the client, in order. */
  readonly serverRequests: RecordedMessage[] = [];
  settings: Record<string, unknown>;
  stderr = '';
  initializeResult: InitializeResult | undefined;
  private readonly waiters: Array<() => void> = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  /** Spawns the server and runs initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first.`);
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, options.settings ?? {});
    child.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    client.listen();
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private record(list: RecordedMessage[], method: string, params: unknown): void {
    list.push({ method, params });
    for (const wake of this.waiters.splice(0)) wake();
  }

  private listen(): void {
    this.connection.onNotification((method: string, params: unknown) => this.record(this.notifications, method, params));
    // vscode-jsonrpc routes $/progress to per-token handlers; the tests read them as notifications.
    this.connection.onUnhandledProgress((params) => this.record(this.notifications, '$/progress', params));
    this.connection.onRequest((method: string, params: unknown) => {
      this.record(this.serverRequests, method, params);
      if (method === 'workspace/configuration') {
        const items = (params as { items: Array<{ section?: string; scopeUri?: string }> }).items;
        return items.map((item) => (item.section === 'transcriptLens' ? this.settingsFor(item.scopeUri) : null));
      }
      return null;
    });
  }

  /** Resolves with the first recorded message that matches, waiting for new ones up to timeoutMs. */
  async waitFor<T>(list: RecordedMessage[], match: (message: RecordedMessage) => T | undefined, timeoutMs = 5000, from = 0): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let checked = from;
    for (;;) {
      for (; checked < list.length; checked++) {
        const found = match(list[checked]);
        if (found !== undefined) return found;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out after ${timeoutMs} ms; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((resolveWait) => {
        const timer = setTimeout(resolveWait, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolveWait();
        });
      });
    }
  }

  /** The next diagnostics published for the URI after the `from` mark that satisfy the predicate. */
  waitForDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000, from = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(this.notifications, (message) => {
      if (message.method !== 'textDocument/publishDiagnostics') return undefined;
      const params = message.params as PublishDiagnosticsParams;
      return params.uri === uri && predicate(params) ? params : undefined;
    }, timeoutMs, from);
  }

  /** All diagnostics publications for a URI so far. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.notifications
      .filter((message) => message.method === 'textDocument/publishDiagnostics')
      .map((message) => message.params as PublishDiagnosticsParams)
      .filter((params) => params.uri === uri);
  }

  /** A mark for waitFor's `from`: only messages after it count. */
  get mark(): number {
    return this.notifications.length;
  }

  async open(uri: string, text: string, languageId = 'transcript'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends a change and returns the document's new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Settings of workspace folders, by folder URI: answered for a scopeUri inside the folder, as VS Code does. */
  folderSettings: Record<string, Record<string, unknown>> = {};

  private settingsFor(scopeUri: string | undefined): Record<string, unknown> {
    const folder = Object.keys(this.folderSettings).find((uri) => scopeUri?.startsWith(uri.endsWith('/') ? uri : `${uri}/`));
    return folder ? { ...this.settings, ...this.folderSettings[folder] } : this.settings;
  }

  /** Changes the answered settings and tells the server, as VS Code does after an edit. */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { transcriptLens: settings } });
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** shutdown then exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (!this.alive) return this.process.exitCode;
    const exited = new Promise<number | null>((resolveExit) => this.process.once('exit', (code) => resolveExit(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** Applies LSP text edits to a text (edits must not overlap), as an editor would. */
export function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (position: { line: number; character: number }) => lineStarts[position.line] + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The text a range covers, for assertions. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line !== range.end.line) throw new Error('textAt expects a one-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

/** The position of the n-th occurrence of a string in a text, plus an offset into it. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}
