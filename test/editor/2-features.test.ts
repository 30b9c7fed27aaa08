// The editor features a reader of a call uses, checked against the seeds' hand-made gold:
// outline, hovers, diagnostics and quick fixes, speaker search, references and rename.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  diagnosticCode,
  documentSymbols,
  extensionApi,
  hoverText,
  lensDiagnostics,
  OWN_CALL,
  positionOf,
  readGold,
  SEED_000,
  SEED_001,
  showTranscript,
  waitFor,
} from './helpers';

describe('Outline', () => {
  it('nests the turns of seed 000 under its sections, as the gold has them', async () => {
    const document = await showTranscript(SEED_000);
    const symbols = await documentSymbols(document.uri);
    const gold = readGold(SEED_000);
    const sections = [...new Set(gold.turns.map((turn) => turn.section))];
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      sections,
      'top-level symbols are the sections',
    );
    for (const section of symbols) {
      const expected = gold.turns.filter((turn) => turn.section === section.name);
      assert.deepEqual(
        section.children.map((child) => child.name),
        expected.map((turn) => turn.speaker),
        `speakers under ${section.name}`,
      );
      assert.deepEqual(
        section.children.map((child) => child.range.start.line),
        expected.map((turn) => turn.line),
        `turn lines under ${section.name}`,
      );
    }
    const daniel = symbols[0].children[0];
    assert.equal(daniel.name, 'Daniel Zhang');
    assert.match(daniel.detail, /Chairman and Chief Executive Officer/);
    const selected = document.getText(daniel.selectionRange);
    assert.equal(selected, 'Daniel Zhang', 'the selection range is the name in the header');
  });
});

describe('Hover', () => {
  it('shows a money figure in full and in compact form with its currency', async () => {
    const document = await showTranscript(SEED_000);
    const position = positionOf(document, '234 billion RMB', 4).translate(0, 2);
    const text = await waitFor('a hover on 234 billion RMB', () => hoverText(document.uri, position));
    assert.match(text, /234,000,000,000 CNY/);
    assert.match(text, /234(\.0+)?\s?B CNY/);
    assert.match(text, /money/i);
  });

  it('shows a percentage-point change with its basis points', async () => {
    const document = await showTranscript(SEED_000);
    const position = positionOf(document, '1 percentage point', 80).translate(0, 4);
    const text = await waitFor('a hover on 1 percentage point', () => hoverText(document.uri, position));
    assert.match(text, /100\s?bp/);
    assert.match(text, /percentage point/i);
  });

  it('shows a fuzzy figure as its range', async () => {
    const document = await showTranscript(SEED_001);
    const position = positionOf(document, 'mid single digit', 12).translate(0, 5);
    const text = await waitFor('a hover on mid single digit', () => hoverText(document.uri, position));
    assert.match(text, /4(\.0+)?\s?%?\s?(–|-|to)\s?6(\.0+)?\s?%/);
  });

  it('has no hover on words that are not figures', async () => {
    const document = await showTranscript(SEED_000);
    const position = positionOf(document, 'Greetings', 10).translate(0, 3);
    assert.equal(await hoverText(document.uri, position), undefined);
  });
});

