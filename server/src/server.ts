// The language server: the only layer that knows LSP. startServer() serves one connection
// with the dependencies its entry point injects (node.ts: stdio or IPC and node:fs;
// browser.ts: a web worker's messages and the client's vscode.workspace.fs), so nothing here
// touches a process, a file system or a transport, and tests can run it in process.
// Each handler is a thin adapter: get the cached analysis of its document, call a feature
// function, return. Every handler is guarded, so an unexpected error is logged and answered
// with an empty result.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { ClientCapabilities, Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, answerOnce } from './analysisCache';
import type { AnalysisRunner } from './analysisRunner';
import type { AnalyzedDocument } from './analysisCache';
import { CheckedStore, SIDECAR_SUFFIX } from './checkedStore';
import { displayUri } from './files';
import type { ServerFiles } from './files';
import { SidecarStore } from './sidecar';
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
import { DETECTED_NOTIFICATION, DETECTION_STATE_REQUEST, FIGURES_REQUEST, ROSTER_REQUEST, SERVER_PROCESS_REQUEST, SUMMARY_REQUEST, TRANSCRIPT_LANGUAGE } from './protocol';
import { documentSymbols } from './features/symbols';
import { compareMetrics, loadCall } from './features/compare';
import { figureTable } from './features/figuresTable';
import { talkShare } from './features/talkShare';
import { COMPARE_METRICS_REQUEST, FIGURE_TABLE_REQUEST, TALK_SHARE_REQUEST, WORKSPACE_TRANSCRIPTS_REQUEST } from './protocol';
import type { CompareParams, DocumentParams } from './protocol';
import { workspaceSymbols } from './features/workspaceSymbols';
import { lineLength } from './positions';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from './settings';
import type { Settings } from './settings';
import { SettingsStore } from './settingsStore';
import { WorkspaceIndex } from './workspaceIndex';
import type { IndexReader } from './workspaceIndex';
import { ANNOTATION_CODE_ACTION_KIND, ANNOTATION_COMMANDS, AnnotationService } from './features/annotations';
import { isRefusal } from './features/refusal';
import type { Refusal } from './features/refusal';
import {
  ADD_ANNOTATION_REQUEST, ANNOTATIONS_CHANGED_NOTIFICATION, CODEBOOK_REQUEST, DOCUMENT_ANNOTATIONS_REQUEST, EXPORT_ANNOTATIONS_REQUEST,
  FILES_RENAMED_REQUEST, REMOVE_ANNOTATION_REQUEST, UPDATE_ANNOTATION_REQUEST, WORKSPACE_ANNOTATIONS_REQUEST,
} from './annotationsProtocol';
import type { AddAnnotationParams, AnnotationIdParams, ExportAnnotationsParams, FilesRenamedParams, UpdateAnnotationParams } from './annotationsProtocol';

const DETECTABLE_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'markdown']);
/** How long a workspace-wide answer waits for the indexing under way before it answers with what is indexed. */
const INDEX_WAIT_MS = 2000;
/** Above this many files, workspace indexing shows a progress notification. */
const PROGRESS_THRESHOLD = 25;

/** Where the server writes what went wrong; the client's output channel unless a test gives another. */
export interface ServerLogger {
  error(message: string): void;
}

/** What the entry point gives the server: everything outside the LSP connection itself. */
export interface ServerDependencies {
  /** The file system for sidecars, the code book, the workspace index and compared calls. */
  files: ServerFiles;
  logger?: ServerLogger;
  /** Settings in force until the client's are read (clients without workspace/configuration keep them). */
  settings?: Partial<Settings>;
  /** This server's process id, for the client's crash-recovery test; absent in a web worker. */
  processId?: number;
  /** Reads large documents off the request path (a worker thread on Node); without it they are read inline. */
  analysisRunner?: AnalysisRunner;
  /** Reads files for the workspace index off this thread (worker threads on Node); without it they are read here. */
  indexReader?: IndexReader;
}

export interface RunningServer {
  logError(what: string, error: unknown): void;
}

