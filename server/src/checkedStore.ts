// Figures the user marked as checked, kept per transcript in a sidecar file beside it.
//
// Sidecar format: for "call.txt" the file "call.txt.lens.json" holds
//   { "version": 1, "checked": [ { "text": "9.1", "before": "…up to 40 characters…",
//     "after": "…up to 40 characters…", "kind": "percent", "value": 0.091, "unit": "%" } ] }
// Each entry is an engine CheckedFigure: the figure's text and the words around it on its
// line anchor it, so edits elsewhere in the transcript do not detach it. Writing this file
// is the only file write the server does, and only when the user runs "Mark as checked".
// Documents that are not files (untitled, virtual workspaces) keep their marks in memory.
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CheckedFigure, FigureKind } from './engine';

export const SIDECAR_SUFFIX = '.lens.json';
const SIDECAR_VERSION = 1;

const CHECKED_KINDS: readonly string[] = [
  'money', 'percent', 'percentagePoints', 'basisPoints', 'count', 'multiple', 'fraction',
  'duration', 'date', 'period', 'ordinal', 'label',
] satisfies Exclude<FigureKind, 'unparsed'>[];

/** The sidecar path of a transcript, or null for documents that are not files. */
export function sidecarPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri) + SIDECAR_SUFFIX;
  } catch {
    return null;
  }
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

/** Reads a sidecar's text; entries that are not well-formed are skipped, not fatal. */
export function parseSidecar(text: string): CheckedFigure[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return [];
    const checked = (parsed as { checked?: unknown }).checked;
    return Array.isArray(checked) ? checked.filter(isCheckedFigure) : [];
  } catch {
    return [];
  }
}

function sameAnchor(a: CheckedFigure, b: CheckedFigure): boolean {
  return a.text === b.text && a.before === b.before && a.after === b.after;
}

export class CheckedStore {
  private readonly byUri = new Map<string, CheckedFigure[]>();
  /** The last pending add per document: adds run one after another, so none is lost to a race. */
  private readonly pendingAdds = new Map<string, Promise<void>>();

  /** The marks of a document; empty until load() has read its sidecar. */
  get(uri: string): CheckedFigure[] {
    return this.byUri.get(uri) ?? [];
  }

  /** Reads (or re-reads) the sidecar of a file; a missing or broken sidecar means no marks. */
  async load(uri: string): Promise<CheckedFigure[]> {
    const path = sidecarPath(uri);
    if (!path) return this.get(uri);
    let checked: CheckedFigure[] = [];
    try {
      checked = parseSidecar(await fs.readFile(path, 'utf8'));
    } catch {
      // No sidecar yet: the document simply has no checked figures.
    }
    this.byUri.set(uri, checked);
    return checked;
  }

  /** Adds a mark (replacing one with the same anchor) and writes the sidecar, after any add already under way. */
  add(uri: string, figure: CheckedFigure): Promise<void> {
    const previous = this.pendingAdds.get(uri) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.addNow(uri, figure));
    this.pendingAdds.set(uri, next);
    const settled = () => {
      if (this.pendingAdds.get(uri) === next) this.pendingAdds.delete(uri);
    };
    next.then(settled, settled);
    return next;
  }

  private async addNow(uri: string, figure: CheckedFigure): Promise<void> {
    const checked = [...this.get(uri).filter((entry) => !sameAnchor(entry, figure)), figure];
    const path = sidecarPath(uri);
    if (path) {
      const body = { version: SIDECAR_VERSION, checked };
      await fs.writeFile(path, JSON.stringify(body, null, 2) + '\n', 'utf8');
    }
    this.byUri.set(uri, checked);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
