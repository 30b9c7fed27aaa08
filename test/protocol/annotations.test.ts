// Annotations over real JSON-RPC: adding, re-tagging, editing the note and removing through
// the custom requests and the code action on a selection; the sidecar on disk (version 2,
// version 1 read, invalid JSON never overwritten); following edits; hover, outline counts,
// the code book from the workspace, export and moving the sidecar on rename.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import type { Codebook, DocumentAnnotations, ResolvedAnnotation } from '../../server/src/annotationsProtocol';
import { CALL, fileUri, tempFolder } from './fixtures';
import type { TempFolder } from './fixtures';
import { LspClient, positionOf } from './lspClient';

const GUIDANCE = 'We expect low single digit growth next year.';
const CAPITAL = 'paid \\$4.2 billion for the new plant';

function rangeOf(text: string, passage: string, occurrence = 0) {
  const start = positionOf(text, passage, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + passage.length } };
}

describe('protocol: annotations', function () {
  this.timeout(20000);
  let client: LspClient;
  let folder: TempFolder;

  beforeEach(async () => {
    folder = tempFolder('annotations');
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
  });
  afterEach(async () => {
    await client.stop();
    folder.remove();
  });

  async function openOnDisk(name: string, text = CALL): Promise<{ path: string; uri: string }> {
    const path = join(folder.path, name);
    writeFileSync(path, text);
    const uri = fileUri(path);
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    return { path, uri };
  }

  const annotationsOf = async (uri: string) => (await client.request<DocumentAnnotations>('transcriptLens/annotations', { uri })).annotations;

  it('adds, re-tags, edits the note of and removes an annotation, keeping it in the version 2 sidecar', async () => {
    const { path, uri } = await openOnDisk('call.txt');
    const mark = client.mark;
    const added = await client.request<ResolvedAnnotation>('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'Guidance', note: 'Low, again' });
    assert.equal(added.text, GUIDANCE);
    assert.equal(added.speaker, 'Jane Roe');
    assert.equal(added.role, 'Chief Financial Officer');
    assert.equal(added.section, 'Prepared Remarks');
    assert.equal(added.state, 'attached');
    assert.ok(!Number.isNaN(Date.parse(added.created)));
    await client.waitFor(client.notifications, (m) => (m.method === 'transcriptLens/annotationsChanged' && (m.params as { uri: string }).uri === uri ? true : undefined), 5000, mark);

    const sidecar = JSON.parse(readFileSync(`${path}.lens.json`, 'utf8'));
    assert.equal(sidecar.version, 2);
    assert.deepEqual(sidecar.checked, []);
    assert.equal(sidecar.annotations.length, 1);
    assert.equal(sidecar.annotations[0].text, GUIDANCE);
    assert.equal(sidecar.annotations[0].tag, 'Guidance');
    assert.equal(sidecar.annotations[0].note, 'Low, again');
    assert.match(sidecar.annotations[0].before, /margin expanded by 50 basis points\. $/);

    const retagged = await client.request<ResolvedAnnotation>('transcriptLens/updateAnnotation', { uri, id: added.id, tag: 'Tone' });
    assert.equal(retagged.tag, 'Tone');
    assert.equal(retagged.note, 'Low, again', 're-tagging keeps the note');
    const renoted = await client.request<ResolvedAnnotation>('transcriptLens/updateAnnotation', { uri, id: added.id, note: 'Cautious' });
    assert.equal(renoted.tag, 'Tone');
    assert.equal(renoted.note, 'Cautious');
    assert.equal(JSON.parse(readFileSync(`${path}.lens.json`, 'utf8')).annotations[0].note, 'Cautious');

    assert.deepEqual(await client.request('transcriptLens/removeAnnotation', { uri, id: added.id }), { removed: true });
    assert.deepEqual(await annotationsOf(uri), []);
    assert.deepEqual(JSON.parse(readFileSync(`${path}.lens.json`, 'utf8')).annotations, []);
    assert.equal(readFileSync(path, 'utf8'), CALL, 'the transcript itself is never written');
  });

  it('offers "Annotate as" for each tag on a selection, and the action annotates', async () => {
    const { uri } = await openOnDisk('actions.txt');
    const range = rangeOf(CALL, CAPITAL);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    const titles = actions.map((action) => action.title);
    for (const tag of ['Guidance', 'KPI', 'Risk', 'Capital return', 'Product', 'Competition', 'Tone']) assert.ok(titles.includes(`Annotate as ${tag}`), titles.join(' | '));
    const capital = actions.find((action) => action.title === 'Annotate as Capital return')!;
    await client.request('workspace/executeCommand', { command: capital.command!.command, arguments: capital.command!.arguments });
    const [annotation] = await annotationsOf(uri);
    assert.equal(annotation.tag, 'Capital return');
    assert.equal(annotation.speaker, 'Marcus Hale');
    // An empty selection offers no "Annotate as", but inside an annotation it offers to remove it.
    const cursor = { start: range.start, end: range.start };
    const atCursor = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } });
    assert.ok(!atCursor.some((action) => action.title.startsWith('Annotate as')));
    assert.ok(atCursor.some((action) => action.title === 'Remove annotation: Capital return'));
  });

  it('shows the tag, note and time on hover and counts annotations per turn in the outline', async () => {
    const { uri } = await openOnDisk('hover.txt');
    await client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'Guidance', note: 'Low again' });
    await client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, 'Gross margin expanded by 50 basis points.'), tag: 'KPI' });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(CALL, GUIDANCE, 5) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*Guidance\*\* annotation · made \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.match(value, /Low again/);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const remarks = symbols.find((symbol) => symbol.name === 'Prepared Remarks')!;
    const jane = remarks.children!.find((symbol) => symbol.name === 'Jane Roe')!;
    assert.match(jane.detail ?? '', /Chief Financial Officer · 2 annotations$/);
    assert.match(remarks.detail ?? '', /2 annotations/);
    assert.ok(!(remarks.children!.find((symbol) => symbol.name === 'Marcus Hale')!.detail ?? '').includes('annotation'));
    // The outline is cached per version: asking again counts the annotations once, not twice.
    assert.deepEqual(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), symbols);
  });

  it('follows edits above, re-anchors a small edit inside, and detaches (never drops) deleted text', async () => {
    const { uri } = await openOnDisk('edits.txt');
    await client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'Guidance' });
    const before = (await annotationsOf(uri))[0].range!.startLine;
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Line one.\nLine two.\n' }]);
    let [annotation] = await annotationsOf(uri);
    assert.equal(annotation.state, 'attached');
    assert.equal(annotation.range!.startLine, before + 2);
    const inside = positionOf(CALL, 'low single', 0);
    await client.change(uri, [{ range: { start: { line: inside.line + 2, character: inside.character }, end: { line: inside.line + 2, character: inside.character + 3 } }, text: 'mid' }]);
    [annotation] = await annotationsOf(uri);
    assert.equal(annotation.state, 'edited');
    assert.equal(annotation.text, 'We expect mid single digit growth next year.');
    const line = annotation.range!.startLine;
    await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }]);
    const annotations = await annotationsOf(uri);
    assert.equal(annotations.length, 1);
    assert.equal(annotations[0].state, 'detached');
    assert.equal(annotations[0].range, null);
  });

  it('reads a version 1 sidecar, keeps its checked figures, and reloads annotations in a fresh server', async () => {
    const path = join(folder.path, 'v1.txt');
    const checked = { text: '9.1', before: 'Service income showed a ', after: ' year-on-year increase.', kind: 'percent', value: 0.091, unit: '%' };
    writeFileSync(`${path}.lens.json`, JSON.stringify({ version: 1, checked: [checked] }));
    const { uri } = await openOnDisk('v1.txt');
    await client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'Risk', note: 'n' });
    const sidecar = JSON.parse(readFileSync(`${path}.lens.json`, 'utf8'));
    assert.equal(sidecar.version, 2);
    assert.deepEqual(sidecar.checked, [checked]);
    await client.stop();
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
    await client.open(uri, `New title line\n${CALL}`);
    const [annotation] = await annotationsOf(uri);
    assert.equal(annotation.tag, 'Risk');
    assert.equal(annotation.range!.startLine, positionOf(CALL, GUIDANCE).line + 1);
  });

  it('reports an invalid sidecar and never overwrites it', async () => {
    const path = join(folder.path, 'broken.txt');
    writeFileSync(`${path}.lens.json`, '{ "version": 2, "annotations": [');
    const { uri } = await openOnDisk('broken.txt');
    const warning = await client.waitFor(client.serverRequests, (m) => (m.method === 'window/showMessageRequest' ? m : undefined));
    assert.match(JSON.stringify(warning.params), /broken\.txt\.lens\.json.*not valid JSON/);
    const listed = await client.request<DocumentAnnotations>('transcriptLens/annotations', { uri });
    assert.match(listed.error ?? '', /not valid JSON/);
    await assert.rejects(client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'Risk' }), /not changed/);
    assert.equal(readFileSync(`${path}.lens.json`, 'utf8'), '{ "version": 2, "annotations": [');
  });

  it('lists and exports the workspace, open or not, as RFC 4180 CSV guarded against formulas, and as Markdown', async () => {
    const { uri } = await openOnDisk('first.txt');
    await client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'Guidance', note: '=SUM(A1) "quoted", with comma' });
    await client.close(uri);
    const { uri: second } = await openOnDisk('second.txt');
    await client.request('transcriptLens/addAnnotation', { uri: second, range: rangeOf(CALL, CAPITAL), tag: 'Capital return' });
    const workspace = await client.request<DocumentAnnotations[]>('transcriptLens/workspaceAnnotations', {});
    assert.deepEqual(workspace.map((document) => [document.uri, document.annotations.map((a) => a.tag)]), [[uri, ['Guidance']], [second, ['Capital return']]]);
    const { text, count } = await client.request<{ text: string; count: number }>('transcriptLens/exportAnnotations', { uris: null, format: 'csv' });
    assert.equal(count, 2);
    const rows = text.split('\r\n');
    assert.equal(rows[0], 'file,speaker,role,section,tag,note,quoted text,line,state,created');
    const line = positionOf(CALL, GUIDANCE).line + 1;
    assert.ok(rows[1].startsWith(`first.txt,Jane Roe,Chief Financial Officer,Prepared Remarks,Guidance,"'=SUM(A1) ""quoted"", with comma",${GUIDANCE},${line},attached,`), rows[1]);
    assert.ok(rows[2].startsWith('second.txt,Marcus Hale,Chief Executive Officer,Prepared Remarks,Capital return,,'), rows[2]);
    assert.equal(rows[3], '');
    const markdown = (await client.request<{ text: string }>('transcriptLens/exportAnnotations', { uris: [second], format: 'md' })).text;
    assert.match(markdown, /## Capital return \(1\)/);
    assert.match(markdown, /— \*\*Marcus Hale\*\*, Chief Executive Officer · Prepared Remarks · second\.txt:\d+/);
    assert.ok(!markdown.includes('Guidance'));

    // A transcript that is not open can still be re-tagged (from the Annotations view).
    const [closed] = workspace[0].annotations;
    const retagged = await client.request<ResolvedAnnotation>('transcriptLens/updateAnnotation', { uri, id: closed.id, tag: 'Risk' });
    assert.equal(retagged.tag, 'Risk');
    assert.equal(retagged.speaker, 'Jane Roe');
    assert.equal(JSON.parse(readFileSync(join(folder.path, 'first.txt.lens.json'), 'utf8')).annotations[0].tag, 'Risk');
  });

  it('moves the sidecar when its transcript is renamed, and re-reads it for the new name', async () => {
    const { path, uri } = await openOnDisk('old-name.txt');
    await client.request('transcriptLens/addAnnotation', { uri, range: rangeOf(CALL, GUIDANCE), tag: 'KPI' });
    await client.close(uri);
    const newPath = join(folder.path, 'new-name.txt');
    writeFileSync(newPath, CALL);
    const newUri = fileUri(newPath);
    await client.open(newUri, CALL);
    const result = await client.request<{ moved: string[] }>('transcriptLens/filesRenamed', { files: [{ oldUri: uri, newUri }] });
    assert.deepEqual(result.moved, [newUri]);
    assert.ok(!existsSync(`${path}.lens.json`));
    assert.ok(existsSync(`${newPath}.lens.json`));
    assert.deepEqual((await annotationsOf(newUri)).map((annotation) => annotation.tag), ['KPI']);
  });

  it('takes the code book from .transcript-lens/codebook.json over the built-in one', async () => {
    await client.stop();
    mkdirSync(join(folder.path, '.transcript-lens'));
    writeFileSync(join(folder.path, '.transcript-lens', 'codebook.json'), JSON.stringify([{ name: 'Theme A', color: '#123456', description: 'first' }, { name: 'Theme B' }]));
    client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }] });
    const { uri } = await openOnDisk('codebook.txt');
    const codebook = await client.request<Codebook>('transcriptLens/codebook', {});
    assert.equal(codebook.source, 'workspace');
    assert.deepEqual(codebook.tags.map((tag) => [tag.name, tag.color]), [['Theme A', '#123456'], ['Theme B', codebook.tags[1].color]]);
    assert.match(codebook.tags[1].color, /^#[0-9a-f]{6}$/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(CALL, GUIDANCE), context: { diagnostics: [] } });
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Annotate as')).map((a) => a.title), ['Annotate as Theme A', 'Annotate as Theme B']);
  });

  it('gives each workspace folder its own code book', async () => {
    await client.stop();
    const other = tempFolder('annotations-other');
    try {
      for (const [root, tags] of [[folder.path, [{ name: 'Theme A' }]], [other.path, [{ name: 'Supply risk' }, { name: 'Pricing' }]]] as const) {
        mkdirSync(join(root, '.transcript-lens'));
        writeFileSync(join(root, '.transcript-lens', 'codebook.json'), JSON.stringify(tags));
      }
      client = await LspClient.start({ workspaceFolders: [{ uri: folder.uri, name: 'calls' }, { uri: other.uri, name: 'other calls' }] });
      const first = await openOnDisk('first.txt');
      const secondPath = join(other.path, 'second.txt');
      writeFileSync(secondPath, CALL);
      const secondUri = fileUri(secondPath);
      await client.open(secondUri, CALL);
      const tagsOf = async (uri: string) => (await client.request<Codebook>('transcriptLens/codebook', { uri })).tags.map((tag) => tag.name);
      assert.deepEqual(await tagsOf(first.uri), ['Theme A']);
      assert.deepEqual(await tagsOf(secondUri), ['Supply risk', 'Pricing']);
      const annotateTitles = async (uri: string) => (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(CALL, GUIDANCE), context: { diagnostics: [] } }))
        .filter((action) => action.title.startsWith('Annotate as')).map((action) => action.title);
      assert.deepEqual(await annotateTitles(secondUri), ['Annotate as Supply risk', 'Annotate as Pricing']);
      assert.deepEqual(await annotateTitles(first.uri), ['Annotate as Theme A']);
    } finally {
      other.remove();
    }
  });
});
