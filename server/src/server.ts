// The language server: the only layer that knows LSP. Each handler is a thin adapter: get
// the cached analysis of its document, call a feature function, return. Every handler is
// guarded, so an unexpected error is logged and answered with an empty result.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, InitializeParams, InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { AnalysisCache, answerOnce } from './analysisCache';
import type { AnalyzedDocument } from './analysisCache';
import { CheckedStore, sidecarPath, SIDECAR_SUFFIX } from './checkedStore';
import { anchorFigure, looksLikeTranscript } from './engine';
import { codeActions, MARK_FIGURE_CHECKED_COMMAND, parseMarkCheckedArguments } from './features/codeActions';
import { documentDiagnostics } from './features/diagnostics';
import { figureList } from './features/figureList';
import { foldingRanges } from './features/folding';
import { hoverAt } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { speakerHighlights, speakerReferences } from './features/references';
import { prepareSpeakerRename, renameSpeaker } from './features/rename';
import { roster } from './features/roster';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './features/semanticTokens';
import { summary } from './features/summary';
import { DETECTED_NOTIFICATION, FIGURES_REQUEST, ROSTER_REQUEST, SERVER_PROCESS_REQUEST, SUMMARY_REQUEST, TRANSCRIPT_LANGUAGE } from './protocol';
import { documentSymbols } from './features/symbols';
import { compareMetrics, loadCall } from './features/compare';
import { figureTable } from './features/figuresTable';
import { talkShare } from './features/talkShare';
import { WorkerRunner } from './workerRunner';
import { COMPARE_METRICS_REQUEST, FIGURE_TABLE_REQUEST, TALK_SHARE_REQUEST } from './protocol';
import type { CompareParams, DocumentParams } from './protocol';
import { workspaceSymbols } from './features/workspaceSymbols';
import { lineLength } from './positions';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_SECTION } from './settings';
import type { Settings } from './settings';
import { WorkspaceIndex } from './workspaceIndex';
import { ANNOTATION_CODE_ACTION_KIND, ANNOTATION_COMMANDS, AnnotationService } from './features/annotations';

const DETECTABLE_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'markdown']);
/** Above this many files, workspace indexing shows a progress notification. */
const PROGRESS_THRESHOLD = 25;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const checkedStore = new CheckedStore();
const workspaceIndex = new WorkspaceIndex(isOpen);
let settings: Settings = { ...DEFAULT_SETTINGS };
function isOpen(uri: string): boolean {
  return documents.get(uri) !== undefined;
}

let clientCapabilities: ClientCapabilities = {};
let workspaceFolderUris: string[] = [];
let resolveSettingsReady: () => void = () => undefined;
const settingsReady = new Promise<void>((resolve) => (resolveSettingsReady = resolve));
const cache = new AnalysisCache((uri) => ({
  glossary: settings.glossary,
  checked: checkedStore.get(uri),
  maxDocumentSize: settings.maxDocumentSize,
}), undefined, new WorkerRunner());
/** Sidecar reads of documents just opened; their first diagnostics wait for them. */
const sidecarLoads = new Map<string, Promise<void>>();
/** Documents opened since their last analysis: their first publish skips the typing delay. */
const justOpened = new Set<string>();
/** Documents already reported as looking like transcripts, so the client is told once per open. */
const detectedUris = new Set<string>();
// Annotations share the sidecar with checked figures; the service serves them (features/annotations.ts).
const annotations = new AnnotationService({
  connection,
  sidecars: checkedStore.sidecars,
  transcript: transcriptNow,
  openUris: () => documents.keys(),
  whenLoaded: async (uri) => sidecarLoads.get(uri),
  reloadSidecar: (uri) => reloadSidecar(uri),
  workspaceFolders: () => workspaceFolderUris,
  canReadConfiguration: () => clientCapabilities.workspace?.configuration === true,
  logError,
});

function logError(what: string, error: unknown): void {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  connection.console.error(`Transcript Lens: ${what} failed: ${detail}`);
}

