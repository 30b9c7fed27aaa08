// Consistency diagnostics over real JSON-RPC: published with related information that
// locates the other figures in the same document.
import * as assert from 'node:assert/strict';
import { LspClient, textAt } from './lspClient';

const CALL_WITH_CONTRADICTIONS = `### **Priya Okafor** -- Chief Financial Officer

Third quarter 2025 revenue was $4.2 billion. Revenue was $110 million, up 10% from $90 million.

### **Tomas Lindqvist** -- Analyst

Just to confirm, in Q3 2025, revenue was $4.6 billion?
`;

describe('protocol: consistency diagnostics', function () {
  this.timeout(20000);
  let client: LspClient;
  beforeEach(async () => { client = await LspClient.start(); });
  afterEach(async () => { await client.stop(); });

  it('publishes each with relatedInformation pointing at the other figures', async () => {
    const uri = 'file:///nonexistent/contradictions.transcript';
    await client.open(uri, CALL_WITH_CONTRADICTIONS);
    const published = await client.waitForDiagnostics(uri);
    const byCode = new Map(published.diagnostics.map((diagnostic) => [String(diagnostic.code), diagnostic]));
    const change = byCode.get('change-mismatch');
    assert.ok(change, JSON.stringify(published.diagnostics));
    assert.equal(textAt(CALL_WITH_CONTRADICTIONS, change.range), '10%');
    assert.deepEqual(change.relatedInformation?.map((r) => [r.location.uri, textAt(CALL_WITH_CONTRADICTIONS, r.location.range)]), [
      [uri, '$90 million'], [uri, '$110 million'],
    ]);
    const repeat = byCode.get('conflicting-figures');
    assert.ok(repeat);
    assert.equal(textAt(CALL_WITH_CONTRADICTIONS, repeat.range), '$4.6 billion');
    assert.equal(repeat.relatedInformation?.[0].location.range.start.line, 2);
    assert.equal(textAt(CALL_WITH_CONTRADICTIONS, repeat.relatedInformation![0].location.range), '$4.2 billion');
  });
});
