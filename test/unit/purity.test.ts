// The engine stays pure: no editor, protocol or file-system imports anywhere under it.
// (Its tsconfig has no Node types either, so such an import would not type-check.)
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const engineDir = join(__dirname, '..', '..', '..', 'server', 'src', 'engine');
const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)['"](vscode|vscode-languageserver[\w/-]*|vscode-languageclient[\w/-]*|(?:node:)?fs(?:\/promises)?|(?:node:)?child_process|(?:node:)?net|(?:node:)?http|(?:node:)?https)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('engine purity', () => {
  const files = sources(engineDir);
  it('finds the engine sources', () => assert.ok(files.length >= 3));
  for (const file of files) {
    it(`${file.slice(engineDir.length + 1)} imports nothing from vscode, the LSP libraries or fs`, () => {
      const match = FORBIDDEN.exec(readFileSync(file, 'utf8'));
      assert.equal(match, null, match ? `forbidden import of "${match[1]}"` : '');
    });
  }
  it('the check itself catches a forbidden import', () => {
    assert.ok(FORBIDDEN.test(`import { readFileSync } from 'node:fs';`));
    assert.ok(FORBIDDEN.test(`import * as vscode from 'vscode';`));
    assert.ok(FORBIDDEN.test(`import { Range } from 'vscode-languageserver/node';`));
  });
});
