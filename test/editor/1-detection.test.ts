// Language detection: transcripts switch to the Transcript language by themselves, prose
// stays as it is, and a user's switch back is respected.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { detectionOutcome, detectionState, extensionApi, openDocument, OWN_CALL, SEED_000, showFile, showTranscript, waitFor, workspaceUri } from './helpers';

describe('Detection', () => {
  it('switches seed 000 from plain text to transcript with no user action', async () => {
    // A .txt file opens as plain text; the switch can land before showFile returns, so only
    // the end state is asserted here (the detection-off test shows it is not the file name).
    await showFile(SEED_000);
    const document = await showTranscript(SEED_000);
    // The switch came from the server's detection notice, not from a file association.
    assert.equal(await detectionOutcome(document.uri), 'switched');
  });

  it('switches every seed text, calls and articles alike, with no user action', async () => {
    const seeds = (await vscode.workspace.findFiles('*.txt'))
      .map((uri) => uri.path.split('/').pop() ?? '')
      .filter((name) => /^\d{3}_[0-9a-f]+\.txt$/.test(name))
      .sort();
    assert.ok(seeds.length >= 5, `expected the five seeds in the workspace, found ${seeds.join(', ')}`);
    const api = await extensionApi();
    for (const seed of seeds) {
      const document = await showTranscript(seed);
      assert.ok(api.detectionOutcomes(document.uri).includes('switched'), `${seed} was switched by detection`);
    }
  });

  it('switches our own invented call too', async () => {
    const document = await showTranscript(OWN_CALL);
    assert.equal(await detectionOutcome(document.uri), 'switched');
  });

  for (const [name, language] of [
    ['README.md', 'markdown'],
    ['meeting-notes.txt', 'plaintext'],
  ] as const) {
    it(`leaves prose ${name} as ${language}`, async () => {
      await showFile(name);
      const state = await detectionState(workspaceUri(name));
      assert.deepEqual([state.languageId, state.looksLikeTranscript, state.notified], [language, false, false]);
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
    // The server has the document as a transcript too, and the choice is remembered.
    assert.equal((await detectionState(document.uri)).languageId, 'transcript');
    assert.equal((await extensionApi()).rememberedLanguage(document.uri), 'transcript');
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
      // The server read the file, saw a transcript and the setting off, and said nothing.
      const state = await detectionState(uri);
      assert.deepEqual([state.detectionEnabled, state.looksLikeTranscript, state.notified], [false, true, false]);
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
    const api = await extensionApi();
    const seen = api.detectionOutcomes(transcript.uri).length;
    const plain = await vscode.languages.setTextDocumentLanguage(transcript, 'plaintext');
    assert.equal(plain.languageId, 'plaintext');
    // Reopened as plain text, the document is detected again; the notice must meet the opt-out.
    assert.equal(await detectionOutcome(plain.uri, seen), 'opted-out');
    // An edit makes the server read it again; it still stays plain text.
    const editor = await vscode.window.showTextDocument(plain);
    await editor.edit((builder) => builder.insert(new vscode.Position(plain.lineCount, 0), '\n'));
    assert.equal((await detectionState(plain.uri)).languageId, 'plaintext');
    const current = openDocument(workspaceUri(name));
    assert.equal(current?.languageId, 'plaintext', 'the opt-out holds after the server sees the document again');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // Lifting the opt-out by hand restores the transcript features for the rest of the suite.
    await vscode.commands.executeCommand('transcriptLens.treatAsTranscript');
    await showTranscript(name);
  });
});
