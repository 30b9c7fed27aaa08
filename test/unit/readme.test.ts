// The README documents what the product really has: every diagnostic code in the catalog,
// every setting and every command that package.json contributes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, DIAGNOSTIC_CODES } from '../../server/src/engine';
import { hintLabel } from '../../server/src/features/inlayHints';

const root = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
/** A manifest string as the English UI shows it: "%key%" placeholders come from package.nls.json. */
const shown = (value: string) => value.replace(/^%([\w.-]+)%$/, (_, key: string) => nls[key] ?? value);

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
    const title = `${shown(command.category ?? 'Transcript Lens')}: ${shown(command.title)}`;
    it(`documents the command "${title}"`, () => assert.ok(readme.includes(title)));
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

describe('README claims about the editor', () => {
  it('gives transcripts the prose defaults it describes: word wrap, no suggestions, no boxes around look-alike characters', () => {
    assert.match(readme, /word wrap on, no suggestions while typing, and\s+no boxes around curly quotes/);
    const defaults = manifest.contributes.configurationDefaults['[transcript]'];
    assert.equal(defaults['editor.wordWrap'], 'on');
    assert.deepEqual(defaults['editor.quickSuggestions'], { other: 'off', comments: 'off', strings: 'off' });
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.equal(defaults['editor.unicodeHighlight.invisibleCharacters'], false);
  });

  it('shows the inlay hints the settings table promises, and none on its example of a repeat', () => {
    const row = readme.split('\n').find((line) => line.startsWith('| `transcriptLens.inlayHints.enabled` |')) ?? '';
    const promised = [...row.matchAll(/`([^`]+)` = ([^,;)]+)/g)].map((match) => ({ written: match[1], shown: match[2].trim() }));
    const repeat = /never a repeat of the text \(`([^`]+)`\)/.exec(row)?.[1];
    assert.ok(promised.length >= 3 && repeat, row);
    const sentence = 'Revenue was RMB 12 billion, up 14%; we expect mid single digit growth and the margin rose 1 percentage point.';
    const text = `### **Ann Vale** -- Chief Financial Officer\n\n${sentence}\n\n### **Bo Kim** -- Analyst\n\nThanks.\n`;
    const hints = analyze(text).figures.map((figure) => ({ text: figure.text, hint: hintLabel(figure, sentence)?.replace(/\u00a0/g, ' ') ?? null }));
    for (const { written, shown } of promised) {
      const figure = hints.find((candidate) => candidate.text.includes(written));
      assert.ok(figure?.hint?.includes(shown), `${written}: ${figure?.hint ?? 'no hint'} does not show ${shown}`);
    }
    assert.equal(hints.find((candidate) => candidate.text === repeat)?.hint, null);
  });
});
