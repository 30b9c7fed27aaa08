// transcript-lens analyze <file>... [--json]: the engine on files, for scripts and CI.
// Exit 0 when every file was read (whatever it holds); 2 for an unreadable file or a wrong
// argument, with one clear line on stderr.
import { readFileSync, statSync } from 'node:fs';
import { analyze, toContractJson } from './engine';
import type { ContractAnalysis } from './engine';
import { decodeFile } from './decode';
import { annotationsCommand } from './annotationsCli';

const USAGE = `usage: transcript-lens analyze <file>... [--json]
       transcript-lens annotations <file>... [--csv|--json|--md]

  --json   print one JSON array, one object per file (the analysis contract)
  without --json, print compiler-style lines: path:line:col: severity code: message`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'annotations') return annotationsCommand(rest);
  if (command !== 'analyze') {
    process.stderr.write(command ? `transcript-lens: unknown command "${command}"\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  const files: string[] = [];
  let json = false;
  for (const arg of rest) {
    if (arg === '--json') json = true;
    else if (arg === '--') continue;
    else if (arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`transcript-lens: unknown option "${arg}"\n${USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`transcript-lens: no file given\n${USAGE}\n`);
    return 2;
  }

  const results: ContractAnalysis[] = [];
  let failed = false;
  for (const file of files) {
    let bytes: Buffer;
    try {
      if (file !== '-' && statSync(file).isDirectory()) throw new Error('is a directory');
      bytes = readFileSync(file === '-' ? 0 : file);
    } catch (error) {
      const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
      process.stderr.write(`transcript-lens: cannot read ${file}: ${describeReadError(reason)}\n`);
      failed = true;
      continue;
    }
    const decoded = decodeFile(bytes);
    const analysis = decoded.text === null ? emptyAnalysis() : analyze(decoded.text);
    analysis.diagnostics.unshift(...decoded.diagnostics);
    results.push(toContractJson(file, analysis));
  }

  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    const out: string[] = [];
    for (const result of results) {
      for (const d of result.diagnostics) {
        out.push(`${result.file}:${d.line + 1}:${d.start + 1}: ${d.severity} ${d.code}: ${d.message}`);
      }
      const summary = `${result.file}: ${result.turns.length} turns, ${result.figures.length} figures, ${result.diagnostics.length} diagnostics`;
      out.push(summary);
    }
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
  }
  return failed ? 2 : 0;
}

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : '0.1.0';

function emptyAnalysis(): ReturnType<typeof analyze> {
  return { turns: [], sections: [], figures: [], diagnostics: [], defaultCurrency: null, degraded: false };
}

function describeReadError(code: string): string {
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    default: return code;
  }
}

process.exitCode = main(process.argv.slice(2));
