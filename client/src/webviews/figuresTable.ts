// "Show Figures Table": every figure of the active transcript in a webview grid that sorts,
// filters, reveals a figure on click and follows the editor's cursor. It follows the active
// transcript and refreshes as the document changes.
import * as vscode from 'vscode';
import { fileName } from '../format';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TRANSCRIPT_LANGUAGE } from '../protocol';
import { activeTranscript } from '../roster';
import type { FigureRow, FiguresFromWebview, FiguresToWebview } from './messages';
import { figureTableRequest } from './requests';
import { figuresCsv, figuresJson, figuresTsv } from './tableExport';
import { createWebviewPanel, saveText, TestChannel, webviewHtml } from './webviewPanel';

export const SHOW_FIGURES_TABLE_COMMAND = 'transcriptLens.showFiguresTable';
const VIEW_TYPE = 'transcriptLens.figuresTable';
/** Typing pauses this long before the table is refreshed. */
const REFRESH_DELAY_MS = 300;

export class FiguresTablePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private rows: FigureRow[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private ready: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  readonly tests = new TestChannel(() => this.panel?.webview);

  constructor(private readonly client: LanguageClient, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const document = editor?.document;
        if (this.panel && document?.languageId === TRANSCRIPT_LANGUAGE && document !== this.document) void this.show(document, false);
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (!this.panel || document.uri.toString() !== this.document?.uri.toString()) return;
        if (this.refreshTimer) clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection(({ textEditor, selections }) => {
        if (!this.panel || textEditor.document.uri.toString() !== this.document?.uri.toString()) return;
        const { line, character } = selections[0].active;
        this.post({ type: 'cursor', line, character });
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
    if (!this.panel) {
      this.panel = createWebviewPanel(this.extensionUri, VIEW_TYPE, this.title(), vscode.ViewColumn.Beside);
      let markReady: () => void = () => undefined;
      this.ready = new Promise((resolve) => (markReady = resolve));
      this.panel.webview.onDidReceiveMessage((message: FiguresFromWebview) => {
        if (message.type === 'ready') markReady();
        else void this.receive(message);
      }, undefined, this.disposables);
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
      this.panel.webview.html = webviewHtml(this.panel.webview, this.extensionUri, 'figuresTable', vscode.l10n.t('Figures'));
    } else if (reveal) {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = this.title();
    await this.refresh();
  }

  private title(): string {
    return this.document ? vscode.l10n.t('Figures: {0}', fileName(this.document.uri.path)) : vscode.l10n.t('Figures');
  }

  private async refresh(): Promise<void> {
    const document = this.document;
    if (!document || !this.panel) return;
    try {
      this.rows = await this.client.sendRequest(figureTableRequest, { uri: document.uri.toString() });
    } catch (error) {
      this.client.outputChannel.appendLine(`Figure table request failed: ${String(error)}`);
      this.rows = [];
    }
    await this.ready;
    this.post({ type: 'rows', title: this.title(), rows: this.rows });
  }

  private post(message: FiguresToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private async receive(message: FiguresFromWebview): Promise<void> {
    if (this.tests.receive(message)) return;
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

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
