// Annotations in the editor: asks the server for each visible transcript's annotations and
// draws them, keeps the Annotations view, and runs the commands (annotate, remove, re-tag,
// edit note, next/previous, export). Every change goes through the server, which owns the
// sidecar; this side only draws and asks.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import { TRANSCRIPT_LANGUAGE } from '../protocol';
import { AnnotationDecorations, toRange } from './decorations';
import {
  addAnnotationRequest, annotationsChangedNotification, codebookRequest, documentAnnotationsRequest, exportAnnotationsRequest,
  filesRenamedRequest, removeAnnotationRequest, updateAnnotationRequest, workspaceAnnotationsRequest,
} from './protocol';
import type { Codebook, DocumentAnnotations, ExportFormat, ResolvedAnnotation } from './protocol';
import { ANNOTATIONS_VIEW_ID, AnnotationTreeProvider, REVEAL_ANNOTATION_COMMAND } from './treeView';
import type { AnnotationNode } from './treeView';

const ON_ANNOTATION_CONTEXT_KEY = 'transcriptLens.onAnnotation';
const REFRESH_DELAY_MS = 250;
/** How many tags get a keyboard shortcut (transcriptLens.annotateWithTag1 … 9). */
export const SHORTCUT_TAGS = 9;

/** What the in-editor tests read. */
export interface AnnotationsApi {
  /** The annotations the server last sent for a document. */
  annotations(uri: string): ResolvedAnnotation[];
  /** The ranges drawn in the editors of a document, with their tags. */
  decorations(uri: string): Array<{ tag: string; range: vscode.Range }>;
  /** The Annotations view's top level: each tag with its count. */
  viewTags(): Array<{ tag: string; count: number }>;
  /** Resolves once every pending refresh has finished. */
  refreshed(): Promise<void>;
}

interface ExportOptions {
  format?: ExportFormat;
  scope?: 'file' | 'workspace';
  /** A file path or URI to write; without it the export opens as an unsaved document. */
  target?: string;
}

export class AnnotationController implements vscode.Disposable {
  private readonly decorations = new AnnotationDecorations();
  readonly tree = new AnnotationTreeProvider();
  private readonly byUri = new Map<string, DocumentAnnotations>();
  /** The first folder's code book, for the Annotations view; each document uses its own folder's. */
  private codebook: Codebook = { tags: [], source: 'default', problems: [] };
  private readonly codebooks = new Map<string, Promise<Codebook>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private pending: Promise<unknown> = Promise.resolve();
  private outlineNudge: vscode.Disposable | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {}

