// "Show Figures": every figure of the active transcript in a quick pick, with its kind,
// normalized value, metric and line; the chosen one is selected in the editor.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { figuresRequest } from './protocol';
import type { FigureEntry } from './protocol';
import { activeTranscript } from './roster';

type FigurePick = vscode.QuickPickItem & { figure: FigureEntry };

function figurePick(figure: FigureEntry): FigurePick {
  return {
    label: figure.unreadable ? `$(warning) ${figure.text}` : figure.text,
    description: [figure.kind, figure.value].filter(Boolean).join(' · '),
    detail: [`line ${figure.line + 1}`, figure.metric].filter(Boolean).join(' · '),
    figure,
  };
}

export async function pickFigure(client: LanguageClient): Promise<void> {
  const document = activeTranscript();
  if (!document || !client.isRunning()) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to see its figures.'));
    return;
  }
  let figures: FigureEntry[] = [];
  try {
    figures = await client.sendRequest(figuresRequest, { uri: document.uri.toString() });
  } catch (error) {
    client.outputChannel.appendLine(`Figures request failed: ${String(error)}`);
  }
  const placeHolder = figures.length ? vscode.l10n.t('Go to a figure: type a number, a kind or a metric') : vscode.l10n.t('No figures were read in this transcript');
  const choice = await vscode.window.showQuickPick(figures.map(figurePick), { placeHolder, matchOnDescription: true, matchOnDetail: true });
  if (!choice) return;
  const { line, start, end } = choice.figure;
  const range = new vscode.Range(line, start, line, end);
  const editor = await vscode.window.showTextDocument(document.uri, { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
