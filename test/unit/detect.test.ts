// Which plain-text and Markdown documents the editor switches to the Transcript language.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeTranscript } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const corpus = join(root, '..', 'shared', 'corpus');

const SMALL_CALL = [
  '### **Mara Lindqvist** -- Chief Executive Officer',
  '',
  'Good morning. Revenue rose 12% to $4.1 billion this quarter.',
  '',
  '### **Tomas Reyes** -- Chief Financial Officer',
  '',
  'Thank you, Mara. Operating margin was 18.5%, up 2 percentage points.',
  '',
  '### Operator',
  '',
  'Our first question comes from Ines Park with Northbridge Securities.',
].join('\n');

const ARTICLE = [
  'Harbor Freight Lines reported quarterly revenue of $2.3 billion, up 7% year over year, as its CEO',
  'pointed to stronger demand. Operating income rose to $310 million and the company raised its full-year',
  'guidance. Analysts had expected earnings of $1.12 per share; free cash flow reached $180 million.',
].join('\n');

const CODE_README = [
  '# fast-csv-tools',
  '',
  'A small library for parsing CSV files. Version 2.3.1 is 40% faster than 1.x.',
  '',
  '## Usage',
  '',
  '```js',
  "const rows = parse(text, { delimiter: ',' });",
  '```',
  '',
  'Install: `npm install fast-csv-tools`. Parses 100 MB in about 2 seconds.',
].join('\n');

const NOVEL = [
  'It was late when the train reached the coast. She counted the lights along the harbor: three, then four,',
  'then a long dark gap before the lighthouse. Nobody spoke. The conductor said: tickets, please.',
  'Somewhere a dog barked twice, and the sea kept its own time.',
].join('\n');

describe('transcript detection', () => {
  it('recognizes a call with speaker headers', () => assert.equal(looksLikeTranscript(SMALL_CALL), true));
  it('recognizes an article about results with no speakers', () => assert.equal(looksLikeTranscript(ARTICLE), true));
  it('leaves a code README alone', () => assert.equal(looksLikeTranscript(CODE_README), false));
  it('recognizes numbered speakers, court transcripts, CJK labels and captions with first names', () => {
    assert.equal(looksLikeTranscript('Speaker 0: Welcome.\n\nSpeaker 1: Thanks.\n\nSpeaker 0: Go ahead.\n\nSpeaker 1: Sure.'), true);
    assert.equal(looksLikeTranscript('林晓峰：大家好。\n陈立：请问？\n林晓峰：谢谢。\n陈立：好的。'), true);
    assert.equal(looksLikeTranscript('MR. FALK: Good morning.\nTHE COURT: Proceed.\nMS. OYE: Objection.\nMR. FALK: Thank you.\nMS. OYE: Withdrawn.'), true);
    const captions = '1\n00:00:00,100 --> 00:00:02,000\nTravis: Hello.\n\n2\n00:00:02,100 --> 00:00:04,000\nSarah: Hi.\n\n3\n00:00:04,100 --> 00:00:06,000\nTravis: Bye.\n\n4\n00:00:06,100 --> 00:00:08,000\nSarah: Bye now.';
    assert.equal(looksLikeTranscript(captions), true);
  });
  it('leaves prose alone', () => assert.equal(looksLikeTranscript(NOVEL), false));
  it('leaves an empty document alone', () => assert.equal(looksLikeTranscript(''), false));
  it('leaves binary-looking text alone', () => assert.equal(looksLikeTranscript('PK\u0003\u0004\u0000\u0000revenue 5% 6% 7% CEO quarter'), false));
  it("leaves this project's own README alone", () => {
    assert.equal(looksLikeTranscript(readFileSync(join(root, 'README.md'), 'utf8')), false);
  });
  it('leaves the READMEs of our dependencies alone', () => {
    const readmes = ['mocha', 'typescript', 'esbuild', 'vscode-languageserver', 'playwright-core']
      .map((name) => join(root, 'node_modules', name, 'README.md'))
      .filter((path) => existsSync(path));
    assert.ok(readmes.length >= 3);
    for (const path of readmes) assert.equal(looksLikeTranscript(readFileSync(path, 'utf8')), false, path);
  });
  if (existsSync(corpus)) {
    for (const name of readdirSync(corpus).filter((n) => n.endsWith('.txt'))) {
      it(`recognizes the seed ${name}`, () => assert.equal(looksLikeTranscript(readFileSync(join(corpus, name), 'utf8')), true));
    }
  }
});
