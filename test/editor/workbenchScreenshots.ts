// Pictures of the workbench for the README, all of our own invented calls: the figures table
// beside the picture call, two quarters of Harbor Lights compared, and who spoke how much in
// the picture call in a light and a dark theme.
import * as vscode from 'vscode';
import { extensionApi, OWN_CALL, PICTURE_CALL, positionOf, showTranscript, waitFor, workspaceUri } from './helpers';

type Photograph = (directory: string, name: string) => Promise<void>;

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

export async function takeWorkbenchScreenshots(directory: string, photograph: Photograph): Promise<void> {
  const api = await extensionApi();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await setTheme('Default Dark Modern');

  const call = await showTranscript(PICTURE_CALL);
  const editor = await vscode.window.showTextDocument(call);
  const grossMargin = positionOf(call, 'Gross margin was 36.9%');
  editor.selection = new vscode.Selection(grossMargin, grossMargin);
  editor.revealRange(new vscode.Range(grossMargin, grossMargin), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('transcriptLens.showFiguresTable');
  await waitFor('the figures table', async () => ((await api.workbench.askWebview('figures', 'state').catch(() => undefined)) as { total: number } | undefined)?.total || undefined);
  // Every figure of the picture call's chief financial officer.
  await api.workbench.askWebview('figures', 'filter', { speaker: 'Declan Furukawa' });
  await api.workbench.askWebview('figures', 'clickRow', { position: 0 });
  // The table gets most of the window, as a reader who works in it would arrange it.
  await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
  for (let step = 0; step < 4; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  await photograph(directory, 'figures-table');

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await api.workbench.compare([workspaceUri('harbor-lights-q3.txt'), workspaceUri(OWN_CALL)]);
  await waitFor('the comparison', async () => ((await api.workbench.askWebview('compare', 'state').catch(() => undefined)) as { rows: unknown[] } | undefined)?.rows.length || undefined);
  await photograph(directory, 'compare-metrics');

  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const [name, theme] of [['talk-share-light', 'Default Light Modern'], ['talk-share-dark', 'Default Dark Modern']]) {
    await setTheme(theme);
    await showTranscript(PICTURE_CALL);
    await vscode.commands.executeCommand('transcriptLens.showTalkShare');
    await waitFor('the talk-share charts', async () => ((await api.workbench.askWebview('talkShare', 'state').catch(() => undefined)) as unknown[] | undefined)?.length || undefined);
    await vscode.commands.executeCommand('workbench.action.joinAllGroups');
    await photograph(directory, name);
  }
}
