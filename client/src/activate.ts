// Activation shared by the Node and the web extension: everything but how the language
// client reaches its server (extension.ts starts a Node process, browser.ts a web worker).
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import type { TranscriptLensApi } from './api';
import { DetectionController } from './detection';
import { pickFigure } from './figures';
import { registerFileRequests } from './files';
import { QuietRestartErrorHandler } from './errorHandler';
import { detectedNotification, detectionStateRequest, serverProcessRequest, TRANSCRIPT_LANGUAGE } from './protocol';
import { activeTranscript, pickSpeaker, REVEAL_TURN_COMMAND, revealTurn, ROSTER_VIEW_ID, RosterModel, RosterTreeProvider } from './roster';
import { SHOW_FIGURES_COMMAND, SHOW_ROSTER_COMMAND, TranscriptStatusBar } from './statusBar';
import { registerAnnotations } from './annotations/controller';
import { registerWorkbench } from './webviews/workbench';

const ACTIVE_CONTEXT_KEY = 'transcriptLens.transcriptActive';
let client: BaseLanguageClient | undefined;

/** Where editors keep the files a reader opens: on disk, GitHub (vscode-vfs), web tests, remotes. */
export const READER_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote'];

/**
 * What the client sends its server. Plain text and Markdown are sent only so the server can
 * detect transcripts among them, and only from the schemes where a reader opens calls.
 */
export function clientOptions(outputChannel: vscode.OutputChannel, errorHandler: QuietRestartErrorHandler): LanguageClientOptions {
  return {
    documentSelector: [
      { language: TRANSCRIPT_LANGUAGE },
      ...READER_SCHEMES.flatMap((scheme) => [{ language: 'plaintext', scheme }, { language: 'markdown', scheme }]),
    ],
    synchronize: { configurationSection: 'transcriptLens' },
    outputChannel,
    errorHandler,
  };
}

/** Restarts the server: the Node client starts a new process; a client without restart() reconnects to its worker. */
async function restart(languageClient: BaseLanguageClient): Promise<void> {
  const withRestart = languageClient as BaseLanguageClient & { restart?: () => Promise<void> };
  if (withRestart.restart) return withRestart.restart();
  if (languageClient.isRunning()) await languageClient.stop();
  await languageClient.start();
}

/** Makes the language client the way the entry point reaches its server. */
export type ClientFactory = (outputChannel: vscode.OutputChannel, errorHandler: QuietRestartErrorHandler) => BaseLanguageClient | Promise<BaseLanguageClient>;

async function serverProcessId(languageClient: BaseLanguageClient): Promise<number | undefined> {
  if (!languageClient.isRunning()) return undefined;
  try {
    return (await languageClient.sendRequest(serverProcessRequest)).pid;
  } catch {
    return undefined;
  }
}

function whenRunning(languageClient: BaseLanguageClient): Promise<void> {
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

export async function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<TranscriptLensApi> {
  const outputChannel = vscode.window.createOutputChannel('Transcript Lens');
  const errorHandler = new QuietRestartErrorHandler();
  const languageClient = await createClient(outputChannel, errorHandler);
  errorHandler.attach(languageClient);
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
      await restart(languageClient);
    }),
    vscode.commands.registerCommand(REVEAL_TURN_COMMAND, revealTurn),
    // The server reads and writes files through these: the web-worker server all of them, the Node server a virtual workspace's.
    ...registerFileRequests(languageClient),
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

export async function deactivateClient(): Promise<void> {
  await client?.stop();
}
