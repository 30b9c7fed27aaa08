// The README documents what the product really has: every diagnostic code in the catalog,
// every setting and every command that package.json contributes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DIAGNOSTIC_CODES } from '../../server/src/engine';

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

describe('README claims about what gets flagged', () => {
  const row = readme.split('\n').find((line) => line.startsWith('| `escaped-symbol` |')) ?? '';
  /** A two-turn call of our own with the sentence in the first turn. */
  const callWith = (sentence: string) => `### **Ann Vale** -- Chief Financial Officer\n\n${sentence}\n\n### **Bo Kim** -- Analyst\n\nThanks.\n`;
  const codesIn = (sentence: string) => analyze(callWith(sentence)).diagnostics.map((diagnostic) => diagnostic.code);
  const [flaggedPart, notFlaggedPart] = row.split('is not flagged');
  const flagged = [...(flaggedPart ?? '').split('A single')[0].matchAll(/`([^`]*\d[^`]*)`/g)].map((match) => match[1]);

  it('gives escaped-symbol examples', () => assert.ok(flagged.length >= 2, row));
  for (const example of flagged) {
    it(`flags ${example} with escaped-symbol, as the README says`, () => {
      assert.ok(codesIn(`Revenue was ${example} in the quarter.`).includes('escaped-symbol'));
    });
  }
  it('reads a single \\$ before an amount as $ without a warning, as the README says', () => {
    assert.ok(notFlaggedPart !== undefined && flaggedPart.includes('A single `\\$`'), row);
    const analysis = analyze(callWith('Net cash was \\$57.8 billion at the end of the quarter.'));
    assert.deepEqual(analysis.diagnostics.map((diagnostic) => diagnostic.code), []);
    const figure = analysis.figures.find((candidate) => candidate.text.includes('57.8'));
    assert.equal(figure?.kind, 'money');
    assert.equal(figure?.unit, 'USD');
    assert.equal(figure?.value, 57_800_000_000);
  });
});
