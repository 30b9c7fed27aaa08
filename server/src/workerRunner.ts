// The Node server's runner for large documents: they are analyzed on a worker thread, so
// requests about every other document (and typing in this one) stay answered meanwhile. The
// thread starts on first use; if it dies, its pending analyses run inline and the next
// request starts a new one.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisRunner } from './analysisRunner';
import { analyze } from './engine';
import type { Analysis, AnalyzeOptions } from './engine';

export interface AnalysisRequest {
  id: number;
  uri: string;
  text: string;
  options: AnalyzeOptions;
  fresh: boolean;
  forget?: boolean;
}

export type AnalysisResponse = { id: number; analysis: Analysis; error?: undefined } | { id: number; error: string; analysis?: undefined };

interface Pending {
  request: AnalysisRequest;
  resolve: (analysis: Analysis) => void;
}

export class WorkerRunner implements AnalysisRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Documents the worker keeps a state for; a new worker knows none. */
  private readonly onWorker = new Set<string>();

  constructor(private readonly workerPath = join(__dirname, 'analysisWorker.js')) {}

  analyze(uri: string, text: string, options: AnalyzeOptions, fresh: boolean): Promise<Analysis> {
    const request: AnalysisRequest = { id: this.nextId++, uri, text, options, fresh: fresh || !this.onWorker.has(uri) };
    this.onWorker.add(uri);
    return new Promise((resolve) => {
      this.pending.set(request.id, { request, resolve });
      this.ensureWorker().postMessage(request);
    });
  }

  forget(uri: string): void {
    if (this.onWorker.delete(uri)) this.worker?.postMessage({ id: 0, uri, text: '', options: {}, fresh: true, forget: true });
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
      if (response.analysis) waiting.resolve(response.analysis);
      else waiting.resolve(this.analyzeInline(waiting.request));
    });
    const lose = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.onWorker.clear();
      // What the lost thread was reading is read here instead: slower, but every request is answered.
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.resolve(this.analyzeInline(waiting.request));
      }
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    this.worker = worker;
    return worker;
  }

  private analyzeInline({ text, options }: AnalysisRequest): Analysis {
    return analyze(text, options);
  }
}
