// The sidecar beside each transcript: for "call.txt" the file "call.txt.lens.json" keeps
// what the user wrote down about the call without touching its words: figures marked as
// checked and annotations. One versioned format (version 2; version 1 files, which held
// checked figures only, are read as they are and rewritten as version 2 on the next change).
//
// Writes are serialized per file and atomic where the file system allows it (files.ts), and
// each write starts from what is on disk, so an edit made by hand is kept. A sidecar that is
// not valid JSON, or comes from a newer version, is reported and never overwritten.
// Documents the file system does not handle (untitled ones) keep their sidecar in memory.
import type { CheckedFigure, FigureKind } from './engine';
import type { StoredAnnotation } from './engine/anchors';
import { displayUri, joinUri } from './files';
import type { ServerFiles } from './files';

export const SIDECAR_SUFFIX = '.lens.json';
export const SIDECAR_VERSION = 2;

const CHECKED_KINDS: readonly string[] = [
  'money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction',
  'duration', 'date', 'period', 'ordinal', 'label',
] satisfies Exclude<FigureKind, 'unparsed'>[];

const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);
const MAX_SIDECARS = 5000;

export interface SidecarContent {
  checked: CheckedFigure[];
  annotations: StoredAnnotation[];
}

export interface SidecarState extends SidecarContent {
  /** Why the sidecar could not be read (invalid JSON, a newer version); null when it is fine or absent. */
  error: string | null;
}

/** Why a write was refused: the sidecar on disk must not be overwritten. */
export class SidecarError extends Error {}

/** The URI of a transcript's sidecar, or null for documents that are not files (untitled, or with a query). */
export function sidecarUri(uri: string, files: Pick<ServerFiles, 'handles'>): string | null {
  return files.handles(uri) && !/[?#]/.test(uri) ? uri + SIDECAR_SUFFIX : null;
}

/** The transcript a sidecar belongs to. */
export function transcriptOfSidecar(sidecar: string): string {
  return sidecar.slice(0, -SIDECAR_SUFFIX.length);
}

/** True for the kinds a user may choose as a figure's reading; "unparsed" is not a reading. */
export function isCheckedKind(kind: unknown): kind is CheckedFigure['kind'] {
  return typeof kind === 'string' && CHECKED_KINDS.includes(kind);
}

function isCheckedFigure(value: unknown): value is CheckedFigure {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.text === 'string' && typeof entry.before === 'string' && typeof entry.after === 'string' &&
    isCheckedKind(entry.kind) &&
    (entry.value === null || (typeof entry.value === 'number' && Number.isFinite(entry.value))) &&
    (entry.unit === null || typeof entry.unit === 'string')
  );
}

function isStoredAnnotation(value: unknown): value is StoredAnnotation {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.id === 'string' && entry.id.length > 0 && typeof entry.tag === 'string' &&
    typeof entry.text === 'string' && typeof entry.before === 'string' && typeof entry.after === 'string' &&
    (entry.note === undefined || typeof entry.note === 'string') &&
    (entry.created === undefined || typeof entry.created === 'string') &&
    (entry.line === undefined || (typeof entry.line === 'number' && Number.isInteger(entry.line) && entry.line >= 0))
  );
}

function empty(): SidecarState {
  return { checked: [], annotations: [], error: null };
}

/** Reads a sidecar's text: entries that are not well-formed are skipped; a file that is not a sidecar at all is an error. */
export function parseSidecarText(text: string): SidecarState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ...empty(), error: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ...empty(), error: 'it is not a JSON object' };
  const body = parsed as { version?: unknown; checked?: unknown; annotations?: unknown };
  if (typeof body.version === 'number' && body.version > SIDECAR_VERSION) {
    return { ...empty(), error: `it has version ${body.version}, newer than this Transcript Lens reads (${SIDECAR_VERSION})` };
  }
  return {
    checked: Array.isArray(body.checked) ? body.checked.filter(isCheckedFigure) : [],
    annotations: Array.isArray(body.annotations)
      ? body.annotations.filter(isStoredAnnotation).map((entry) => ({ ...entry, note: entry.note ?? '', created: entry.created ?? '' }))
      : [],
    error: null,
  };
}

/** The text written for a sidecar: always the current version, annotations in document order. */
export function serializeSidecar(content: SidecarContent): string {
  const annotations = [...content.annotations].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return `${JSON.stringify({ version: SIDECAR_VERSION, checked: content.checked, annotations }, null, 2)}\n`;
}

