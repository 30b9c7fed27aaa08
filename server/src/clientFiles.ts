// The files the client serves: each call is a request to the client, which answers with
// vscode.workspace.fs (client/src/files.ts). All files of a web-worker server, and those of
// a virtual workspace for the Node server. Bytes travel as base64. A client that does not
// know these requests answers with an error, which the callers take as "no file".
import type { Connection } from 'vscode-languageserver';
import {
  base64ToBytes, bytesToBase64, FILES_LIST_REQUEST, FILES_READ_REQUEST, FILES_RENAME_REQUEST, FILES_STAT_REQUEST,
  FILES_WRITE_REQUEST,
} from './files';
import type { DirectoryEntry, FileParams, FileStat, ReadFileResult, RenameFileParams, ServerFiles, WriteFileParams } from './files';

/** Schemes whose documents live only in the editor; everything else is asked of vscode.workspace.fs. */
const EDITOR_ONLY_SCHEMES = ['untitled:', 'vscode-notebook-cell:', 'vscode-interactive-input:'];

export function clientFiles(connection: Connection): ServerFiles {
  return {
    handles: (uri) => !EDITOR_ONLY_SCHEMES.some((scheme) => uri.startsWith(scheme)),
    async read(uri) {
      const result = await connection.sendRequest<ReadFileResult>(FILES_READ_REQUEST, { uri } satisfies FileParams);
      return result ? base64ToBytes(result.base64) : null;
    },
    stat: (uri) => connection.sendRequest<FileStat | null>(FILES_STAT_REQUEST, { uri } satisfies FileParams),
    list: async (uri) => (await connection.sendRequest<DirectoryEntry[] | null>(FILES_LIST_REQUEST, { uri } satisfies FileParams)) ?? [],
    async write(uri, bytes) {
      await connection.sendRequest(FILES_WRITE_REQUEST, { uri, base64: bytesToBase64(bytes) } satisfies WriteFileParams);
    },
    async rename(from, to) {
      await connection.sendRequest(FILES_RENAME_REQUEST, { from, to } satisfies RenameFileParams);
    },
  };
}
