#!/usr/bin/env node
// Grammar tests for syntaxes/transcript.tmLanguage.json, in three parts:
//   1. static checks of the grammar itself: the JSON parses and is what scripts/build-grammar.mjs
//      builds, package.json contributes it, every include resolves, every repository rule is
//      used, every capture names a real group, every regex compiles under vscode-oniguruma (the
//      engine VS Code runs) and recheck finds no catastrophic backtracking in any of them;
//   2. the scope assertions in test/grammar/*.test.transcript, run by the vscode-tmgrammar-test CLI;
//   3. whole-transcript snapshots in test/grammar/snapshots/*.transcript, compared with their .snap
//      files by the vscode-tmgrammar-snap CLI (--update-snapshots rewrites them; review the diff).
// Each static check and each test file counts as one test. The last line printed is always
// "N passed, M failed", and the exit code is non-zero when anything failed.
//
// `--corpus DIR` runs no tests: it tokenizes DIR/*.txt and prints how often the grammar's speaker,
// role, firm and figure scopes agree with the hand-made DIR/*.gold.json (a benchmark, not a test).
// `--bench` runs no tests: it times tokenizing the snapshot transcripts repeated to two sizes and
// prints lines per second and the time ratio, which stays near the size ratio while the grammar is linear.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const grammarPath = join(root, 'syntaxes', 'transcript.tmLanguage.json');
const testDirectory = join(root, 'test', 'grammar');
const snapshotDirectory = join(testDirectory, 'snapshots');
const updateSnapshots = process.argv.includes('--update-snapshots');

const results = [];

/** Records one named check; `problems` lists what went wrong, empty when it passed. */
function report(title, problems) {
  results.push({ title, passed: problems.length === 0 });
  console.log(`${problems.length === 0 ? 'PASS' : 'FAIL'} ${title}`);
  for (const problem of problems) console.log(`     ${problem}`);
}

