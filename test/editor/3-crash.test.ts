// A crashed language server comes back by itself, and the user's unsaved text is untouched.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { documentSymbols, extensionApi, OWN_CALL, showTranscript, waitFor } from './helpers';

describe('Server crash', () => {
  it('restarts a killed server, keeps the unsaved edit and serves features again', async () => {
    const api = await extensionApi();
    await api.whenServerRunning();
    const document = await showTranscript(OWN_CALL);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((builder) => builder.insert(new vscode.Position(document.lineCount, 0), '\nUnsaved note: check the fleet count.\n'));
    const textBefore = document.getText();
    assert.ok(document.isDirty);

    const pid = await api.serverProcessId();
    assert.ok(pid, 'the server runs in its own process');
    process.kill(pid, 'SIGKILL');
    const newPid = await waitFor('a new server process', async () => {
      const current = await api.serverProcessId();
      return current && current !== pid ? current : undefined;
    });
    await api.whenServerRunning();
    assert.notEqual(newPid, pid);
    assert.throws(() => process.kill(pid, 0), 'the old server is gone');

    assert.equal(document.getText(), textBefore, 'the unsaved edit is intact');
    assert.ok(document.isDirty, 'the document is still unsaved');
    const symbols = await documentSymbols(document.uri);
    assert.ok(symbols.some((section) => section.children.some((turn) => turn.name === 'Mara Lindqvist')));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('restarts on the "Restart Language Server" command', async () => {
    const api = await extensionApi();
    const pid = await api.serverProcessId();
    await vscode.commands.executeCommand('transcriptLens.restartServer');
    await api.whenServerRunning();
    const newPid = await waitFor('a new server process', async () => {
      const current = await api.serverProcessId();
      return current && current !== pid ? current : undefined;
    });
    assert.notEqual(newPid, pid);
    const document = await showTranscript(OWN_CALL);
    assert.ok((await documentSymbols(document.uri)).length > 0);
  });
});