async function readState(files: ServerFiles, sidecar: string): Promise<SidecarState> {
  let bytes: Uint8Array | null;
  try {
    bytes = await files.read(sidecar);
  } catch {
    bytes = null;
  }
  // No sidecar yet (or none that can be read): nothing was written down about this transcript.
  return bytes ? parseSidecarText(new TextDecoder().decode(bytes)) : empty();
}

export class SidecarStore {
  private readonly byUri = new Map<string, SidecarState>();
  /** The last pending write per document: writes run one after another, so none is lost to a race. */
  private readonly pending = new Map<string, Promise<unknown>>();
  /** Called when a sidecar cannot be read, with where it is and why. */
  onInvalid: (sidecar: string, reason: string) => void = () => undefined;

  constructor(private readonly files: ServerFiles) {}

  /** The URI of a transcript's sidecar, or null when it has none on file. */
  sidecarOf(uri: string): string | null {
    return sidecarUri(uri, this.files);
  }

  /** The sidecar of a document; empty until load() has read it. */
  get(uri: string): SidecarState {
    return this.byUri.get(uri) ?? empty();
  }

  /** Reads (or re-reads) the sidecar of a file. */
  async load(uri: string): Promise<SidecarState> {
    const sidecar = this.sidecarOf(uri);
    if (!sidecar) return this.get(uri);
    const state = await readState(this.files, sidecar);
    if (state.error) this.onInvalid(displayUri(sidecar), state.error);
    this.byUri.set(uri, state);
    return state;
  }

  /** Reads a sidecar without keeping it, for transcripts that are not open. */
  async read(uri: string): Promise<SidecarState> {
    const sidecar = this.sidecarOf(uri);
    return sidecar ? readState(this.files, sidecar) : empty();
  }

  /** Changes a document's sidecar and writes it, after any write already under way. */
  update(uri: string, change: (content: SidecarContent) => SidecarContent): Promise<SidecarState> {
    return this.serialized(uri, () => this.updateNow(uri, change));
  }

  private serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.pending.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.pending.set(key, next);
    const settled = () => {
      if (this.pending.get(key) === next) this.pending.delete(key);
    };
    next.then(settled, settled);
    return next;
  }

  private async updateNow(uri: string, change: (content: SidecarContent) => SidecarContent): Promise<SidecarState> {
    const sidecar = this.sidecarOf(uri);
    // What is on disk wins over what was read before: a hand edit since then is kept.
    const current = sidecar ? await readState(this.files, sidecar) : this.get(uri);
    if (current.error) {
      this.byUri.set(uri, current);
      throw new SidecarError(`${displayUri(sidecar ?? uri)} was not changed: ${current.error}. Fix or delete it, then try again.`);
    }
    const next = change({ checked: current.checked, annotations: current.annotations });
    if (sidecar) await this.files.write(sidecar, new TextEncoder().encode(serializeSidecar(next)));
    const state: SidecarState = { ...next, error: null };
    this.byUri.set(uri, state);
    return state;
  }

  /** Moves a renamed transcript's sidecar along with it; a sidecar already at the new name is never overwritten. */
  move(oldUri: string, newUri: string): Promise<boolean> {
    return this.serialized(oldUri, () => this.serialized(newUri, async () => {
      const from = this.sidecarOf(oldUri);
      const to = this.sidecarOf(newUri);
      const known = this.byUri.get(oldUri);
      this.byUri.delete(oldUri);
      if (!from || !to) {
        if (known) this.byUri.set(newUri, known);
        return Boolean(known);
      }
      if (!(await this.files.stat(from))) return false;
      if (await this.files.stat(to)) throw new SidecarError(`${displayUri(to)} already exists, so the sidecar of the renamed file stays at ${displayUri(from)}.`);
      await this.files.rename(from, to);
      return true;
    }));
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

/** The URI of every sidecar under a folder (hidden folders and node_modules skipped). */
export async function findSidecars(files: ServerFiles, folder: string, into: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await files.list(folder);
  } catch {
    return into;
  }
  for (const entry of entries) {
    if (into.length >= MAX_SIDECARS) break;
    const uri = joinUri(folder, entry.name);
    if (entry.kind === 'directory') {
      if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith('.')) await findSidecars(files, uri, into);
    } else if (entry.kind === 'file' && entry.name.endsWith(SIDECAR_SUFFIX) && !entry.name.startsWith('.')) {
      into.push(uri);
    }
  }
  return into;
}
