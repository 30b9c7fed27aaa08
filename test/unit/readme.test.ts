// The README documents what the product really has: every diagnostic code in the catalog,
// every setting and every command that package.json contributes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('README', () => {
  const codesSection = readme.split('<!-- diagnostic-codes:start -->')[1]?.split('<!-- diagnostic-codes:end -->')[0] ?? '';
  for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
    it(`lists the diagnostic code ${code} with its default severity`, () => {
      const row = codesSection.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      assert.ok(row, `no row for ${code} between the diagnostic-codes markers`);
      assert.ok(row.includes(`| ${info.defaultSeverity} |`), `the row for ${code} does not say ${info.defaultSeverity}`);
    });
  }
  it('lists no code that the catalog does not have', () => {
    const listed = [...codesSection.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(listed.filter((code) => !(code in DIAGNOSTIC_CODES)), []);
  });
  for (const setting of Object.keys(manifest.contributes.configuration.properties)) {
    it(`documents the setting ${setting}`, () => assert.ok(readme.includes(`\`${setting}\``)));
  }
  for (const command of manifest.contributes.commands as Array<{ title: string; category?: string }>) {
    it(`documents the command "${command.title}"`, () => assert.ok(readme.includes(`${command.category ?? 'Transcript Lens'}: ${command.title}`)));
  }
});
