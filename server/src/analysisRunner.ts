// Where the engine runs for the server: behind this small interface, so the Node server can
// read large documents on a worker thread while the browser build runs the same engine inline.
// Each runner keeps every open document's incremental state, so a new version is read again
// only where the edit could change its reading (engine/incremental.ts).
import { analyzeIncrementally, updateText } from './engine/incremental';
import type { IncrementalAnalysis } from './engine/incremental';
import type { Analysis, AnalyzeOptions } from './engine';

export interface AnalysisRunner {
  /** The analysis of this text of the document; `fresh` drops what earlier versions kept (options changed). */
  analyze(uri: string, text: string, options: AnalyzeOptions, fresh: boolean): Promise<Analysis>;
  forget(uri: string): void;
  dispose(): void;
}

/** Incremental analyses per document, on whatever thread owns this object. */
export class IncrementalDocuments {
  private readonly states = new Map<string, IncrementalAnalysis>();

  analyze(uri: string, text: string, options: AnalyzeOptions, fresh: boolean): Analysis {
    const previous = fresh ? undefined : this.states.get(uri);
    const next = previous ? updateText(previous, text) : analyzeIncrementally(text, options);
    this.states.set(uri, next);
    return next.analysis;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }
}

/** Runs the engine on the calling thread: for small documents, and where no worker exists. */
export class InlineRunner implements AnalysisRunner {
  readonly documents = new IncrementalDocuments();

  analyze(uri: string, text: string, options: AnalyzeOptions, fresh: boolean): Promise<Analysis> {
    return Promise.resolve(this.documents.analyze(uri, text, options, fresh));
  }

  forget(uri: string): void {
    this.documents.forget(uri);
  }

  dispose(): void {
    // Nothing runs elsewhere.
  }
}
