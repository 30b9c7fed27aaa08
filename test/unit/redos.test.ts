// ReDoS check: every regular expression in the engine and the server (regex literals and
// new RegExp / RegExp() with literal strings, found with the TypeScript compiler API) and
// every pattern of the TextMate grammar is checked with recheck for super-linear
// backtracking. A transcript line can be megabytes long, so exponential and polynomial
// backtracking both fail, with recheck's attack string in the message.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createContext, Script } from 'node:vm';
import { Worker } from 'node:worker_threads';
import * as recheck from 'recheck';
import * as ts from 'typescript';

const root = join(__dirname, '..', '..', '..');

interface FoundRegex {
  /** file:line, the test's name. */
  where: string;
  source: string;
  flags: string;
  /** How an Oniguruma pattern was changed to be read as JavaScript, if it was. */
  translated?: string;
  /** The grammar's own pattern, which VS Code runs with Oniguruma. */
  oniguruma?: string;
}

interface SkippedPattern {
  where: string;
  pattern: string;
  reason: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The literal text of a string argument, or null when it is computed at run time. */
function literalText(node: ts.Expression | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

/** Regex literals and RegExp constructions with literal arguments; computed ones are listed apart. */
export function regexesInSource(path: string, text: string): { found: FoundRegex[]; computed: string[] } {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const found: FoundRegex[] = [];
  const computed: string[] = [];
  const where = (node: ts.Node) => `${relative(root, path)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(file);
      const lastSlash = literal.lastIndexOf('/');
      found.push({ where: where(node), source: literal.slice(1, lastSlash), flags: literal.slice(lastSlash + 1) });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      const [patternArgument, flagsArgument] = node.arguments ?? [];
      const source = literalText(patternArgument);
      const flags = flagsArgument === undefined ? '' : literalText(flagsArgument);
      if (source !== null && flags !== null) found.push({ where: where(node), source, flags });
      else computed.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { found, computed };
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: '\\w', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

/**
 * Reads an Oniguruma pattern as JavaScript where the meaning carries over. Atomic groups and
 * possessive quantifiers become plain ones: that can only add backtracking, so a pattern
 * found safe this way is safe in Oniguruma too. Returns null with a reason when JavaScript
 * cannot express the pattern.
 */
export function onigurumaToJs(pattern: string, key: string): { source: string; flags: string; changes: string[] } | { reason: string } {
  let source = pattern;
  let flags = '';
  const changes: string[] = [];
  const replace = (from: RegExp, to: string, change: string) => {
    if (from.test(source)) {
      source = source.replace(from, to);
      changes.push(change);
    }
  };
  if (key === 'end' && /\\[1-9]/.test(source)) return { reason: 'back-references the begin captures, which only the grammar engine knows' };
  const inlineFlags = /^\(\?([imx]+)\)/.exec(source);
  if (inlineFlags) {
    source = source.slice(inlineFlags[0].length);
    if (inlineFlags[1].includes('i')) flags += 'i';
    if (inlineFlags[1].includes('x')) {
      source = source.replace(/\\#/g, '\u0000').replace(/#[^\n]*/g, '').replace(/\s+/g, '').replace(/\u0000/g, '\\#');
      changes.push('extended mode stripped');
    }
    changes.push(`inline flags (?${inlineFlags[1]})`);
  }
  replace(/\\A/g, '^', '\\A as ^');
  replace(/\\[zZ]/g, '$', '\\z as $');
  replace(/\\G/g, '', '\\G dropped');
  replace(/\\h/g, '[0-9A-Fa-f]', '\\h as hex digit');
  replace(/\(\?>/g, '(?:', 'atomic groups as plain groups');
  replace(/([*+?}])\+/g, '$1', 'possessive quantifiers as greedy');
  source = source.replace(/\[:(\^?)(\w+):\]/g, (whole, negated: string, name: string) => {
    const range = POSIX_CLASSES[name];
    if (!range || negated) return whole;
    changes.push(`[:${name}:]`);
    return range;
  });
  // Oniguruma always knows \p{...}; JavaScript only in unicode mode.
  if (/\\[pP]\{/.test(source)) {
    flags += 'u';
    changes.push('unicode mode for \\p{…}');
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    return { reason: `JavaScript cannot parse it (${error instanceof Error ? error.message : String(error)})` };
  }
  return { source, flags, changes };
}

/** The grammar's match/begin/end/while patterns, read as JavaScript where possible. */
export function grammarPatterns(path: string): { found: FoundRegex[]; skipped: SkippedPattern[] } {
  const raw = readFileSync(path, 'utf8');
  const found: FoundRegex[] = [];
  const skipped: SkippedPattern[] = [];
  const lineOf = (key: string, pattern: string) => {
    const at = raw.indexOf(`"${key}": ${JSON.stringify(pattern)}`);
    const index = at >= 0 ? at : raw.indexOf(JSON.stringify(pattern));
    return index >= 0 ? raw.slice(0, index).split('\n').length : 0;
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof child === 'string') {
          const where = `${relative(root, path)}:${lineOf(key, child)} (${key})`;
          const js = onigurumaToJs(child, key);
          if ('reason' in js) skipped.push({ where, pattern: child, reason: js.reason });
          else found.push({ where, source: js.source, flags: js.flags, translated: js.changes.length ? js.changes.join(', ') : undefined, oniguruma: child });
        } else visit(child);
      }
    }
  };
  visit(JSON.parse(raw));
  return { found, skipped };
}

// recheck's native binary is fastest; its pure-JavaScript build works everywhere.
type Diagnostics = ReturnType<typeof recheck.checkSync>;
const RECHECK_PLATFORMS: Record<string, string> = { linux: 'linux', darwin: 'macos', win32: 'windows' };
function hasNativeChecker(): boolean {
  try {
    require.resolve(`recheck-${RECHECK_PLATFORMS[process.platform]}-${process.arch}/package.json`);
    return true;
  } catch {
    return false;
  }
}
// recheck reads the backend when it checks, so setting it here (before any check) is enough.
process.env.RECHECK_BACKEND ??= hasNativeChecker() ? 'native' : 'pure';

const CHECK_PARAMETERS = { timeout: 20_000 } as const;
/**
 * recheck sizes its attack strings for about 1.5e9 backtracking steps: seconds when an engine
 * really backtracks that much. This bounds the two scans of an attack string together.
 */
const ATTACK_LIMIT_MS = 3000;
/**
 * An engine scanning the attack string faster than this does not backtrack super-linearly on
 * it: linear scans of these strings take milliseconds, so even a loaded machine stays far below.
 */
const CONFIRMED_ABOVE_MS = 250;

/** Doubling the pumped part of a linear attack doubles the time; a quadratic one quadruples it. */
const SUPERLINEAR_GROWTH = 3;

/** The attack string rebuilt with `base` repetitions of each pump (recheck's own construction). */
function pumpedAttack(attack: { pumps: { prefix: string; pump: string; bias: number }[]; suffix: string }, base: number): string {
  return attack.pumps.map(({ prefix, pump, bias }) => prefix + pump.repeat(Math.max(0, base + bias))).join('') + attack.suffix;
}

/** Checks one regex; when recheck's automaton gives up on a big pattern, its fuzzer decides. */
async function checkRegex(regex: FoundRegex): Promise<Diagnostics> {
  const first = await recheck.check(regex.source, regex.flags, CHECK_PARAMETERS);
  if (first.status !== 'unknown') return first;
  return recheck.check(regex.source, regex.flags, { ...CHECK_PARAMETERS, checker: 'fuzz' });
}

/**
 * Milliseconds V8 takes to scan the attack string with the regex (global, as the engine scans
 * lines), or Infinity when the two scans are still going after ATTACK_LIMIT_MS (vm's
 * timeout interrupts them).
 */
// Scans twice and times the second scan: the first one also pays for compiling (V8 tiers a
// regex up to machine code after a first run, WebAssembly is compiled lazily).
const V8_ATTACK = new Script('for (const _ of attack.matchAll(regex)); const started = now(); for (const _ of attack.matchAll(regex)); now() - started;');

export function attackTimeInV8(source: string, flags: string, attack: string): number {
  const regex = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
  // The clock runs inside the script, so making the context is not counted.
  const context = createContext({ attack, regex, now: () => performance.now() });
  try {
    return V8_ATTACK.runInContext(context, { timeout: ATTACK_LIMIT_MS }) as number;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Scans the attack string the way a TextMate tokenizer does, match after match. Runs in a worker thread. */
const ONIGURUMA_ATTACK = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const onig = require(workerData.onigurumaPath);
const wasm = readFileSync(workerData.wasmPath);
onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => {
  const scanner = new onig.OnigScanner([workerData.pattern]);
  const text = new onig.OnigString(workerData.attack);
  const scan = () => {
    for (let position = 0; position <= workerData.attack.length;) {
      const match = scanner.findNextMatchSync(text, position);
      if (!match) break;
      position = Math.max(match.captureIndices[0].end, position + 1);
    }
  };
  parentPort.postMessage({ ready: true });
  scan();
  const started = performance.now();
  scan();
  parentPort.postMessage({ ms: performance.now() - started });
});
`;

/**
 * Milliseconds Oniguruma (vscode-oniguruma, the engine VS Code tokenizes with) takes to scan
 * the attack string with a grammar pattern, or Infinity when the two scans are still going
 * after ATTACK_LIMIT_MS. A worker thread, because a WebAssembly search cannot be interrupted.
 */
export function attackTimeInOniguruma(pattern: string, attack: string): Promise<number> {
  const onigurumaPath = require.resolve('vscode-oniguruma');
  const wasmPath = require.resolve('vscode-oniguruma/release/onig.wasm');
  return new Promise((resolve, reject) => {
    const worker = new Worker(ONIGURUMA_ATTACK, { eval: true, workerData: { onigurumaPath, wasmPath, pattern, attack } });
    let limit: NodeJS.Timeout | undefined;
    worker.on('message', (message: { ready?: true; ms?: number }) => {
      if (message.ready) {
        limit = setTimeout(() => void worker.terminate().then(() => resolve(Number.POSITIVE_INFINITY)), ATTACK_LIMIT_MS);
      } else {
        clearTimeout(limit);
        void worker.terminate().then(() => resolve(message.ms ?? Number.NaN));
      }
    });
    worker.on('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
  });
}

interface Verdict {
  /** Why the regex fails the test, or null. */
  problem: string | null;
  /** What the test saw but does not fail on. */
  note?: string;
}

/**
 * A vulnerable verdict of recheck fails when the engine that really runs the pattern slows
 * down on recheck's attack string: V8 for the server's regexes, Oniguruma for the grammar's.
 * recheck's own matcher (and its fuzzer above all) also flags patterns those engines run in
 * linear time, such as short lookbehinds, bounded repeats and patterns with a required literal.
 */
async function judge(regex: FoundRegex, diagnostics: Diagnostics): Promise<Verdict> {
  if (diagnostics.status === 'safe') return { problem: null };
  const shown = `/${regex.source}/${regex.flags}${regex.translated ? ` (read as JavaScript: ${regex.translated})` : ''}`;
  if (diagnostics.status === 'unknown') {
    return { problem: `${regex.where}: ${shown} could not be checked: ${diagnostics.error.kind}${'message' in diagnostics.error ? ` (${diagnostics.error.message})` : ''}` };
  }
  const engine = regex.oniguruma === undefined ? 'V8' : 'Oniguruma';
  const timeOn = (attack: string) => (regex.oniguruma === undefined
    ? Promise.resolve(attackTimeInV8(regex.source, regex.flags, attack))
    : attackTimeInOniguruma(regex.oniguruma, attack));
  const ms = await timeOn(diagnostics.attack.string);
  const claim = `${diagnostics.complexity.summary} backtracking; attack string: ${diagnostics.attack.pattern}`;
  // A slow scan on a loaded machine is not yet backtracking: the time must also grow faster
  // than the string. Half the pumped length is timed in the same run and the two compared.
  if (Number.isFinite(ms) && ms >= CONFIRMED_ABOVE_MS) {
    const halfMs = await timeOn(pumpedAttack(diagnostics.attack, Math.floor(diagnostics.attack.base / 2)));
    if (ms / Math.max(halfMs, 0.001) < SUPERLINEAR_GROWTH) {
      return { problem: null, note: `${regex.where}: recheck reports ${claim}; ${engine} took ${ms.toFixed(0)} ms, but only ${(ms / halfMs).toFixed(1)}× the time on half the string: linear, not a ReDoS` };
    }
  }
  if (ms >= CONFIRMED_ABOVE_MS) {
    const time = Number.isFinite(ms) ? `${ms.toFixed(0)} ms` : `so long that two scans did not end within ${ATTACK_LIMIT_MS} ms`;
    return { problem: `${regex.where}: ${shown} has ${claim} — ${engine} took ${time} on it` };
  }
  return { problem: null, note: `${regex.where}: recheck reports ${claim}, but ${engine} scans that string in ${ms.toFixed(1)} ms: not a ReDoS there` };
}

describe(`ReDoS: every regular expression in the engine, the server and the grammar (recheck, ${process.env.RECHECK_BACKEND} backend)`, function () {
  this.timeout(120_000);
  const sources = typeScriptFiles(join(root, 'server', 'src')).sort();
  const fromSources = sources.map((path) => regexesInSource(path, readFileSync(path, 'utf8')));
  const syntaxesDir = join(root, 'syntaxes');
  const grammars = existsSync(syntaxesDir) ? readdirSync(syntaxesDir).filter((name) => name.endsWith('.json')).sort().map((name) => grammarPatterns(join(syntaxesDir, name))) : [];
  const regexes = [...fromSources.flatMap((s) => s.found), ...grammars.flatMap((g) => g.found)];
  const computed = fromSources.flatMap((s) => s.computed);
  const skipped = grammars.flatMap((g) => g.skipped);
  const results = new Map<FoundRegex, Promise<Diagnostics>>();

  before(() => {
    // Started together: the checker runs them in parallel; each test awaits its own.
    for (const regex of regexes) results.set(regex, checkRegex(regex));
  });

  it(`finds the regular expressions (${regexes.length} in ${sources.length} source files and ${grammars.length} grammar(s))`, () => {
    assert.ok(sources.length >= 5, 'the server sources were not found');
    assert.ok(regexes.length >= 3, 'hardly any regular expression was found: the collector is broken');
  });

  it(`lists what it cannot check: ${computed.length} RegExp built from computed strings, ${skipped.length} grammar pattern(s) JavaScript cannot read`, () => {
    for (const where of computed) console.log(`      note: ${where}: RegExp built at run time from computed strings, not checked here (only literals can be read before run time)`);
    for (const skip of skipped) console.log(`      note: ${skip.where}: ${JSON.stringify(skip.pattern)} not checked: ${skip.reason}`);
    const grammarTotal = grammars.reduce((sum, g) => sum + g.found.length + g.skipped.length, 0);
    assert.ok(skipped.length <= grammarTotal / 2, `${skipped.length} of ${grammarTotal} grammar patterns could not be read as JavaScript: translate more of Oniguruma`);
  });

  for (const regex of regexes) {
    it(`${regex.where} ${regex.source.length > 60 ? `${regex.source.slice(0, 60)}…` : regex.source}`, async () => {
      const { problem, note } = await judge(regex, await results.get(regex)!);
      if (note) console.log(`      note: ${note}`);
      assert.equal(problem, null, problem ?? '');
    });
  }

  it('the checker really flags catastrophic patterns (/^(a+)+$/, /(\\d+)*x/) and V8 confirms them; a linear one passes', async () => {
    const exponential = await checkRegex({ where: 'known-bad', source: '^(a+)+$', flags: '' });
    assert.equal(exponential.status, 'vulnerable');
    const verdict = await judge({ where: 'known-bad', source: '^(a+)+$', flags: '' }, exponential);
    assert.match(verdict.problem ?? '', /exponential backtracking; attack string: .*V8 took so long that two scans did not end within 3000 ms/);
    assert.equal((await checkRegex({ where: 'nested', source: '(\\d+)*x', flags: '' })).status, 'vulnerable');
    const quadratic = { where: 'unanchored', source: '\\d+ ?%', flags: 'g' };
    assert.notEqual((await judge(quadratic, await checkRegex(quadratic))).problem, null, 'an unanchored \\d+ before a required suffix is quadratic on a run of digits');
    assert.equal((await checkRegex({ where: 'anchored', source: '(?<![\\d])\\d+ ?%', flags: 'g' })).status, 'safe');
  });

  it('rebuilds recheck attack strings at another length, so growth can be measured', async () => {
    const quadratic = await checkRegex({ where: 'unanchored', source: '\\d+ ?%', flags: 'g' });
    assert.equal(quadratic.status, 'vulnerable');
    if (quadratic.status !== 'vulnerable') return;
    assert.equal(pumpedAttack(quadratic.attack, quadratic.attack.base), quadratic.attack.string);
    assert.ok(pumpedAttack(quadratic.attack, Math.floor(quadratic.attack.base / 2)).length < quadratic.attack.string.length * 0.6);
  });

  it('a recheck verdict the real engine does not reproduce is noted, not failed', async () => {
    assert.ok(attackTimeInV8('(?<![a-z])[a-z]{0,80}x', '', 'ab'.repeat(40_000)) < CONFIRMED_ABOVE_MS);
    assert.equal(attackTimeInV8('^(a+)+$', '', `${'a'.repeat(40)}!`), Number.POSITIVE_INFINITY);
    assert.ok((await attackTimeInOniguruma('(?<![a-z])[a-z]{0,80}x', 'ab'.repeat(40_000))) < CONFIRMED_ABOVE_MS);
    // Oniguruma stops one search after its retry limit (0.1 to 0.2 s here), so exponential
    // patterns cost at most that per search; what hurts a tokenizer is many matches that each
    // look far ahead, as here.
    assert.equal(await attackTimeInOniguruma('a(?=[^!]*$)', 'a'.repeat(40_000)), Number.POSITIVE_INFINITY);
    const grammarPattern = { where: 'grammar', source: 'a(?=[^!]*$)', flags: '', oniguruma: 'a(?=[^!]*$)' };
    assert.match((await judge(grammarPattern, await checkRegex(grammarPattern))).problem ?? '', /Oniguruma took (so long|\d+ ms)/);
  });

  it('the collector finds literals, RegExp constructions and grammar patterns, and says what it skips', () => {
    const { found, computed: dynamic } = regexesInSource(join(root, 'sample.ts'), [
      'const a = /\\d+(?:\\.\\d+)?/g;',
      "const b = new RegExp('^Q[1-4]$', 'i');",
      'const c = RegExp(`[$€]`);',
      'const d = new RegExp(words.join("|"));',
    ].join('\n'));
    assert.deepEqual(found.map((r) => [r.where, r.source, r.flags]), [['sample.ts:1', '\\d+(?:\\.\\d+)?', 'g'], ['sample.ts:2', '^Q[1-4]$', 'i'], ['sample.ts:3', '[$€]', '']]);
    assert.deepEqual(dynamic, ['sample.ts:4']);
    const possessive = onigurumaToJs('(?i)\\A(?>[[:alpha:]]++)\\h', 'match');
    assert.ok(!('reason' in possessive));
    assert.equal(possessive.source, '^(?:[a-zA-Z]+)[0-9A-Fa-f]');
    assert.equal(possessive.flags, 'i');
    assert.ok('reason' in onigurumaToJs('\\1', 'end'));
    assert.ok('reason' in onigurumaToJs('\\p{Alpha}(?<=a+)[', 'match'));
  });
});
