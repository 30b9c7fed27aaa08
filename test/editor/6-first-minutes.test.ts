// What a new user meets in the first five minutes (issue 8): the Outline already open when a
// transcript is detected, a "Treat Document as Transcript" that is remembered, prose-friendly
// editor settings, hints that add something, a roster of speakers, a figure list behind the
// status bar, and no doubled text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  copyWorkspaceFile,
  detectionState,
  documentSymbols,
  extensionApi,
  hoverText,
  lensDiagnostics,
  openDocument,
  positionOf,
  readGold,
  SEED_000,
  SEED_001,
  quickPickShown,
  showTranscript,
  waitFor,
  workbenchTexts,
  workspaceUri,
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
      // Detection is off: the server has read the file and said nothing, so it stays plain text.
      const state = await detectionState(uri);
      assert.deepEqual([state.detectionEnabled, state.notified], [false, false]);
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

/** Closes every editor and waits until VS Code has really let go of the document, as after a reload. */
async function closeForGood(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor(`${uri.path.split('/').pop()} to close`, () => (openDocument(uri) ? undefined : true), 30_000);
}

describe('First minutes: a choice of language is remembered per file', () => {
  it('opens a file treated as a transcript as one again, and leaves one switched back alone', async () => {
    const api = await extensionApi();
    const uri = await copyWorkspaceFile('meeting-notes.txt', 'remembered-notes.txt');
    try {
      await openLikeAUser(uri);
      const state = await detectionState(uri);
      assert.deepEqual([state.looksLikeTranscript, state.notified], [false, false], 'prose is not detected as a transcript');
      assert.equal(openDocument(uri)?.languageId, 'plaintext');
      await vscode.commands.executeCommand('transcriptLens.treatAsTranscript');
      await waitForLanguage(uri, 'transcript');
      assert.equal(api.rememberedLanguage(uri), 'transcript', 'the choice is kept in the extension\'s persisted state');

      await closeForGood(uri);
      await openLikeAUser(uri);
      const reopened = await waitForLanguage(uri, 'transcript', 10_000);

      // The user switches it back to plain text: that is remembered too, and nothing overrides it.
      await vscode.languages.setTextDocumentLanguage(reopened, 'plaintext');
      await waitFor('the switch back to be remembered', () => (api.rememberedLanguage(uri) === 'not-transcript' ? true : undefined));
      await closeForGood(uri);
      await openLikeAUser(uri);
      // The server has the reopened file, as plain text: the remembered choice held.
      assert.equal((await detectionState(uri)).languageId, 'plaintext');
      assert.equal(openDocument(uri)?.languageId, 'plaintext');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

describe('First minutes: prose-friendly editor settings', () => {
  it('draws no boxes around curly quotes and full-width punctuation in a transcript, as for plain text', async () => {
    const uri = workspaceUri('curly-quotes.transcript');
    const text = [
      '### **Mei Lin** -- Chief Financial Officer',
      '',
      'We’re pleased with the quarter’s results：revenue rose 12％，and margins held （steady）. “Good” was the word.',
      '',
      '### **Ravi Shah** -- Analyst, Harbor Securities',
      '',
      'Thanks – that’s helpful.',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const document = await openLikeAUser(uri);
      assert.equal(document.languageId, 'transcript');
      const editorSettings = vscode.workspace.getConfiguration('editor', document);
      assert.equal(editorSettings.get('unicodeHighlight.ambiguousCharacters'), false);
      assert.equal(editorSettings.get('unicodeHighlight.invisibleCharacters'), false);
      assert.equal(editorSettings.get('wordWrap'), 'on');
      // Waits until the editor has drawn the text, so "no boxes" is said of a rendered page.
      await waitFor('the editor to draw the call', async () => {
        const lines = await workbenchTexts('.monaco-editor .view-lines');
        // The editor draws spaces as no-break spaces.
        return lines === undefined || lines.some((text) => text.replace(/\u00a0/g, ' ').includes('Ravi Shah')) ? true : undefined;
      });
      const boxes = await workbenchTexts('.monaco-editor .unicode-highlight');
      if (boxes) assert.deepEqual(boxes, [], 'no highlighted characters in the editor');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});

function hintText(hint: vscode.InlayHint): string {
  const label = typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
  return label.replace(/\u00a0/g, ' ');
}

/** A figure's text or a hint's value reduced to what it says: "1 percentage point" and "1 pp" both read "1pp". */
function gist(text: string): string {
  return text
    .toLowerCase()
    .replace(/^=\s*/, '')
    .replace(/percentage points?/g, 'pp')
    .replace(/basis points?/g, 'bp')
    .replace(/percent/g, '%')
    .replace(/billion/g, 'b')
    .replace(/million/g, 'm')
    .replace(/[\s,]/g, '');
}

describe('First minutes: inlay hints', () => {
  afterEach(() => settings().update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global));

  it('shows no hint that repeats its figure, and each one short and unbreakable', async () => {
    await settings().update('inlayHints.enabled', true, vscode.ConfigurationTarget.Global);
    for (const seed of [SEED_000, SEED_001]) {
      const document = await showTranscript(seed);
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const hints = await waitFor(`inlay hints of ${seed}`, async () => {
        const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
        return found && found.length > 0 ? found : undefined;
      });
      for (const hint of hints) {
        const label = typeof hint.label === 'string' ? hint.label : '';
        assert.doesNotMatch(label, / /, `"${label}" has a space a wrapped line could break at`);
        assert.ok(label.length <= 26, `"${label}" is longer than a glance`);
        // The hover's range is the figure the hint follows.
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, hint.position.translate(0, -1));
        const range = hovers?.find((hover) => hover.range)?.range;
        assert.ok(range, `a figure under the hint ${hintText(hint)} on line ${hint.position.line + 1}`);
        const figure = document.getText(range);
        assert.notEqual(gist(hintText(hint)), gist(figure), `"${figure}" ${hintText(hint)} repeats the text`);
      }
    }
    const document = await showTranscript(SEED_000);
    const point = positionOf(document, '1 percentage point', 80);
    const line = new vscode.Range(80, 0, 81, 0);
    const onLine = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, line);
    const pointHint = onLine.find((hint) => hint.position.isEqual(point.translate(0, '1 percentage point'.length)));
    assert.equal(pointHint && hintText(pointHint), '= 100 bp', 'a percentage point is shown in basis points, not as "1 pp"');
    const percentEnd = positionOf(document, '14 %', 4).translate(0, '14 %'.length);
    const onRevenueLine = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(4, 0, 5, 0));
    assert.equal(onRevenueLine.find((hint) => hint.position.isEqual(percentEnd)), undefined, '"14 %" gets no "= 14%"');
  });
});

describe('First minutes: Show Speaker Roster', () => {
  it('lists each speaker once with role, turns and words, and jumps to the chosen one\'s first turn', async () => {
    const document = await showTranscript(SEED_000);
    const gold = readGold(SEED_000);
    const speakers = [...new Set(gold.turns.map((turn) => turn.speaker))];
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(200, 0, 200, 0);
    const picked = vscode.commands.executeCommand('transcriptLens.showRoster');
    const rows = await quickPickShown();
    if (rows) {
      const labels = rows.map((row) => row.split('\n')[0].trim());
      assert.equal(new Set(labels).size, labels.length, `a speaker listed twice: ${labels.join(' | ')}`);
      assert.ok(rows.length <= speakers.length, `${rows.length} rows for ${speakers.length} speakers`);
      const daniel = rows.find((row) => row.includes('Daniel Zhang')) ?? '';
      const danielTurns = gold.turns.filter((turn) => turn.speaker === 'Daniel Zhang').length;
      assert.match(daniel, new RegExp(`${danielTurns} turns`));
      assert.match(daniel, /[\d,]+ words/);
      assert.match(daniel, /Chairman and Chief Executive Officer/);
    }
    // The third speaker to appear; in a list of every turn the third entry would be Daniel Zhang again.
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picked;
    const third = gold.turns.find((turn) => turn.speaker === speakers[2]);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, third?.line, `the cursor is on ${speakers[2]}'s first turn`);
  });
});

describe('First minutes: small things', () => {
  it('names the file of a workspace symbol once', async () => {
    const symbols = await waitFor('Daniel Zhang in the workspace', async () => {
      const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Daniel Zhang');
      return found.length > 0 ? found : undefined;
    });
    for (const symbol of symbols) {
      const file = symbol.location.uri.path.split('/').pop() ?? '';
      assert.ok(!symbol.containerName.includes(file), `"${symbol.containerName}" repeats the file name VS Code shows beside it`);
    }
    assert.ok(symbols.some((symbol) => symbol.containerName.includes('Chairman')), 'the role is still there');
  });

  it('explains an empty Speakers view in plain words, with no raw Markdown', async () => {
    const extension = vscode.extensions.getExtension('transcript-lens.transcript-lens');
    const welcome: Array<{ view: string; contents: string }> = extension?.packageJSON.contributes.viewsWelcome ?? [];
    const roster = welcome.find((entry) => entry.view === 'transcriptLens.roster');
    assert.ok(roster, 'the Speakers view has an empty-state text');
    assert.doesNotMatch(roster.contents, /[`*#]/, 'welcome text is not Markdown: backticks and asterisks show as typed');
    const uri = workspaceUri('no-speakers.transcript');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Notes for the call next week.\nNothing was said yet.\n'));
    try {
      await openLikeAUser(uri);
      await vscode.commands.executeCommand('transcriptLens.roster.focus');
      const shown = await waitFor('the Speakers view to explain itself', async () => {
        const texts = await workbenchTexts('.welcome-view-content');
        if (texts === undefined) return [];
        return texts.some((text) => text.includes('No speakers found')) ? texts : undefined;
      });
      for (const text of shown.filter((candidate) => candidate.includes('No speakers found'))) assert.doesNotMatch(text, /[`*]/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('says an unreadable figure\'s warning once in its hover', async () => {
    const document = await showTranscript(SEED_000);
    const diagnostic = await waitFor('the warning on 9.1', () => lensDiagnostics(document.uri).find((candidate) => document.getText(candidate.range) === '9.1'));
    const position = diagnostic.range.start.translate(0, 1);
    const card = await waitFor('the hover on 9.1', () => hoverText(document.uri, position));
    assert.match(card, /could not be read/);
    assert.ok(!card.includes(diagnostic.message) && !card.includes(diagnostic.message.replace(/[.?]/g, '\\$&')), 'the card leaves the warning to the editor');
    // What a person sees: the editor's own warning plus the card, the message once.
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await waitFor('the editor to have focus', () => (vscode.window.activeTextEditor?.document === document ? true : undefined));
    await vscode.commands.executeCommand('editor.action.showHover');
    const hover = await waitFor('the hover widget', async () => {
      const texts = await workbenchTexts('.monaco-hover:visible');
      if (texts === undefined) return '';
      const joined = texts.join('\n');
      return joined.includes('could not be read') ? joined : undefined;
    });
    if (hover) assert.equal(hover.split('states a change with no unit').length - 1, 1, hover);
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('opens the figures from the figure count and the roster from the turn count', async () => {
    const api = await extensionApi();
    const document = await showTranscript(SEED_000);
    const entries = await waitFor('both status bar entries', () => {
      const found = api.statusEntries();
      return found.some((entry) => /figures/.test(entry.text)) && found.some((entry) => /turns/.test(entry.text)) ? found : undefined;
    });
    assert.equal(entries.find((entry) => /figures/.test(entry.text))?.command, 'transcriptLens.showFigures');
    assert.equal(entries.find((entry) => /turns/.test(entry.text))?.command, 'transcriptLens.showRoster');
    const bar = await workbenchTexts('#workbench\\.parts\\.statusbar .statusbar-item');
    if (bar) {
      assert.ok(bar.some((text) => /figures/.test(text) && !/turns/.test(text)), `the figure count is an entry of its own: ${bar.join(' | ')}`);
    }

    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const picked = vscode.commands.executeCommand('transcriptLens.showFigures');
    const rows = await quickPickShown((found) => found.some((row) => row.includes('234 billion RMB')));
    if (rows) {
      const first = rows.find((row) => row.includes('234 billion RMB')) ?? '';
      assert.match(first, /Money/);
      assert.match(first, /234,000,000,000 CNY/);
      assert.match(first, /line 5/);
    }
    // The second figure of seed 000 is "14 %" on line 5.
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picked;
    const selection = vscode.window.activeTextEditor?.selection;
    assert.ok(selection, 'an editor is active');
    assert.equal(document.getText(selection), '14 %');
  });
});
