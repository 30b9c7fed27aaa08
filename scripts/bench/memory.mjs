// Heap retained by analysis results, per MB of transcript. Run in its own process with
// --expose-gc (scripts/bench.mjs does) so nothing else in the heap moves the numbers:
//   node --expose-gc scripts/bench/memory.mjs <engine index.js> <text file> <copies>
// Prints one JSON line: { textMB, copies, retainedBytesPerMB, textBytes }.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [enginePath, textPath, copiesArgument] = process.argv.slice(2);
if (typeof globalThis.gc !== 'function') {
  console.error('memory.mjs needs node --expose-gc');
  process.exit(2);
}
const { analyze } = await import(pathToFileURL(enginePath).href);
const text = readFileSync(textPath, 'utf8');
const copies = Number(copiesArgument ?? 3);

function settledHeap() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

// One unretained run first, so lazily built tables are in the baseline, not in the delta.
analyze(text);
const before = settledHeap();
const retained = [];
for (let i = 0; i < copies; i++) retained.push(analyze(text));
const after = settledHeap();
const textMB = text.length / (1 << 20);
console.log(JSON.stringify({
  textMB,
  copies: retained.length,
  retainedBytesPerMB: (after - before) / retained.length / textMB,
  // A JavaScript string of this text holds about this much (one or two bytes per character).
  textBytes: Buffer.byteLength(text, 'latin1'),
  figures: retained[0].figures.length,
  turns: retained[0].turns.length,
}));
