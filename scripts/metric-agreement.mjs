#!/usr/bin/env node
// Metric, change and qualifier precision and coverage per file against gold (scripts/attribution.mjs
// says how they are compared). --verbose lists every disagreement, wrong labels first.
//
//   node scripts/metric-agreement.mjs [--gold DIR] [--cli PATH] [--verbose]
//
// The default gold is ../shared/corpus and fixtures/metrics; --cli compares another build of
// the CLI (an older commit's, say) with the same gold and the same comparison.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDisagreement, describeTally, measureAttribution } from './attribution.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const goldIndex = args.indexOf('--gold');
const goldDirs = goldIndex >= 0 ? [args[goldIndex + 1]] : [join(root, '..', 'shared', 'corpus'), join(root, 'fixtures', 'metrics')];
const verbose = args.includes('--verbose');
const cliIndex = args.indexOf('--cli');
const cli = cliIndex >= 0 ? args[cliIndex + 1] : join(root, 'dist', 'cli.js');

if (!existsSync(cli)) {
  console.error(`metric-agreement: ${cli} is missing; run \`npm run build\` first.`);
  process.exit(2);
}
for (const goldDir of goldDirs) {
  const result = measureAttribution(goldDir, { root, cli });
  if (!result) {
    console.log(`${relative(root, goldDir)}: absent, nothing to compare.`);
    continue;
  }
  console.log(`${relative(root, goldDir)} (${result.total.figures} measured figures)`);
  for (const file of result.files) {
    console.log(`  ${file.name}: metric ${describeTally(file.metric)}; change ${describeTally(file.change)}; qualifier ${describeTally(file.qualifier)}`);
    if (verbose) for (const d of [...file.disagreements].sort((a, b) => Number(b.wrong) - Number(a.wrong))) console.log(`    ${describeDisagreement(d)}`);
  }
  for (const field of ['metric', 'change', 'qualifier']) console.log(`  all files: ${field} ${describeTally(result.total[field])}`);
}
