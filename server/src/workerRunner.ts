// The Node server's runner for large documents: they are read on a worker thread, so
// requests about every other document (and typing) stay answered meanwhile. The thread
// starts on first use; if it dies, its pending readings run inline and the next request
// starts a new one (workerPool.ts).
import { join } from 'node:path';
import type { AnalysisRunner } from './analysisRunner';
import type { AnalyzeOptions } from './engine';
import { afterTransfer, analyzeIncrementally } from './engine/incremental';
import type { IncrementalAnalysis } from './engine/incremental';
import { WorkerPool } from './workerPool';

export interface AnalysisRequest {
  text: string;
  options: AnalyzeOptions;
}

export class WorkerRunner implements AnalysisRunner {
  private readonly pool: WorkerPool<AnalysisRequest, IncrementalAnalysis>;

  constructor(workerPath = join(__dirname, 'analysisWorker.js')) {
    this.pool = new WorkerPool({ workerPath, size: 1, fallback: ({ text, options }) => analyzeIncrementally(text, options) });
  }

  async analyze(text: string, options: AnalyzeOptions): Promise<IncrementalAnalysis> {
    // The thread answers without the text and its lines, which this side already holds.
    return afterTransfer(await this.pool.run({ text, options }), text);
  }

  dispose(): void {
    this.pool.dispose();
  }
}
