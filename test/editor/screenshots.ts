// Sets up the views the runner photographs (into test-results/, or media/ for
// npm run screenshots): the speaker outline of our own invented picture call, its Speakers
// view, a hover card on a figure and the call highlighted in a light and a dark theme, all
// before any test annotates or edits the workspace; then, after the suite, the call annotated
// with the Annotations view and the workbench's webviews. The pictures show only our own text:
// the seeds are other people's calls. The suite asks for each picture through a request file and waits
// for the runner's answer file; the runner arranges the sidebar panes with the mouse, as a
// person would, before it shoots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { documentSymbols, extensionApi, hoverText, PICTURE_CALL, positionOf, showTranscript, sleep, waitFor, workbenchTexts } from './helpers';
import { takeWorkbenchScreenshots } from './workbenchScreenshots';

/** The folder the runner watches for screenshot requests; unset when no pictures are wanted. */
function screenshotDir(): string | undefined {
  return process.env.TRANSCRIPT_LENS_SCREENSHOT_DIR || undefined;
}

async function requestScreenshot(directory: string, name: string): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
  await sleep(1200);
  const done = path.join(directory, `${name}.done`);
  fs.writeFileSync(path.join(directory, `${name}.request`), name);
  await waitFor(`the runner to photograph ${name}`, () => (fs.existsSync(done) ? true : undefined), 30_000);
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

async function showAtTop(document: vscode.TextDocument): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  const top = new vscode.Position(0, 0);
  editor.selection = new vscode.Selection(top, top);
  editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
}

async function showOutline(directory: string): Promise<void> {
  const document = await showTranscript(PICTURE_CALL);
  const [firstSection] = await documentSymbols(document.uri);
  await vscode.commands.executeCommand('workbench.view.explorer');
  await vscode.commands.executeCommand('outline.focus');
  await waitFor('the Outline to list the first section', async () => {
    const rows = await workbenchTexts('.outline-pane .monaco-list-row');
    return rows === undefined || rows.some((row) => row.includes(firstSection.name)) || undefined;
  });
  // The outline.collapseItems setting does not always hold for a tree filled before it was
  // shown, so every section is expanded by hand, as with the pane's "Expand All" button.
  await vscode.commands.executeCommand('outline.expand');
  await waitFor('the Outline to draw no collapsed section', async () => {
    const collapsed = await workbenchTexts('.outline-pane .monaco-list-row[aria-expanded="false"]');
    return collapsed === undefined || collapsed.length === 0 || undefined;
  });
  await showAtTop(document);
  await requestScreenshot(directory, 'outline');
}

async function showRoster(directory: string): Promise<void> {
  const document = await showTranscript(PICTURE_CALL);
  await vscode.commands.executeCommand('transcriptLens.roster.focus');
  await showAtTop(document);
  await requestScreenshot(directory, 'roster');
}

async function showHoverCard(directory: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  const document = await showTranscript(PICTURE_CALL);
  const position = positionOf(document, HOVERED_FIGURE).translate(0, 2);
  await waitFor(`the hover of ${HOVERED_FIGURE}`, () => hoverText(document.uri, position));
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await sleep(500);
  await vscode.commands.executeCommand('editor.action.showHover');
  await requestScreenshot(directory, 'hover');
}

async function showHighlight(directory: string, name: string, theme: string): Promise<void> {
  await setTheme(theme);
  const document = await showTranscript(PICTURE_CALL);
  const editor = await vscode.window.showTextDocument(document);
  // From an analyst's follow-up on: headers, figures of several kinds and the call's one warning.
  const top = new vscode.Position(Math.max(0, positionOf(document, HIGHLIGHT_FROM).line - 2), 0);
  editor.selection = new vscode.Selection(top, top);
  editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
  await requestScreenshot(directory, name);
}

/** A money figure with a scale, whose hover card shows the amount written out in its currency. */
const HOVERED_FIGURE = '$4.82 billion';
/** The question whose header begins the highlight pictures. */
const HIGHLIGHT_FROM = 'And on tariffs';

/** Passages of the picture call tagged for the annotations picture, as a reader might. */
const PICTURE_ANNOTATIONS: Array<[string, string, string]> = [
  ['KPI', 'Sales to contractors and landscapers grew 11% and now make up 31% of net sales', 'Pro share up 2 points'],
  ['Product', 'including our first two compact urban formats', ''],
  ['Capital return', 'today the board approved a quarterly dividend of $0.62 per share, an increase of 8%', ''],
  ['Guidance', 'we are raising our full-year guidance', 'Raised; the low end covers a poor summer'],
  ['Risk', 'a very hot or wet summer can move the year by $200 million either way', 'Weather risk sized'],
];

/** The Annotations view's rows at one depth of its tree (1 tag, 2 file, 3 annotation). */
function annotationRows(level: number): Promise<string[] | undefined> {
  return workbenchTexts(`#workbench\\.parts\\.sidebar .pane:has(.pane-header:has-text("Annotations")) .monaco-list-row[aria-level="${level}"]`);
}

async function showAnnotations(directory: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const document = await showTranscript(PICTURE_CALL);
  const editor = await vscode.window.showTextDocument(document);
  for (const [tag, passage, note] of PICTURE_ANNOTATIONS) {
    const start = positionOf(document, passage);
    editor.selection = new vscode.Selection(start, start.translate(0, passage.length));
    await vscode.commands.executeCommand('transcriptLens.annotate', tag, note);
  }
  const top = new vscode.Position(Math.max(0, positionOf(document, PICTURE_ANNOTATIONS[0][1]).line - 2), 0);
  editor.selection = new vscode.Selection(top, top);
  editor.revealRange(new vscode.Range(top, top), vscode.TextEditorRevealType.AtTop);
  // The filter fills the view once, after every annotation has come back from the server: the
  // view has been left with tags drawn open but empty after a burst of refreshes. The suite's
  // tests annotate the seeds too; the view shows this call's annotations only.
  await (await extensionApi()).annotations.refreshed();
  await vscode.commands.executeCommand('transcriptLens.filterAnnotations', PICTURE_CALL);
  await vscode.commands.executeCommand('workbench.view.explorer');
  await vscode.commands.executeCommand('transcriptLens.annotations.focus');
  // The picture waits for the passage under the view's first tag (Guidance, the code book's
  // first); the runner checks every tag once the view has its room.
  const firstPassage = PICTURE_ANNOTATIONS.find(([tag]) => tag === 'Guidance')?.[1] ?? '';
  await waitFor('the Annotations view to draw the passages under their tags', async () => {
    const passages = await annotationRows(3);
    return passages === undefined || passages.some((row) => row.includes(firstPassage)) || undefined;
  });
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await requestScreenshot(directory, 'annotations');
  await vscode.commands.executeCommand('transcriptLens.clearAnnotationFilter');
}

/** The pictures of a call as it opens, taken before the suite so that no test has touched it. */
export async function takeCleanScreenshots(): Promise<void> {
  const directory = screenshotDir();
  if (!directory) return;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await showOutline(directory);
  await showRoster(directory);
  await showHoverCard(directory);
  await showHighlight(directory, 'highlight-light', 'Default Light Modern');
  await showHighlight(directory, 'highlight-dark', 'Default Dark Modern');
  // The suite starts as a window does: no editors, the Explorer open, the runner's dark theme.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.view.explorer');
}

/** The pictures that need the suite's work or change the workspace themselves, taken after it. */
export async function takeScreenshots(): Promise<void> {
  const directory = screenshotDir();
  if (!directory) return;
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await showAnnotations(directory);
  await takeWorkbenchScreenshots(directory, requestScreenshot);
}
