// Layouts nobody wrote a rule for, read in the real editor from our own fixtures: a web
// transcript whose turns go on in unlabelled paragraphs, a court transcript whose Q. and A.
// lines belong to the examiner and the witness, and a StreetEvents call whose turn counters
// `[N]` must not count as figures in the status bar.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { documentSymbols, extensionApi, showTranscript, waitFor } from './helpers';

const WEB_TRANSCRIPT = 'fixtures/layouts/web-continuation.txt';
const COURT_TRANSCRIPT = 'fixtures/layouts/court-examination.txt';
const STREETEVENTS_CALL = 'fixtures/layouts/streetevents-titles.txt';

/** The turn symbols of an outline, whether or not sections hold them. */
function turnSymbols(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => (symbol.children.length > 0 ? symbol.children : [symbol]));
}

/** The first line at or after `from` whose text includes `text`. */
function lineOf(document: vscode.TextDocument, text: string, from = 0): number {
  for (let line = from; line < document.lineCount; line++) if (document.lineAt(line).text.includes(text)) return line;
  throw new Error(`"${text}" not found after line ${from}`);
}

describe('Layouts', () => {
  it('outlines a "Name: text" transcript with each turn covering its continuation paragraphs', async () => {
    const document = await showTranscript(WEB_TRANSCRIPT);
    const turns = turnSymbols(await documentSymbols(document.uri));
    assert.deepEqual(turns.map((turn) => turn.name), [
      'Operator', 'Tessa Marlow', 'Oskar Wren', 'Operator', 'Ravi Dutt', 'Tessa Marlow', 'Ravi Dutt', 'Operator',
    ]);
    const tessa = turns[1];
    assert.equal(tessa.range.start.line, lineOf(document, 'Tessa Marlow: Thank you'));
    // Her turn runs over two unlabelled paragraphs, up to the line before the next label.
    const lastParagraph = lineOf(document, 'In snacks, our largest segment');
    assert.ok(tessa.range.end.line >= lastParagraph, `Tessa Marlow's turn ends at ${tessa.range.end.line}, before her paragraph at ${lastParagraph}`);
    assert.ok(tessa.range.end.line < turns[2].range.start.line, 'the turn ends before the next speaker');
    const answer = turns[5];
    assert.ok(answer.range.end.line >= lineOf(document, 'Beyond that, we will price'), 'the answer covers its second paragraph');
    assert.equal(document.getText(tessa.selectionRange), 'Tessa Marlow');
  });

  it('outlines a court transcript with Q. and A. named after the examiner and the witness', async () => {
    const document = await showTranscript(COURT_TRANSCRIPT);
    const turns = turnSymbols(await documentSymbols(document.uri));
    const names = turns.map((turn) => turn.name);
    assert.ok(!names.includes('Q') && !names.includes('A'), `Q and A are named: ${names.join(', ')}`);
    assert.ok(!names.some((name) => name.startsWith('BY ')), 'BY lines are no turns');
    // The first question of the direct examination is the examiner's, the answer the witness's.
    const firstQuestion = lineOf(document, 'Ms. Pryce, what is your position');
    const question = turns.find((turn) => turn.range.start.line === firstQuestion);
    const answer = turns.find((turn) => turn.range.start.line === firstQuestion + 1);
    assert.equal(question?.name, 'MR. HALVORSEN');
    assert.equal(answer?.name, 'DANA PRYCE');
    // On cross-examination the other lawyer asks; the next witness answers on his own.
    const crossQuestion = lineOf(document, 'Ms. Pryce, you prepared the ledger');
    assert.equal(turns.find((turn) => turn.range.start.line === crossQuestion)?.name, 'MS. OKONJO');
    const secondWitness = lineOf(document, 'Yes, for the whole year.');
    assert.equal(turns.find((turn) => turn.range.start.line === secondWitness)?.name, 'ARTURO VELL');
    // Running page headers start no turn.
    const pageHeader = lineOf(document, 'Page 15 of 88');
    assert.ok(!turns.some((turn) => turn.range.start.line === pageHeader), 'the page header is no turn');
  });

  it('counts figures in the status bar without the turn counters of a StreetEvents call', async () => {
    const api = await extensionApi();
    const document = await showTranscript(STREETEVENTS_CALL);
    const counters = document.getText().match(/\[\d+\]\s*$/gm) ?? [];
    assert.equal(counters.length, 8, 'the fixture numbers its eight turns');
    const status = await waitFor('the status bar of the StreetEvents call', () => {
      const text = api.statusText();
      return /\b8 turns\b/.test(text) && /figures?\b/.test(text) ? text : undefined;
    });
    // Seven figures are spoken: 11%, EUR 640 million, 1.12, 47.3%, 150 basis points, 18%, third.
    assert.match(status, /\b7 figures\b/, status);
  });
});
