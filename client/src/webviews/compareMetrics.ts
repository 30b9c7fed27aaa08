// "Compare Metrics": several calls side by side, one row per metric and one column per call
// in the order of their periods. Started from the Explorer (several files selected) or from
// the Command Palette with a pick over the workspace's transcripts.
import * as vscode from 'vscode';
import { fileName } from '../format';
import { TRANSCRIPT_LANGUAGE } from '../protocol';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { CompareFromWebview, CompareToWebview, MetricComparison } from './messages';
import { compareMetricsRequest, workspaceTranscriptsRequest } from './requests';
import { comparisonCsv } from './tableExport';
import { type RoutedMessage, saveText, type TestChannel, WebviewPanelHost } from './webviewPanel';

export const COMPARE_METRICS_COMMAND = 'transcriptLens.compareMetrics';
const VIEW_TYPE = 'transcriptLens.compareMetrics';

/**
 * The calls Compare Metrics offers: the open transcripts, then the workspace's. The server's
 * workspace index knows which files are transcripts (by name or by content), so no file is
 * read here; an open transcript the index has not reached yet is offered too.
 */
export async function transcriptChoices(client: LanguageClient): Promise<Array<{ uri: vscode.Uri; open: boolean }>> {
  const open = vscode.workspace.textDocuments.filter((document) => document.languageId === TRANSCRIPT_LANGUAGE).map((document) => document.uri.toString());
  let indexed: string[] = [];
  try {
    indexed = await client.sendRequest(workspaceTranscriptsRequest);
  } catch (error) {
    client.outputChannel.appendLine(`Workspace transcripts request failed: ${String(error)}`);
  }
  const openSet = new Set(open);
  return [...new Set([...open, ...indexed])].map((uri) => ({ uri: vscode.Uri.parse(uri), open: openSet.has(uri) }));
}

/** Asks for the calls to compare among the workspace's transcripts, the open ones first. */
async function pickCalls(client: LanguageClient): Promise<vscode.Uri[] | undefined> {
  const items = (await transcriptChoices(client))
    .map(({ uri, open }) => ({ label: fileName(uri.path), description: vscode.workspace.asRelativePath(uri.path.lastIndexOf('/') === 0 ? uri : vscode.Uri.joinPath(uri, '..')), uri, picked: open }))
    .sort((a, b) => Number(b.picked) - Number(a.picked) || a.label.localeCompare(b.label));
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Choose two or more calls to compare') });
  return chosen?.map((item) => item.uri);
}

export class ComparePanel implements vscode.Disposable {
  private readonly panel: WebviewPanelHost<CompareToWebview, CompareFromWebview>;
  private comparison: MetricComparison = { calls: [], rows: [] };

  constructor(private readonly client: LanguageClient, extensionUri: vscode.Uri) {
    this.panel = new WebviewPanelHost(extensionUri, { viewType: VIEW_TYPE, script: 'compare', title: vscode.l10n.t('Compare Metrics') }, (message) => this.receive(message));
  }

  get tests(): TestChannel {
    return this.panel.tests;
  }

  /** The command: (clicked, selected) from the Explorer, a list from a caller, or a pick. */
  async run(clicked?: vscode.Uri | vscode.Uri[], selected?: vscode.Uri[]): Promise<void> {
    let uris = selected?.length ? selected : Array.isArray(clicked) ? clicked : clicked ? [clicked] : undefined;
    if (!uris || uris.length < 2) uris = await pickCalls(this.client);
    if (!uris?.length) return;
    await this.compare(uris);
  }

  async compare(uris: readonly vscode.Uri[]): Promise<MetricComparison> {
    try {
      this.comparison = await this.client.sendRequest(compareMetricsRequest, { uris: uris.map((uri) => uri.toString()) });
    } catch (error) {
      this.client.outputChannel.appendLine(`Compare request failed: ${String(error)}`);
      this.comparison = { calls: [], rows: [] };
    }
    if (!this.panel.open(vscode.ViewColumn.Active, vscode.l10n.t('Compare Metrics'))) this.panel.reveal();
    this.panel.title = vscode.l10n.t('Compare Metrics ({0} calls)', this.comparison.calls.length);
    await this.panel.postWhenReady({ type: 'comparison', comparison: this.comparison });
    return this.comparison;
  }

  private async receive(message: RoutedMessage<CompareFromWebview>): Promise<void> {
    if (message.type === 'open') await this.open(message.call, message.row);
    else if (message.type === 'export') await this.exportCsv();
  }

  /** Opens the call beside the table with the sentence of the cell selected. */
  private async open(callIndex: number, rowIndex: number): Promise<void> {
    const call = this.comparison.calls[callIndex];
    const cell = this.comparison.rows[rowIndex]?.cells[callIndex];
    if (!call || !cell) return;
    const range = new vscode.Range(cell.line, cell.start, cell.line, cell.end);
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(call.uri), { viewColumn: vscode.ViewColumn.Beside, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return saveText(comparisonCsv(this.comparison), 'metrics-by-call.csv', { CSV: ['csv'] }, target);
  }

  dispose(): void {
    this.panel.dispose();
  }
}
