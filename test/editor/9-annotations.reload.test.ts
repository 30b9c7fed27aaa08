// The second phase of the suite, after the runner reloads the whole window: the annotations
// made in 8-annotations.test.ts are read from their sidecar and drawn again where they were.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { extensionApi, positionOf, SEED_000, showTranscript, waitFor, workspaceUri } from './helpers';

describe('Annotations after a window reload', () => {
  it('draws every annotation of seed 000 again, on its passage', async () => {
    const api = await extensionApi();
    const seed = workspaceUri(SEED_000);
    const stored: Array<{ tag: string; text: string }> = JSON.parse(fs.readFileSync(`${seed.fsPath}.lens.json`, 'utf8')).annotations;
    assert.ok(stored.length >= 2, `the first phase left annotations: ${stored.length}`);
    const document = await showTranscript(SEED_000);
    const drawn = await waitFor('the annotations to be drawn again', () => {
      const found = api.annotations.decorations(seed.toString());
      return found.length === stored.length ? found : undefined;
    });
    for (const annotation of stored) {
      const start = positionOf(document, annotation.text);
      const expected = new vscode.Range(start, start.translate(0, annotation.text.length));
      assert.ok(drawn.some((entry) => entry.tag === annotation.tag && entry.range.isEqual(expected)), `${annotation.tag} on "${annotation.text}"`);
    }
  });
});
