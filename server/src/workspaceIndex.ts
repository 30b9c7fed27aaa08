// The speakers of every transcript in the workspace, for workspace-symbol search and for
// references across files. Files are read in the background through the injected file
// system (node:fs, or vscode.workspace.fs in the browser), several at once so reading
// overlaps analysis, or by an injected reader (worker threads on Node, indexReader.ts);
// open documents override them.
import { decodeFile } from './decode';
import type { DecodedFile } from './decode';
import { analyzeTurns, looksLikeTranscript, speakerKey } from './engine';
import type { Span, Turn } from './engine';
import { joinUri, uriBasename } from './files';
import type { ServerFiles } from './files';
import type { SpeakerIdentity } from './protocol';

export interface IndexedSpeaker extends SpeakerIdentity {
  uri: string;
  /** The name in the speaker's first header in that file. */
  nameSpan: Span;
  /** The name in every header of the speaker in that file, in document order (the first is nameSpan). */
  nameSpans: Span[];
}

/** Extensions whose files may hold a transcript. */
const CANDIDATE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.transcript', '.vtt']);
/** Endings of file names the extension opens as transcripts whatever their content (package.json filenamePatterns). */
const TRANSCRIPT_NAME_ENDINGS = ['.transcript', '.transcript.txt', '.transcript.md', '_transcript.txt', '-transcript.txt'];

function isTranscriptFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return TRANSCRIPT_NAME_ENDINGS.some((ending) => lower.endsWith(ending)) || (lower.includes('earnings-call') && lower.endsWith('.txt'));
}
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);
/** Files larger than this are not indexed: a transcript is rarely over a few hundred KB. */
const MAX_INDEXED_FILE_SIZE = 5_000_000;
const MAX_INDEXED_FILES = 20_000;
/** Files read at once on this thread: enough for reading to overlap analysis. */
const INLINE_READS_IN_FLIGHT = 4;

/** Reads files for the index off this thread (worker threads on Node). */
export interface IndexReader {
  /** Whether it can read the file at this URI. */
  handles(uri: string): boolean;
  /** The speakers of the file when it would open as a transcript, else null (speakersOfFile). */
  read(uri: string, detectionEnabled: boolean): Promise<IndexedSpeaker[] | null>;
  /** How many files to keep in flight. */
  readonly concurrency: number;
}

function isCandidateName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && CANDIDATE_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/**
 * A fresh copy of a string cut from a file's text. V8 keeps a cut (a sliced string) pointing
 * into the whole text, so an index of names cut from 10,000 files would keep every file alive.
 */
function detached<T extends string | null>(text: T): T {
  return (text === null ? null : text.split('').join('')) as T;
}

/** Speakers of a document, one per person, at their first header, with the names of all their headers. */
function speakersOf(uri: string, turns: readonly Turn[], copy: <T extends string | null>(text: T) => T = detached): IndexedSpeaker[] {
  const seen = new Map<string, IndexedSpeaker>();
  for (const turn of turns) {
    if (!turn.speaker) continue;
    const key = speakerKey(turn.speaker);
    const known = seen.get(key);
    if (known) known.nameSpans.push(turn.nameSpan);
    else seen.set(key, { speaker: copy(turn.speaker), role: copy(turn.role), affiliation: copy(turn.affiliation), speakerKind: turn.speakerKind, uri, nameSpan: turn.nameSpan, nameSpans: [turn.nameSpan] });
  }
  return [...seen.values()];
}

