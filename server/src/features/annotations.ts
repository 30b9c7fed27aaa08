// Annotations in the server: it keeps them in the sidecar, resolves them with the engine
// against each document's current text, and serves them (custom requests, code actions on a
// selection, a hover section, counts in the outline, export). The client only draws them.
import { SymbolKind } from 'vscode-languageserver';
import type { CodeAction, CodeActionParams, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../analysisCache';
import { chooseCodebook, CODEBOOK_FILE } from '../annotationsCodebook';
import { annotationsToCsv, annotationsToJson, annotationsToMarkdown } from '../annotationsExport';
import { ANNOTATE_COMMAND, REMOVE_ANNOTATION_COMMAND } from '../annotationsProtocol';
import type {
  AddAnnotationParams, AnnotationIdParams, Codebook, DocumentAnnotations, ExportAnnotationsParams, FilesRenamedParams,
  UpdateAnnotationParams,
} from '../annotationsProtocol';
import { decodeFile } from '../decode';
import { displayUri, joinUri, relativeUriPath } from '../files';
import type { ServerFiles } from '../files';
import { analyze } from '../engine';
import type { Section, Turn } from '../engine';
import { annotationRecord, resolveAnnotations } from '../engine/anchors';
import type { ResolvedAnnotation, StoredAnnotation } from '../engine/anchors';
import { findSidecars, SidecarError, SidecarStore, transcriptOfSidecar } from '../sidecar';
import type { SidecarContent, SidecarState } from '../sidecar';
import { escapeMarkdown } from './hoverCard';
import { Refusal, refusalAsValue } from './refusal';
import { turnAtLine } from './turnLookup';

export const ANNOTATION_CODE_ACTION_KIND = 'refactor.annotate';
export const ANNOTATION_COMMANDS = [ANNOTATE_COMMAND, REMOVE_ANNOTATION_COMMAND];

/** What the service needs from the server around it. */
export interface AnnotationHost {
  files: ServerFiles;
  sidecars: SidecarStore;
  /** The cached analysis of an open transcript, or null. */
  transcript(uri: string): AnalyzedDocument | null;
  /** URIs of the open documents. */
  openUris(): string[];
  /** Resolves once the sidecar of a just-opened document has been read. */
  whenLoaded(uri: string): Promise<void>;
  /** Re-reads an open document's sidecar and re-analyzes it (checked figures live there too). */
  reloadSidecar(uri: string): Promise<void>;
  workspaceFolders(): readonly string[];
  /** The transcriptLens.annotations.codebook setting of a workspace folder (null: the window's); undefined when the client cannot say. */
  codebookSetting(folder: string | null): Promise<unknown>;
  /** Shows the user a warning. */
  warn(message: string): void;
  /** Tells the client that the annotations of a document (null: of any) changed. */
  notifyChanged(uri: string | null): void;
  logError(what: string, error: unknown): void;
}

interface TranscriptSource {
  text: string;
  structure: { turns: readonly Turn[]; sections: readonly Section[] };
}

interface ResolvedCacheEntry {
  state: SidecarState;
  resolved: ResolvedAnnotation[];
}

function rangeContains(range: ResolvedAnnotation['range'], position: Position): boolean {
  if (!range) return false;
  const afterStart = position.line > range.startLine || (position.line === range.startLine && position.character >= range.startCharacter);
  const beforeEnd = position.line < range.endLine || (position.line === range.endLine && position.character <= range.endCharacter);
  return afterStart && beforeEnd;
}

function rangesTouch(annotation: ResolvedAnnotation['range'], range: Range): boolean {
  if (!annotation) return false;
  const endsBefore = annotation.endLine < range.start.line || (annotation.endLine === range.start.line && annotation.endCharacter < range.start.character);
  const startsAfter = annotation.startLine > range.end.line || (annotation.startLine === range.end.line && annotation.startCharacter > range.end.character);
  return !endsBefore && !startsAfter;
}

function toLspRange(range: NonNullable<ResolvedAnnotation['range']>): Range {
  return { start: { line: range.startLine, character: range.startCharacter }, end: { line: range.endLine, character: range.endCharacter } };
}

/** "2026-12-01 11:30 UTC" from an ISO time; the text itself when it is not one. */
function whenMade(created: string): string {
  const time = Date.parse(created);
  return Number.isNaN(time) ? created || 'an unknown time' : `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function invalid(message: string): Refusal {
  return new Refusal('invalidParams', message);
}

/** Twelve random hex digits; crypto.getRandomValues exists in Node and in web workers alike. */
function randomId(): string {
  return [...crypto.getRandomValues(new Uint8Array(6))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export class AnnotationService {
  /** The code book of each workspace folder (by folder URI; '' when no folder is open). */
  private codebooks = new Map<string, Codebook>([['', chooseCodebook(undefined, undefined)]]);
  private readonly resolvedCache = new WeakMap<AnalyzedDocument, ResolvedCacheEntry>();
  private readonly reported = new Set<string>();

  constructor(private readonly host: AnnotationHost) {
    host.sidecars.onInvalid = (path, reason) => this.report(`Transcript Lens cannot read ${path}: ${reason}. It will not be changed until it is fixed.`);
  }

  private report(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.host.warn(message);
  }

  /** Tells the client that the annotations of a document (null: of any) changed. */
  changed(uri: string | null): void {
    this.host.notifyChanged(uri);
  }

  /**
   * The code book that applies to a document: its workspace folder's (the innermost folder
   * holding it), else the first folder's; null asks for the first folder's.
   */
  codebookFor(uri: string | null): Codebook {
    const folders = [...this.codebooks.keys()].filter((folder) => folder !== '');
    const holding = uri === null ? [] : folders.filter((folder) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
    const folder = holding.sort((a, b) => b.length - a.length)[0] ?? folders[0] ?? '';
    return this.codebooks.get(folder) ?? chooseCodebook(undefined, undefined);
  }

  /** Reads every folder's code book again: its .transcript-lens/codebook.json, else its code book setting. */
  async reloadCodebook(): Promise<void> {
    const folders = this.host.workspaceFolders();
    const next = new Map<string, Codebook>();
    for (const folder of folders.length ? folders : ['']) next.set(folder, await this.readCodebook(folder));
    const before = JSON.stringify([...this.codebooks].map(([folder, book]) => [folder, book.tags]));
    this.codebooks = next;
    for (const book of next.values()) for (const problem of book.problems) this.report(`Transcript Lens code book: ${problem}`);
    if (JSON.stringify([...next].map(([folder, book]) => [folder, book.tags])) !== before) this.changed(null);
  }

  /** One folder's code book ('' is the window's, when no folder is open). */
  private async readCodebook(folder: string): Promise<Codebook> {
    let fromSettings: unknown;
    try {
      fromSettings = await this.host.codebookSetting(folder || null);
    } catch (error) {
      this.host.logError('reading the code book setting', error);
    }
    const problems: string[] = [];
    let fromWorkspace: unknown;
    const { files } = this.host;
    if (folder && files.handles(folder)) {
      const codebook = joinUri(folder, ...CODEBOOK_FILE.split('/'));
      const bytes = await files.read(codebook).catch(() => null);
      if (bytes) {
        try {
          fromWorkspace = JSON.parse(new TextDecoder().decode(bytes));
        } catch (error) {
          problems.push(`${displayUri(codebook)} is not valid JSON (${error instanceof Error ? error.message : String(error)}); the other code book is used.`);
        }
      }
    }
    return chooseCodebook(fromWorkspace, fromSettings, problems);
  }

  /** True (and the code book is re-read) when a watched file is the workspace code book. */
  onWatchedFile(uri: string): boolean {
    if (!uri.endsWith(`/${CODEBOOK_FILE}`)) return false;
    void this.reloadCodebook().catch((error) => this.host.logError('reading the code book', error));
    return true;
  }

  private resolve(document: AnalyzedDocument): ResolvedAnnotation[] {
    const state = this.host.sidecars.get(document.uri);
    const cached = this.resolvedCache.get(document);
    if (cached && cached.state === state) return cached.resolved;
    const resolved = resolveAnnotations(document.text, document.analysis, state.annotations);
    this.resolvedCache.set(document, { state, resolved });
    return resolved;
  }

  /** The annotations of an open transcript, or null when it is not one. */
  documentAnnotations(uri: string): DocumentAnnotations | null {
    const document = this.host.transcript(uri);
    if (!document) return null;
    return { uri, annotations: this.resolve(document), error: this.host.sidecars.get(uri).error };
  }

  /** The text and structure of a transcript: the editor's when it is open, else the file's; null when it cannot be read. */
  private async source(uri: string): Promise<TranscriptSource | null> {
    const document = this.host.transcript(uri);
    if (document) return { text: document.text, structure: document.analysis };
    if (!this.host.files.handles(uri) || this.host.openUris().includes(uri)) return null;
    const bytes = await this.host.files.read(uri).catch(() => null);
    if (!bytes) return null;
    const text = decodeFile(bytes).text ?? '';
    return { text, structure: analyze(text) };
  }

  /** A transcript that is not open, read from disk with its sidecar. */
  private async fromDisk(uri: string): Promise<DocumentAnnotations> {
    const state = await this.host.sidecars.read(uri);
    const source = await this.source(uri);
    const error = state.error ?? (source ? null : 'the transcript itself is missing');
    return { uri, annotations: resolveAnnotations(source?.text ?? '', source?.structure ?? { turns: [], sections: [] }, state.annotations), error };
  }

  private async annotationsOf(uri: string): Promise<DocumentAnnotations> {
    await this.host.whenLoaded(uri);
    return this.documentAnnotations(uri) ?? this.fromDisk(uri);
  }

  /** Every annotated transcript: those with a sidecar in a workspace folder, and open ones with annotations. */
  async workspaceAnnotations(): Promise<DocumentAnnotations[]> {
    const openBySidecar = new Map<string, string>();
    for (const uri of this.host.openUris()) {
      const sidecar = this.host.sidecars.sidecarOf(uri);
      if (sidecar) openBySidecar.set(sidecar, uri);
    }
    const uris = new Set<string>();
    for (const folder of this.host.workspaceFolders()) {
      if (!this.host.files.handles(folder)) continue;
      for (const sidecar of await findSidecars(this.host.files, folder)) uris.add(openBySidecar.get(sidecar) ?? transcriptOfSidecar(sidecar));
    }
    for (const uri of this.host.openUris()) if (this.host.sidecars.get(uri).annotations.length) uris.add(uri);
    const results: DocumentAnnotations[] = [];
    for (const uri of [...uris].sort()) {
      const found = await this.annotationsOf(uri);
      if (found.annotations.length || found.error) results.push(found);
    }
    return results;
  }

  /** Stored anchors brought up to date with the document's text, so a later edit starts from where they are now. */
  private refreshed(source: TranscriptSource, content: SidecarContent): StoredAnnotation[] {
    const resolved = resolveAnnotations(source.text, source.structure, content.annotations);
    return content.annotations.map((stored, index) => {
      const now = resolved[index];
      return now && now.state !== 'detached' && now.id === stored.id ? { ...stored, ...now.anchor } : stored;
    });
  }

  /** Changes the stored annotations of a transcript, open or only on disk, and tells the client. */
  private async write(uri: string, change: (annotations: StoredAnnotation[]) => StoredAnnotation[]): Promise<void> {
    await this.host.whenLoaded(uri);
    const source = await this.source(uri);
    if (!source) throw invalid(`${uri} is not a transcript that can be read.`);
    try {
      await this.host.sidecars.update(uri, (content) => ({ ...content, annotations: change(this.refreshed(source, content)) }));
    } catch (error) {
      if (error instanceof SidecarError) throw new Refusal('invalidRequest', error.message);
      throw error;
    } finally {
      // Only open documents keep their sidecar in memory.
      if (!this.host.openUris().includes(uri)) this.host.sidecars.forget(uri);
    }
    this.changed(uri);
  }

  private async find(uri: string, id: string): Promise<ResolvedAnnotation> {
    const found = (await this.annotationsOf(uri)).annotations.find((annotation) => annotation.id === id);
    if (!found) throw invalid(`No annotation ${id} in ${uri}.`);
    return found;
  }

  /** Annotates a passage of an open transcript; the new annotation, or why not. */
  add(params: AddAnnotationParams): Promise<ResolvedAnnotation | Refusal> {
    return refusalAsValue(() => this.adding(params));
  }

  private async adding(params: AddAnnotationParams): Promise<ResolvedAnnotation> {
    if (!isRecord(params) || typeof params.uri !== 'string' || !isRecord(params.range) || typeof params.tag !== 'string' || !params.tag.trim()) {
      throw invalid('Annotating needs { uri, range, tag }.');
    }
    const document = this.host.transcript(params.uri);
    if (!document) throw invalid('The transcript is not open.');
    const { start, end } = params.range;
    let from = document.lines.offsetAt(start.line, start.character);
    let to = document.lines.offsetAt(end.line, end.character);
    if (to < from) [from, to] = [to, from];
    // Whitespace at the edges of a selection is not part of the passage.
    while (from < to && /\s/.test(document.text[from])) from++;
    while (to > from && /\s/.test(document.text[to - 1])) to--;
    if (from === to) throw invalid('Select the passage to annotate first.');
    const record = annotationRecord(document.text, from, to, {
      id: randomId(),
      tag: params.tag.trim(),
      note: typeof params.note === 'string' ? params.note : '',
      created: new Date().toISOString(),
    });
    await this.write(params.uri, (annotations) => [...annotations, record]);
    return this.find(params.uri, record.id);
  }

  /** Changes an annotation's tag or note; the changed annotation, or why not. */
  update(params: UpdateAnnotationParams): Promise<ResolvedAnnotation | Refusal> {
    return refusalAsValue(() => this.updating(params));
  }

  private async updating(params: UpdateAnnotationParams): Promise<ResolvedAnnotation> {
    if (!isRecord(params) || typeof params.uri !== 'string' || typeof params.id !== 'string') throw invalid('Changing an annotation needs { uri, id }.');
    if (params.tag !== undefined && (typeof params.tag !== 'string' || !params.tag.trim())) throw invalid('A tag needs a name.');
    await this.write(params.uri, (annotations) => {
      if (!annotations.some((annotation) => annotation.id === params.id)) throw invalid(`No annotation ${params.id} in ${params.uri}.`);
      return annotations.map((annotation) => annotation.id !== params.id ? annotation : {
        ...annotation,
        ...(params.tag !== undefined ? { tag: params.tag.trim() } : {}),
        ...(typeof params.note === 'string' ? { note: params.note } : {}),
      });
    });
    return this.find(params.uri, params.id);
  }

  /** Removes an annotation; whether one was there, or why not. */
  remove(params: AnnotationIdParams): Promise<{ removed: boolean } | Refusal> {
    return refusalAsValue(() => this.removing(params));
  }

  private async removing(params: AnnotationIdParams): Promise<{ removed: boolean }> {
    if (!isRecord(params) || typeof params.uri !== 'string' || typeof params.id !== 'string') throw invalid('Removing an annotation needs { uri, id }.');
    let removed = false;
    await this.write(params.uri, (annotations) => {
      const kept = annotations.filter((annotation) => annotation.id !== params.id);
      removed = kept.length < annotations.length;
      return kept;
    });
    return { removed };
  }

  /** A file's name as exports show it: relative to its workspace folder when it is in one. */
  private displayName(uri: string): string {
    for (const folder of this.host.workspaceFolders()) {
      const inFolder = relativeUriPath(folder, uri);
      if (inFolder !== null) return inFolder;
    }
    return displayUri(uri);
  }

  async export(params: ExportAnnotationsParams): Promise<{ text: string; count: number } | Refusal> {
    if (!isRecord(params) || !['csv', 'md', 'json'].includes(String(params.format))) return invalid('Exporting needs { uris, format: "csv" | "md" | "json" }.');
    const documents = Array.isArray(params.uris)
      ? await Promise.all(params.uris.filter((uri): uri is string => typeof uri === 'string').map((uri) => this.annotationsOf(uri)))
      : await this.workspaceAnnotations();
    const name = (uri: string) => this.displayName(uri);
    const text = params.format === 'csv' ? annotationsToCsv(documents, name)
      : params.format === 'md' ? annotationsToMarkdown(documents, name, this.codebookFor(documents[0]?.uri ?? null).tags.map((tag) => tag.name))
      : annotationsToJson(documents, name);
    return { text, count: documents.reduce((sum, document) => sum + document.annotations.length, 0) };
  }

  /** Moves the sidecars of renamed transcripts along with them. */
  async filesRenamed(params: FilesRenamedParams): Promise<{ moved: string[]; problems: string[] }> {
    const moved: string[] = [];
    const problems: string[] = [];
    for (const file of Array.isArray(params?.files) ? params.files : []) {
      if (typeof file?.oldUri !== 'string' || typeof file.newUri !== 'string') continue;
      try {
        if (await this.host.sidecars.move(file.oldUri, file.newUri)) moved.push(file.newUri);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
        continue;
      }
      if (this.host.openUris().includes(file.newUri)) await this.host.reloadSidecar(file.newUri);
    }
    for (const problem of problems) this.report(`Transcript Lens: ${problem}`);
    if (moved.length) this.changed(null);
    return { moved, problems };
  }

  /** "Annotate as …" for a selection, and "Remove annotation" where one is. */
  codeActions(document: AnalyzedDocument, params: CodeActionParams): CodeAction[] {
    const only = params.context.only;
    if (only && !only.some((kind) => kind === '' || kind === 'refactor' || ANNOTATION_CODE_ACTION_KIND.startsWith(kind))) return [];
    const actions: CodeAction[] = [];
    const { start, end } = params.range;
    const uri = document.uri;
    if (start.line !== end.line || start.character !== end.character) {
      for (const tag of this.codebookFor(uri).tags) {
        const title = `Annotate as ${tag.name}`;
        actions.push({ title, kind: ANNOTATION_CODE_ACTION_KIND, command: { title, command: ANNOTATE_COMMAND, arguments: [{ uri, range: params.range, tag: tag.name }] } });
      }
    }
    for (const annotation of this.resolve(document)) {
      if (!rangesTouch(annotation.range, params.range)) continue;
      const title = `Remove annotation: ${annotation.tag}`;
      actions.push({ title, kind: ANNOTATION_CODE_ACTION_KIND, command: { title, command: REMOVE_ANNOTATION_COMMAND, arguments: [{ uri, id: annotation.id }] } });
    }
    return actions;
  }

  /** Runs a code action's command: its result, or why not. */
  execute(command: string, argument: unknown): Promise<unknown> {
    return command === ANNOTATE_COMMAND ? this.add(argument as AddAnnotationParams) : this.remove(argument as AnnotationIdParams);
  }

  /** Adds the annotations under the cursor (tag, note, when made) to the hover, or makes one. */
  hover(document: AnalyzedDocument, position: Position, hover: Hover | null): Hover | null {
    const here = this.resolve(document).filter((annotation) => rangeContains(annotation.range, position));
    if (!here.length) return hover;
    const cards = here.map((annotation) => {
      const tag = this.codebookFor(document.uri).tags.find((candidate) => candidate.name === annotation.tag);
      const lines = [`**${escapeMarkdown(annotation.tag)}** annotation${annotation.state === 'edited' ? ' (its text was edited since)' : ''} · made ${whenMade(annotation.created)}`];
      if (annotation.note) lines.push(escapeMarkdown(annotation.note));
      else if (tag?.description) lines.push(`_${escapeMarkdown(tag.description)}_`);
      return lines.join('\n\n');
    });
    const section = cards.join('\n\n---\n\n');
    if (!hover) return { contents: { kind: 'markdown', value: section }, range: toLspRange(here[0].range!) };
    const contents = hover.contents;
    const previous = typeof contents === 'object' && contents !== null && 'kind' in contents ? contents.value
      : typeof contents === 'string' ? contents : null;
    return previous === null ? hover : { ...hover, contents: { kind: 'markdown', value: `${previous}\n\n---\n\n${section}` } };
  }

  /** The outline: each turn (and section) says how many annotations it holds. */
  symbols(document: AnalyzedDocument, symbols: DocumentSymbol[]): DocumentSymbol[] {
    const annotations = this.resolve(document).filter((annotation) => annotation.range);
    if (!annotations.length) return symbols;
    const perTurnLine = new Map<number, number>();
    for (const annotation of annotations) {
      const turn = turnAtLine(document.analysis.turns, annotation.range!.startLine);
      if (turn) perTurnLine.set(turn.line, (perTurnLine.get(turn.line) ?? 0) + 1);
    }
    const label = (count: number) => `${count} ${count === 1 ? 'annotation' : 'annotations'}`;
    // The outline is cached per version: symbols with a count are copies, the cached ones stay as they are.
    const visit = (symbol: DocumentSymbol): { symbol: DocumentSymbol; count: number } => {
      let count = symbol.kind === SymbolKind.Namespace ? 0 : perTurnLine.get(symbol.range.start.line) ?? 0;
      const visited = (symbol.children ?? []).map(visit);
      for (const child of visited) count += child.count;
      if (!count) return { symbol, count };
      const copy: DocumentSymbol = { ...symbol, detail: symbol.detail ? `${symbol.detail} · ${label(count)}` : label(count) };
      if (symbol.children) copy.children = visited.map((child) => child.symbol);
      return { symbol: copy, count };
    };
    return symbols.map((symbol) => visit(symbol).symbol);
  }
}