/** Wraps a handler: errors meant for the client pass through, any other is logged and answered with the fallback. */
function guard<P, R>(what: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(what, error);
      return fallback;
    }
  };
}

/** The analysis of an open transcript; other documents get no features. Large ones are read off this thread. */
async function transcript(uri: string): Promise<AnalyzedDocument | null> {
  const document = documents.get(uri);
  return document && document.languageId === TRANSCRIPT_LANGUAGE ? cache.analyzed(document) : null;
}

/** The same, read on this thread at once, for the few callers that cannot wait. */
function transcriptNow(uri: string): AnalyzedDocument | null {
  const document = documents.get(uri);
  return document && document.languageId === TRANSCRIPT_LANGUAGE ? cache.get(document) : null;
}

/** Publishes for the document still open under that URI; one closed or changed during an await gets nothing. */
async function publishDiagnostics(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const analyzed = await cache.analyzed(document);
  if (documents.get(uri)?.version !== analyzed.version) return;
  workspaceIndex.set(document.uri, analyzed.analysis.turns);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: documentDiagnostics(analyzed, settings) });
}

function detect(document: TextDocument): void {
  if (!settings.detectionEnabled || !DETECTABLE_LANGUAGES.has(document.languageId) || detectedUris.has(document.uri)) return;
  if (!looksLikeTranscript(document.getText())) return;
  detectedUris.add(document.uri);
  void connection.sendNotification(DETECTED_NOTIFICATION, { uri: document.uri });
}

/** Runs once typing in a document pauses (or right after it opens). */
async function settle(uri: string): Promise<void> {
  await settingsReady;
  await sidecarLoads.get(uri);
  const document = documents.get(uri);
  if (!document) return;
  if (document.languageId === TRANSCRIPT_LANGUAGE) await publishDiagnostics(uri);
  else detect(document);
}

/** After a settings change: new diagnostics for transcripts, detection for the rest. */
function reviewAllOpen(): void {
  for (const document of documents.all()) {
    if (document.languageId === TRANSCRIPT_LANGUAGE) void publishDiagnostics(document.uri).catch((error) => logError('analysis', error));
    else detect(document);
  }
}

/** Asks the client to re-request what depends on settings or checked marks. */
function refreshEditorFeatures(): void {
  const workspace = clientCapabilities.workspace;
  if (workspace?.inlayHint?.refreshSupport) askToRefresh('inlay hint refresh', () => connection.languages.inlayHint.refresh());
  if (workspace?.semanticTokens?.refreshSupport) askToRefresh('semantic token refresh', () => connection.languages.semanticTokens.refresh());
}

/** The semantic-token refresh is typed void yet returns the request's promise, so both are caught alike. */
function askToRefresh(what: string, refresh: () => unknown): void {
  void Promise.resolve(refresh()).catch((error) => logError(what, error));
}

async function loadSettings(): Promise<void> {
  try {
    if (clientCapabilities.workspace?.configuration) {
      settings = parseSettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
    }
  } catch (error) {
    logError('reading settings', error);
  }
}

async function indexWorkspace(folders: readonly string[]): Promise<void> {
  const progress = clientCapabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : null;
  let begun = false;
  try {
    await workspaceIndex.indexFolders(folders, settings.detectionEnabled, (done, total) => {
      if (!progress || total < PROGRESS_THRESHOLD) return;
      if (!begun) progress.begin('Transcript Lens: indexing transcripts', 0, `0/${total}`, true);
      begun = true;
      if (done % 10 === 0 || done === total) progress.report(Math.round((done / total) * 100), `${done}/${total}`);
    });
  } finally {
    progress?.done();
  }
}

const OUTLINE_OPTIONS = { label: 'Transcript Lens' };

/**
 * Whether the outline provider is registered for the Transcript language alone. VS Code
 * caches each document's outline by provider and version; one provider answering for plain
 * text (nothing) and then for the same document switched to Transcript would be served the
 * cached empty outline. A transcript-only provider makes the switch a new provider.
 */
