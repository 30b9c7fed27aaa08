// What the reader sees around the text: inlay hints on request, semantic colouring, folding
// per turn, the roster quick pick and a status bar entry only where it applies.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, positionOf, quickPickShown, readGold, SEED_000, showFile, showTranscript, waitFor } from './helpers';

function hintLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

async function inlayHints(uri: vscode.Uri, range: vscode.Range): Promise<vscode.InlayHint[]> {
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, range)) ?? [];
}

describe('Inlay hints', () => {
  const settings = () => vscode.workspace.getConfiguration('transcriptLens');
  afterEach(() => settings().update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global));

  it('shows normalized values only after the user turns them on', async () => {
    const document = await showTranscript(SEED_000);
    const line = new vscode.Range(4, 0, 4, document.lineAt(4).text.length);
    assert.deepEqual(await inlayHints(document.uri, line), [], 'off by default');
    await settings().update('inlayHints.enabled', true, vscode.ConfigurationTarget.Global);
    const hints = await waitFor('inlay hints on line 5', async () => {
      const found = await inlayHints(document.uri, line);
      return found.length > 0 ? found : undefined;
    });
    const revenueEnd = positionOf(document, '234 billion RMB', 4).translate(0, '234 billion RMB'.length);
    const revenueHint = hints.find((hint) => hint.position.isEqual(revenueEnd));
    assert.ok(revenueHint, `a hint right after "234 billion RMB" among ${hints.map(hintLabel).join(' | ')}`);
    assert.match(hintLabel(revenueHint), /234(\.0+)?\s?B\sCNY/);
  });
});

describe('Semantic colouring and folding', () => {
  it('marks speaker names and figures as semantic tokens', async () => {
    const document = await showTranscript(SEED_000);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', document.uri);
    assert.ok(legend.tokenTypes.includes('speaker'));
    assert.ok(legend.tokenTypes.includes('figure'));
    const tokens = await waitFor('semantic tokens', () =>
      vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', document.uri),
    );
    // The first token is Daniel Zhang's name on line 0: delta line 0, start at the name, its length.
    const [deltaLine, start, length, type] = tokens.data;
    const name = positionOf(document, 'Daniel Zhang', 0);
    assert.deepEqual([deltaLine, start, length, legend.tokenTypes[type]], [0, name.character, 'Daniel Zhang'.length, 'speaker']);
  });

  it('folds every turn and section', async () => {
    const document = await showTranscript(SEED_000);
    const ranges = await waitFor('folding ranges', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const starts = new Set(ranges.map((range) => range.start));
    const missing = readGold(SEED_000).turns.filter((turn, index, turns) => {
      const next = turns[index + 1]?.line ?? document.lineCount;
      return next - turn.line > 2 && !starts.has(turn.line);
    });
    assert.deepEqual(missing.map((turn) => turn.line), [], 'every multi-line turn folds from its header');
  });
});

describe('Roster quick pick and status bar', () => {
  it('jumps to the chosen turn from "Show Speaker Roster"', async () => {
    const document = await showTranscript(SEED_000);
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(200, 0, 200, 0);
    const picked = vscode.commands.executeCommand('transcriptLens.showRoster');
    // The quick pick opens after a roster request: the runner sees it appear.
    await quickPickShown();
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picked;
    const second = readGold(SEED_000).turns[1];
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, second.line, `the cursor is on the header of the second turn (${second.speaker})`);
  });

  it('shows the status bar entry only while a transcript is active', async () => {
    const api = await extensionApi();
    await showFile('README.md');
    await waitFor('the status bar entry to hide', () => (api.statusText() === '' ? true : undefined));
    await showTranscript(SEED_000);
    const text = await waitFor('the status bar entry', () => api.statusText() || undefined);
    assert.match(text, /turns/);
  });
});
