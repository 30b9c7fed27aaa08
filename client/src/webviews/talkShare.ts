// "Show Who Spoke How Much": words and share per speaker, kind of speaker and section,
// questions per analyst and firm, and answer length per executive, drawn as SVG bars in a
// webview that follows the active transcript and its edits.
import * as vscode from 'vscode';
import { fileName } from '../format';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { activeTranscript } from '../roster';
import type { TalkFromWebview, TalkToWebview } from './messages';
import { talkShareRequest } from './requests';
import { followActiveTranscript, type TestChannel, WebviewPanelHost } from './webviewPanel';

export const SHOW_TALK_SHARE_COMMAND = 'transcriptLens.showTalkShare';
const VIEW_TYPE = 'transcriptLens.talkShare';
const REFRESH_DELAY_MS = 500;

export class TalkSharePanel implements vscode.Disposable {
  private readonly panel: WebviewPanelHost<TalkToWebview, TalkFromWebview>;
  private document: vscode.TextDocument | undefined;
  private readonly following: vscode.Disposable;

  constructor(private readonly client: LanguageClient, extensionUri: vscode.Uri) {
    // The page asks nothing of the extension yet: its ready signal and test answers are the host's.
    this.panel = new WebviewPanelHost(extensionUri, { viewType: VIEW_TYPE, script: 'talkShare', title: vscode.l10n.t('Who spoke how much') }, () => undefined);
    const show = (document: vscode.TextDocument) => this.show(document);
    this.following = followActiveTranscript(this.panel, () => this.document, show, show, REFRESH_DELAY_MS);
  }

  async open(): Promise<void> {
    const document = activeTranscript() ?? this.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to see who spoke how much.'));
      return;
    }
    await this.show(document);
    this.panel.reveal();
  }

  get tests(): TestChannel {
    return this.panel.tests;
  }

  private async show(document: vscode.TextDocument): Promise<void> {
    this.document = document;
    const title = vscode.l10n.t('Who spoke how much: {0}', fileName(document.uri.path));
    this.panel.open(vscode.ViewColumn.Beside, title);
    this.panel.title = title;
    let talk = null;
    try {
      talk = await this.client.sendRequest(talkShareRequest, { uri: document.uri.toString() });
    } catch (error) {
      this.client.outputChannel.appendLine(`Talk share request failed: ${String(error)}`);
    }
    await this.panel.postWhenReady({ type: 'talkShare', title, talk });
  }

  dispose(): void {
    this.following.dispose();
    this.panel.dispose();
  }
}