function symbolsRegisteredLater(): boolean {
  return clientCapabilities.textDocument?.documentSymbol?.dynamicRegistration === true;
}

function rememberFolders(params: InitializeParams): void {
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolderUris = folders;
}

connection.onInitialize((params): InitializeResult => {
  clientCapabilities = params.capabilities;
  rememberFolders(params);
  const prepareSupport = params.capabilities.textDocument?.rename?.prepareSupport === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // Registered for transcripts only in onInitialized when the client allows it (see there).
      documentSymbolProvider: symbolsRegisteredLater() ? undefined : OUTLINE_OPTIONS,
      foldingRangeProvider: true,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ANNOTATION_CODE_ACTION_KIND] },
      executeCommandProvider: { commands: [MARK_FIGURE_CHECKED_COMMAND, ...ANNOTATION_COMMANDS] },
      renameProvider: prepareSupport ? { prepareProvider: true } : true,
      referencesProvider: true,
      documentHighlightProvider: true,
      workspaceSymbolProvider: true,
      inlayHintProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'transcript-lens', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  const workspace = clientCapabilities.workspace;
  try {
    if (symbolsRegisteredLater()) {
      await connection.client.register(DocumentSymbolRequest.type, { ...OUTLINE_OPTIONS, documentSelector: [{ language: TRANSCRIPT_LANGUAGE }] });
    }
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{txt,md,transcript,vtt}' }, { globPattern: `**/*${SIDECAR_SUFFIX}` }, { globPattern: '**/.transcript-lens/codebook.json' }],
      });
    }
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        for (const folder of removed) workspaceIndex.removeFolder(folder.uri);
        workspaceFolderUris = [...workspaceFolderUris.filter((uri) => !removed.some((r) => r.uri === uri)), ...added.map((f) => f.uri)];
        void indexWorkspace(added.map((folder) => folder.uri)).catch((e) => logError('indexing added folders', e));
      });
    }
  } catch (error) {
    logError('registering for notifications', error);
  }
  await loadSettings();
  await annotations.reloadCodebook().catch((error) => logError('reading the code book', error));
  resolveSettingsReady();
  void indexWorkspace(workspaceFolderUris).catch((error) => logError('indexing the workspace', error));
});

