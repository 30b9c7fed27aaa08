// The server's annotation helpers: the sidecar format (version 2, version 1 read, invalid or
// newer files refused; serialized atomic writes; moves), the code book, the CSV and Markdown
// exports and the CLI command.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { annotationsCommand } from '../../server/src/annotationsCli';
import { chooseCodebook, DEFAULT_CODEBOOK } from '../../server/src/annotationsCodebook';
import { annotationsToCsv, annotationsToMarkdown, csvField } from '../../server/src/annotationsExport';
import type { DocumentAnnotations } from '../../server/src/annotationsProtocol';
import type { ResolvedAnnotation } from '../../server/src/engine/anchors';
import { nodeFiles } from '../../server/src/nodeFiles';
import { parseSidecarText, serializeSidecar, SidecarStore } from '../../server/src/sidecar';

const STORED = { id: 'a1', tag: 'Risk', note: 'watch', created: '2027-01-05T10:00:00.000Z', text: 'supply is tight', before: 'we think ', after: ' this year', line: 7 };

function annotation(overrides: Partial<ResolvedAnnotation>): ResolvedAnnotation {
  return {
    id: 'a', tag: 'Guidance', note: '', created: '2027-01-05T10:00:00.000Z', state: 'attached',
    range: { startLine: 9, startCharacter: 0, endLine: 9, endCharacter: 10 }, text: 'quoted',
    speaker: 'Ines Okafor', role: 'Chief Executive Officer', speakerKind: 'management', section: 'Prepared Remarks',
    anchor: { text: 'quoted', before: '', after: '' }, ...overrides,
  };
}

describe('annotation sidecar format', () => {
  it('reads version 2 and keeps only well-formed annotations', () => {
    const state = parseSidecarText(JSON.stringify({ version: 2, checked: [], annotations: [STORED, { id: '', tag: 'x' }, { ...STORED, line: -1 }] }));
    assert.equal(state.error, null);
    assert.deepEqual(state.annotations, [STORED]);
  });

  it('reads a version 1 file (checked figures only) and writes it back as version 2', () => {
    const checked = { text: '9.1', before: 'a ', after: ' rise', kind: 'percent', value: 0.091, unit: '%' };
    const state = parseSidecarText(JSON.stringify({ version: 1, checked: [checked] }));
    assert.deepEqual(state, { checked: [checked], annotations: [], error: null });
    const written = JSON.parse(serializeSidecar({ checked: state.checked, annotations: [STORED] }));
    assert.deepEqual(written, { version: 2, checked: [checked], annotations: [STORED] });
  });

  it('calls invalid JSON, a non-object and a newer version errors, so they are not overwritten', () => {
    assert.match(parseSidecarText('{oops').error ?? '', /not valid JSON/);
    assert.match(parseSidecarText('[]').error ?? '', /not a JSON object/);
    assert.match(parseSidecarText('{"version": 3}').error ?? '', /version 3, newer/);
  });
});

describe('code book', () => {
  it('is the earnings-call book by default', () => {
    const book = chooseCodebook(undefined, []);
    assert.equal(book.source, 'default');
    assert.deepEqual(book.tags.map((tag) => tag.name), ['Guidance', 'KPI', 'Risk', 'Capital return', 'Product', 'Competition', 'Tone']);
    assert.equal(DEFAULT_CODEBOOK.length, 7);
  });

  it('prefers the workspace file over settings, skips bad entries and reports them', () => {
    const book = chooseCodebook({ tags: [{ name: 'Theme', color: '#ABC' }, { color: '#123456' }, { name: 'theme' }, 'Plain'] }, [{ name: 'From settings' }]);
    assert.equal(book.source, 'workspace');
    assert.deepEqual(book.tags.map((tag) => [tag.name, tag.color]), [['Theme', '#aabbcc'], ['Plain', book.tags[1].color]]);
    assert.equal(book.problems.length, 2);
    assert.equal(chooseCodebook(undefined, [{ name: 'From settings', color: 'red' }]).source, 'settings');
    assert.match(chooseCodebook(undefined, [{ name: 'From settings', color: 'red' }]).problems[0], /not #rrggbb/);
  });
});

describe('annotation export', () => {
  it('quotes CSV fields per RFC 4180 and defuses spreadsheet formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)']) assert.equal(csvField(formula), `'${formula}`);
    assert.equal(csvField('=A1,B1'), `"'=A1,B1"`);
  });

  it('writes one CRLF row per annotation, detached ones with no line', () => {
    const documents: DocumentAnnotations[] = [{ uri: 'file:///w/call.txt', error: null, annotations: [
      annotation({ note: 'n, 1' }),
      annotation({ id: 'b', tag: 'Risk', state: 'detached', range: null, speaker: null, role: null, section: null }),
    ] }];
    const csv = annotationsToCsv(documents, () => 'call.txt');
    assert.deepEqual(csv.split('\r\n'), [
      'file,speaker,role,section,tag,note,quoted text,line,state,created',
      'call.txt,Ines Okafor,Chief Executive Officer,Prepared Remarks,Guidance,"n, 1",quoted,10,attached,2027-01-05T10:00:00.000Z',
      'call.txt,,,,Risk,,quoted,,detached,2027-01-05T10:00:00.000Z',
      '',
    ]);
  });

  it('groups Markdown quotes by tag in code-book order, with speaker, section and line', () => {
    const documents: DocumentAnnotations[] = [{ uri: 'file:///w/call.txt', error: null, annotations: [
      annotation({ tag: 'Tone', text: 'We are *very* confident' }),
      annotation({ tag: 'Guidance', text: 'Two\nlines', note: 'check' }),
    ] }];
    const markdown = annotationsToMarkdown(documents, () => 'call.txt', ['Guidance', 'Tone']);
    assert.ok(markdown.indexOf('## Guidance (1)') < markdown.indexOf('## Tone (1)'));
    assert.match(markdown, /> Two\n> lines\n\n— \*\*Ines Okafor\*\*, Chief Executive Officer · Prepared Remarks · call\.txt:10\n\nNote: check/);
    assert.match(markdown, /We are \\\*very\\\* confident/);
  });
});

