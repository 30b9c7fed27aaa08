// One analysis per open document version, shared by every handler. Typing is coalesced:
// each change only restarts a short timer, and when it fires the latest version is analyzed
// once; a request that arrives first computes that same version and the timer reuses it.
// The wait scales with what the document's recent updates cost: an update that follows a
// small edit is read almost at once, whatever the document's size, while a document whose
// updates take half a second waits for a pause in typing.
// Each version is read incrementally from the one before (engine/incremental.ts), and
// documents above a size are read by an AnalysisRunner off the request path (a worker
// thread on Node), so requests about other documents stay answered meanwhile.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalDocuments } from './analysisRunner';
import { lineStartsOf } from './engine/incremental';
import type { AnalysisRunner } from './analysisRunner';
import { LineIndex } from './engine';
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

/** An analyzed version; its line index is built when a handler first needs it, from the analysis's line starts when it kept them. */
class Analyzed implements AnalyzedDocument {
  private index: LineIndex | null = null;

  constructor(
    readonly uri: string, readonly version: number, readonly text: string, readonly analysis: Analysis,
    private readonly lineStarts: readonly number[] | null = null,
  ) {}

  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text, this.lineStarts ?? undefined));
  }
}

/** How many of a document's last update costs set its typing pause. */
const RECENT_UPDATES = 5;

/** Documents at least this long are read off the request path when a runner is given. */
export const OFF_THREAD_THRESHOLD = 1_000_000;

/** Answers computed from one analyzed version (outline, folding, semantic tokens), kept with it. */
const answers = new WeakMap<AnalyzedDocument, Map<string, unknown>>();

/** The answer `key` for this version of the document, computed once. */
export function answerOnce<T>(document: AnalyzedDocument, key: string, compute: (document: AnalyzedDocument) => T): T {
  let kept = answers.get(document);
  if (!kept) answers.set(document, (kept = new Map()));
  if (kept.has(key)) return kept.get(key) as T;
  const answer = compute(document);
  kept.set(key, answer);
  return answer;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** What the last few incremental updates of each document took, in milliseconds. */
  private readonly costs = new Map<string, number[]>();
  private generation = 0;
  /** The incremental states of documents read on this thread. */
  private readonly inline = new IncrementalDocuments();
  /** The generation each document's incremental state here was read with. */
  private readonly inlineGenerations = new Map<string, number>();
  /** Analyses under way off the request path, per document. */
  private readonly inFlight = new Map<string, { version: number; generation: number; done: Promise<AnalyzedDocument> }>();

  constructor(
    private readonly optionsFor: (uri: string) => AnalyzeOptions,
    private readonly maxDebounceMs = 150,
    private readonly offThread: AnalysisRunner | null = null,
    private readonly offThreadThreshold = OFF_THREAD_THRESHOLD,
  ) {}

  /** The analysis of the document's current version and options, computed at most once, on this thread. */
  get(document: TextDocument): AnalyzedDocument {
    const cached = this.current(document);
    if (cached) return cached;
    const text = document.getText();
    const started = performance.now();
    const fresh = this.inlineGenerations.get(document.uri) !== this.generation;
    const incremental = !fresh && this.inline.canUpdate(document.uri);
    const analyzed = this.inline.analyze(document.uri, text, this.optionsFor(document.uri), fresh);
    this.inlineGenerations.set(document.uri, this.generation);
    // The typing pause follows what an update costs; a first reading says nothing about that.
    if (incremental) this.costs.set(document.uri, [performance.now() - started, ...(this.costs.get(document.uri) ?? [])].slice(0, RECENT_UPDATES));
    else this.costs.delete(document.uri);
    return this.keep(document.uri, document.version, this.generation, text, analyzed.analysis, lineStartsOf(analyzed));
  }

  /**
   * The same analysis, for handlers. A large document that cannot be read incrementally here
   * (just opened, options changed, or too large for figures) is read by the off-thread
   * runner while this thread answers other requests; its reading is then adopted, so the
   * next versions are read incrementally here. A version already read (or being read) is
   * not read again.
   */
  analyzed(document: TextDocument): Promise<AnalyzedDocument> {
    const cached = this.current(document);
    if (cached) return Promise.resolve(cached);
    const { uri, version } = document;
    const generation = this.generation;
    const incremental = this.inline.canUpdate(uri) && this.inlineGenerations.get(uri) === generation;
    const text = document.getText();
    if (!this.offThread || incremental || text.length < this.offThreadThreshold) return Promise.resolve(this.get(document));
    const flying = this.inFlight.get(uri);
    if (flying && flying.version === version && flying.generation === generation) return flying.done;
    const done = this.offThread.analyze(text, this.optionsFor(uri)).then((analyzed) => {
      // The next version is read incrementally here (or off the thread again): this reading's cost says nothing about it.
      this.costs.delete(uri);
      // A reading the document no longer waits for (its marks or a newer version came meanwhile) is answered but not kept.
      if (this.inFlight.get(uri)?.done !== done) return new Analyzed(uri, version, text, analyzed.analysis);
      this.inFlight.delete(uri);
      if (generation === this.generation && !(this.inline.canUpdate(uri) && this.inlineGenerations.get(uri) === generation)) {
        this.inline.adopt(uri, analyzed);
        this.inlineGenerations.set(uri, generation);
      }
      return this.keep(uri, version, generation, text, analyzed.analysis, lineStartsOf(analyzed));
    });
    this.inFlight.set(uri, { version, generation, done });
    return done;
  }

  private current(document: TextDocument): AnalyzedDocument | null {
    const cached = this.entries.get(document.uri);
    return cached && cached.version === document.version && cached.generation === this.generation ? cached.document : null;
  }

  /** Keeps an analysis unless a newer version's is already kept. */
  private keep(uri: string, version: number, generation: number, text: string, analysis: Analysis, lineStarts: readonly number[] | null): AnalyzedDocument {
    const analyzed = new Analyzed(uri, version, text, analysis, lineStarts);
    const kept = this.entries.get(uri);
    if (!kept || kept.version < version || (kept.version === version && kept.generation <= generation)) {
      this.entries.set(uri, { version, generation, document: analyzed });
    }
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
   * A document whose recent updates took under 50 ms waits only 2 ms (enough for a burst of
   * changes to coalesce); a costlier one waits as long as the cheapest of its last five took,
   * up to the cap, so one slow update (a collection, code not yet optimized) does not hold back
   * the next. Until it has had five, a document that can be updated incrementally is taken
   * to be cheap (an update's cost follows the edit, not the document, and the first ones after
   * a full reading pay for its garbage); one that must be read in full waits the cap.
   */
  debounceFor(uri: string): number {
    const recent = this.costs.get(uri) ?? [];
    const cost = recent.length >= RECENT_UPDATES ? Math.min(...recent) : this.inline.canUpdate(uri) ? 0 : this.maxDebounceMs;
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
    this.inlineGenerations.delete(uri);
    this.inFlight.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.entries.delete(uri);
    this.costs.delete(uri);
    this.inline.forget(uri);
    this.invalidate(uri);
  }
}
