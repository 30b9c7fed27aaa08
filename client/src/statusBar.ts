// The status bar entry for the active transcript: how many turns and figures it holds.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { countOf } from './format';
import { summaryRequest } from './protocol';
import type { RosterModel } from './roster';

export class TranscriptStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('transcriptLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: LanguageClient, private readonly model: RosterModel) {
    this.item.name = 'Transcript Lens';
    this.item.command = 'transcriptLens.showRoster';
    this.subscription = model.onDidChange(() => void this.update());
  }

  private async update(): Promise<void> {
    const uri = this.model.uri;
    if (!uri) {
      this.item.hide();
      return;
    }
    const turns = this.model.entries.reduce((sum, entry) => sum + entry.turns, 0);
    const parts = [`$(comment-discussion) ${countOf(turns, 'turn')}`];
    const summary = await this.summary(uri);
    if (summary && !summary.degraded) parts.push(`$(symbol-number) ${countOf(summary.figures, 'figure')}`);
    if (summary?.degraded) parts.push('$(info) speakers only');
    const unreadable = summary?.unreadable ?? vscode.languages.getDiagnostics(uri).length;
    if (unreadable > 0) parts.push(`$(warning) ${unreadable}`);
    if (this.model.uri?.toString() !== uri.toString()) return;
    this.item.text = parts.join(' · ');
    this.item.tooltip = [
      `Transcript Lens: ${countOf(this.model.entries.length, 'speaker')}, ${countOf(turns, 'turn')}`,
      summary ? `${countOf(summary.figures, 'figure')}, ${summary.unreadable} not readable` : undefined,
      summary?.degraded ? 'The document is larger than transcriptLens.maxDocumentSize, so figures were not read.' : undefined,
      'Click to jump to a speaker.',
    ]
      .filter(Boolean)
      .join('\n');
    this.item.show();
  }

  /** The optional summary request; an older server without it just yields no figure count. */
  private async summary(uri: vscode.Uri) {
    try {
      return await this.client.sendRequest(summaryRequest, { uri: uri.toString() });
    } catch {
      return undefined;
    }
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
