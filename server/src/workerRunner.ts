// The Node server's runner for large documents: they are read on a worker thread, so
// requests about every other document (and typing) stay answered meanwhile. The thread
// starts on first use; if it dies, its pending readings run inline and the next request
// starts a new one.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisRunner } from './analysisRunner';
import type { AnalyzeOptions } from './engine';
import { afterTransfer, analyzeIncrementally } from './engine/incremental';
import type { IncrementalAnalysis } from './engine/incremental';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisResponse =
  | { id: number; analyzed: IncrementalAnalysis; error?: undefined }
  | { id: number; error: string; analyzed?: undefined };

interface Pending {
  request: AnalysisRequest;
  resolve: (analyzed: IncrementalAnalysis) => void;
}

export class WorkerRunner implements AnalysisRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly workerPath = join(__dirname, 'analysisWorker.js')) {}

  analyze(text: string, options: AnalyzeOptions): Promise<IncrementalAnalysis> {
    const request: AnalysisRequest = { id: this.nextId++, text, options };
    return new Promise((resolve) => {
      this.pending.set(request.id, { request, resolve });
      this.ensureWorker().postMessage(request);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    // The server's exit must not wait for an idle analysis thread.
    worker.unref();
    worker.on('message', (response: AnalysisResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.analyzed) waiting.resolve(afterTransfer(response.analyzed, waiting.request.text));
      else waiting.resolve(analyzeIncrementally(waiting.request.text, waiting.request.options));
    });
    const lose = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      // What the lost thread was reading is read here instead: slower, but every request is answered.
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.resolve(analyzeIncrementally(waiting.request.text, waiting.request.options));
      }
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    this.worker = worker;
    return worker;
  }
}
