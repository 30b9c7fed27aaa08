// Where the engine runs for the server: behind this small interface, so the Node server can
// read large documents on a worker thread while the browser build runs the same engine inline.
// A runner returns the whole incremental analysis (engine/incremental.ts), which the cache
// adopts: later versions of the document are then read incrementally from it.
import { analyzeIncrementally, updateText } from './engine/incremental';
import type { IncrementalAnalysis } from './engine/incremental';
import type { AnalyzeOptions } from './engine';

export interface AnalysisRunner {
  /** A full incremental analysis of the text. */
  analyze(text: string, options: AnalyzeOptions): Promise<IncrementalAnalysis>;
  dispose(): void;
}

/** Incremental analyses per document, on whatever thread owns this object. */
export class IncrementalDocuments {
  private readonly states = new Map<string, IncrementalAnalysis>();

  /** The analysis of this text; `fresh` drops what earlier versions kept (their options changed). */
  analyze(uri: string, text: string, options: AnalyzeOptions, fresh: boolean): IncrementalAnalysis {
    const previous = fresh ? undefined : this.states.get(uri);
    const next = previous ? updateText(previous, text) : analyzeIncrementally(text, options);
    this.states.set(uri, next);
    return next;
  }

  /** Whether a later version can be read incrementally here. */
  canUpdate(uri: string): boolean {
    return this.states.get(uri)?.state != null;
  }

  /** Takes over an analysis read elsewhere, for later versions to start from. */
  adopt(uri: string, analyzed: IncrementalAnalysis): void {
    this.states.set(uri, analyzed);
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}

/** Runs the engine on the calling thread (where no worker exists), yielding to other work first. */
export class InlineRunner implements AnalysisRunner {
  analyze(text: string, options: AnalyzeOptions): Promise<IncrementalAnalysis> {
    return new Promise((resolve) => setTimeout(() => resolve(analyzeIncrementally(text, options)), 0));
  }

  dispose(): void {
    // Nothing runs elsewhere.
  }
}
