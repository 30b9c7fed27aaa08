// Annotations in the real editor: annotate a passage of a seed (command and shortcut), see
// it drawn, hovered and counted in the Annotations view and the outline; close and reopen the
// document with a restarted server (so the sidecar is read again from disk) and see it again;
// edit lines above and see it follow; re-tag, edit the note, export CSV and check its rows;
// rename a file and see its annotations move with it. 9-annotations.reload.test.ts then checks
// them again after the runner reloads the whole window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ResolvedAnnotation } from '../../client/src/annotations/protocol';
import { copyWorkspaceFile, documentSymbols, extensionApi, hoverText, openDocument, PICTURE_CALL, positionOf, readGold, SEED_000, showTranscript, waitFor, workbenchTexts, workspaceUri } from './helpers';

const GUIDANCE = 'We started the fiscal year with a robust quarter.';
const RISK = 'Next, I will go through the results of each of our major businesses.';

async function select(document: vscode.TextDocument, passage: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const start = positionOf(document, passage);
  editor.selection = new vscode.Selection(start, start.translate(0, passage.length));
  return editor;
}

/** The drawn ranges of a tag, once the editor shows exactly `count` of them. */
async function drawn(uri: vscode.Uri, tag: string, count = 1): Promise<vscode.Range[]> {
  const api = await extensionApi();
  return waitFor(`${count} ${tag} decoration(s) in ${uri.path}`, () => {
    const ranges = api.annotations.decorations(uri.toString()).filter((entry) => entry.tag === tag).map((entry) => entry.range);
    return ranges.length === count ? ranges : undefined;
  });
}

/**
 * The Annotations view's rows as drawn, top to bottom, read by moving the keyboard focus down
 * the tree one row at a time; undefined when the runner cannot look at the page.
 */
async function walkAnnotationsView(limit: number): Promise<string[] | undefined> {
  await vscode.commands.executeCommand('transcriptLens.annotations.focus');
  await vscode.commands.executeCommand('list.focusFirst');
  const rows: string[] = [];
  while (rows.length < limit) {
    const focused = await workbenchTexts('#workbench\\.parts\\.sidebar .pane:has(.pane-header:has-text("Annotations")) .monaco-list-row.focused');
    if (focused === undefined) return undefined;
    const row = focused[0]?.replace(/\s+/g, ' ').trim();
    // At the last row the focus stays put.
    if (row === undefined || row === rows[rows.length - 1]) break;
    rows.push(row);
    await vscode.commands.executeCommand('list.focusDown');
  }
  return rows;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const character = text[i];
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += character;
  }
  return rows;
}

