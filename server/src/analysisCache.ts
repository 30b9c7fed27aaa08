// One analysis per open document version, shared by every handler. Typing is coalesced:
// each change only restarts a short timer, and when it fires the latest version is analyzed
// once; a request that arrives first computes that same version and the timer reuses it.
// The wait scales with what the document last cost to analyze: a page is re-read almost at
// once, while a document that takes half a second waits for a pause in typing.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, LineIndex } from './engine';
import type { Analysis, AnalyzeOptions } from './engine';

export interface AnalyzedDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  analysis: Analysis;
}

interface CacheEntry {
  version: number;
  /** The options generation it was computed with; settings and checked marks bump it. */
  generation: number;
  document: AnalyzedDocument;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What the last analysis of each document took, in milliseconds. */
  private readonly costs = new Map<string, number>();
  private generation = 0;

  constructor(
    private readonly optionsFor: (uri: string) => AnalyzeOptions,
    private readonly maxDebounceMs = 150,
  ) {}

  /** The analysis of the document's current version and options, computed at most once. */
  get(document: TextDocument): AnalyzedDocument {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.document;
    const text = document.getText();
    const started = performance.now();
    const analysis = analyze(text, this.optionsFor(document.uri));
    this.costs.set(document.uri, performance.now() - started);
    const analyzed: AnalyzedDocument = { uri: document.uri, version: document.version, text, lines: new LineIndex(text), analysis };
    this.entries.set(document.uri, { version: document.version, generation: this.generation, document: analyzed });
    return analyzed;
  }

  /** Runs onSettled once typing in the document pauses; a newer change restarts the wait. */
  schedule(uri: string, onSettled: (uri: string) => void): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      onSettled(uri);
    }, this.debounceFor(uri)));
  }

  /**
   * A document that analyzes in under 50 ms waits only 2 ms (enough for a burst of changes
   * to coalesce); a costlier one waits as long as its last analysis took, up to the cap.
   */
  debounceFor(uri: string): number {
    const cost = this.costs.get(uri) ?? this.maxDebounceMs;
    return cost < 50 ? 2 : Math.min(this.maxDebounceMs, Math.ceil(cost));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** Settings changed: every document is analyzed again on its next use. */
  invalidateAll(): void {
    this.generation++;
  }

  /** One document's options changed (its checked marks). */
  invalidate(uri: string): void {
    this.entries.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.entries.delete(uri);
    this.costs.delete(uri);
  }
}
