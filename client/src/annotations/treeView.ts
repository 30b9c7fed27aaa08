// The Annotations view: every annotation in the workspace, grouped by tag then file, with
// counts and a filter; clicking one opens its passage.
import * as vscode from 'vscode';
import { fileName } from '../format';
import { tagIcon, UNKNOWN_TAG_COLOR } from './decorations';
import type { Codebook, DocumentAnnotations, ResolvedAnnotation } from './protocol';

export const ANNOTATIONS_VIEW_ID = 'transcriptLens.annotations';
export const REVEAL_ANNOTATION_COMMAND = 'transcriptLens.revealAnnotation';

export type AnnotationNode =
  | { kind: 'tag'; tag: string; color: string; count: number }
  | { kind: 'file'; tag: string; uri: string; count: number }
  | { kind: 'annotation'; uri: string; annotation: ResolvedAnnotation };

function matches(filter: string, uri: string, annotation: ResolvedAnnotation): boolean {
  if (!filter) return true;
  const haystack = [annotation.tag, annotation.note, annotation.text, annotation.speaker ?? '', annotation.section ?? '', fileName(vscode.Uri.parse(uri).path)];
  return haystack.some((value) => value.toLowerCase().includes(filter));
}

function shorten(text: string, length = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** A row's identity: its tag, its file under a tag, or its annotation, whatever its place. */
function nodeId(node: AnnotationNode): string {
  if (node.kind === 'tag') return JSON.stringify(['tag', node.tag]);
  if (node.kind === 'file') return JSON.stringify(['file', node.tag, node.uri]);
  return JSON.stringify(['annotation', node.uri, node.annotation.id]);
}

export class AnnotationTreeProvider implements vscode.TreeDataProvider<AnnotationNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private documents: DocumentAnnotations[] = [];
  private codebook: Codebook = { tags: [], source: 'default', problems: [] };
  filter = '';

  update(documents: DocumentAnnotations[], codebook: Codebook): void {
    this.documents = documents;
    this.codebook = codebook;
    this.changed.fire();
  }

  /** Puts one document's fresh annotations in place, without asking for the whole workspace again. */
  replace(uri: string, document: DocumentAnnotations): void {
    const others = this.documents.filter((candidate) => candidate.uri !== uri);
    this.documents = document.annotations.length || document.error ? [...others, document].sort((a, b) => (a.uri < b.uri ? -1 : 1)) : others;
    this.changed.fire();
  }

  has(uri: string): boolean {
    return this.documents.some((document) => document.uri === uri);
  }

  /** Sidecars that cannot be read, as "file: why", for the view's message. */
  problems(): string[] {
    return this.documents.filter((document) => document.error).map((document) => `${fileName(vscode.Uri.parse(document.uri).path)}: ${document.error}`);
  }

  setFilter(filter: string): void {
    this.filter = filter.trim().toLowerCase();
    this.changed.fire();
  }

  private visible(): Array<{ uri: string; annotation: ResolvedAnnotation }> {
    return this.documents.flatMap((document) =>
      document.annotations.filter((annotation) => matches(this.filter, document.uri, annotation)).map((annotation) => ({ uri: document.uri, annotation })));
  }

  /** The tags with annotations, in code-book order and then any others, with their counts. */
  roots(): Array<Extract<AnnotationNode, { kind: 'tag' }>> {
    const visible = this.visible();
    const names = [...new Set([...this.codebook.tags.map((tag) => tag.name), ...visible.map((entry) => entry.annotation.tag)])];
    return names
      .map((tag) => ({
        kind: 'tag' as const,
        tag,
        color: this.codebook.tags.find((candidate) => candidate.name === tag)?.color ?? UNKNOWN_TAG_COLOR,
        count: visible.filter((entry) => entry.annotation.tag === tag).length,
      }))
      .filter((node) => node.count > 0);
  }

  getChildren(node?: AnnotationNode): AnnotationNode[] {
    if (!node) return this.roots();
    const visible = this.visible();
    if (node.kind === 'tag') {
      const uris = [...new Set(visible.filter((entry) => entry.annotation.tag === node.tag).map((entry) => entry.uri))];
      return uris.map((uri) => ({ kind: 'file', tag: node.tag, uri, count: visible.filter((entry) => entry.uri === uri && entry.annotation.tag === node.tag).length }));
    }
    if (node.kind === 'file') {
      return visible
        .filter((entry) => entry.uri === node.uri && entry.annotation.tag === node.tag)
        .sort((a, b) => (a.annotation.range?.startLine ?? Infinity) - (b.annotation.range?.startLine ?? Infinity))
        .map((entry) => ({ kind: 'annotation', ...entry }));
    }
    return [];
  }

  getTreeItem(node: AnnotationNode): vscode.TreeItem {
    const item = this.itemOf(node);
    // Without an id VS Code names a row by its place and label, so a tag added above the
    // others renames every row below it between two refreshes. Ids that say what the row is
    // keep each row's name, and with it its open state and its children, across refreshes.
    item.id = nodeId(node);
    return item;
  }

  private itemOf(node: AnnotationNode): vscode.TreeItem {
    if (node.kind === 'tag') {
      const item = new vscode.TreeItem(node.tag, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.iconPath = tagIcon(node.color);
      item.tooltip = this.codebook.tags.find((tag) => tag.name === node.tag)?.description || node.tag;
      return item;
    }
    if (node.kind === 'file') {
      const uri = vscode.Uri.parse(node.uri);
      const item = new vscode.TreeItem(fileName(uri.path), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.resourceUri = uri;
      item.iconPath = vscode.ThemeIcon.File;
      return item;
    }
    const { annotation } = node;
    const item = new vscode.TreeItem(shorten(annotation.text), vscode.TreeItemCollapsibleState.None);
    const where = annotation.range ? vscode.l10n.t('line {0}', annotation.range.startLine + 1) : vscode.l10n.t('detached');
    item.description = [annotation.speaker, where, annotation.note ? shorten(annotation.note, 40) : null].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [`**${annotation.tag}**${annotation.state === 'detached' ? ` — ${vscode.l10n.t('detached: its text is no longer in the file')}` : ''}`, annotation.note, `> ${shorten(annotation.text, 400)}`]
        .filter(Boolean).join('\n\n'),
    );
    item.iconPath = annotation.state === 'detached' ? new vscode.ThemeIcon('warning') : new vscode.ThemeIcon('quote');
    item.contextValue = annotation.state === 'detached' ? 'annotation.detached' : 'annotation';
    item.command = { title: vscode.l10n.t('Open annotation'), command: REVEAL_ANNOTATION_COMMAND, arguments: [node.uri, annotation.id] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
