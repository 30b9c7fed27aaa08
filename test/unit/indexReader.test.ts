// The workspace index on Node's worker threads (indexReader.ts) against the same index read
// on this thread: the engine's speakers-only entry equal to analyze, Node's fast decoding
// equal to the portable one, the same speakers for every file, the editor's text kept for a
// file opened while its disk copy is read, and a pool whose thread dies still answering.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeFile } from '../../server/src/decode';
import { analyze, analyzeTurns } from '../../server/src/engine';
import { ThreadedIndexReader } from '../../server/src/indexReader';
import { decodeFileFast } from '../../server/src/nodeDecode';
import { nodeFiles } from '../../server/src/nodeFiles';
import { WorkerPool } from '../../server/src/workerPool';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { fixtureTexts } from './fuzz.test';

const root = join(__dirname, '..', '..', '..');

function corpusTexts(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
}

/** Fixtures, the seed corpus and Earnings-21 where they are beside the repository. */
const TEXTS = [...fixtureTexts(root), ...corpusTexts(join(root, '..', 'shared', 'corpus')), ...corpusTexts(join(root, '..', 'shared', 'corpus-earnings21'))];

/** Byte sequences decoding must agree on, beyond the texts above. */
const ODD_BYTES: Array<[string, Uint8Array]> = [
  ['empty', new Uint8Array()],
  ['ASCII', Buffer.from('Operator: Welcome.\n')],
  ['a BOM', Buffer.from('\uFEFFAda Voss: Revenue rose 4%.\n')],
  ['Latin-1 range only', Buffer.from('Zoë Brandt — CFO: 12 € margin\n')],
  ['CJK and an emoji (surrogate pair)', Buffer.from('林晓峰：收入增长12%。🙂\n')],
  ['invalid UTF-8', Buffer.from([0x41, 0x3a, 0x20, 0xff, 0xfe, 0x42, 0x0a])],
  ['a truncated sequence at the end', Buffer.from([0x41, 0xe2, 0x82])],
  ['a NUL byte', Buffer.from([0x41, 0x00, 0x42])],
  ['a BOM then invalid bytes', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3])],
];

describe('index reader: the engine\'s speakers-only entry', () => {
  it('gives the turns analyze gives, with or without figures', () => {
    assert.ok(TEXTS.length > 0);
    for (const text of [...TEXTS, '', 'Operator: Hello.\n']) {
      const turns = analyzeTurns(text);
      assert.deepEqual(turns, analyze(text).turns);
      assert.deepEqual(turns, analyze(text, { maxDocumentSize: 0 }).turns);
      // Without word counts (the index's reading), everything else stays the same.
      assert.deepEqual(analyzeTurns(text, { words: false }), turns.map((turn) => ({ ...turn, words: 0 })));
    }
  });
});

describe('index reader: Node decoding', () => {
  it('gives exactly what decodeFile gives, diagnostics included', () => {
    assert.ok(TEXTS.length > 0);
    for (const text of TEXTS) assert.deepEqual(decodeFileFast(Buffer.from(text)), decodeFile(Buffer.from(text)));
    for (const [name, bytes] of ODD_BYTES) assert.deepEqual(decodeFileFast(bytes), decodeFile(bytes), name);
  });
});

describe('index reader: worker threads', function () {
  this.timeout(60_000);
  let folder: string;
  let folderUri: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'transcript-lens-index-reader-'));
    folderUri = pathToFileURL(folder).href;
    mkdirSync(join(folder, 'calls'));
    // Plain .txt and .md names, which detection decides on, and names that open as transcripts whatever the setting.
    const extensions = ['txt', 'transcript', 'md', 'transcript'];
    TEXTS.forEach((text, i) => writeFileSync(join(folder, 'calls', `text-${String(i).padStart(3, '0')}.${extensions[i % extensions.length]}`), text));
    writeFileSync(join(folder, 'notes.md'), '# Setup\n\nRun `npm install`, then open a call.\n');
    writeFileSync(join(folder, 'broken.transcript'), Buffer.from([0x41, 0x64, 0x61, 0x3a, 0x20, 0xff, 0x0a, 0x42, 0x6f, 0x3a, 0x20, 0x68, 0x69, 0x0a]));
    writeFileSync(join(folder, 'binary.transcript'), Buffer.from([0x00, 0x01, 0x02]));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const detectionEnabled of [true, false]) {
    it(`finds the same speakers as the index read on this thread (detection ${detectionEnabled ? 'on' : 'off'})`, async () => {
      const inline = new WorkspaceIndex(nodeFiles);
      const reader = new ThreadedIndexReader(2);
      const threaded = new WorkspaceIndex(nodeFiles, () => false, reader);
      try {
        const files = await inline.indexFolders([folderUri], detectionEnabled);
        assert.equal(await threaded.indexFolders([folderUri], detectionEnabled), files);
        const expected = inline.query('');
        assert.ok(expected.length > TEXTS.length / 2, `${expected.length} speakers`);
        assert.deepEqual(threaded.query(''), expected);
        assert.equal(reader.filesReadHere, 0, 'every file was read on a thread');
        for (const name of ['operator', expected[expected.length - 1].speaker]) {
          assert.deepEqual(threaded.speakerInOtherFiles(name, ''), inline.speakerInOtherFiles(name, ''));
        }
      } finally {
        reader.dispose();
      }
    });
  }

  it('keeps the editor\'s speakers for a file opened while a thread reads it from disk', async () => {
    const uri = pathToFileURL(join(folder, 'calls', 'text-001.transcript')).href;
    let open = false;
    const reader = new ThreadedIndexReader(1);
    const index = new WorkspaceIndex(nodeFiles, (candidate) => open && candidate === uri, reader);
    try {
      const reading = index.indexFile(uri, true);
      // The editor opens the file and the server indexes its text before the thread answers.
      open = true;
      index.set(uri, analyze(['### **Ada Quist** -- Chief Executive Officer', '', 'Unsaved words.', '', '### **Bo Lind** -- Analyst', '', 'More of them.'].join('\n')).turns);
      await reading;
      assert.deepEqual(index.query('').filter((speaker) => speaker.uri === uri).map((speaker) => speaker.speaker), ['Ada Quist', 'Bo Lind']);
    } finally {
      reader.dispose();
    }
  });
});

describe('worker pool', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'transcript-lens-pool-'));
    writeFileSync(join(folder, 'dies.js'), "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    writeFileSync(join(folder, 'throws.js'), "require('node:worker_threads').parentPort.on('message', ({ id }) => require('node:worker_threads').parentPort.postMessage({ id, error: 'no' }));\n");
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('answers on this thread what a thread that died or failed held', async () => {
    for (const script of ['dies.js', 'throws.js']) {
      const pool = new WorkerPool<number, string>({ workerPath: join(folder, script), size: 2, fallback: (n) => `here ${n}` });
      try {
        assert.deepEqual(await Promise.all([1, 2, 3].map((n) => pool.run(n))), ['here 1', 'here 2', 'here 3'], script);
      } finally {
        pool.dispose();
      }
    }
  });
});
