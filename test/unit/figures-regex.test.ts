// The figure engine's regexes that are built at run time (the number-word alternation and the
// metric glossary, which the user extends) cannot be read by the source-level ReDoS test, so
// they are checked here with recheck, user glossaries with regex metacharacters included.
import * as assert from 'node:assert/strict';
import * as recheck from 'recheck';
import { analyze } from '../../server/src/engine';
import { MetricGlossary } from '../../server/src/engine/figures/glossary';
import { COMPUTED_REGEXES } from '../../server/src/engine/figures/scanner';

describe('figures: regexes built at run time', function () {
  this.timeout(120_000);

  const regexes: Array<[string, RegExp]> = [
    ...COMPUTED_REGEXES.map((regex, index): [string, RegExp] => [`scanner regex ${index}`, regex]),
    ['built-in glossary', new MetricGlossary().regex],
    ['user glossary with metacharacters', new MetricGlossary({ 'x(y': ['(a+)+', 'take\\rate', '.*', '{2,}', 'ü-ber'] }).regex],
  ];

  for (const [name, regex] of regexes) {
    it(`${name} does not backtrack super-linearly`, async () => {
      const result = await recheck.check(regex.source, regex.flags, { timeout: 20_000 });
      assert.equal(result.status, 'safe', `${name}: /${regex.source.slice(0, 80)}…/ is ${result.status}`);
    });
  }

  it('matches the longest phrase that fits, a user phrase before any built-in one, hyphens and plurals folded', () => {
    const metrics = (glossary: MetricGlossary, text: string) => glossary.matchRange(text).map((m) => [text.slice(m.start, m.end), m.metric]);
    const builtIn = new MetricGlossary();
    assert.deepEqual(metrics(builtIn, 'Net-cash from operating activities and free cash flows'), [
      ['Net-cash from operating activities', 'operating cash flow'], ['free cash flows', 'free cash flow'],
    ]);
    // "ebitda" fits past "ebit" and "ebita"; "ebitdax" fits none of them.
    assert.deepEqual(metrics(builtIn, 'EBITDA, ebitdax'), [['EBITDA', 'ebitda']]);
    const user = new MetricGlossary({ 'home sales': ['net cash'] });
    assert.deepEqual(metrics(user, 'net cash from operating activities'), [['net cash', 'home sales']]);
  });

  it('reads a user glossary phrase literally, not as a pattern', () => {
    const glossary = new MetricGlossary({ 'odd metric': ['a.c'] });
    assert.deepEqual(glossary.matchRange('abc and a.c').map((m) => m.metric), ['odd metric']);
    assert.equal(analyze('Our a.c rose 5%.', { glossary: { 'odd metric': ['a.c'] } }).figures[0].metric, 'odd metric');
  });
});