/** How well a query matches a name: higher is better, 0 is no match. */
export function matchScore(query: string, name: string): number {
  const wanted = query.trim().toLowerCase();
  const candidate = name.toLowerCase();
  if (!wanted) return 1;
  if (candidate.startsWith(wanted)) return 4;
  if (candidate.split(/\s+/).some((word) => word.startsWith(wanted))) return 3;
  if (candidate.includes(wanted)) return 2;
  // Fuzzy: the query's letters appear in order, as in "jroe" for "Jane Roe".
  let position = 0;
  for (const character of wanted.replace(/\s+/g, '')) {
    position = candidate.indexOf(character, position) + 1;
    if (position === 0) return 0;
  }
  return 1;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedSpeaker[]>();

  /** isOpen tells which files the editor holds: their unsaved text, set by the server, beats the disk. */
  constructor(
    private readonly fileSystem: ServerFiles,
    private readonly isOpen: (uri: string) => boolean = () => false,
    private readonly reader: IndexReader | null = null,
  ) {}

  set(uri: string, turns: readonly Turn[]): void {
    this.setSpeakers(uri, speakersOf(uri, turns));
  }

  private setSpeakers(uri: string, speakers: IndexedSpeaker[]): void {
    if (speakers.length) this.files.set(uri, speakers);
    else this.files.delete(uri);
  }

  remove(uri: string): void {
    this.files.delete(uri);
  }

  /** Forgets every file under a folder (a workspace folder was removed). */
  removeFolder(folderUri: string): void {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    for (const uri of this.files.keys()) if (uri.startsWith(prefix)) this.files.delete(uri);
  }

  /** Reads one file from disk and indexes it when it is a transcript; otherwise drops it. Open files are left alone. */
  async indexFile(uri: string, detectionEnabled: boolean): Promise<void> {
    if (this.isOpen(uri)) return;
    const speakers = this.reader?.handles(uri) ? await this.reader.read(uri, detectionEnabled) : await speakersOfFile(this.fileSystem, uri, detectionEnabled);
    // The file may have been opened while it was read; the editor's text then wins.
    if (this.isOpen(uri)) return;
    if (speakers === null) this.remove(uri);
    else this.setSpeakers(uri, speakers);
  }

  /** Walks the folders and indexes every transcript, several files at a time; onProgress gets (done, total). */
  async indexFolders(
    folderUris: readonly string[],
    detectionEnabled: boolean,
    onProgress: (done: number, total: number) => void = () => undefined,
  ): Promise<number> {
    const uris: string[] = [];
    for (const folder of folderUris) {
      if (!this.fileSystem.handles(folder)) continue;
      await collectCandidates(this.fileSystem, folder, uris);
    }
    let next = 0;
    let done = 0;
    const readInTurn = async () => {
      while (next < uris.length) {
        const uri = uris[next++];
        await this.indexFile(uri, detectionEnabled).catch(() => this.remove(uri));
        onProgress(++done, uris.length);
      }
    };
    const inFlight = Math.max(1, this.reader?.concurrency ?? INLINE_READS_IN_FLIGHT);
    await Promise.all(Array.from({ length: Math.min(inFlight, uris.length) }, readInTurn));
    return uris.length;
  }

  /** The same person (by speakerKey) in every indexed file but the excluded one, files in URI order. */
  speakerInOtherFiles(speaker: string, excludedUri: string): IndexedSpeaker[] {
    const key = speakerKey(speaker);
    const found: IndexedSpeaker[] = [];
    for (const [uri, speakers] of this.files) {
      if (uri === excludedUri) continue;
      const match = speakers.find((candidate) => speakerKey(candidate.speaker) === key);
      if (match) found.push(match);
    }
    return found.sort((a, b) => compareUris(a.uri, b.uri));
  }

  /** Every indexed file: the transcripts with at least one speaker, in URI order. */
  uris(): string[] {
    return [...this.files.keys()].sort(compareUris);
  }

  query(query: string): IndexedSpeaker[] {
    const scored: Array<{ score: number; speaker: IndexedSpeaker }> = [];
    for (const speakers of this.files.values()) {
      for (const speaker of speakers) {
        const score = matchScore(query, speaker.speaker);
        if (score > 0) scored.push({ score, speaker });
      }
    }
    // Files are read in parallel, so the order they were indexed in is no order: ties go by URI.
    scored.sort((a, b) => b.score - a.score || a.speaker.speaker.localeCompare(b.speaker.speaker) || compareUris(a.speaker.uri, b.speaker.uri));
    return scored.map(({ speaker }) => speaker);
  }
}

function compareUris(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function collectCandidates(files: ServerFiles, folder: string, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await files.list(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (into.length >= MAX_INDEXED_FILES) return;
    const uri = joinUri(folder, entry.name);
    if (entry.kind === 'directory') {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await collectCandidates(files, uri, into);
    } else if (entry.kind === 'file' && isCandidateName(entry.name)) {
      into.push(uri);
    }
  }
}

/** How speakersOfFile reads a file where the defaults are not the cheapest (a worker thread on Node). */
export interface FileReading {
  /** Bytes to text, as decodeFile does. */
  decode?: (bytes: Uint8Array) => DecodedFile;
  /** False where the speakers are copied anyway (sent to another thread), so names need no copy of their own. */
  copyNames?: boolean;
}

/**
 * The speakers of the file at `uri` when it would open as a transcript, else null: what the
 * index keeps of a file, wherever it is read (here, or on a worker thread). Never throws.
 */
export async function speakersOfFile(files: ServerFiles, uri: string, detectionEnabled: boolean, reading: FileReading = {}): Promise<IndexedSpeaker[] | null> {
  const text = await readTranscriptCandidate(files, uri, detectionEnabled, reading.decode ?? decodeFile);
  return text === null ? null : speakersOf(uri, analyzeTurns(text, { words: false }), reading.copyNames === false ? (name) => name : detached);
}

/** The file's text when it would open as a transcript, else null. Never throws. */
async function readTranscriptCandidate(files: ServerFiles, uri: string, detectionEnabled: boolean, decode: (bytes: Uint8Array) => DecodedFile): Promise<string | null> {
  try {
    const name = uriBasename(uri);
    if (!isCandidateName(name)) return null;
    const stat = await files.stat(uri);
    if (!stat || stat.kind !== 'file' || stat.size > MAX_INDEXED_FILE_SIZE) return null;
    const bytes = await files.read(uri);
    const text = bytes && decode(bytes).text;
    if (!text) return null;
    return isTranscriptFileName(name) || (detectionEnabled && looksLikeTranscript(text)) ? text : null;
  } catch {
    return null;
  }
}
