#!/usr/bin/env node
// Grammar tests for syntaxes/transcript.tmLanguage.json, in two parts:
//   1. static checks of the grammar itself: the JSON parses, every include resolves, every
//      repository rule is used, every regex compiles under vscode-oniguruma (the engine VS Code
//      runs) and recheck finds no catastrophic backtracking in any of them;
//   2. the scope assertions in test/grammar/*.test.transcript, run by the vscode-tmgrammar-test CLI;
//   3. whole-transcript snapshots in test/grammar/snapshots/*.transcript, compared with their .snap
//      files by the vscode-tmgrammar-snap CLI (--update-snapshots rewrites them; review the diff).
// Each static check and each test file counts as one test. The last line printed is always
// "N passed, M failed", and the exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
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

/**
 * recheck analyses JavaScript regexes, so each grammar regex must also be valid JavaScript with the
 * u flag; the grammar keeps to that common subset of Oniguruma on purpose so all of them can be checked.
 */
// recheck's fuzzer stops on wall-clock limits by default, which made its verdict depend on the
// machine's load; a fixed seed and step limits only make every run give the same answer.
const RECHECK_PARAMETERS = { randomSeed: 0, timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null };

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

/** Runs one of the vscode-tmgrammar-test CLIs from the project root, where it reads package.json for the grammar. */
function runTool(script, args) {
  const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', script);
  const { status, stdout, stderr } = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const output = `${stdout}${stderr}`.trim().split('\n').filter((line) => line.trim() !== '');
  return status === 0 ? [] : output.length ? output : [`exit code ${status}`];
}

function runTestFile(file) {
  return runTool('unit.js', ['--compact', relative(root, file)]);
}

/** A missing .snap would be written and pass, so outside --update-snapshots it is a failure. */
function runSnapshot(file) {
  if (updateSnapshots) return runTool('snapshot.js', ['--updateSnapshot', relative(root, file)]);
  if (!existsSync(`${file}.snap`)) return [`${relative(root, file)}.snap is missing; run with --update-snapshots and review it`];
  return runTool('snapshot.js', [relative(root, file)]);
}

/** The number of scope assertions in a test file, for the summary only. */
function countAssertions(file) {
  const { parseGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');
  const testCase = parseGrammarTestCase(readFileSync(file, 'utf8'));
  return testCase.assertions.reduce((sum, line) => sum + line.scopeAssertions.length, 0);
}

let grammar;
try {
  grammar = JSON.parse(readFileSync(grammarPath, 'utf8'));
  report('grammar JSON parses', grammar.scopeName === 'text.transcript' ? [] : [`scopeName is ${grammar.scopeName}, expected text.transcript`]);
} catch (error) {
  report('grammar JSON parses', [error.message]);
}

if (grammar) {
  const regexes = regexesOf(grammar);
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
for (const file of testFiles) {
  let assertions = 0;
  try {
    assertions = countAssertions(file);
  } catch (error) {
    report(relative(root, file), [error.message]);
    continue;
  }
  const problems = runTestFile(file);
  if (assertions === 0) problems.push('the file holds no scope assertions');
  report(`${relative(root, file)} (${assertions} assertions)`, problems);
}

const snapshots = existsSync(snapshotDirectory)
  ? readdirSync(snapshotDirectory).filter((name) => name.endsWith('.transcript')).sort().map((name) => join(snapshotDirectory, name))
  : [];
if (snapshots.length === 0) report('test/grammar/snapshots holds *.transcript files', ['none found']);
for (const file of snapshots) report(`snapshot ${relative(root, file)}`, runSnapshot(file));

const passed = results.filter((result) => result.passed).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
