// Figures the user marked as checked, kept per transcript in its sidecar file beside it
// (sidecar.ts holds the format, shared with annotations).
//
// Each entry is an engine CheckedFigure: the figure's text and the words around it on its
// line anchor it, so edits elsewhere in the transcript do not detach it. The sidecar is
// written only when the user runs "Mark as checked" or changes an annotation.
import type { CheckedFigure } from './engine';
import { parseSidecarText, SidecarStore } from './sidecar';

export { isCheckedKind, SIDECAR_SUFFIX } from './sidecar';

/** The checked figures of a sidecar's text; entries that are not well-formed are skipped, not fatal. */
export function parseSidecar(text: string): CheckedFigure[] {
  return parseSidecarText(text).checked;
}

function sameAnchor(a: CheckedFigure, b: CheckedFigure): boolean {
  return a.text === b.text && a.before === b.before && a.after === b.after;
}

export class CheckedStore {
  /** The sidecars themselves; annotations share them. */
  constructor(readonly sidecars: SidecarStore) {}

  /** The marks of a document; empty until load() has read its sidecar. */
  get(uri: string): CheckedFigure[] {
    return this.sidecars.get(uri).checked;
  }

  /** Reads (or re-reads) the sidecar of a file; a missing or broken sidecar means no marks. */
  async load(uri: string): Promise<CheckedFigure[]> {
    return (await this.sidecars.load(uri)).checked;
  }

  /** Adds a mark (replacing one with the same anchor) and writes the sidecar, after any write already under way. */
  async add(uri: string, figure: CheckedFigure): Promise<void> {
    await this.sidecars.update(uri, (content) => ({
      ...content,
      checked: [...content.checked.filter((entry) => !sameAnchor(entry, figure)), figure],
    }));
  }

  forget(uri: string): void {
    this.sidecars.forget(uri);
  }
}
