// The shared anchors module: annotations found again after edits above, inside and around
// them, detached (not dropped) when their text is gone, and kept apart when text repeats.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { anchorAt, annotationRecord, locateAnchor, resolveAnnotations } from '../../server/src/engine/anchors';
import type { StoredAnnotation } from '../../server/src/engine/anchors';

const CALL = `Quillfeather Audio Q1 2027 Earnings Call

## Prepared Remarks

### **Ines Okafor** -- Chief Executive Officer

Good morning. We expect revenue to grow in the high single digits next year, led by our studio headsets.

### **Dario Pell** -- Chief Financial Officer

Thank you, Ines. We bought back 2 million shares this quarter and raised the dividend by 5%.

## Questions & Answers

### **Lena Voss** -- Marlow Partners -- Analyst

How do you see competition from the low-cost brands?

### **Ines Okafor** -- Chief Executive Officer

We see more pressure at the low end. We see more pressure at the low end. Our studio line holds price.
`;

const GUIDANCE = 'We expect revenue to grow in the high single digits next year';

function record(text: string, passage: string, tag = 'Guidance', occurrence = 0): StoredAnnotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(passage, start + 1);
  assert.ok(start >= 0, `"${passage}" is in the text`);
  return annotationRecord(text, start, start + passage.length, { id: `id-${tag}-${occurrence}`, tag, note: 'a note', created: '2027-01-05T10:00:00.000Z' });
}

function resolve(text: string, stored: StoredAnnotation[]) {
  const analysis = analyze(text);
  return resolveAnnotations(text, analysis, stored);
}

function lineOf(text: string, passage: string): number {
  return text.slice(0, text.indexOf(passage)).split('\n').length - 1;
}

describe('anchors: locating annotated passages', () => {
  it('anchors a passage by its text and up to 40 characters on each side', () => {
    const text = 'x'.repeat(50) + 'PASSAGE' + 'y'.repeat(50);
    assert.deepEqual(anchorAt(text, 50, 57), { before: 'x'.repeat(40), after: 'y'.repeat(40) });
    const stored = record(CALL, GUIDANCE);
    assert.equal(stored.text, GUIDANCE);
    assert.equal(stored.line, lineOf(CALL, GUIDANCE));
    assert.ok(stored.before.endsWith('Good morning. '));
  });

  it('resolves the speaker, role and section of each passage', () => {
    const [guidance, capital] = resolve(CALL, [record(CALL, GUIDANCE), record(CALL, 'bought back 2 million shares', 'Capital return')]);
    assert.equal(guidance.state, 'attached');
    assert.equal(guidance.speaker, 'Ines Okafor');
    assert.equal(guidance.section, 'Prepared Remarks');
    assert.equal(capital.speaker, 'Dario Pell');
    assert.equal(capital.role, 'Chief Financial Officer');
    assert.equal(capital.range?.startLine, lineOf(CALL, 'bought back'));
  });

  it('follows its passage when lines are added above it', () => {
    const stored = record(CALL, GUIDANCE);
    const edited = CALL.replace('## Prepared Remarks\n', '## Prepared Remarks\n\nOperator: welcome, everyone.\nA second new line.\n');
    const [found] = resolve(edited, [stored]);
    assert.equal(found.state, 'attached');
    assert.equal(found.range?.startLine, lineOf(edited, GUIDANCE));
    assert.equal(found.range?.startLine, stored.line! + 3);
    assert.equal(found.text, GUIDANCE);
  });

  it('re-anchors when a word inside the passage changes, and says it was edited', () => {
    const stored = record(CALL, GUIDANCE);
    const edited = CALL.replace('high single digits', 'mid single digits');
    const [found] = resolve(edited, [stored]);
    assert.equal(found.state, 'edited');
    assert.equal(found.text, 'We expect revenue to grow in the mid single digits next year');
  });

  it('re-anchors when its first words change, using the context around it', () => {
    const stored = record(CALL, GUIDANCE);
    const edited = CALL.replace('We expect revenue', 'Management expects sales');
    const [found] = resolve(edited, [stored]);
    assert.equal(found.state, 'edited');
    assert.equal(found.text, 'Management expects sales to grow in the high single digits next year');
  });

  it('is detached, not dropped, when its passage is deleted, and keeps its stored text', () => {
    const stored = record(CALL, GUIDANCE);
    const edited = CALL.replace('Good morning. We expect revenue to grow in the high single digits next year, led by our studio headsets.', 'Good morning.');
    const resolved = resolve(edited, [stored]);
    assert.equal(resolved.length, 1);
    assert.equal(resolved[0].state, 'detached');
    assert.equal(resolved[0].range, null);
    assert.equal(resolved[0].text, GUIDANCE);
    assert.equal(resolved[0].note, 'a note');
  });

  it('keeps two annotations on a repeated sentence apart, each on its own occurrence', () => {
    const repeated = 'We see more pressure at the low end.';
    const first = record(CALL, repeated, 'Competition', 0);
    const second = record(CALL, repeated, 'Tone', 1);
    assert.notEqual(first.line === second.line && first.before === second.before, true);
    const [a, b] = resolve(CALL, [first, second]);
    assert.notDeepEqual(a.range, b.range);
    assert.equal(a.range!.startCharacter, 0);
    assert.equal(b.range!.startCharacter, repeated.length + 1);
    // Still apart after lines are added above both.
    const edited = `New first line.\n${CALL}`;
    const [c, d] = resolve(edited, [first, second]);
    assert.equal(c.range!.startCharacter, 0);
    assert.equal(d.range!.startCharacter, repeated.length + 1);
    assert.equal(c.range!.startLine, a.range!.startLine + 1);
  });

  it('does not land a short passage on an unrelated repeat once its context is gone', () => {
    const text = 'Margin rose 5% on volume.\nOther things: 5% here too.\n';
    const stored = annotationRecord(text, text.indexOf('5%'), text.indexOf('5%') + 2, { id: 'x', tag: 'KPI', note: '', created: '' });
    const edited = 'Completely rewritten opening.\nOther things: 5% here too.\n';
    assert.equal(locateAnchor(edited, stored), null);
  });

  it('spans several lines (a whole turn) and follows it', () => {
    const turn = 'Thank you, Ines. We bought back 2 million shares this quarter and raised the dividend by 5%.';
    const stored = record(CALL, turn, 'Capital return');
    const edited = CALL.replace('How do you see', 'How, in your view, do you see');
    const [found] = resolve(`Header\n\n${edited}`, [stored]);
    assert.equal(found.state, 'attached');
    assert.equal(found.range!.startLine, lineOf(CALL, turn) + 2);
  });

  it('never throws on malformed entries', () => {
    const junk = [{}, { text: 3 }, null, { id: 'a', tag: 'Risk', text: '', before: '', after: '' }] as unknown as StoredAnnotation[];
    const resolved = resolve(CALL, junk);
    assert.ok(resolved.every((annotation) => annotation.state === 'detached'));
  });
});
