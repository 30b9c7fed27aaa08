// "Show Who Spoke How Much": words and share per speaker, kind of speaker and section,
// questions per analyst and firm, and answer length per executive, drawn as SVG bars in a
// webview that follows the active transcript and its edits.
import * as vscode from 'vscode';
import { fileName } from '../format';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TRANSCRIPT_LANGUAGE } from '../protocol';
import { activeTranscript } from '../roster';
import type { TalkFromWebview, TalkToWebview } from './messages';
import { talkShareRequest } from './requests';
import { createWebviewPanel, TestChannel, webviewHtml } from './webviewPanel';

export const SHOW_TALK_SHARE_COMMAND = 'transcriptLens.showTalkShare';
const VIEW_TYPE = 'transcriptLens.talkShare';
const REFRESH_DELAY_MS = 500;

export class TalkSharePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private ready: Promise<void> = Promise.resolve();
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly tests = new TestChannel(() => this.panel?.webview);

  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === TRANSCRIPT_LANGUAGE && editor.document !== this.document) void this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (!this.panel || document.uri.toString() !== this.document?.uri.toString()) return;
        if (this.refreshTimer) clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.show(document), REFRESH_DELAY_MS);
      }),
    );
  }

  async open(): Promise<void> {
    const document = activeTranscript() ?? this.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to see who spoke how much.'));
      return;
    }
    await this.show(document);
    this.panel?.reveal(undefined, false);
  }

  private async show(document: vscode.TextDocument): Promise<void> {
    this.document = document;
    const title = vscode.l10n.t('Who spoke how much: {0}', fileName(document.uri.path));
    if (!this.panel) {
      this.panel = createWebviewPanel(this.extensionUri, VIEW_TYPE, title, vscode.ViewColumn.Beside);
      let markReady: () => void = () => undefined;
      this.ready = new Promise((resolve) => (markReady = resolve));
      this.panel.webview.onDidReceiveMessage((message: TalkFromWebview) => {
        if (message.type === 'ready') markReady();
        else this.tests.receive(message);
      }, undefined, this.disposables);
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
      this.panel.webview.html = webviewHtml(this.panel.webview, this.extensionUri, 'talkShare', vscode.l10n.t('Who spoke how much'));
    }
    this.panel.title = title;
    let talk = null;
    try {
      talk = await this.client.sendRequest(talkShareRequest, { uri: document.uri.toString() });
    } catch (error) {
      this.client.outputChannel.appendLine(`Talk share request failed: ${String(error)}`);
    }
    await this.ready;
    const message: TalkToWebview = { type: 'talkShare', title, talk };
    void this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