/** Serves the Transcript Lens language server on a connection, then listens on it. */
export function startServer(connection: Connection, deps: ServerDependencies): RunningServer {
  const { files } = deps;
  const logger = deps.logger ?? connection.console;
  const documents = new TextDocuments(TextDocument);
  const checkedStore = new CheckedStore(new SidecarStore(files));
  const workspaceIndex = new WorkspaceIndex(files, isOpen, deps.indexReader ?? null);
  function isOpen(uri: string): boolean {
    return documents.get(uri) !== undefined;
  }

  let clientCapabilities: ClientCapabilities = {};
  let workspaceFolderUris: string[] = [];
  let resolveSettingsReady: () => void = () => undefined;
  const settingsReady = new Promise<void>((resolve) => (resolveSettingsReady = resolve));
  // Settings are read per document (scopeUri), so each workspace folder can have its own.
  const settingsStore = new SettingsStore(
    (scopeUri) => connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION }),
    logError,
    { ...DEFAULT_SETTINGS, ...deps.settings },
  );
  const settingsFor = (uri: string) => settingsStore.for(uri);
  const cache = new AnalysisCache((uri) => ({
    glossary: settingsFor(uri).glossary,
    checked: checkedStore.get(uri),
    maxDocumentSize: settingsFor(uri).maxDocumentSize,
  }), undefined, deps.analysisRunner ?? null);
  /** Sidecar reads of documents just opened; their first diagnostics wait for them. */
  const sidecarLoads = new Map<string, Promise<void>>();
  /** Documents opened since their last analysis: their first publish skips the typing delay. */
  const justOpened = new Set<string>();
  /** Documents already reported as looking like transcripts, so the client is told once per open. */
  const detectedUris = new Set<string>();
  // Annotations share the sidecar with checked figures; the service serves them (features/annotations.ts).
  const annotations = new AnnotationService({
    files,
    sidecars: checkedStore.sidecars,
    transcript: transcriptNow,
    openUris: () => documents.keys(),
    whenLoaded: async (uri) => sidecarLoads.get(uri),
    reloadSidecar: (uri) => reloadSidecar(uri),
    workspaceFolders: () => workspaceFolderUris,
    codebookSetting: async (folder) => {
      if (clientCapabilities.workspace?.configuration !== true) return undefined;
      const section = 'transcriptLens.annotations';
      const setting: unknown = await connection.workspace.getConfiguration(folder ? { scopeUri: folder, section } : { section });
      return typeof setting === 'object' && setting !== null ? (setting as { codebook?: unknown }).codebook : undefined;
    },
    warn: (message) => void connection.window.showWarningMessage(message),
    notifyChanged: (uri) => void connection.sendNotification(ANNOTATIONS_CHANGED_NOTIFICATION, { uri }),
    logError,
  });

  function logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    logger.error(`Transcript Lens: ${what} failed: ${detail}`);
  }

  /** A feature's answer as LSP has it: a refusal becomes the matching error, anything else is the result. */
  function answer<T>(value: T | Refusal): T {
    if (!isRefusal(value)) return value;
    throw new ResponseError(value.kind === 'invalidParams' ? ErrorCodes.InvalidParams : ErrorCodes.InvalidRequest, value.message);
  }

  /**
   * Wraps a handler: errors meant for the client pass through; any other is logged and then
   * turned into the handler's answer by `onError` (a fallback value, or an error for the client).
   */
  function guarded<P, R>(what: string, onError: () => R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logError(what, error);
        return onError();
      }
    };
  }

  /** Wraps a request that must not answer with an empty result: an unexpected error is answered as an internal error. */
  function guardOrFail<P, R>(what: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return guarded(what, () => {
      throw new ResponseError(ErrorCodes.InternalError, `Transcript Lens could not finish ${what}; see the server log.`);
    }, handler);
  }

  /** Wraps a handler whose unexpected errors are answered with the fallback. */
  function guard<P, R>(what: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return guarded(what, () => fallback, handler);
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
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: documentDiagnostics(analyzed, settingsFor(uri)) });
  }

  function detect(document: TextDocument): void {
    if (!settingsFor(document.uri).detectionEnabled || !DETECTABLE_LANGUAGES.has(document.languageId) || detectedUris.has(document.uri)) return;
    if (!looksLikeTranscript(document.getText())) return;
    detectedUris.add(document.uri);
    void connection.sendNotification(DETECTED_NOTIFICATION, { uri: document.uri });
  }

  /** Runs once typing in a document pauses (or right after it opens). */
  async function settle(uri: string): Promise<void> {
    await settingsReady;
    await settingsStore.ready(uri);
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

  /** Reads the window's settings and every open document's again, when the client can answer. */
  async function loadSettings(): Promise<void> {
    if (clientCapabilities.workspace?.configuration) await settingsStore.reload(documents.keys());
  }

  /** Settles once every indexing of folders begun so far has ended, for answers about the whole workspace. */
  let indexing: Promise<unknown> = Promise.resolve();

  /**
   * The indexing under way, waited for at most a moment: a search across the workspace right
   * after the window opens should find the files being read, but a large workspace must not
   * hold the answer back for long (it then answers with what is indexed so far).
   */
  function indexedSoon(): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const moment = new Promise((resolve) => { timer = setTimeout(resolve, INDEX_WAIT_MS); });
    // The first indexing starts once the settings are read (onInitialized), so that is waited for too.
    return Promise.race([settingsReady.then(() => indexing), moment]).finally(() => clearTimeout(timer));
  }

  function indexWorkspace(folders: readonly string[]): Promise<void> {
    const indexed = indexFolders(folders);
    indexing = Promise.all([indexing, indexed.catch(() => undefined)]);
    return indexed;
  }

  async function indexFolders(folders: readonly string[]): Promise<void> {
    const progress = clientCapabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : null;
    let begun = false;
    let reported = -1;
    try {
      await workspaceIndex.indexFolders(folders, settingsStore.global.detectionEnabled, (done, total) => {
        if (!progress || total < PROGRESS_THRESHOLD) return;
        if (!begun) progress.begin('Transcript Lens: indexing transcripts', 0, `0/${total}`, true);
        begun = true;
        // Once per percent: 10,000 files are 100 notifications, not 1,000.
        const percent = Math.floor((done / total) * 100);
        if (percent > reported || done === total) progress.report(percent, `${done}/${total}`);
        reported = percent;
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
          void annotations.reloadCodebook().catch((e) => logError('reading the code books', e));
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
    const detectedBefore = settingsStore.global.detectionEnabled;
    if (clientCapabilities.workspace?.configuration) await loadSettings();
    else settingsStore.replace((params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
    cache.invalidateAll();
    await annotations.reloadCodebook();
    reviewAllOpen();
    refreshEditorFeatures();
    // Which files on disk count as transcripts depends on detection, so the index is rebuilt.
    if (settingsStore.global.detectionEnabled !== detectedBefore) {
      void indexWorkspace(workspaceFolderUris).catch((error) => logError('re-indexing the workspace', error));
    }
  }));

  /** The transcript a changed sidecar belongs to, when that transcript is open. */
  function openTranscriptOfSidecar(sidecarUri: string): TextDocument | null {
    return documents.all().find((document) => checkedStore.sidecars.sidecarOf(document.uri) === sidecarUri) ?? null;
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
        else await workspaceIndex.indexFile(change.uri, settingsStore.global.detectionEnabled);
      }
    }
  }));

  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    if (clientCapabilities.workspace?.configuration) {
      void settingsStore.load(document.uri).then(() => cache.invalidate(document.uri));
    }
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
    settingsStore.forget(document.uri);
    checkedStore.forget(document.uri);
    sidecarLoads.delete(document.uri);
    detectedUris.delete(document.uri);
    justOpened.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // What is on disk is the truth again for the workspace index (unsaved edits are gone).
    workspaceIndex.remove(document.uri);
    if (workspaceFolderUris.some((folder) => document.uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`))) {
      void workspaceIndex.indexFile(document.uri, settingsStore.global.detectionEnabled).catch((e) => logError('indexing a closed file', e));
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
    return document ? annotations.hover(document, position, hoverAt(document, position, settingsFor(document.uri))) : null;
  }));

  connection.onCodeAction(guard('code actions', [], async (params) => {
    const document = await transcript(params.textDocument.uri);
    return document ? [...codeActions(document, params, settingsFor(document.uri)), ...annotations.codeActions(document, params)] : [];
  }));

  connection.onReferences(guard('references', [], async ({ textDocument, position, context }) => {
    const document = await transcript(textDocument.uri);
    if (document) await indexedSoon();
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
    return document ? answer(renameSpeaker(document, position, newName)) : null;
  }));

  connection.onWorkspaceSymbol(guard('workspace symbols', [], async ({ query }) => {
    await indexedSoon();
    return workspaceSymbols(workspaceIndex, query);
  }));

  connection.languages.inlayHint.on(guard('inlay hints', [], async ({ textDocument, range }) => {
    const document = settingsFor(textDocument.uri).inlayHintsEnabled ? await transcript(textDocument.uri) : null;
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

  // Annotations: listed, added, changed, removed and exported by the service (features/annotations.ts).
  connection.onRequest(DOCUMENT_ANNOTATIONS_REQUEST, guardOrFail('listing annotations', async ({ uri }: DocumentParams) => {
    await sidecarLoads.get(uri);
    return annotations.documentAnnotations(uri);
  }));
  connection.onRequest(WORKSPACE_ANNOTATIONS_REQUEST, guardOrFail('listing workspace annotations', () => annotations.workspaceAnnotations()));
  connection.onRequest(CODEBOOK_REQUEST, (params?: { uri?: unknown } | null) => annotations.codebookFor(typeof params?.uri === 'string' ? params.uri : null));
  connection.onRequest(ADD_ANNOTATION_REQUEST, guardOrFail('annotating', async (params: AddAnnotationParams) => answer(await annotations.add(params))));
  connection.onRequest(UPDATE_ANNOTATION_REQUEST, guardOrFail('changing an annotation', async (params: UpdateAnnotationParams) => answer(await annotations.update(params))));
  connection.onRequest(REMOVE_ANNOTATION_REQUEST, guardOrFail('removing an annotation', async (params: AnnotationIdParams) => answer(await annotations.remove(params))));
  connection.onRequest(EXPORT_ANNOTATIONS_REQUEST, guardOrFail('exporting annotations', async (params: ExportAnnotationsParams) => answer(await annotations.export(params))));
  connection.onRequest(FILES_RENAMED_REQUEST, guardOrFail('moving sidecars', (params: FilesRenamedParams) => annotations.filesRenamed(params)));
  // The analyst's workbench: the figures table, calls side by side and who spoke how much.
  connection.onRequest(FIGURE_TABLE_REQUEST, guard('figure table', [], async ({ uri }: DocumentParams) => {
    const document = await transcript(uri);
    return document ? figureTable(document) : [];
  }));

  connection.onRequest(COMPARE_METRICS_REQUEST, guard('compare metrics', { calls: [], rows: [] }, async ({ uris }: CompareParams) => {
    await settingsReady;
    const calls = await Promise.all((Array.isArray(uris) ? uris : []).map(async (uri) => {
      // A call that is not open is read with its folder's settings, asked for once here.
      if (!isOpen(uri)) await settingsStore.load(uri);
      const { glossary, maxDocumentSize } = settingsFor(uri);
      const call = await loadCall(uri, transcriptNow, files, { glossary, maxDocumentSize, checked: checkedStore.get(uri) });
      if (!isOpen(uri)) settingsStore.forget(uri);
      return call;
    }));
    return compareMetrics(calls);
  }));

  connection.onRequest(WORKSPACE_TRANSCRIPTS_REQUEST, guard('workspace transcripts', [], async () => {
    await settingsReady;
    await indexing;
    return workspaceIndex.uris();
  }));

  connection.onRequest(TALK_SHARE_REQUEST, guard('talk share', null, async ({ uri }: DocumentParams) => {
    const document = await transcript(uri);
    return document ? talkShare(document) : null;
  }));

  // The client's crash-recovery test asks which process to stop; a web worker has none.
  if (deps.processId !== undefined) connection.onRequest(SERVER_PROCESS_REQUEST, () => ({ pid: deps.processId }));

  // Answered after the same waits as the document's first reading (settle), so it comes after detection ran.
  connection.onRequest(DETECTION_STATE_REQUEST, guard('detection state', null, async ({ uri }: DocumentParams) => {
    await settingsReady;
    await settingsStore.ready(uri);
    await sidecarLoads.get(uri);
    const document = documents.get(uri);
    if (!document) return null;
    return {
      languageId: document.languageId,
      detectionEnabled: settingsFor(uri).detectionEnabled,
      looksLikeTranscript: looksLikeTranscript(document.getText()),
      notified: detectedUris.has(uri),
    };
  }));

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
    const sidecar = checkedStore.sidecars.sidecarOf(chosen.uri);
    return { sidecar: sidecar && displayUri(sidecar) };
  }

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (ANNOTATION_COMMANDS.includes(command)) {
      try {
        return answer(await annotations.execute(command, args?.[0]));
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logError(command, error);
        throw new ResponseError(ErrorCodes.InternalError, 'Transcript Lens could not save the annotation; see the server log.');
      }
    }
    if (command !== MARK_FIGURE_CHECKED_COMMAND) throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${command}.`);
    try {
      return await markFigureChecked(args?.[0]);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError('marking a figure as checked', error);
      throw new ResponseError(ErrorCodes.InternalError, 'Transcript Lens could not save the checked figure; see the server log.');
    }
  });

  documents.listen(connection);
  connection.listen();
  return { logError };
}
