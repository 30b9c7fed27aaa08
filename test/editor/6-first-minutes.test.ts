// What a new user meets in the first five minutes (issue 8): the Outline already open when a
// transcript is detected, a "Treat Document as Transcript" that is remembered, prose-friendly
// editor settings, hints that add something, a roster of speakers, a figure list behind the
// status bar, and no doubled text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  copyWorkspaceFile,
  documentSymbols,
  openDocument,
  SEED_000,
  sleep,
  waitFor,
  workbenchTexts,
} from './helpers';

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('transcriptLens');
}

/** Opens a file the way a click in the Explorer does, with no extension holding the document. */
async function openLikeAUser(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri);
  return waitFor(`${uri.path} to open`, () => openDocument(uri));
}

function waitForLanguage(uri: vscode.Uri, language: string, timeoutMs?: number): Promise<vscode.TextDocument> {
  return waitFor(
    `${uri.path.split('/').pop()} to be ${language}`,
    () => {
      const document = openDocument(uri);
      return document?.languageId === language ? document : undefined;
    },
    timeoutMs,
  );
}

/** Waits until the Outline pane and the breadcrumbs, as drawn on the page, show these names. */
async function assertOutlineShows(names: string[]): Promise<void> {
  const rows = await waitFor('the Outline pane to list the turns', async () => {
    const texts = await workbenchTexts('.outline-pane .monaco-list-row');
    if (texts === undefined) return [];
    return names.every((name) => texts.some((text) => text.includes(name))) ? texts : undefined;
  });
  if (rows.length === 0) return; // This runner cannot look at the page; the symbols above are the check.
  const message = await workbenchTexts('.outline-pane .outline-message:visible');
  assert.ok(!message?.some((text) => /No symbols/i.test(text)), `the Outline says "${message?.join(' ')}"`);
  await waitFor('the breadcrumbs to show the turn under the cursor', async () => {
    const crumbs = (await workbenchTexts('.breadcrumbs-control .monaco-breadcrumb-item')) ?? [];
    return names.every((name) => crumbs.some((text) => text.includes(name))) ? crumbs : undefined;
  });
}

describe('First minutes: the Outline open before the transcript', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('fills an Outline that was already open when a .txt transcript is detected', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = await copyWorkspaceFile(SEED_000, 'outline-first.txt');
    try {
      await vscode.commands.executeCommand('outline.focus');
      await openLikeAUser(uri);
      const document = await waitForLanguage(uri, 'transcript');
      // The same symbols the Outline and the breadcrumbs read, through VS Code's outline cache.
      const symbols = await documentSymbols(document.uri);
      assert.equal(symbols[0].name, 'Prepared Remarks');
      assert.equal(symbols[0].children[0].name, 'Daniel Zhang');
      await assertOutlineShows(['Prepared Remarks', 'Daniel Zhang']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('fills an Outline that was already open after "Treat Document as Transcript"', async () => {
    const uri = await copyWorkspaceFile(SEED_000, 'outline-treat.txt');
    await settings().update('detection.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand('outline.focus');
      const plain = await openLikeAUser(uri);
      // What the open Outline asks for while the document is still plain text.
      await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', plain.uri);
      await sleep(500);
      assert.equal(openDocument(uri)?.languageId, 'plaintext');
      await vscode.commands.executeCommand('transcriptLens.treatAsTranscript');
      const document = await waitForLanguage(uri, 'transcript');
      const symbols = await documentSymbols(document.uri);
      assert.equal(symbols[0].children[0].name, 'Daniel Zhang');
      await assertOutlineShows(['Prepared Remarks', 'Daniel Zhang']);
    } finally {
      await settings().update('detection.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
