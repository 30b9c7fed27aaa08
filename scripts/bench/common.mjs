// Helpers shared by the benchmarks: building first, statistics and markdown tables.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Builds (tsc -b and esbuild) so the numbers are for the current sources; a failed build only warns when older outputs exist. */
export function ensureBuilt(root) {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status === 0) return;
  const outputs = ['dist/cli.js', 'dist/server.js', 'out/server/src/engine/index.js', 'out/test/unit/fuzz.test.js'];
  const missing = outputs.filter((path) => !existsSync(join(root, path)));
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').filter((line) => /error/i.test(line)).slice(0, 10).join('\n');
  if (missing.length) {
    console.error(`bench: the build failed and ${missing.join(', ')} are missing:\n${log}`);
    process.exit(1);
  }
  console.warn(`bench: warning: the build failed; measuring the last built outputs.\n${log}\n`);
}

export function median(values) {
  return quantile(values, 0.5);
}

/** The q-quantile by nearest rank. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(0)} ms`;
}

export function markdownTable(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell).replace(/\|/g, '\\|')));
  const widths = headers.map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

/** Runs fn `runs` times after `warmup` unmeasured runs; returns each run's milliseconds. */
export function timeRuns(fn, { runs, warmup = 1 }) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times;
}