describe('Diagnostics and quick fixes', () => {
  it('warns on the unreadable "9.1" of seed 000 and nowhere near the readable figures', async () => {
    const document = await showTranscript(SEED_000);
    const diagnostic = await waitFor('a diagnostic on 9.1', () =>
      lensDiagnostics(document.uri).find((candidate) => document.getText(candidate.range) === '9.1'),
    );
    assert.equal(diagnostic.range.start.line, 20);
    assert.equal(diagnosticCode(diagnostic), 'unparsed-figure');
    const onRevenue = lensDiagnostics(document.uri).filter((candidate) => candidate.range.start.line === 4);
    assert.deepEqual(onRevenue, [], 'the resolved figures of line 4 carry no diagnostic');
  });

  it('applies a quick fix and the diagnostic goes away', async () => {
    const document = await showTranscript(OWN_CALL);
    const figureStart = positionOf(document, '4.2 year-on-year');
    const diagnostic = await waitFor('a diagnostic on 4.2', () =>
      lensDiagnostics(document.uri).find((candidate) => candidate.range.contains(figureStart)),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // The API command drops CodeAction.diagnostics, so a fix is recognised by where it edits.
    const editsTheFigure = (action: vscode.CodeAction) =>
      action.edit?.get(document.uri).some((edit) => edit.range.intersection(diagnostic.range.with(undefined, diagnostic.range.end.translate(0, 1)))) ?? false;
    const fix = actions.find(editsTheFigure);
    assert.ok(fix?.edit, `a quick fix editing the figure among: ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('the diagnostic to go away', () =>
      lensDiagnostics(document.uri).some((candidate) => candidate.range.contains(figureStart)) ? undefined : true,
    );
    assert.notEqual(document.lineAt(figureStart.line).text.indexOf('4.2'), -1, 'the figure itself stays');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

describe('Speakers across the workspace', () => {
  it('finds a speaker in both seeds with workspace symbol search', async () => {
    const found = await waitFor('Daniel Zhang in two files', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Daniel Zhang');
      const files = new Set(symbols.filter((symbol) => symbol.name.includes('Daniel Zhang')).map((symbol) => symbol.location.uri.path.split('/').pop()));
      return files.has(SEED_000) && files.has(SEED_001) ? files : undefined;
    });
    assert.ok(found.size >= 2);
  });

  it('lists every turn header of a speaker as references', async () => {
    const document = await showTranscript(OWN_CALL);
    const position = positionOf(document, 'Mara Lindqvist** -- Chief').translate(0, 2);
    const locations = await waitFor('references of Mara Lindqvist', async () => {
      const result = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
      return result && result.length > 0 ? result : undefined;
    });
    const headerLines = locations
      .filter((location) => location.uri.toString() === document.uri.toString())
      .map((location) => location.range.start.line)
      .sort((a, b) => a - b);
    const expected = [...Array(document.lineCount).keys()].filter((line) => document.lineAt(line).text.startsWith('### **Mara Lindqvist**'));
    assert.deepEqual(headerLines, expected);
  });

  it('renames a speaker in every header and undo restores the text', async () => {
    const document = await showTranscript(OWN_CALL);
    const before = document.getText();
    const position = positionOf(document, 'Tomas Brenner**').translate(0, 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, 'Tomas Brenner-Holt');
    assert.ok(edit, 'the server offers a rename');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const renamed = document.getText();
    assert.equal((renamed.match(/### \*\*Tomas Brenner-Holt\*\* -- Chief Financial Officer/g) ?? []).length, 1);
    assert.doesNotMatch(renamed, /\*\*Tomas Brenner\*\*/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => (document.getText() === before ? true : undefined), 5000);
    assert.equal(document.getText(), before);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});

describe('Roster and status bar', () => {
  it('lists each speaker of seed 000 with turns and words, and counts turns in the status bar', async () => {
    const api = await extensionApi();
    await showTranscript(SEED_000);
    const gold = readGold(SEED_000);
    const roster = await waitFor('the roster of seed 000', () => {
      const entries = api.roster();
      return entries.some((entry) => entry.speaker === 'Daniel Zhang') ? entries : undefined;
    });
    const daniel = roster.find((entry) => entry.speaker === 'Daniel Zhang');
    const danielTurns = gold.turns.filter((turn) => turn.speaker === 'Daniel Zhang');
    assert.equal(daniel?.turns, danielTurns.length);
    assert.deepEqual(daniel?.lines, danielTurns.map((turn) => turn.line));
    assert.ok((daniel?.words ?? 0) > 100, 'words spoken are counted');
    assert.equal(roster[0].speaker, gold.turns[0].speaker, 'sorted by first appearance');
    const status = await waitFor('the status bar text', () => (api.statusText().includes('turns') ? api.statusText() : undefined));
    assert.match(status, new RegExp(`\\b${gold.turns.length} turns\\b`));
    assert.match(status, /\b\d{2,} figures\b/, 'the status bar counts the figures too');
  });

  it('jumps to a turn with the roster command', async () => {
    const document = await showTranscript(SEED_000);
    const targetLine = readGold(SEED_000).turns[3].line;
    await vscode.commands.executeCommand('transcriptLens.revealTurn', document.uri, targetLine);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, targetLine);
  });
});
