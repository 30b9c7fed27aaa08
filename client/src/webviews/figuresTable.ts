// "Show Figures Table": every figure of the active transcript in a webview grid that sorts,
// filters, reveals a figure on click and follows the editor's cursor. It follows the active
// transcript and refreshes as the document changes.
import * as vscode from 'vscode';
import { fileName } from '../format';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { activeTranscript } from '../roster';
import type { FigureRow, FiguresFromWebview, FiguresToWebview } from './messages';
import { figureTableRequest } from './requests';
import { figuresCsv, figuresJson, figuresTsv } from './tableExport';
import { followActiveTranscript, type RoutedMessage, saveText, type TestChannel, WebviewPanelHost } from './webviewPanel';

export const SHOW_FIGURES_TABLE_COMMAND = 'transcriptLens.showFiguresTable';
const VIEW_TYPE = 'transcriptLens.figuresTable';
/** Typing pauses this long before the table is refreshed. */
const REFRESH_DELAY_MS = 300;

export class FiguresTablePanel implements vscode.Disposable {
  private readonly panel: WebviewPanelHost<FiguresToWebview, FiguresFromWebview>;
  private document: vscode.TextDocument | undefined;
  private rows: FigureRow[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, extensionUri: vscode.Uri) {
    this.panel = new WebviewPanelHost(extensionUri, { viewType: VIEW_TYPE, script: 'figuresTable', title: vscode.l10n.t('Figures') }, (message) => this.receive(message));
    this.disposables.push(
      followActiveTranscript(this.panel, () => this.document, (document) => this.show(document, false), () => this.refresh(), REFRESH_DELAY_MS),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
        if (!this.panel.isOpen || textEditor.document.uri.toString() !== this.document?.uri.toString()) return;
        const { line, character } = selections[0].active;
        this.panel.post({ type: 'cursor', line, character });
      }),
    );
  }

  /** Opens the table (or brings it forward) for the active transcript. */
  async open(): Promise<void> {
    const document = activeTranscript() ?? this.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to see its figures in a table.'));
      return;
    }
    await this.show(document, true);
  }

  private async show(document: vscode.TextDocument, reveal: boolean): Promise<void> {
    this.document = document;
    if (!this.panel.open(vscode.ViewColumn.Beside, this.title()) && reveal) this.panel.reveal();
    this.panel.title = this.title();
    await this.refresh();
  }

  private title(): string {
    return this.document ? vscode.l10n.t('Figures: {0}', fileName(this.document.uri.path)) : vscode.l10n.t('Figures');
  }

  private async refresh(): Promise<void> {
    const document = this.document;
    if (!document || !this.panel.isOpen) return;
    try {
      this.rows = await this.client.sendRequest(figureTableRequest, { uri: document.uri.toString() });
    } catch (error) {
      this.client.outputChannel.appendLine(`Figure table request failed: ${String(error)}`);
      this.rows = [];
    }
    await this.panel.postWhenReady({ type: 'rows', title: this.title(), rows: this.rows });
  }

  private async receive(message: RoutedMessage<FiguresFromWebview>): Promise<void> {
    switch (message.type) {
      case 'reveal':
        await this.reveal(message.index);
        break;
      case 'copy':
        await vscode.env.clipboard.writeText(figuresTsv(this.pick(message.indexes)));
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} figure rows', message.indexes.length), 3000);
        break;
      case 'export':
        await this.export(message.format, message.indexes);
        break;
    }
  }

  private pick(indexes: readonly number[]): FigureRow[] {
    return indexes.map((index) => this.rows[index]).filter((row): row is FigureRow => row !== undefined);
  }

  /** Selects the figure in the editor that shows the document, or opens one beside the table. */
  private async reveal(index: number): Promise<void> {
    const row = this.rows[index];
    if (!row || !this.document) return;
    const range = new vscode.Range(row.line, row.start, row.line, row.end);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document!.uri.toString());
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Writes the rows shown (filtered and sorted as on screen) as CSV or JSON. */
  async export(format: 'csv' | 'json', indexes: readonly number[], target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const rows = this.pick(indexes);
    const base = this.document ? fileName(this.document.uri.path).replace(/\.[^.]*$/, '') : 'figures';
    const text = format === 'csv' ? figuresCsv(rows) : figuresJson(rows);
    const filters: Record<string, string[]> = format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] };
    return saveText(text, `${base}-figures.${format}`, filters, target);
  }

  /** For the tests: exports what the table shows now. */
  async exportShown(format: 'csv' | 'json', target: vscode.Uri): Promise<vscode.Uri | undefined> {
    const state = (await this.tests.ask('state')) as { shown: number[] };
    return this.export(format, state.shown, target);
  }

  get tests(): TestChannel {
    return this.panel.tests;
  }

  dispose(): void {
    this.panel.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
