// The Node server's reader for the workspace index: files on disk are read, decoded and
// their speakers found on worker threads, one per core, so indexing a large workspace uses
// every core and leaves the server's own thread free to answer requests. The threads end
// when indexing has been idle for a while; a thread that dies leaves its files to this one.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Span, SpeakerKind } from './engine';
import { nodeFiles } from './nodeFiles';
import { WorkerPool } from './workerPool';
import { speakersOfFile } from './workspaceIndex';
import type { IndexedSpeaker, IndexReader } from './workspaceIndex';

export interface IndexRequest {
  uri: string;
  detectionEnabled: boolean;
}

/** A file's speakers as a thread sends them: flat lists cross between threads several times faster than objects. */
export interface SpeakersMessage {
  /** Speaker, role, affiliation and kind of each speaker in turn. */
  fields: Array<string | null>;
  /** How many headers each speaker has. */
  headerCounts: Int32Array;
  /** Line, start and end of the name in every header, speaker after speaker. */
  nameSpans: Int32Array;
}

const FIELDS_PER_SPEAKER = 4;

export function encodeSpeakers(speakers: readonly IndexedSpeaker[] | null): SpeakersMessage | null {
  if (!speakers) return null;
  const fields: Array<string | null> = [];
  const headerCounts = new Int32Array(speakers.length);
  const nameSpans = new Int32Array(3 * speakers.reduce((sum, speaker) => sum + speaker.nameSpans.length, 0));
  let at = 0;
  speakers.forEach((speaker, i) => {
    fields.push(speaker.speaker, speaker.role, speaker.affiliation, speaker.speakerKind);
    headerCounts[i] = speaker.nameSpans.length;
    for (const span of speaker.nameSpans) {
      nameSpans[at++] = span.line;
      nameSpans[at++] = span.start;
      nameSpans[at++] = span.end;
    }
  });
  return { fields, headerCounts, nameSpans };
}

/** The speakers of the file at `uri` again; all of them share that one URI string. */
export function decodeSpeakers(message: SpeakersMessage | null, uri: string): IndexedSpeaker[] | null {
  if (!message) return null;
  const { fields, headerCounts, nameSpans } = message;
  const speakers: IndexedSpeaker[] = [];
  let at = 0;
  headerCounts.forEach((count, i) => {
    // Sized up front: an array grown by push keeps room for more, a tenth of the index's memory.
    const spans = new Array<Span>(count);
    for (let header = 0; header < count; header++, at += 3) spans[header] = { line: nameSpans[at], start: nameSpans[at + 1], end: nameSpans[at + 2] };
    const [speaker, role, affiliation, speakerKind] = fields.slice(FIELDS_PER_SPEAKER * i, FIELDS_PER_SPEAKER * (i + 1));
    speakers.push({ speaker: speaker as string, role, affiliation, speakerKind: speakerKind as SpeakerKind, uri, nameSpan: spans[0], nameSpans: spans });
  });
  return speakers;
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
  private readonly pool: WorkerPool<IndexRequest, SpeakersMessage | null>;

  constructor(threads = Math.min(MAX_THREADS, availableParallelism()), workerPath = join(__dirname, 'indexWorker.js')) {
    this.concurrency = Math.max(1, threads) * FILES_PER_THREAD;
    this.pool = new WorkerPool({
      workerPath,
      size: Math.max(1, threads),
      fallback: async ({ uri, detectionEnabled }) => {
        this.filesReadHere++;
        return encodeSpeakers(await speakersOfFile(nodeFiles, uri, detectionEnabled));
      },
      idleMs: IDLE_MS,
    });
  }

  handles(uri: string): boolean {
    return nodeFiles.handles(uri);
  }

  async read(uri: string, detectionEnabled: boolean): Promise<IndexedSpeaker[] | null> {
    return decodeSpeakers(await this.pool.run({ uri, detectionEnabled }), uri);
  }

  dispose(): void {
    this.pool.dispose();
  }
}
