// How annotations look in the editor: per tag a background colour, a gutter mark and an
// overview-ruler mark. One decoration type per tag colour, made once and reused.
import * as vscode from 'vscode';
import type { CodebookTag, ResolvedAnnotation } from './protocol';

/** The colour of tags that are no longer in the code book. */
export const UNKNOWN_TAG_COLOR = '#8c8c8c';

/** A small filled square in the tag's colour, for the gutter and the Annotations view. */
export function tagIcon(color: string): vscode.Uri {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect x="4" y="2" width="6" height="12" rx="2" fill="${color}"/></svg>`;
  return vscode.Uri.parse(`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`);
}

export function toRange(annotation: ResolvedAnnotation): vscode.Range | null {
  const range = annotation.range;
  return range ? new vscode.Range(range.startLine, range.startCharacter, range.endLine, range.endCharacter) : null;
}

export class AnnotationDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  /** What each editor's document shows now, by tag, for the in-editor tests. */
  private readonly shown = new Map<string, Array<{ tag: string; range: vscode.Range }>>();

  private typeFor(color: string): vscode.TextEditorDecorationType {
    let type = this.types.get(color);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({
        backgroundColor: `${color}40`,
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        gutterIconPath: tagIcon(color),
        gutterIconSize: 'contain',
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.types.set(color, type);
    }
    return type;
  }

  /** Draws the annotations of the editor's document: every colour in use is set, the rest cleared. */
  draw(editor: vscode.TextEditor, annotations: readonly ResolvedAnnotation[], tags: readonly CodebookTag[]): void {
    const byColor = new Map<string, vscode.DecorationOptions[]>();
    const shown: Array<{ tag: string; range: vscode.Range }> = [];
    for (const annotation of annotations) {
      const range = toRange(annotation);
      if (!range) continue;
      const color = tags.find((tag) => tag.name === annotation.tag)?.color ?? UNKNOWN_TAG_COLOR;
      const list = byColor.get(color) ?? [];
      list.push({ range });
      byColor.set(color, list);
      shown.push({ tag: annotation.tag, range });
      this.typeFor(color);
    }
    for (const [color, type] of this.types) editor.setDecorations(type, byColor.get(color) ?? []);
    this.shown.set(editor.document.uri.toString(), shown);
  }

  shownIn(uri: string): Array<{ tag: string; range: vscode.Range }> {
    return this.shown.get(uri) ?? [];
  }

  dispose(): void {
    for (const type of this.types.values()) type.dispose();
    this.types.clear();
  }
}
