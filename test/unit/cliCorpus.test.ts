// The CLI's corpus-mode helpers: argument parsing, glob patterns and CSV cells.
import * as assert from 'node:assert/strict';
import { globToRegExp, parseCorpusArgs } from '../../server/src/cliCorpus';
import { csvLine } from '../../server/src/cliFile';

describe('CLI corpus mode: arguments', () => {
  it('reads inputs and output modes for analyze and figures', () => {
    assert.deepEqual(parseCorpusArgs('analyze', ['a.txt', 'calls', '--jsonl']), { command: 'analyze', inputs: ['a.txt', 'calls'], mode: 'jsonl', workers: null });
    assert.deepEqual(parseCorpusArgs('analyze', ['a.txt', '--json']), { command: 'analyze', inputs: ['a.txt'], mode: 'json', workers: null });
    assert.equal((parseCorpusArgs('analyze', ['a.txt']) as { mode: string }).mode, 'lines');
    assert.equal((parseCorpusArgs('figures', ['a.txt']) as { mode: string }).mode, 'csv');
    assert.equal((parseCorpusArgs('figures', ['a.txt', '--jsonl']) as { mode: string }).mode, 'figures-jsonl');
    assert.equal((parseCorpusArgs('analyze', ['a.txt', '--workers', '3']) as { workers: number }).workers, 3);
    assert.equal((parseCorpusArgs('analyze', ['a.txt', '--workers=1']) as { workers: number }).workers, 1);
    assert.deepEqual((parseCorpusArgs('analyze', ['--', '--odd-name.txt']) as { inputs: string[] }).inputs, ['--odd-name.txt']);
  });

  it('says what is wrong with wrong arguments', () => {
    assert.equal(parseCorpusArgs('analyze', []), 'no file given');
    assert.equal(parseCorpusArgs('analyze', ['a.txt', '--csv']), 'analyze does not take --csv');
    assert.equal(parseCorpusArgs('figures', ['a.txt', '--json']), 'figures does not take --json');
    assert.match(parseCorpusArgs('analyze', ['a.txt', '--json', '--jsonl']) as string, /choose one/);
    assert.match(parseCorpusArgs('analyze', ['a.txt', '--workers', '0']) as string, /at least 1/);
    assert.equal(parseCorpusArgs('analyze', ['a.txt', '--fast']), 'unknown option "--fast"');
  });
});

describe('CLI corpus mode: globs', () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);
  it('keeps * and ? inside one path segment', () => {
    assert.ok(matches('calls/*.txt', 'calls/q1.txt'));
    assert.ok(!matches('calls/*.txt', 'calls/2025/q1.txt'));
    assert.ok(matches('calls/q?.txt', 'calls/q1.txt'));
    assert.ok(!matches('calls/q?.txt', 'calls/q10.txt'));
  });
  it('lets ** cross segments, including none', () => {
    assert.ok(matches('calls/**/*.txt', 'calls/q1.txt'));
    assert.ok(matches('calls/**/*.txt', 'calls/2025/march/q1.txt'));
    assert.ok(matches('calls/**', 'calls/2025/q1.md'));
  });
  it('reads classes, negated classes and alternatives, and takes other characters literally', () => {
    assert.ok(matches('q[12].txt', 'q2.txt'));
    assert.ok(!matches('q[!12].txt', 'q2.txt'));
    assert.ok(matches('q[!12].txt', 'q3.txt'));
    assert.ok(matches('*.{md,txt}', 'call.md'));
    assert.ok(!matches('*.{md,txt}', 'call.json'));
    assert.ok(matches('a+b (1).txt', 'a+b (1).txt'));
    assert.ok(!matches('a.txt', 'abtxt'));
  });
});

describe('CLI corpus mode: CSV cells', () => {
  it('quotes per RFC 4180 and guards formula cells, leaving numbers alone', () => {
    assert.equal(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, -0.035, 12]), 'plain,"a,b","say ""hi""","two\nlines",,-0.035,12\r\n');
    assert.equal(csvLine(['=1+1', '+1', '-3.5%', '@sum', 'a=b']), "'=1+1,'+1,'-3.5%,'@sum,a=b\r\n");
    assert.equal(csvLine(['=HYPERLINK("x")']), `"'=HYPERLINK(""x"")"\r\n`);
  });
});
