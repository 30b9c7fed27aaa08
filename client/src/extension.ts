// Activation: starts the language server, switches detected transcripts to the Transcript
// language, and adds the speaker roster view, the status bar entry and the commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import type { TranscriptLensApi } from './api';
import { DetectionController } from './detection';
import { pickFigure } from './figures';
import { QuietRestartErrorHandler } from './errorHandler';
import { detectedNotification, detectionStateRequest, serverProcessRequest, TRANSCRIPT_LANGUAGE } from './protocol';
import { activeTranscript, pickSpeaker, REVEAL_TURN_COMMAND, revealTurn, ROSTER_VIEW_ID, RosterModel, RosterTreeProvider } from './roster';
import { SHOW_FIGURES_COMMAND, SHOW_ROSTER_COMMAND, TranscriptStatusBar } from './statusBar';
import { registerAnnotations } from './annotations/controller';
import { registerWorkbench } from './webviews/workbench';

const ACTIVE_CONTEXT_KEY = 'transcriptLens.transcriptActive';
let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const errorHandler = new QuietRestartErrorHandler();
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plain text and Markdown are sent only so the server can detect transcripts among them.
    documentSelector: [
      { language: TRANSCRIPT_LANGUAGE },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'transcriptLens' },
    outputChannel,
    errorHandler,
  };
  const languageClient = new LanguageClient('transcriptLens', 'Transcript Lens', serverOptions, clientOptions);
  errorHandler.attach(languageClient);
  return languageClient;
}

async function serverProcessId(languageClient: LanguageClient): Promise<number | undefined> {
  if (!languageClient.isRunning()) return undefined;
  try {
    return (await languageClient.sendRequest(serverProcessRequest)).pid;
  } catch {
    return undefined;
  }
}

function whenRunning(languageClient: LanguageClient): Promise<void> {
  if (languageClient.state === State.Running) return Promise.resolve();
  return new Promise((resolve) => {
    const listener = languageClient.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        listener.dispose();
        resolve();
      }
    });
  });
}

function updateActiveContext(): void {
  void vscode.commands.executeCommand('setContext', ACTIVE_CONTEXT_KEY, activeTranscript() !== undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<TranscriptLensApi> {
  const outputChannel = vscode.window.createOutputChannel('Transcript Lens');
  const languageClient = createClient(context, outputChannel);
  client = languageClient;
  // Choices are per file and outlive the window, so they live in the global state.
  const detection = new DetectionController(context.globalState, context.workspaceState);
  const roster = new RosterModel(languageClient);
  const statusBar = new TranscriptStatusBar(languageClient, roster);
  const treeView = vscode.window.createTreeView(ROSTER_VIEW_ID, {
    treeDataProvider: new RosterTreeProvider(roster),
    showCollapseAll: true,
  });
  context.subscriptions.push(
    outputChannel,
    detection,
    roster,
    statusBar,
    treeView,
    languageClient.onNotification(detectedNotification, ({ uri }) => {
      // A document closed before the switch makes it fail; that is worth a log line, not an unhandled rejection.
      detection.onDetected(uri).catch((error) => outputChannel.appendLine(`Switching ${uri} to a transcript failed: ${String(error)}`));
    }),
    vscode.window.onDidChangeActiveTextEditor(updateActiveContext),
    // A language switch replaces the document, so the roster's refresh also re-checks the context.
    roster.onDidChange(updateActiveContext),
    vscode.commands.registerCommand('transcriptLens.treatAsTranscript', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) await detection.treatAsTranscript(document);
    }),
    vscode.commands.registerCommand(SHOW_ROSTER_COMMAND, () => pickSpeaker(roster)),
    vscode.commands.registerCommand(SHOW_FIGURES_COMMAND, () => pickFigure(languageClient)),
    vscode.commands.registerCommand('transcriptLens.restartServer', async () => {
      outputChannel.appendLine('Restarting the Transcript Lens server on request.');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand(REVEAL_TURN_COMMAND, revealTurn),
  );
  const workbench = registerWorkbench(context, languageClient);
  updateActiveContext();
  detection.restoreOpenDocuments();
  const annotations = registerAnnotations(context, languageClient);
  await languageClient.start();
  return {
    serverProcessId: () => serverProcessId(languageClient),
    whenServerRunning: () => whenRunning(languageClient),
    roster: () => roster.entries,
    statusText: () => (roster.uri ? statusBar.text : ''),
    statusEntries: () => (roster.uri ? statusBar.entries : []),
    detectionState: (uri) => languageClient.sendRequest(detectionStateRequest, { uri: uri.toString() }),
    detectionOutcomes: (uri) => detection.outcomesOf(uri.toString()),
    rememberedLanguage: (uri) => detection.choice(uri.toString()),
    annotations,
    workbench,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