  register(context: vscode.ExtensionContext): AnnotationsApi {
    const view = vscode.window.createTreeView(ANNOTATIONS_VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true });
    // The view's message says what is filtered and which sidecars cannot be read.
    const updateMessage = () => {
      const lines = [this.tree.filter ? vscode.l10n.t('Filter: {0}', this.tree.filter) : '', ...this.tree.problems()].filter(Boolean);
      view.message = lines.length ? lines.join(' · ') : undefined;
    };
    const command = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, async (...args: any[]) => {
      try {
        return await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
        return undefined;
      }
    });
    this.subscriptions.push(
      this.decorations, this.tree, view,
      this.tree.onDidChangeTreeData(updateMessage),
      this.client.onNotification(annotationsChangedNotification, ({ uri }) => {
        if (uri === null) void this.track(this.refreshCodebook());
        this.refreshSoon(uri, 0);
        this.nudgeOutline();
      }),
      this.client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) void this.track(this.refreshCodebook().then(() => this.refreshAll()));
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshSoon(null, 0)),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document.languageId === TRANSCRIPT_LANGUAGE) this.refreshSoon(document.uri.toString(), REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId === TRANSCRIPT_LANGUAGE) this.refreshSoon(document.uri.toString(), 0);
      }),
      vscode.window.onDidChangeTextEditorSelection(() => this.updateContext()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidRenameFiles(({ files }) => {
        const renamed = files.map((file) => ({ oldUri: file.oldUri.toString(), newUri: file.newUri.toString() }));
        void this.track(this.client.sendRequest(filesRenamedRequest, { files: renamed }));
      }),
      command('transcriptLens.annotate', (tag?: string, note?: string) => this.annotate(tag, note)),
      ...Array.from({ length: SHORTCUT_TAGS }, (_, index) =>
        command(`transcriptLens.annotateWithTag${index + 1}`, async () => {
          const tag = (await this.activeCodebook()).tags[index];
          if (!tag) throw new Error(vscode.l10n.t('The code book has no tag {0}.', index + 1));
          return this.annotate(tag.name, '');
        })),
      command('transcriptLens.removeAnnotation', (target?: unknown) => this.remove(target)),
      command('transcriptLens.retagAnnotation', (target?: unknown, tag?: string) => this.retag(target, tag)),
      command('transcriptLens.editAnnotationNote', (target?: unknown, note?: string) => this.editNote(target, note)),
      command('transcriptLens.nextAnnotation', () => this.step(1)),
      command('transcriptLens.previousAnnotation', () => this.step(-1)),
      command('transcriptLens.exportAnnotations', (options?: ExportOptions) => this.export({ scope: 'file', ...options })),
      command('transcriptLens.exportWorkspaceAnnotations', (options?: ExportOptions) => this.export({ ...options, scope: 'workspace' })),
      command('transcriptLens.filterAnnotations', async (filter?: string) => {
        const value = filter ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show annotations whose tag, note, text, speaker or file contains'), value: this.tree.filter }));
        if (value === undefined) return;
        this.tree.setFilter(value);
        void vscode.commands.executeCommand('setContext', 'transcriptLens.annotationsFiltered', Boolean(value.trim()));
      }),
      command('transcriptLens.clearAnnotationFilter', () => vscode.commands.executeCommand('transcriptLens.filterAnnotations', '')),
      command(REVEAL_ANNOTATION_COMMAND, (uri: string, id: string) => this.reveal(uri, id)),
    );
    context.subscriptions.push(this);
    return {
      annotations: (uri) => this.byUri.get(uri)?.annotations ?? [],
      decorations: (uri) => this.decorations.shownIn(uri),
      viewTags: () => this.tree.roots().map(({ tag, count }) => ({ tag, count })),
      refreshed: async () => {
        for (;;) {
          const current = this.pending;
          await current.catch(() => undefined);
          if (current === this.pending && this.timers.size === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
    };
  }

  private track<T>(work: Promise<T>): Promise<T> {
    const all = Promise.all([this.pending.catch(() => undefined), work.catch(() => undefined)]);
    this.pending = all;
    return work;
  }

  private refreshSoon(uri: string | null, delay: number): void {
    const key = uri ?? '*';
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.track(uri ? this.refreshDocument(uri) : this.refreshAll());
    }, delay));
  }

  /**
   * Makes VS Code ask again for document symbols, whose turn details count annotations. LSP has
   * no refresh for symbols and VS Code keeps a document's outline until its text or its list of
   * symbol providers changes; replacing an empty provider (which adds nothing to the outline)
   * changes that list.
   */
  private nudgeOutline(): void {
    this.outlineNudge?.dispose();
    this.outlineNudge = vscode.languages.registerDocumentSymbolProvider({ language: TRANSCRIPT_LANGUAGE }, { provideDocumentSymbols: () => [] });
  }

  private async refreshCodebook(): Promise<void> {
    if (this.client.state !== State.Running) return;
    this.codebooks.clear();
    this.codebook = await this.client.sendRequest(codebookRequest, {});
  }

  /** The code book of a document's workspace folder, asked for once per document until code books change. */
  private codebookOf(uri: string): Promise<Codebook> {
    let book = this.codebooks.get(uri);
    if (!book) {
      book = Promise.resolve(this.client.sendRequest(codebookRequest, { uri }));
      this.codebooks.set(uri, book);
      book.catch(() => this.codebooks.delete(uri));
    }
    return book;
  }

  /** The code book of the active editor's document, else the first folder's. */
  private async activeCodebook(): Promise<Codebook> {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    if (uri) return this.codebookOf(uri);
    if (!this.codebook.tags.length) await this.refreshCodebook();
    return this.codebook;
  }

  private async refreshAll(): Promise<void> {
    if (this.client.state !== State.Running) return;
    if (!this.codebook.tags.length) await this.refreshCodebook();
    const uris = new Set(vscode.window.visibleTextEditors.filter((editor) => editor.document.languageId === TRANSCRIPT_LANGUAGE).map((editor) => editor.document.uri.toString()));
    await Promise.all([...uris].map((uri) => this.refreshDocument(uri)));
    await this.refreshView();
  }

  private async refreshDocument(uri: string): Promise<void> {
    if (this.client.state !== State.Running) return;
    const found = await this.client.sendRequest(documentAnnotationsRequest, { uri });
    if (found) {
      this.byUri.set(uri, found);
      this.tree.replace(uri, found);
    } else {
      this.byUri.delete(uri);
      // A transcript that is not open (changed from the Annotations view) is read from disk with the rest.
      if (this.tree.has(uri)) await this.refreshView();
    }
    const tags = (await this.codebookOf(uri)).tags;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri) this.decorations.draw(editor, found?.annotations ?? [], tags);
    }
    this.updateContext();
  }

  private async refreshView(): Promise<void> {
    if (this.client.state !== State.Running) return;
    this.tree.update(await this.client.sendRequest(workspaceAnnotationsRequest), this.codebook);
  }

  /** The annotations under the active editor's cursor. */
  private atCursor(): { uri: string; annotations: ResolvedAnnotation[] } | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const uri = editor.document.uri.toString();
    const position = editor.selection.active;
    const annotations = (this.byUri.get(uri)?.annotations ?? []).filter((annotation) => toRange(annotation)?.contains(position));
    return { uri, annotations };
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', ON_ANNOTATION_CONTEXT_KEY, (this.atCursor()?.annotations.length ?? 0) > 0);
  }

  private async pickTag(placeHolder: string): Promise<string | undefined> {
    const book = await this.activeCodebook();
    const picked = await vscode.window.showQuickPick(
      book.tags.map((tag, index) => ({ label: tag.name, description: index < SHORTCUT_TAGS ? vscode.l10n.t('tag {0}', index + 1) : undefined, detail: tag.description })),
      { placeHolder },
    );
    return picked?.label;
  }

  private async annotate(tag?: string, note?: string): Promise<ResolvedAnnotation | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== TRANSCRIPT_LANGUAGE) throw new Error(vscode.l10n.t('Open a transcript and select a passage to annotate.'));
    if (editor.selection.isEmpty) throw new Error(vscode.l10n.t('Select the passage to annotate first.'));
    const chosenTag = tag ?? (await this.pickTag(vscode.l10n.t('Tag for the selected passage')));
    if (!chosenTag) return undefined;
    const chosenNote = note ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Note for this {0} annotation (optional)', chosenTag) }));
    if (chosenNote === undefined) return undefined;
    const { start, end } = editor.selection;
    const added = await this.client.sendRequest(addAnnotationRequest, {
      uri: editor.document.uri.toString(),
      range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
      tag: chosenTag,
      note: chosenNote,
    });
    await this.track(this.refreshDocument(editor.document.uri.toString()));
    return added;
  }

  /** The annotation a command is about: a view item, { uri, id }, or the one under the cursor (picked when several). */
  private async target(argument: unknown): Promise<{ uri: string; annotation: ResolvedAnnotation } | undefined> {
    const node = argument as Partial<AnnotationNode> & { id?: string; uri?: string } | undefined;
    if (node && node.kind === 'annotation' && node.annotation && node.uri) return { uri: node.uri, annotation: node.annotation };
    if (node && typeof node.uri === 'string' && typeof node.id === 'string') {
      const annotation = this.byUri.get(node.uri)?.annotations.find((candidate) => candidate.id === node.id)
        ?? (await this.client.sendRequest(documentAnnotationsRequest, { uri: node.uri }))?.annotations.find((candidate) => candidate.id === node.id);
      return annotation ? { uri: node.uri, annotation } : undefined;
    }
    const here = this.atCursor();
    if (!here || !here.annotations.length) throw new Error(vscode.l10n.t('Place the cursor on an annotation first.'));
    if (here.annotations.length === 1) return { uri: here.uri, annotation: here.annotations[0] };
    const picked = await vscode.window.showQuickPick(here.annotations.map((annotation) => ({ label: annotation.tag, description: annotation.note, annotation })), { placeHolder: vscode.l10n.t('Which annotation?') });
    return picked ? { uri: here.uri, annotation: picked.annotation } : undefined;
  }

  private async afterChange(uri: string): Promise<void> {
    await this.track(this.refreshDocument(uri));
  }

  private async remove(argument: unknown): Promise<boolean> {
    const found = await this.target(argument);
    if (!found) return false;
    const { removed } = await this.client.sendRequest(removeAnnotationRequest, { uri: found.uri, id: found.annotation.id });
    await this.afterChange(found.uri);
    return removed;
  }

  private async retag(argument: unknown, tag?: string): Promise<ResolvedAnnotation | undefined> {
    const found = await this.target(argument);
    if (!found) return undefined;
    const chosen = tag ?? (await this.pickTag(vscode.l10n.t('New tag (now {0})', found.annotation.tag)));
    if (!chosen) return undefined;
    const updated = await this.client.sendRequest(updateAnnotationRequest, { uri: found.uri, id: found.annotation.id, tag: chosen });
    await this.afterChange(found.uri);
    return updated;
  }

  private async editNote(argument: unknown, note?: string): Promise<ResolvedAnnotation | undefined> {
    const found = await this.target(argument);
    if (!found) return undefined;
    const chosen = note ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Note for this {0} annotation', found.annotation.tag), value: found.annotation.note }));
    if (chosen === undefined) return undefined;
    const updated = await this.client.sendRequest(updateAnnotationRequest, { uri: found.uri, id: found.annotation.id, note: chosen });
    await this.afterChange(found.uri);
    return updated;
  }

  /** Moves the cursor to the next (or previous) annotation, wrapping around the document. */
  private step(direction: 1 | -1): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const ranges = (this.byUri.get(editor.document.uri.toString())?.annotations ?? [])
      .map(toRange).filter((range): range is vscode.Range => range !== null)
      .sort((a, b) => a.start.compareTo(b.start));
    if (!ranges.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This transcript has no annotations.'));
      return;
    }
    const cursor = editor.selection.active;
    const next = direction === 1
      ? ranges.find((range) => range.start.isAfter(cursor)) ?? ranges[0]
      : [...ranges].reverse().find((range) => range.start.isBefore(cursor) && !range.contains(cursor)) ?? ranges[ranges.length - 1];
    editor.selection = new vscode.Selection(next.start, next.start);
    editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async reveal(uri: string, id: string): Promise<void> {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
    await this.refreshDocument(uri);
    const annotation = this.byUri.get(uri)?.annotations.find((candidate) => candidate.id === id);
    const range = annotation ? toRange(annotation) : null;
    if (!range) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This annotation is detached: its text is no longer in the file.'));
      return;
    }
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async export(options: ExportOptions): Promise<string | undefined> {
    const format = options.format ?? (await vscode.window.showQuickPick(
      [{ label: 'CSV', format: 'csv' as const }, { label: 'Markdown', format: 'md' as const }], { placeHolder: vscode.l10n.t('Export annotations as') }))?.format;
    if (!format) return undefined;
    let uris: string[] | null = null;
    if (options.scope === 'file') {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== TRANSCRIPT_LANGUAGE) throw new Error(vscode.l10n.t('Open a transcript to export its annotations.'));
      uris = [document.uri.toString()];
    }
    const { text } = await this.client.sendRequest(exportAnnotationsRequest, { uris, format });
    if (options.target) {
      const target = options.target.includes('://') || options.target.startsWith('file:') ? vscode.Uri.parse(options.target) : vscode.Uri.file(options.target);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } else {
      const document = await vscode.workspace.openTextDocument({ content: text, language: format === 'csv' ? 'csv' : 'markdown' });
      await vscode.window.showTextDocument(document, { preview: false });
    }
    return text;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.outlineNudge?.dispose();
  }
}

/** Adds annotations to the extension: views, decorations and commands. */
export function registerAnnotations(context: vscode.ExtensionContext, client: LanguageClient): AnnotationsApi {
  return new AnnotationController(client).register(context);
}
