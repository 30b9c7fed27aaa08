// The status bar entries for the active transcript: its turns, which open the speaker
// roster, and its figures, which open the figure list.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { figureCount, speakerCount, turnCount } from './l10n';
import { summaryRequest } from './protocol';
import type { RosterModel } from './roster';

export const SHOW_ROSTER_COMMAND = 'transcriptLens.showRoster';
export const SHOW_FIGURES_COMMAND = 'transcriptLens.showFigures';

export class TranscriptStatusBar implements vscode.Disposable {
  // Just right of the editor's own entries (language mode is 100.001), side by side.
  private readonly turnsItem = vscode.window.createStatusBarItem('transcriptLens.turns', vscode.StatusBarAlignment.Right, 100);
  private readonly figuresItem = vscode.window.createStatusBarItem('transcriptLens.figures', vscode.StatusBarAlignment.Right, 99.999);
  private readonly shown = new Set<vscode.StatusBarItem>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly client: LanguageClient, private readonly model: RosterModel) {
    this.turnsItem.name = vscode.l10n.t('Transcript Lens: Turns');
    this.turnsItem.command = SHOW_ROSTER_COMMAND;
    this.figuresItem.name = vscode.l10n.t('Transcript Lens: Figures');
    this.figuresItem.command = SHOW_FIGURES_COMMAND;
    this.subscription = model.onDidChange(() => void this.update());
  }

  private async update(): Promise<void> {
    const uri = this.model.uri;
    if (!uri) {
      this.setShown(this.turnsItem, false);
      this.setShown(this.figuresItem, false);
      return;
    }
    const turns = this.model.entries.reduce((sum, entry) => sum + entry.turns, 0);
    const summary = await this.summary(uri);
    if (this.model.uri?.toString() !== uri.toString()) return;
    this.turnsItem.text = `$(comment-discussion) ${turnCount(turns)}`;
    this.turnsItem.tooltip = vscode.l10n.t('{0}, {1}. Click to jump to a speaker.', speakerCount(this.model.entries.length), turnCount(turns));
    this.setShown(this.turnsItem, true);
    if (!summary) {
      this.setShown(this.figuresItem, false);
      return;
    }
    const unreadable = summary.unreadable > 0 ? ` · $(warning) ${summary.unreadable}` : '';
    this.figuresItem.text = summary.degraded ? `$(info) ${vscode.l10n.t('speakers only')}` : `$(symbol-number) ${figureCount(summary.figures)}${unreadable}`;
    this.figuresItem.tooltip = summary.degraded
      ? vscode.l10n.t('The document is larger than transcriptLens.maxDocumentSize, so figures were not read.')
      : vscode.l10n.t('{0}, {1} not readable. Click to go to a figure.', figureCount(summary.figures), summary.unreadable);
    this.setShown(this.figuresItem, true);
  }

  private setShown(item: vscode.StatusBarItem, shown: boolean): void {
    if (shown) {
      item.show();
      this.shown.add(item);
    } else {
      item.hide();
      this.shown.delete(item);
    }
  }

  /** The optional summary request; an older server without it just yields no figure count. */
  private async summary(uri: vscode.Uri) {
    try {
      return await this.client.sendRequest(summaryRequest, { uri: uri.toString() });
    } catch {
      return undefined;
    }
  }

  /** The visible entries, left to right, with the command a click runs. */
  get entries(): Array<{ text: string; command: string | undefined }> {
    return [this.turnsItem, this.figuresItem]
      .filter((item) => this.shown.has(item))
      .map((item) => ({ text: item.text, command: typeof item.command === 'string' ? item.command : item.command?.command }));
  }

  get text(): string {
    return this.entries.map((entry) => entry.text).join(' · ');
  }

  dispose(): void {
    this.subscription.dispose();
    this.turnsItem.dispose();
    this.figuresItem.dispose();
  }
}
