// Answers the web-worker server's file requests (server/src/clientFiles.ts) with
// vscode.workspace.fs, so sidecars, the code book and the workspace index work wherever the
// editor can read files: on disk, on vscode.dev, github.dev and in virtual workspaces.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  base64ToBytes, bytesToBase64, FILES_LIST_REQUEST, FILES_READ_REQUEST, FILES_RENAME_REQUEST, FILES_STAT_REQUEST,
  FILES_WRITE_REQUEST,
} from '../../server/src/files';
import type { DirectoryEntry, FileKind, FileParams, FileStat, ReadFileResult, RenameFileParams, WriteFileParams } from '../../server/src/files';

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'FileNotADirectory');
}

function kindOf(type: vscode.FileType): FileKind {
  if (type & vscode.FileType.File) return 'file';
  if (type & vscode.FileType.Directory) return 'directory';
  return 'other';
}

/** Missing files are answered with a value; any other failure goes back to the server as an error. */
async function orMissing<T>(task: () => Thenable<T>, missing: T): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (isNotFound(error)) return missing;
    throw error;
  }
}

export function registerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  const { fs } = vscode.workspace;
  const uriOf = (uri: string) => vscode.Uri.parse(uri, true);
  return [
    client.onRequest(FILES_READ_REQUEST, ({ uri }: FileParams): Promise<ReadFileResult> =>
      orMissing(async () => ({ base64: bytesToBase64(await fs.readFile(uriOf(uri))) }), null)),
    client.onRequest(FILES_STAT_REQUEST, ({ uri }: FileParams): Promise<FileStat | null> =>
      orMissing(async () => {
        const stat = await fs.stat(uriOf(uri));
        return { kind: kindOf(stat.type), size: stat.size };
      }, null)),
    client.onRequest(FILES_LIST_REQUEST, ({ uri }: FileParams): Promise<DirectoryEntry[]> =>
      orMissing(async () => (await fs.readDirectory(uriOf(uri))).map(([name, type]) => ({ name, kind: kindOf(type) })), [])),
    client.onRequest(FILES_WRITE_REQUEST, async ({ uri, base64 }: WriteFileParams) => {
      await fs.writeFile(uriOf(uri), base64ToBytes(base64));
    }),
    client.onRequest(FILES_RENAME_REQUEST, async ({ from, to }: RenameFileParams) => {
      await fs.rename(uriOf(from), uriOf(to), { overwrite: false });
    }),
  ];
}
