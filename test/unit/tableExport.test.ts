// Figures and comparisons as CSV (RFC 4180), TSV and JSON, with cells that a spreadsheet
// would run as formulas guarded.
import * as assert from 'node:assert/strict';
import { comparisonCsv, csvField, figuresCsv, figuresJson, figuresTsv, toCsv } from '../../client/src/webviews/tableExport';
import type { FigureRow, MetricComparison } from '../../server/src/protocol';

const row: FigureRow = {
  line: 8, start: 10, end: 22, text: '$1.8 billion', kind: 'Money', value: '1,800,000,000 USD', metric: 'revenue', unreadable: false,
  kindId: 'money', number: 1_800_000_000, min: null, max: null, unit: 'USD', change: null, period: null, qualifier: null,
  speaker: 'Ada "Ace" Moreno, Jr.', role: 'Chief Executive Officer', speakerKind: 'management', section: 'Prepared Remarks',
};

describe('table export', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(-12.5), '-12.5', 'numbers stay numbers');
  });

  it('guards text cells a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1:A9)', '+1', '-2', '@cmd', '\tx']) assert.ok(csvField(text).replace(/^"/, '').startsWith("'"), text);
    assert.equal(csvField('=1,2'), `"'=1,2"`);
  });

  it('ends every CSV record with CRLF', () => {
    assert.equal(toCsv(['a', 'b'], [[1, 'x']]), 'a,b\r\n1,x\r\n');
  });

  it('writes one CSV row per figure with raw numbers and a 1-based line', () => {
    const lines = figuresCsv([row]).split('\r\n');
    assert.equal(lines[0], 'speaker,role,speaker_kind,section,metric,kind,value,min,max,unit,normalized,change,period,qualifier,text,line');
    assert.equal(lines[1], '"Ada ""Ace"" Moreno, Jr.",Chief Executive Officer,management,Prepared Remarks,revenue,money,1800000000,,,USD,"1,800,000,000 USD",,,,$1.8 billion,9');
  });

  it('copies TSV that keeps each row on one line', () => {
    const tsv = figuresTsv([{ ...row, text: 'a\tb\nc' }]);
    assert.equal(tsv.split('\n').length, 3);
    assert.ok(tsv.split('\n')[1].includes('a b c'));
  });

  it('writes JSON objects with the same fields as the CSV', () => {
    const [object] = JSON.parse(figuresJson([row]));
    assert.equal(object.value, 1_800_000_000);
    assert.equal(object.line, 9);
    assert.equal(object.speaker, row.speaker);
  });

  it('writes a comparison with a value and a change column per call', () => {
    const comparison: MetricComparison = {
      calls: [
        { uri: 'file:///a', name: 'a.txt', period: 'Q2 2026', sortKey: 1, error: null },
        { uri: 'file:///b', name: 'b.txt', period: null, sortKey: null, error: null },
      ],
      rows: [{ metric: 'revenue', cells: [{ value: '5 USD', text: '$5', change: 'up 3%', line: 0, start: 0, end: 1, mentions: 1 }, null] }],
    };
    assert.equal(comparisonCsv(comparison), 'metric,Q2 2026 (a.txt) value,Q2 2026 (a.txt) change,b.txt value,b.txt change\r\nrevenue,5 USD,up 3%,,\r\n');
  });
});
