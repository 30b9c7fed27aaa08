// The analyst's workbench: registers the figures table, Compare Metrics and the talk-share
// view, and gives the in-editor tests a way to drive each webview through its messages.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { COMPARE_METRICS_COMMAND, ComparePanel, transcriptChoices } from './compareMetrics';
import { FiguresTablePanel, SHOW_FIGURES_TABLE_COMMAND } from './figuresTable';
import type { MetricComparison } from './messages';
import { SHOW_TALK_SHARE_COMMAND, TalkSharePanel } from './talkShare';

/** What the tests can do with the workbench's webviews: ask a view to act as a user would, and export to a file. */
export interface WorkbenchApi {
  /** Asks a webview ("figures", "compare" or "talkShare") to run a test action and answer with what it shows. */
  askWebview(view: 'figures' | 'compare' | 'talkShare', action: string, args?: Record<string, unknown>): Promise<unknown>;
  exportFigures(format: 'csv' | 'json', target: vscode.Uri): Promise<vscode.Uri | undefined>;
  compare(uris: vscode.Uri[]): Promise<MetricComparison>;
  exportComparison(target: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** The calls the Compare Metrics pick offers, open transcripts first. */
  compareChoices(): Promise<vscode.Uri[]>;
}

export function registerWorkbench(context: vscode.ExtensionContext, client: LanguageClient): WorkbenchApi {
  const figures = new FiguresTablePanel(client, context.extensionUri);
  const compare = new ComparePanel(client, context.extensionUri);
  const talkShare = new TalkSharePanel(client, context.extensionUri);
  context.subscriptions.push(
    figures,
    compare,
    talkShare,
    vscode.commands.registerCommand(SHOW_FIGURES_TABLE_COMMAND, () => figures.open()),
    vscode.commands.registerCommand(COMPARE_METRICS_COMMAND, (clicked?: vscode.Uri | vscode.Uri[], selected?: vscode.Uri[]) => compare.run(clicked, selected)),
    vscode.commands.registerCommand(SHOW_TALK_SHARE_COMMAND, () => talkShare.open()),
  );
  const channels = { figures: figures.tests, compare: compare.tests, talkShare: talkShare.tests };
  return {
    askWebview: (view, action, args) => channels[view].ask(action, args),
    exportFigures: (format, target) => figures.exportShown(format, target),
    compare: (uris) => compare.compare(uris),
    exportComparison: (target) => compare.exportCsv(target),
    compareChoices: async () => (await transcriptChoices(client)).map(({ uri }) => uri),
  };
}
