// Shared helpers of the in-editor tests: finding the workspace files the runner prepared,
// waiting for the language server, and reading hovers and symbols as plain data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TranscriptLensApi } from '../../client/src/api';

const EXTENSION_ID = 'transcript-lens.transcript-lens';
export const SEED_000 = '000_591509aa8db88663.txt';
export const SEED_001 = '001_ffe9e4b71d87f3c5.txt';
/** Our own invented transcript, kept in test/editor/workspace. */
export const OWN_CALL = 'harbor-lights-q2.txt';
/** Our own invented call, long enough to fill the editor and the views, for the README's pictures. */
export const PICTURE_CALL = 'quillfield-q2-fy2026.txt';

/** Where the runner wants the results; unset under runners that read mocha's exit only. */
export function resultsFile(): string | undefined {
  return process.env.TRANSCRIPT_LENS_TEST_RESULTS || undefined;
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The in-editor tests need the workspace folder the runner prepares.');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function extensionApi(): Promise<TranscriptLensApi> {
  const extension = vscode.extensions.getExtension<TranscriptLensApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** The hand-made ground truth of a seed, read from the shared corpus beside the project. */
export interface GoldTurn {
  line: number;
  speaker: string;
  section: string | null;
}
export interface GoldFigure {
  line: number;
  text: string;
  kind: string;
}
export function readGold(seed: string): { turns: GoldTurn[]; figures: GoldFigure[] } {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not loaded`);
  const goldPath = path.join(extension.extensionPath, '..', 'shared', 'corpus', seed.replace(/\.txt$/, '.gold.json'));
  return JSON.parse(fs.readFileSync(goldPath, 'utf8'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until the probe returns a value that is not undefined, or fails with the description. */
export async function waitFor<T>(description: string, probe: () => T | undefined | PromiseLike<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${description}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await sleep(100);
  }
}

/**
 * What the server made of an open document, once it has read it. A negative check ("left as
 * plain text") asserts on this rather than after a pause, so it fails when the server is down.
 */
export async function detectionState(uri: vscode.Uri) {
  const api = await extensionApi();
  return waitFor(`the server to have read ${uri.path.split('/').pop()}`, () => api.detectionState(uri).then((state) => state ?? undefined));
}

/** Waits until a detection notice for the document was handled, and returns what it led to. */
export async function detectionOutcome(uri: vscode.Uri, from = 0) {
  const api = await extensionApi();
  return waitFor(`a detection notice for ${uri.path.split('/').pop()}`, () => api.detectionOutcomes(uri)[from]);
}

/** The open document for a URI; a language switch replaces the TextDocument object. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
}

export async function showFile(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Opens a file and waits for the automatic switch to the Transcript language. */
export async function showTranscript(name: string): Promise<vscode.TextDocument> {
  const uri = workspaceUri(name);
  await showFile(name);
  return waitFor(`${name} to become a transcript`, () => {
    const document = openDocument(uri);
    return document?.languageId === 'transcript' ? document : undefined;
  });
}

/** The position of the n-th occurrence of text on a line (the whole document when line is undefined). */
export function positionOf(document: vscode.TextDocument, text: string, line?: number, occurrence = 0): vscode.Position {
  const lines = line === undefined ? [...Array(document.lineCount).keys()] : [line];
  let seen = 0;
  for (const index of lines) {
    const lineText = document.lineAt(index).text;
    let from = lineText.indexOf(text);
    while (from >= 0) {
      if (seen++ === occurrence) return new vscode.Position(index, from);
      from = lineText.indexOf(text, from + 1);
    }
  }
  throw new Error(`"${text}" not found${line === undefined ? '' : ` on line ${line}`}`);
}

function markedText(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return content.value;
}

/** All hover text at a position, or undefined while the server has none yet. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string | undefined> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const text = (hovers ?? []).flatMap((hover) => hover.contents.map(markedText)).join('\n');
  return text.trim() ? text : undefined;
}

/** The document symbols, waiting until the server has answered with some. */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  return waitFor(`document symbols of ${path.basename(uri.path)}`, async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return symbols && symbols.length > 0 ? symbols : undefined;
  });
}

/** Diagnostics from Transcript Lens on one document. */
export function lensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'transcript-lens');
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

/** The folder where the code-server runner answers questions about the workbench; unset under other runners. */
function workbenchQueryDir(): string | undefined {
  return process.env.TRANSCRIPT_LENS_SCREENSHOT_DIR || undefined;
}

let queryCount = 0;

/**
 * The visible text of every workbench element the CSS selector matches, read by the runner
 * from the page a person sees; undefined when the runner cannot look at the page.
 */
export async function workbenchTexts(selector: string): Promise<string[] | undefined> {
  const directory = workbenchQueryDir();
  if (!directory) return undefined;
  const name = `query-${++queryCount}`;
  const answer = path.join(directory, `${name}.answer`);
  const query = path.join(directory, `${name}.query`);
  fs.writeFileSync(`${query}.partial`, selector);
  fs.renameSync(`${query}.partial`, query);
  await waitFor(`the runner to read ${selector}`, () => (fs.existsSync(answer) ? true : undefined), 10_000);
  const texts: string[] = JSON.parse(fs.readFileSync(answer, 'utf8'));
  fs.unlinkSync(answer);
  return texts;
}

/**
 * Waits until a quick pick shows rows whose text passes the check, and returns the rows. The
 * desktop runner (scripts/test-electron.mjs) cannot see the page: there, and only there, a
 * pause stands in and undefined comes back.
 */
export async function quickPickShown(check: (rows: string[]) => boolean = (rows) => rows.length > 0): Promise<string[] | undefined> {
  if (!workbenchQueryDir()) {
    await sleep(2000);
    return undefined;
  }
  return waitFor('the quick pick', async () => {
    const rows = await workbenchTexts('.quick-input-widget .monaco-list-row');
    return rows && check(rows) ? rows : undefined;
  });
}

/** Copies a workspace file to a new name, so it opens as a document VS Code has never seen. */
export async function copyWorkspaceFile(from: string, to: string): Promise<vscode.Uri> {
  const target = workspaceUri(to);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceUri(from)));
  return target;
}
