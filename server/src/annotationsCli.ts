// transcript-lens annotations <file>... --csv|--json|--md: the annotations kept in each
// file's sidecar, resolved against the file as it is now, in the same formats the editor
// exports. Exit 0 when every file was read; 2 for an unreadable file or a wrong argument.
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { annotationsToCsv, annotationsToJson, annotationsToMarkdown } from './annotationsExport';
import type { DocumentAnnotations, ExportFormat } from './annotationsProtocol';
import { decodeFile } from './decode';
import { analyze } from './engine';
import { resolveAnnotations } from './engine/anchors';
import { parseSidecarText, SIDECAR_SUFFIX } from './sidecar';

export const ANNOTATIONS_USAGE = `usage: transcript-lens annotations <file>... [--csv|--json|--md]

  prints the annotations kept in each file's sidecar (<file>${SIDECAR_SUFFIX}):
  --csv    one row per annotation: file, speaker, role, section, tag, note, quoted text, line (the default)
  --json   one object per file
  --md     quotes grouped by tag, with speaker, section and line`;

function fail(message: string): number {
  process.stderr.write(`transcript-lens: ${message}\n`);
  return 2;
}

/** Runs the subcommand on its arguments (after "annotations"); returns the exit status. */
export function annotationsCommand(args: readonly string[], write: (text: string) => void = (text) => process.stdout.write(text)): number {
  let format: ExportFormat = 'csv';
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--csv') format = 'csv';
    else if (arg === '--json') format = 'json';
    else if (arg === '--md') format = 'md';
    else if (arg === '--help' || arg === '-h') {
      write(`${ANNOTATIONS_USAGE}\n`);
      return 0;
    } else if (arg.startsWith('-')) return fail(`unknown option "${arg}"\n${ANNOTATIONS_USAGE}`);
    else files.push(arg);
  }
  if (!files.length) return fail(`no file given\n${ANNOTATIONS_USAGE}`);
  const documents: DocumentAnnotations[] = [];
  /** Each file's name as the user typed it, which the exports show. */
  const names = new Map<string, string>();
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      if (statSync(file).isDirectory()) throw new Error('is a directory');
      text = decodeFile(readFileSync(file)).text ?? '';
    } catch (error) {
      failed = true;
      const code = (error as NodeJS.ErrnoException).code;
      fail(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? (error as Error).message}`);
      continue;
    }
    let sidecarText: string | null = null;
    try {
      sidecarText = readFileSync(file + SIDECAR_SUFFIX, 'utf8');
    } catch {
      // No sidecar: the file has no annotations.
    }
    const state = sidecarText === null ? { annotations: [], error: null } : parseSidecarText(sidecarText);
    if (state.error) {
      failed = true;
      process.stderr.write(`transcript-lens: ${file}${SIDECAR_SUFFIX}: ${state.error}\n`);
    }
    const uri = pathToFileURL(file).href;
    names.set(uri, file);
    documents.push({ uri, annotations: resolveAnnotations(text, analyze(text), state.annotations), error: state.error });
  }
  const name = (uri: string) => names.get(uri) ?? uri;
  write(format === 'csv' ? annotationsToCsv(documents, name) : format === 'md' ? annotationsToMarkdown(documents, name) : annotationsToJson(documents, name));
  return failed ? 2 : 0;
}