connection.onDidChangeConfiguration(guard('settings change', undefined, async (params) => {
  const detectedBefore = settings.detectionEnabled;
  if (clientCapabilities.workspace?.configuration) await loadSettings();
  else settings = parseSettings((params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
  cache.invalidateAll();
  await annotations.reloadCodebook();
  reviewAllOpen();
  refreshEditorFeatures();
  // Which files on disk count as transcripts depends on detection, so the index is rebuilt.
  if (settings.detectionEnabled !== detectedBefore) {
    void indexWorkspace(workspaceFolderUris).catch((error) => logError('re-indexing the workspace', error));
  }
}));

/** The transcript a changed sidecar belongs to, when that transcript is open. */
function openTranscriptOfSidecar(sidecarUri: string): TextDocument | null {
  let changedPath: string;
  try {
    changedPath = fileURLToPath(sidecarUri);
  } catch {
    return null;
  }
  return documents.all().find((document) => sidecarPath(document.uri) === changedPath) ?? null;
}

/** Marks read for a document closed during the read are dropped, or they would outlive it. */
function keepMarksIfOpen(uri: string): boolean {
  if (isOpen(uri)) return true;
  checkedStore.forget(uri);
  return false;
}

async function reloadSidecar(uri: string): Promise<void> {
  await checkedStore.load(uri);
  if (!keepMarksIfOpen(uri)) return;
  cache.invalidate(uri);
  if (documents.get(uri)?.languageId === TRANSCRIPT_LANGUAGE) await publishDiagnostics(uri);
  refreshEditorFeatures();
  annotations.changed(uri);
}

connection.onDidChangeWatchedFiles(guard('watched file change', undefined, async ({ changes }) => {
  await settingsReady;
  for (const change of changes) {
    if (change.uri.endsWith(SIDECAR_SUFFIX)) {
      const owner = openTranscriptOfSidecar(change.uri);
      if (owner) await reloadSidecar(owner.uri);
      else annotations.changed(null);
    } else if (annotations.onWatchedFile(change.uri)) {
      continue;
    } else if (!isOpen(change.uri)) {
      if (change.type === FileChangeType.Deleted) workspaceIndex.remove(change.uri);
      else await workspaceIndex.indexFile(change.uri, settings.detectionEnabled);
    }
  }
}));

documents.onDidOpen(({ document }) => {
  justOpened.add(document.uri);
  sidecarLoads.set(document.uri, checkedStore.load(document.uri).then(
    () => {
      if (keepMarksIfOpen(document.uri)) cache.invalidate(document.uri);
    },
    (error) => logError('reading the sidecar', error),
  ));
});

documents.onDidChangeContent(({ document }) => {
  const opening = justOpened.delete(document.uri);
  const run = (uri: string) => void settle(uri).catch((error) => logError('analysis', error));
  if (opening) {
    cache.cancel(document.uri);
    run(document.uri);
  } else {
    cache.schedule(document.uri, run);
  }
});

documents.onDidClose(({ document }) => {
  cache.forget(document.uri);
  checkedStore.forget(document.uri);
  sidecarLoads.delete(document.uri);
  detectedUris.delete(document.uri);
  justOpened.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  // What is on disk is the truth again for the workspace index (unsaved edits are gone).
  workspaceIndex.remove(document.uri);
  if (workspaceFolderUris.some((folder) => document.uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`))) {
    void workspaceIndex.indexFile(document.uri, settings.detectionEnabled).catch((e) => logError('indexing a closed file', e));
  }
});

connection.onDocumentSymbol(guard('document symbols', [], async ({ textDocument }) => {
  const document = await transcript(textDocument.uri);
  return document ? annotations.symbols(document, answerOnce(document, 'symbols', documentSymbols)) : [];
}));

connection.onFoldingRanges(guard('folding ranges', [], async ({ textDocument }) => {
  const document = await transcript(textDocument.uri);
  return document ? answerOnce(document, 'folding', foldingRanges) : [];
}));

connection.onHover(guard('hover', null, async ({ textDocument, position }) => {
  const document = await transcript(textDocument.uri);
  return document ? annotations.hover(document, position, hoverAt(document, position, settings)) : null;
}));

connection.onCodeAction(guard('code actions', [], async (params) => {
  const document = await transcript(params.textDocument.uri);
  return document ? [...codeActions(document, params, settings), ...annotations.codeActions(document, params)] : [];
}));

connection.onReferences(guard('references', [], async ({ textDocument, position, context }) => {
  const document = await transcript(textDocument.uri);
  return document ? speakerReferences(document, position, context.includeDeclaration, workspaceIndex) : [];
}));

connection.onDocumentHighlight(guard('document highlights', [], async ({ textDocument, position }) => {
  const document = await transcript(textDocument.uri);
  return document ? speakerHighlights(document, position) : [];
}));

connection.onPrepareRename(guard('prepare rename', null, async ({ textDocument, position }) => {
  const document = await transcript(textDocument.uri);
  return document ? prepareSpeakerRename(document, position) : null;
}));

connection.onRenameRequest(guard('rename', null, async ({ textDocument, position, newName }) => {
  const document = await transcript(textDocument.uri);
  return document ? renameSpeaker(document, position, newName) : null;
}));

connection.onWorkspaceSymbol(guard('workspace symbols', [], ({ query }) => workspaceSymbols(workspaceIndex, query)));

connection.languages.inlayHint.on(guard('inlay hints', [], async ({ textDocument, range }) => {
  const document = settings.inlayHintsEnabled ? await transcript(textDocument.uri) : null;
  return document ? inlayHints(document, range) : [];
}));

connection.languages.semanticTokens.on(guard('semantic tokens', { data: [] }, async ({ textDocument }) => {
  const document = await transcript(textDocument.uri);
  return document ? answerOnce(document, 'semanticTokens', semanticTokens) : { data: [] };
}));

connection.languages.semanticTokens.onRange(guard('semantic tokens in range', { data: [] }, async ({ textDocument, range }) => {
  const document = await transcript(textDocument.uri);
  return document ? semanticTokens(document, range) : { data: [] };
}));

connection.onRequest(ROSTER_REQUEST, guard('roster', [], async ({ uri }: { uri: string }) => {
  const document = await transcript(uri);
  return document ? roster(document) : [];
}));

connection.onRequest(FIGURES_REQUEST, guard('figures', [], async ({ uri }: { uri: string }) => {
  const document = await transcript(uri);
  return document ? figureList(document) : [];
}));

connection.onRequest(SUMMARY_REQUEST, guard('summary', null, async ({ uri }: { uri: string }) => {
  const document = await transcript(uri);
  return document ? summary(document) : null;
}));

annotations.register();
// The analyst's workbench: the figures table, calls side by side and who spoke how much.
connection.onRequest(FIGURE_TABLE_REQUEST, guard('figure table', [], async ({ uri }: DocumentParams) => {
  const document = await transcript(uri);
  return document ? figureTable(document) : [];
}));

connection.onRequest(COMPARE_METRICS_REQUEST, guard('compare metrics', { calls: [], rows: [] }, async ({ uris }: CompareParams) => {
  await settingsReady;
  const options = { glossary: settings.glossary, maxDocumentSize: settings.maxDocumentSize };
  const calls = await Promise.all((Array.isArray(uris) ? uris : []).map((uri) => loadCall(uri, transcriptNow, { ...options, checked: checkedStore.get(uri) })));
  return compareMetrics(calls);
}));

connection.onRequest(TALK_SHARE_REQUEST, guard('talk share', null, async ({ uri }: DocumentParams) => {
  const document = await transcript(uri);
  return document ? talkShare(document) : null;
}));

// The client's crash-recovery test asks which process to stop.
connection.onRequest(SERVER_PROCESS_REQUEST, () => ({ pid: process.pid }));

/** Stores the reading the user chose for a figure, then re-analyzes with it. */
async function markFigureChecked(argument: unknown): Promise<{ sidecar: string | null }> {
  const chosen = parseMarkCheckedArguments(argument);
  if (!chosen) throw new ResponseError(ErrorCodes.InvalidParams, 'transcriptLens.markFigureChecked needs { uri, line, start, end, text, reading }.');
  const document = documents.get(chosen.uri);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, 'The transcript is not open.');
  const analyzed = cache.get(document);
  const lineStart = analyzed.lines.offsetAt(chosen.line, 0);
  const lineText = analyzed.text.slice(lineStart, lineStart + lineLength(analyzed.lines, chosen.line));
  if (lineText.slice(chosen.start, chosen.end) !== chosen.text) {
    throw new ResponseError(ErrorCodes.InvalidParams, `The figure "${chosen.text}" is no longer at that place; try the action again.`);
  }
  await sidecarLoads.get(chosen.uri);
  await checkedStore.add(chosen.uri, { text: chosen.text, ...anchorFigure(lineText, chosen), ...chosen.reading });
  cache.invalidate(chosen.uri);
  await publishDiagnostics(chosen.uri);
  refreshEditorFeatures();
  return { sidecar: sidecarPath(chosen.uri) };
}

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (ANNOTATION_COMMANDS.includes(command)) return annotations.execute(command, args?.[0]);
  if (command !== MARK_FIGURE_CHECKED_COMMAND) throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
  try {
    return await markFigureChecked(args?.[0]);
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    logError('marking a figure as checked', error);
    throw new ResponseError(ErrorCodes.InternalError, 'Transcript Lens could not save the checked figure; see the server log.');
  }
});

process.on('uncaughtException', (error) => logError('an uncaught exception', error));
process.on('unhandledRejection', (error) => logError('an unhandled promise', error));

documents.listen(connection);
connection.listen();