describe('Annotations', () => {
  const seed = workspaceUri(SEED_000);
  let guidance: ResolvedAnnotation;

  it('annotates a selection by command and by shortcut, and draws each in its tag colour', async () => {
    const document = await showTranscript(SEED_000);
    await select(document, GUIDANCE);
    const added = await vscode.commands.executeCommand<ResolvedAnnotation>('transcriptLens.annotate', 'Guidance', 'Robust start');
    assert.ok(added, 'the command returns the new annotation');
    guidance = added;
    assert.equal(added.speaker, readGold(SEED_000).turns.filter((turn) => turn.line <= added.range!.startLine).pop()?.speaker);
    const [range] = await drawn(seed, 'Guidance');
    assert.ok(range.isEqual(new vscode.Range(positionOf(document, GUIDANCE), positionOf(document, GUIDANCE).translate(0, GUIDANCE.length))));

    await select(document, RISK);
    // The third tag of the built-in code book is Risk: Ctrl+Alt+3 runs this command.
    await vscode.commands.executeCommand('transcriptLens.annotateWithTag3');
    await drawn(seed, 'Risk');

    const sidecar = JSON.parse(fs.readFileSync(`${seed.fsPath}.lens.json`, 'utf8'));
    assert.equal(sidecar.version, 2);
    assert.deepEqual(sidecar.annotations.map((entry: { tag: string }) => entry.tag).sort(), ['Guidance', 'Risk']);
  });

  it('shows the tag and note on hover, each tag with its count in the Annotations view, and the count in the outline', async () => {
    const api = await extensionApi();
    const document = await showTranscript(SEED_000);
    const hover = await waitFor('the annotation hover', async () => {
      const text = await hoverText(seed, positionOf(document, GUIDANCE).translate(0, 4));
      return text?.includes('Guidance') ? text : undefined;
    });
    assert.match(hover, /Robust start/);
    assert.match(hover, /made \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await api.annotations.refreshed();
    const tags = await waitFor('the Annotations view', () => {
      const roots = api.annotations.viewTags();
      return roots.length === 2 ? roots : undefined;
    });
    assert.deepEqual(tags, [{ tag: 'Guidance', count: 1 }, { tag: 'Risk', count: 1 }]);
    // The outline counts them at once, without an edit.
    const detail = await waitFor('the annotation count in the outline', async () => {
      const symbols = await documentSymbols(seed);
      const turn = symbols.flatMap((symbol) => [symbol, ...symbol.children])
        .find((symbol) => symbol.range.contains(positionOf(document, GUIDANCE)) && symbol.kind !== vscode.SymbolKind.Namespace);
      return turn?.detail.endsWith('· 2 annotations') ? turn.detail : undefined;
    }, 10_000);
    assert.ok(detail);
  });

  it('walks through annotations with Next/Previous and filters the Annotations view', async () => {
    const api = await extensionApi();
    const document = await showTranscript(SEED_000);
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('transcriptLens.nextAnnotation');
    assert.ok(editor.selection.active.isEqual(positionOf(document, GUIDANCE)));
    await vscode.commands.executeCommand('transcriptLens.nextAnnotation');
    assert.ok(editor.selection.active.isEqual(positionOf(document, RISK)));
    await vscode.commands.executeCommand('transcriptLens.previousAnnotation');
    assert.ok(editor.selection.active.isEqual(positionOf(document, GUIDANCE)));
    await vscode.commands.executeCommand('transcriptLens.filterAnnotations', 'ROBUST');
    assert.deepEqual(api.annotations.viewTags(), [{ tag: 'Guidance', count: 1 }]);
    await vscode.commands.executeCommand('transcriptLens.clearAnnotationFilter');
    assert.equal(api.annotations.viewTags().length, 2);
  });

  it('draws the annotations again after the document is closed and the server restarted', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the seed to close', () => (openDocument(seed) ? undefined : true), 10_000).catch(() => undefined);
    const pid = await api.serverProcessId();
    await vscode.commands.executeCommand('transcriptLens.restartServer');
    await api.whenServerRunning();
    await waitFor('a new server process', async () => {
      const now = await api.serverProcessId();
      return now !== undefined && now !== pid ? now : undefined;
    });
    const document = await showTranscript(SEED_000);
    const [range] = await drawn(seed, 'Guidance');
    assert.equal(range.start.line, positionOf(document, GUIDANCE).line);
    await drawn(seed, 'Risk');
    // The outline of the reopened document counts the turn's annotations.
    const symbols = await documentSymbols(seed);
    const flat = symbols.flatMap((symbol) => [symbol, ...symbol.children]);
    const turn = flat.find((symbol) => symbol.range.contains(positionOf(document, GUIDANCE)) && symbol.kind !== vscode.SymbolKind.Namespace);
    assert.match(turn?.detail ?? '', /· 2 annotations$/);
  });

  it('follows its passage when lines are added above it', async () => {
    const document = await showTranscript(SEED_000);
    const line = positionOf(document, GUIDANCE).line;
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), 'An inserted line.\nAnother one.\n'));
    const [range] = await waitFor('the decoration to move down two lines', async () => {
      const ranges = await drawn(seed, 'Guidance');
      return ranges[0].start.line === line + 2 ? ranges : undefined;
    });
    assert.equal(document.getText(range), GUIDANCE);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the decoration to move back', async () => ((await drawn(seed, 'Guidance'))[0].start.line === line ? true : undefined));
  });

  it('re-tags, edits the note and exports CSV rows with speaker, section, tag, note, text and line', async () => {
    const document = await showTranscript(SEED_000);
    const retagged = await vscode.commands.executeCommand<ResolvedAnnotation>('transcriptLens.retagAnnotation', { uri: seed.toString(), id: guidance.id }, 'Tone');
    assert.equal(retagged?.tag, 'Tone');
    await drawn(seed, 'Tone');
    const noted = await vscode.commands.executeCommand<ResolvedAnnotation>('transcriptLens.editAnnotationNote', { uri: seed.toString(), id: guidance.id }, '=cmd|"calc"');
    assert.equal(noted?.note, '=cmd|"calc"');

    await vscode.window.showTextDocument(document);
    const target = vscode.Uri.joinPath(seed, '..', 'annotations-export.csv');
    const text = await vscode.commands.executeCommand<string>('transcriptLens.exportAnnotations', { format: 'csv', target: target.toString() });
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), text);
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], ['file', 'speaker', 'role', 'section', 'tag', 'note', 'quoted text', 'line', 'state', 'created']);
    assert.equal(rows.length, 3);
    const gold = readGold(SEED_000);
    const speakerAt = (line: number) => gold.turns.filter((turn) => turn.line <= line).pop();
    const tone = rows.find((row) => row[4] === 'Tone')!;
    const toneLine = positionOf(document, GUIDANCE).line;
    assert.deepEqual([tone[0], tone[1], tone[5], tone[6], tone[7], tone[8]], [SEED_000, speakerAt(toneLine)!.speaker, `'=cmd|"calc"`, GUIDANCE, String(toneLine + 1), 'attached']);
    assert.equal(tone[3], speakerAt(toneLine)!.section ?? '');
    const risk = rows.find((row) => row[4] === 'Risk')!;
    assert.deepEqual([risk[6], risk[7]], [RISK, String(positionOf(document, RISK).line + 1)]);
    fs.rmSync(target.fsPath);
  });

  it('moves the annotations with a file renamed in the editor, and removes one', async () => {
    const api = await extensionApi();
    const original = workspaceUri('harbor-lights-q3.txt');
    const renamed = workspaceUri('harbor-lights-q3-renamed.txt');
    let document = await showTranscript('harbor-lights-q3.txt');
    const passage = 'We opened 3 new cross-dock hubs.';
    await select(document, passage);
    await vscode.commands.executeCommand('transcriptLens.annotate', 'Product', '');
    await drawn(original, 'Product');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(original, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the sidecar to follow the rename', () => (fs.existsSync(`${renamed.fsPath}.lens.json`) && !fs.existsSync(`${original.fsPath}.lens.json`) ? true : undefined));
    document = await showTranscript('harbor-lights-q3-renamed.txt');
    await drawn(renamed, 'Product');
    assert.deepEqual(api.annotations.annotations(renamed.toString()).map((annotation) => annotation.text), [passage]);

    await select(document, passage);
    assert.equal(await vscode.commands.executeCommand('transcriptLens.removeAnnotation'), true);
    await drawn(renamed, 'Product', 0);
    const back = new vscode.WorkspaceEdit();
    back.renameFile(renamed, original);
    await vscode.workspace.applyEdit(back);
  });

  it('checks a hand-edited sidecar against the contributed JSON schema', async () => {
    const sidecar = workspaceUri('schema-check.txt.lens.json');
    await vscode.workspace.fs.writeFile(sidecar, new TextEncoder().encode('{ "version": 7, "annotations": [ { "id": "", "tag": "Risk" } ] }\n'));
    try {
      const document = await vscode.workspace.openTextDocument(sidecar);
      await vscode.window.showTextDocument(document);
      const messages = await waitFor('schema problems in the sidecar', () => {
        const found = vscode.languages.getDiagnostics(sidecar).map((diagnostic) => diagnostic.message);
        return found.length >= 3 ? found : undefined;
      });
      assert.ok(messages.some((message) => /text/.test(message)), messages.join(' | '));
      assert.ok(messages.some((message) => /1, 2|enum|allowed/i.test(message)), messages.join(' | '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(sidecar);
    }
  });

  it('draws every tag of the Annotations view with its passages after quick tagging under several tags', async () => {
    const api = await extensionApi();
    // A copy no other test annotates, and a filter on its name, so the view holds only what this test adds.
    const name = 'quick-tagging-q2.txt';
    const copy = await copyWorkspaceFile(PICTURE_CALL, name);
    // Tags in the reverse of the code book's order, so each new tag is drawn above the ones before it.
    const passages: Array<[string, string]> = [
      ['Product', 'including our first two compact urban formats'],
      ['Risk', 'a very hot or wet summer can move the year by $200 million either way'],
      ['KPI', 'Sales to contractors and landscapers grew 11% and now make up 31% of net sales'],
      ['KPI', 'Sales that start online grew 18% and were 22% of net sales'],
      ['Guidance', 'we are raising our full-year guidance'],
    ];
    try {
      await vscode.commands.executeCommand('transcriptLens.filterAnnotations', name);
      await vscode.commands.executeCommand('workbench.view.explorer');
      await vscode.commands.executeCommand('transcriptLens.annotations.focus');
      const document = await showTranscript(name);
      for (const [tag, passage] of passages) {
        await select(document, passage);
        await vscode.commands.executeCommand('transcriptLens.annotate', tag, '');
      }
      await api.annotations.refreshed();
      const tags = api.annotations.viewTags().map(({ tag }) => tag);
      assert.deepEqual(tags, ['Guidance', 'KPI', 'Risk', 'Product']);
      // Each tag, then its file, then its passages in file order, as the view should draw them.
      const expected = tags.flatMap((tag) => {
        const under = passages.filter(([candidate]) => candidate === tag).map(([, passage]) => passage);
        under.sort((a, b) => positionOf(document, a).compareTo(positionOf(document, b)));
        return [tag, name, ...under];
      });
      // The rows as drawn, walked from the keyboard (the view may be too short to draw all at once).
      const walked = await waitFor('the Annotations view to draw every passage under its tag', async () => {
        const rows = await walkAnnotationsView(expected.length + 2);
        if (rows === undefined) return [];
        const complete = rows.length === expected.length && rows.every((row, index) => row.startsWith(expected[index].slice(0, 40)));
        return complete ? rows : undefined;
      }, 20_000).catch(async (error) => {
        throw new Error(`${(error as Error).message}: drawn ${JSON.stringify(await walkAnnotationsView(expected.length + 2))}`);
      });
      assert.ok(walked);
    } finally {
      await vscode.commands.executeCommand('transcriptLens.clearAnnotationFilter');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(copy);
      await vscode.workspace.fs.delete(vscode.Uri.file(`${copy.fsPath}.lens.json`));
    }
  });
});
