// Language detection: transcripts switch to the Transcript language by themselves, prose
// stays as it is, and a user's switch back is respected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openDocument, OWN_CALL, SEED_000, showFile, showTranscript, sleep, waitFor, workspaceUri } from './helpers';

/** Long enough for the server to have analyzed a document and sent any detection notice. */
const SETTLE_MS = 2500;

describe('Detection', () => {
  it('switches seed 000 from plain text to transcript with no user action', async () => {
    // A .txt file opens as plain text; the switch can land before showFile returns, so only
    // the end state is asserted here (the detection-off test shows it is not the file name).
    await showFile(SEED_000);
    const document = await showTranscript(SEED_000);
    assert.equal(document.languageId, 'transcript');
  });

  it('switches every seed text, calls and articles alike, with no user action', async () => {
    const seeds = (await vscode.workspace.findFiles('*.txt'))
      .map((uri) => uri.path.split('/').pop() ?? '')
      .filter((name) => /^\d{3}_[0-9a-f]+\.txt$/.test(name))
      .sort();
    assert.ok(seeds.length >= 5, `expected the five seeds in the workspace, found ${seeds.join(', ')}`);
    for (const seed of seeds) {
      const document = await showTranscript(seed);
      assert.equal(document.languageId, 'transcript', seed);
    }
  });

  it('switches our own invented call too', async () => {
    const document = await showTranscript(OWN_CALL);
    assert.equal(document.languageId, 'transcript');
  });

  for (const [name, language] of [
    ['README.md', 'markdown'],
    ['meeting-notes.txt', 'plaintext'],
  ] as const) {
    it(`leaves prose ${name} as ${language}`, async () => {
      await showFile(name);
      await sleep(SETTLE_MS);
      assert.equal(openDocument(workspaceUri(name))?.languageId, language);
    });
  }

  it('switches prose by hand with "Treat Document as Transcript"', async () => {
    await showFile('meeting-notes.txt');
    await vscode.commands.executeCommand('transcriptLens.treatAsTranscript');
    const document = await waitFor('the manual switch', () => {
      const current = openDocument(workspaceUri('meeting-notes.txt'));
      return current?.languageId === 'transcript' ? current : undefined;
    });
    assert.equal(document.languageId, 'transcript');
    await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
  });

  it('leaves a transcript as plain text while detection is turned off', async () => {
    const settings = vscode.workspace.getConfiguration('transcriptLens');
    const uri = workspaceUri('detection-off.txt');
    const ownCall = await vscode.workspace.fs.readFile(workspaceUri(OWN_CALL));
    await vscode.workspace.fs.writeFile(uri, ownCall);
    await settings.update('detection.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await showFile('detection-off.txt');
      await sleep(SETTLE_MS);
      assert.equal(openDocument(uri)?.languageId, 'plaintext');
    } finally {
      await settings.update('detection.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('never switches again a transcript the user set back to plain text', async () => {
    const name = 'harbor-lights-q3.txt';
    const transcript = await showTranscript(name);
    const plain = await vscode.languages.setTextDocumentLanguage(transcript, 'plaintext');
    assert.equal(plain.languageId, 'plaintext');
    // An edit makes the server read the document again and notice it looks like a transcript.
    const editor = await vscode.window.showTextDocument(plain);
    await editor.edit((builder) => builder.insert(new vscode.Position(plain.lineCount, 0), '\n'));
    await sleep(SETTLE_MS);
    const current = openDocument(workspaceUri(name));
    assert.equal(current?.languageId, 'plaintext', 'the opt-out holds after the server sees the document again');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // Lifting the opt-out by hand restores the transcript features for the rest of the suite.
    await vscode.commands.executeCommand('transcriptLens.treatAsTranscript');
    await showTranscript(name);
  });
});