/** Visits every rule object of the grammar, with a readable path for messages. */
function forEachRule(grammar, visit) {
  const walk = (rule, path) => {
    if (!rule || typeof rule !== 'object') return;
    visit(rule, path);
    (rule.patterns ?? []).forEach((child, index) => walk(child, `${path}.patterns[${index}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures', 'whileCaptures']) {
      for (const [group, capture] of Object.entries(rule[key] ?? {})) walk(capture, `${path}.${key}[${group}]`);
    }
  };
  walk({ patterns: grammar.patterns }, 'patterns');
  for (const [name, rule] of Object.entries(grammar.repository ?? {})) walk(rule, `repository.${name}`);
}

/** Every regex of the grammar with the path of the rule that holds it. */
function regexesOf(grammar) {
  const regexes = [];
  forEachRule(grammar, (rule, path) => {
    for (const key of ['match', 'begin', 'end', 'while']) {
      if (typeof rule[key] === 'string') regexes.push({ where: `${path}.${key}`, source: rule[key] });
    }
  });
  return regexes;
}

/** package.json must contribute this file as the grammar of the transcript language. */
function checkPackageContribution() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributes = manifest.contributes ?? {};
  const grammars = (contributes.grammars ?? []).filter((entry) => entry.scopeName === 'text.transcript');
  const problems = [];
  if (grammars.length !== 1) return [`package.json contributes ${grammars.length} grammars with scopeName text.transcript, expected 1`];
  const [entry] = grammars;
  if (resolve(root, entry.path) !== grammarPath) problems.push(`its path ${entry.path} is not syntaxes/transcript.tmLanguage.json`);
  if (!(contributes.languages ?? []).some((language) => language.id === entry.language)) problems.push(`its language ${entry.language} is not a contributed language`);
  return problems;
}

function checkIncludes(grammar) {
  const problems = [];
  const repository = grammar.repository ?? {};
  forEachRule(grammar, (rule, path) => {
    if (typeof rule.include !== 'string') return;
    const target = rule.include;
    if (target === '$self' || target === '$base' || target === grammar.scopeName) return;
    if (target.startsWith('#')) {
      if (!Object.hasOwn(repository, target.slice(1))) problems.push(`${path}: include ${target} has no repository entry`);
      return;
    }
    // The extension ships no other grammar, so an include of a foreign scope would silently do nothing.
    problems.push(`${path}: include ${target} refers to a grammar this extension does not ship`);
  });
  return problems;
}

function checkEveryRuleIsUsed(grammar) {
  const used = new Set();
  forEachRule(grammar, (rule) => {
    if (typeof rule.include === 'string' && rule.include.startsWith('#')) used.add(rule.include.slice(1));
  });
  return Object.keys(grammar.repository ?? {})
    .filter((name) => !used.has(name))
    .map((name) => `repository.${name} is never included`);
}

/** A capture number beyond the regex's groups is silently ignored by VS Code, so it is a bug. */
function checkCaptureNumbers(grammar) {
  const problems = [];
  const groupCount = (source) => {
    try {
      return new RegExp(`${source}|`, 'u').exec('').length - 1;
    } catch {
      return undefined; // Reported by the recheck check, which needs the same JavaScript parse.
    }
  };
  // On a begin/end rule, plain "captures" applies to both regexes, so a group of either counts.
  const check = (rule, path, regexKeys, capturesKey) => {
    const captures = rule[capturesKey];
    const counts = regexKeys.filter((key) => typeof rule[key] === 'string').map((key) => groupCount(rule[key]));
    if (!captures || counts.length === 0 || counts.includes(undefined)) return;
    const groups = Math.max(...counts);
    for (const group of Object.keys(captures)) {
      if (Number(group) > groups) problems.push(`${path}.${capturesKey}[${group}]: ${regexKeys.join('/')} has only ${groups} groups`);
    }
  };
  forEachRule(grammar, (rule, path) => {
    check(rule, path, rule.begin ? ['begin', 'end', 'while'] : ['match'], 'captures');
    check(rule, path, ['begin'], 'beginCaptures');
    check(rule, path, ['end'], 'endCaptures');
    check(rule, path, ['while'], 'whileCaptures');
  });
  return problems;
}

function checkRuleShapes(grammar) {
  const problems = [];
  forEachRule(grammar, (rule, path) => {
    if ('begin' in rule && !('end' in rule) && !('while' in rule)) problems.push(`${path}: begin without end or while`);
    if (('end' in rule || 'while' in rule) && !('begin' in rule)) problems.push(`${path}: end or while without begin`);
    if ('match' in rule && 'begin' in rule) problems.push(`${path}: both match and begin`);
  });
  return problems;
}

/**
 * vscode-oniguruma does not throw on a pattern it cannot compile: the scanner then matches the
 * empty string at offset 0, which VS Code would apply silently. Its binding keeps the last
 * compile status, so each pattern is compiled alone and that status is compared with the status
 * a known-good pattern leaves behind.
 */
async function checkOnigurumaCompiles(regexes) {
  const oniguruma = require('vscode-oniguruma');
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const compileStatus = (source) => {
    const scanner = new oniguruma.OnigScanner([source]);
    const binding = scanner._onigBinding;
    const status = binding.UTF8ToString(binding._getLastOnigError());
    scanner.dispose();
    return status;
  };
  const success = compileStatus('a');
  const problems = [];
  if (compileStatus('a((') === success) problems.push('vscode-oniguruma no longer reports compile errors this way; the check cannot run');
  for (const { where, source } of regexes) {
    try {
      const status = compileStatus(source);
      if (status !== success) problems.push(`${where}: ${status}`);
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
  }
  return problems;
}

// recheck's fuzzer stops on wall-clock limits by default, which made its verdict depend on the
// machine's load; a fixed seed and step limits only make every run give the same answer.
const RECHECK_PARAMETERS = { randomSeed: 0, timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null };

/**
 * recheck analyses JavaScript regexes, so each grammar regex must also be valid JavaScript with the
 * u flag; the grammar keeps to that common subset of Oniguruma on purpose so all of them can be checked.
 */
function checkNoCatastrophicBacktracking(regexes) {
  const { checkSync } = require('recheck');
  const problems = [];
  for (const { where, source } of regexes) {
    try {
      new RegExp(source, 'u');
    } catch (error) {
      problems.push(`${where}: not checkable, JavaScript cannot parse it (${error.message})`);
      continue;
    }
    const diagnostics = checkSync(source, 'u', RECHECK_PARAMETERS);
    if (diagnostics.status !== 'safe') {
      const detail = diagnostics.status === 'vulnerable' ? `${diagnostics.complexity.summary}, attack ${diagnostics.attack.pattern}` : diagnostics.error?.kind ?? 'unknown';
      problems.push(`${where}: ${diagnostics.status} (${detail})`);
    }
  }
  return problems;
}

/**
 * Runs one of the vscode-tmgrammar-test CLIs. The grammar is passed with -g and the configuration
 * points at a file that does not exist, so the tools never read package.json, which colleagues edit
 * while tests run; checkPackageContribution covers what package.json says about the grammar.
 */
function runTool(script, args) {
  const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', script);
  const noConfiguration = join(testDirectory, 'no-such-configuration.json');
  const toolArgs = ['--grammar', relative(root, grammarPath), '--config', relative(root, noConfiguration), ...args];
  const { status, stdout, stderr } = spawnSync(process.execPath, [cli, ...toolArgs], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const output = `${stdout}${stderr}`.trim().split('\n').filter((line) => line.trim() !== '');
  return status === 0 ? [] : output.length ? output : [`exit code ${status}`];
}

function runTestFile(file) {
  return runTool('unit.js', ['--compact', relative(root, file)]);
}

/** A missing .snap would be written and pass, so outside --update-snapshots it is a failure. */
function runSnapshot(file) {
  const args = ['--scope', 'text.transcript', relative(root, file)];
  if (updateSnapshots) return runTool('snapshot.js', ['--updateSnapshot', ...args]);
  if (!existsSync(`${file}.snap`)) return [`${relative(root, file)}.snap is missing; run with --update-snapshots and review it`];
  return runTool('snapshot.js', args);
}

/** The number of scope assertions in a test file, for the summary only. */
function countAssertions(file) {
  const { parseGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');
  const testCase = parseGrammarTestCase(readFileSync(file, 'utf8'));
  return testCase.assertions.reduce((sum, line) => sum + line.scopeAssertions.length, 0);
}

/** Tokenizes a document line by line with the grammar, as VS Code does. */
async function loadTokenizer() {
  const { createRegistry } = require('vscode-tmgrammar-test/dist/common/index.js');
  const registry = createRegistry([{ path: grammarPath, scopeName: 'text.transcript' }]);
  const grammar = await registry.loadGrammar('text.transcript');
  return (text) => {
    let stack = null;
    return text.split(/\r?\n/).map((line) => {
      const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
      stack = ruleStack;
      return tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), start: token.startIndex, scopes: token.scopes }));
    });
  };
}

/** The text of the tokens that carry the scope or a more specific one (entity.name.type.speaker.operator…). */
const textWithScope = (tokens, scope) => {
  const stem = scope.replace(/\.transcript$/, '.');
  const carries = (token) => token.scopes.some((name) => name === scope || name.startsWith(stem));
  return tokens.filter(carries).map((token) => token.text).join('').trim() || null;
};

/** Which grammar scope a gold figure kind should carry on its first digit; kinds not listed are not scored. */
const FIGURE_SCOPE_BY_KIND = {
  money: 'meta.figure.money.transcript',
  percent: 'keyword.other.unit.percent.transcript',
  percentagePoints: 'keyword.other.unit.percent.point.transcript',
  basisPoints: 'keyword.other.unit.percent.basis-point.transcript',
  multiple: 'meta.figure.multiple.transcript',
};

async function benchmarkCorpus(directory) {
  const tokenize = await loadTokenizer();
  const tally = new Map();
  let extraSpeakers = 0;
  const count = (key, hit) => {
    const entry = tally.get(key) ?? { hit: 0, total: 0 };
    entry.total += 1;
    entry.hit += hit ? 1 : 0;
    tally.set(key, entry);
  };
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.txt')).sort()) {
    const goldPath = join(directory, name.replace(/\.txt$/, '.gold.json'));
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
    const text = readFileSync(join(directory, name), 'utf8');
    const lines = tokenize(text);
    const sourceLines = text.split(/\r?\n/);
    const goldTurnLines = new Set(gold.turns.map((turn) => turn.line));
    for (const turn of gold.turns) {
      const tokens = lines[turn.line] ?? [];
      count('speaker name', textWithScope(tokens, 'entity.name.type.speaker.transcript') === turn.speaker);
      if (turn.role) count('speaker role', textWithScope(tokens, 'entity.other.attribute-name.role.transcript') === turn.role);
      if (turn.affiliation) count('speaker firm', textWithScope(tokens, 'entity.other.inherited-class.firm.transcript') === turn.affiliation);
    }
    const extraSpeakerLines = lines.filter((tokens, index) => !goldTurnLines.has(index) && textWithScope(tokens, 'entity.name.type.speaker.transcript'));
    extraSpeakers += extraSpeakerLines.length;
    const searchFrom = new Map();
    for (const figure of gold.figures) {
      const scope = FIGURE_SCOPE_BY_KIND[figure.kind];
      const line = sourceLines[figure.line] ?? '';
      const key = `${figure.line}:${figure.text}`;
      const at = line.indexOf(figure.text, searchFrom.get(key) ?? 0);
      if (at >= 0) searchFrom.set(key, at + 1);
      const digit = at < 0 ? -1 : figure.text.search(/\d/);
      if (!scope || digit < 0) continue;
      const column = at + digit;
      const token = (lines[figure.line] ?? []).find((candidate) => candidate.start <= column && column < candidate.start + candidate.text.length);
      const tokenAfterDigits = (lines[figure.line] ?? []).filter((candidate) => candidate.start >= column && candidate.start < at + figure.text.length);
      const scoped = scope.startsWith('meta.') ? token?.scopes.includes(scope) : tokenAfterDigits.some((candidate) => candidate.scopes.includes(scope));
      count(`figure ${figure.kind}`, Boolean(scoped));
    }
  }
  console.log(`grammar vs ${relative(root, directory) || directory} gold:`);
  for (const [key, { hit, total }] of tally) console.log(`  ${key}: ${hit}/${total} (${((100 * hit) / total).toFixed(1)}%)`);
  console.log(`  lines with a speaker scope but no gold turn (participant lists included): ${extraSpeakers}`);
}

async function benchmarkSpeed() {
  const tokenize = await loadTokenizer();
  const sample = readdirSync(snapshotDirectory)
    .filter((name) => name.endsWith('.transcript'))
    .map((name) => readFileSync(join(snapshotDirectory, name), 'utf8'))
    .join('\n');
  const sampleLines = sample.split('\n').length;
  // The fastest of a few runs, so that a pause of the machine does not pass for a slow regex.
  const fastestOf = (runs, work) => {
    let fastest = Infinity;
    for (let run = 0; run < runs; run += 1) {
      const started = process.hrtime.bigint();
      work();
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e6);
    }
    return fastest;
  };
  const timeFor = (copies) => {
    const text = Array.from({ length: copies }, () => sample).join('\n');
    return fastestOf(3, () => tokenize(text));
  };
  const small = 100;
  const large = 400;
  const smallMs = timeFor(small);
  const largeMs = timeFor(large);
  console.log(`tokenizing ${small * sampleLines} lines: ${smallMs.toFixed(0)} ms (${Math.round((small * sampleLines) / (smallMs / 1000))} lines/s)`);
  console.log(`tokenizing ${large * sampleLines} lines: ${largeMs.toFixed(0)} ms (${Math.round((large * sampleLines) / (largeMs / 1000))} lines/s)`);
  console.log(`time ratio ${(largeMs / smallMs).toFixed(2)} for a size ratio of ${large / small}`);

  // Long single lines built to make a backtracking regex stumble: the ratio shows how time grows.
  const hostileUnits = {
    'digits and commas': '1,23',
    'open brackets': '[a ',
    'voice tags without end': '<v A ',
    'bold markers': '** x',
    'capitalised words': 'Aa Bb ',
    'dashes between words': 'Aa -- ',
  };
  for (const [label, unit] of Object.entries(hostileUnits)) {
    const lineOf = (length) => unit.repeat(Math.ceil(length / unit.length));
    const timeLine = (length) => {
      const line = lineOf(length);
      return fastestOf(5, () => tokenize(line));
    };
    const shortMs = timeLine(5_000);
    const longMs = timeLine(20_000);
    console.log(`one line of ${label}: 5,000 chars ${shortMs.toFixed(1)} ms, 20,000 chars (VS Code's tokenization limit) ${longMs.toFixed(1)} ms, ratio ${(longMs / shortMs).toFixed(2)} for 4`);
  }
}

if (process.argv.includes('--bench')) {
  await benchmarkSpeed();
  process.exit(0);
}

const corpusFlag = process.argv.indexOf('--corpus');
if (corpusFlag >= 0) {
  await benchmarkCorpus(resolve(process.argv[corpusFlag + 1] ?? '.'));
  process.exit(0);
}

async function runTests() {
  let grammar;
  try {
    grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
    report('grammar JSON parses', grammar.scopeName === 'text.transcript' ? [] : [`scopeName is ${grammar.scopeName}, expected text.transcript`]);
  } catch (error) {
    report('grammar JSON parses', [error.message]);
  }

  if (grammar) {
    const regexes = regexesOf(grammar);
    try {
      // Imported here, so that a broken source fails this check instead of the whole run.
      const { grammarJson } = await import('./build-grammar.mjs');
      const builtFromSource = readFileSync(grammarPath, 'utf8') === grammarJson();
      report('the grammar JSON is what scripts/build-grammar.mjs builds', builtFromSource ? [] : ['run node scripts/build-grammar.mjs']);
    } catch (error) {
      report('the grammar JSON is what scripts/build-grammar.mjs builds', [error.message]);
    }
    try {
      report('package.json contributes the grammar for the transcript language', checkPackageContribution());
    } catch (error) {
      report('package.json contributes the grammar for the transcript language', [error.message]);
    }
    report('every include resolves', checkIncludes(grammar));
    report('every repository rule is included somewhere', checkEveryRuleIsUsed(grammar));
    report('every rule has a consistent match, begin/end or begin/while shape', checkRuleShapes(grammar));
    report('every capture number names a group of its regex', checkCaptureNumbers(grammar));
    report(`all ${regexes.length} regexes compile under vscode-oniguruma`, await checkOnigurumaCompiles(regexes));
    report(`recheck finds no catastrophic backtracking in the ${regexes.length} regexes`, checkNoCatastrophicBacktracking(regexes));
  }

  const testFiles = readdirSync(testDirectory)
    .filter((name) => name.endsWith('.test.transcript'))
    .sort()
    .map((name) => join(testDirectory, name));
  if (testFiles.length === 0) report('test/grammar holds *.test.transcript files', ['none found']);
  let totalAssertions = 0;
  for (const file of testFiles) {
    let assertions = 0;
    try {
      assertions = countAssertions(file);
    } catch (error) {
      report(relative(root, file), [error.message]);
      continue;
    }
    totalAssertions += assertions;
    const problems = runTestFile(file);
    if (assertions === 0) problems.push('the file holds no scope assertions');
    report(`${relative(root, file)} (${assertions} assertions)`, problems);
  }

  const snapshots = existsSync(snapshotDirectory)
    ? readdirSync(snapshotDirectory).filter((name) => name.endsWith('.transcript')).sort().map((name) => join(snapshotDirectory, name))
    : [];
  if (snapshots.length === 0) report('test/grammar/snapshots holds *.transcript files', ['none found']);
  for (const file of snapshots) report(`snapshot ${relative(root, file)}`, runSnapshot(file));
  console.log(`${testFiles.length} test files with ${totalAssertions} scope assertions, ${snapshots.length} snapshots`);
}

// Whatever goes wrong, the run still ends with the summary line scripts/test.mjs reads.
try {
  await runTests();
} catch (error) {
  report('the grammar test run itself', [error.stack ?? String(error)]);
}

const passed = results.filter((result) => result.passed).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
