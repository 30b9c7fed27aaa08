// Hover cards that are right or silent (issue 8, point 4), in the real editor on our own
// invented call (fixtures/metrics): each hover here used to state a wrong metric, change or
// qualifier with full confidence; now it states the right one and the words it came from, or none.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { hoverText, positionOf, showTranscript, waitFor } from './helpers';

const METRICS_CALL = 'fixtures/metrics/corwen-q3-call.txt';

/** The hover card of the n-th occurrence of a figure's text on the line that holds `lineWith`. */
async function hoverOn(document: vscode.TextDocument, lineWith: string, figure: string): Promise<string> {
  const line = positionOf(document, lineWith).line;
  const position = positionOf(document, figure, line).translate(0, 1);
  return waitFor(`a hover on "${figure}"`, () => hoverText(document.uri, position));
}

describe('Hover precision', () => {
  it('calls R&D expense an expense, not a ratio, and names the words it came from', async () => {
    const document = await showTranscript(METRICS_CALL);
    const card = await hoverOn(document, 'R&D expense was', 'EUR 487 million');
    assert.match(card, /Metric: r&d expense — from "R&D expense"/);
    assert.doesNotMatch(card, /ratio/);
  });

  it('keeps ROE apart from the EPS said after it', async () => {
    const document = await showTranscript(METRICS_CALL);
    const card = await hoverOn(document, 'Return on equity was', '14.2%');
    assert.match(card, /Metric: roe — from "Return on equity"/);
    assert.doesNotMatch(card, /eps/i);
  });

  it('shows no metric and no increase on a gain that read as a loss', async () => {
    const document = await showTranscript(METRICS_CALL);
    const card = await hoverOn(document, 'Lysander settlement', '$284 million');
    assert.match(card, /284,000,000 USD/, 'the card is the figure\'s');
    assert.doesNotMatch(card, /Metric:/);
    assert.doesNotMatch(card, /Change:/);
  });

  it('reads "and up 126%" as a change, not "at least"', async () => {
    const document = await showTranscript(METRICS_CALL);
    const orders = await hoverOn(document, 'Orders were', 'EUR 3.4 billion');
    assert.match(orders, /Metric: orders — from "Orders"/);
    assert.doesNotMatch(orders, /Qualifier/);
    const growth = await hoverOn(document, 'Orders were', '126%');
    assert.match(growth, /Change: increase/);
  });

  it('tells the buyback from the dividend said before it', async () => {
    const document = await showTranscript(METRICS_CALL);
    const card = await hoverOn(document, 'In addition to the dividend', 'EUR 15 million');
    assert.match(card, /Metric: share repurchase — from "buying back"/);
  });
});
