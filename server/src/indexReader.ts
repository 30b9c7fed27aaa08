// The Node server's reader for the workspace index: files on disk are read, decoded and
// their speakers found on worker threads, one per core, so indexing a large workspace uses
// every core and leaves the server's own thread free to answer requests. The threads end
// when indexing has been idle for a while; a thread that dies leaves its files to this one.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { nodeFiles } from './nodeFiles';
import { WorkerPool } from './workerPool';
import { speakersOfFile } from './workspaceIndex';
import type { IndexedSpeaker, IndexReader } from './workspaceIndex';

export interface IndexRequest {
  uri: string;
  detectionEnabled: boolean;
}

/** More threads than this gain little on an index and cost memory each. */
const MAX_THREADS = 4;
/** Files waiting at each thread, so it never waits for the next one to be sent. */
const FILES_PER_THREAD = 8;
const IDLE_MS = 5000;

export class ThreadedIndexReader implements IndexReader {
  readonly concurrency: number;
  /** Files read on this thread because their thread failed. */
  filesReadHere = 0;
  private readonly pool: WorkerPool<IndexRequest, IndexedSpeaker[] | null>;

  constructor(threads = Math.min(MAX_THREADS, availableParallelism()), workerPath = join(__dirname, 'indexWorker.js')) {
    this.concurrency = Math.max(1, threads) * FILES_PER_THREAD;
    this.pool = new WorkerPool({
      workerPath,
      size: Math.max(1, threads),
      fallback: ({ uri, detectionEnabled }) => {
        this.filesReadHere++;
        return speakersOfFile(nodeFiles, uri, detectionEnabled);
      },
      idleMs: IDLE_MS,
    });
  }

  handles(uri: string): boolean {
    return nodeFiles.handles(uri);
  }

  async read(uri: string, detectionEnabled: boolean): Promise<IndexedSpeaker[] | null> {
    const speakers = await this.pool.run({ uri, detectionEnabled });
    // Rebuilt as this thread makes them, the 10,000 files' speakers take a tenth less memory
    // than as a message delivers them; all of a file's speakers share one URI string.
    return speakers && speakers.map(({ speaker, role, affiliation, speakerKind, nameSpans }) => {
      const spans = nameSpans.map(({ line, start, end }) => ({ line, start, end }));
      return { speaker, role, affiliation, speakerKind, uri, nameSpan: spans[0], nameSpans: spans };
    });
  }

  dispose(): void {
    this.pool.dispose();
  }
}