describe('transcript-lens annotations (CLI)', () => {
  const TEXT = '## Prepared Remarks\n\n### **Ines Okafor** -- Chief Executive Officer\n\nA new line above.\nGood morning. We expect revenue to grow in the high single digits next year, led by headsets.\n';
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'transcript-lens-cli-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function run(args: string[]): { status: number; out: string } {
    let out = '';
    const status = annotationsCommand(args, (text) => (out += text));
    return { status, out };
  }

  it('prints the annotations of a file as CSV, Markdown or JSON, resolved against its text now', () => {
    const file = join(folder, 'call.txt');
    writeFileSync(file, TEXT);
    const stored = { ...STORED, tag: 'Guidance', note: '', text: 'We expect revenue to grow in the high single digits next year', before: 'Good morning. ', after: ', led by headsets.', line: 3 };
    writeFileSync(`${file}.lens.json`, JSON.stringify({ version: 2, checked: [], annotations: [stored] }));
    const csv = run([file, '--csv']);
    assert.equal(csv.status, 0);
    assert.equal(csv.out.split('\r\n')[1], `${file},Ines Okafor,Chief Executive Officer,Prepared Remarks,Guidance,,${stored.text},6,attached,${STORED.created}`);
    assert.match(run([file, '--md']).out, /## Guidance \(1\)\n\n> We expect revenue/);
    const json = JSON.parse(run([file, '--json']).out);
    assert.equal(json[0].annotations[0].speaker, 'Ines Okafor');
  });

  it('exits 2 for a missing file, an invalid sidecar or an unknown option', () => {
    const file = join(folder, 'call.txt');
    writeFileSync(file, TEXT);
    writeFileSync(`${file}.lens.json`, '{broken');
    assert.equal(run([file]).status, 2);
    assert.equal(run([join(folder, 'missing.txt')]).status, 2);
    assert.equal(run([file, '--xml']).status, 2);
  });
});

describe('sidecar store', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'transcript-lens-sidecar-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;

  it('runs concurrent writes one after another, so none is lost, and leaves no temporary file', async () => {
    const store = new SidecarStore(nodeFiles);
    const uri = uriOf('call.txt');
    await Promise.all(Array.from({ length: 8 }, (_, index) => store.update(uri, (content) => ({
      ...content, annotations: [...content.annotations, { ...STORED, id: `id${index}` }],
    }))));
    const written = parseSidecarText(readFileSync(join(folder, 'call.txt.lens.json'), 'utf8'));
    assert.deepEqual(written.annotations.map((annotation) => annotation.id).sort(), ['id0', 'id1', 'id2', 'id3', 'id4', 'id5', 'id6', 'id7']);
    assert.deepEqual(readdirSync(folder), ['call.txt.lens.json']);
  });

  it('refuses to write over a sidecar that is not valid JSON, and reports it once read', async () => {
    const store = new SidecarStore(nodeFiles);
    const reported: string[] = [];
    store.onInvalid = (path, reason) => reported.push(`${path}: ${reason}`);
    const uri = uriOf('broken.txt');
    writeFileSync(join(folder, 'broken.txt.lens.json'), '{"version": 2,');
    assert.match((await store.load(uri)).error ?? '', /not valid JSON/);
    assert.equal(reported.length, 1);
    await assert.rejects(store.update(uri, (content) => content), /was not changed/);
    assert.equal(readFileSync(join(folder, 'broken.txt.lens.json'), 'utf8'), '{"version": 2,');
  });

  it('moves a sidecar with its renamed transcript, but never over an existing one', async () => {
    const store = new SidecarStore(nodeFiles);
    await store.update(uriOf('a.txt'), (content) => ({ ...content, annotations: [STORED] }));
    assert.equal(await store.move(uriOf('a.txt'), uriOf('b.txt')), true);
    assert.deepEqual(readdirSync(folder), ['b.txt.lens.json']);
    writeFileSync(join(folder, 'c.txt.lens.json'), '{"version": 2}');
    await assert.rejects(store.move(uriOf('b.txt'), uriOf('c.txt')), /already exists/);
    assert.deepEqual(readdirSync(folder).sort(), ['b.txt.lens.json', 'c.txt.lens.json']);
    assert.equal(await store.move(uriOf('none.txt'), uriOf('other.txt')), false);
  });
});
