// The file system as the server sees it: URIs in, bytes out. The server never imports fs;
// its entry point injects this. On Node it is node:fs (nodeFiles.ts); in a web worker the
// client answers with vscode.workspace.fs (clientFiles.ts), so sidecars, the code book and
// the workspace index work on vscode.dev, github.dev and in virtual workspaces too.

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
}

export interface DirectoryEntry {
  name: string;
  kind: FileKind;
}

export interface ServerFiles {
  /** Whether a document with this URI is a file this file system reads and writes (untitled documents are not). */
  handles(uri: string): boolean;
  /** The bytes of a file, or null when it does not exist; other failures throw. */
  read(uri: string): Promise<Uint8Array | null>;
  /** What the URI names, or null when nothing is there. */
  stat(uri: string): Promise<FileStat | null>;
  /** The entries of a folder; none when it does not exist. */
  list(uri: string): Promise<DirectoryEntry[]>;
  /** Writes a file so that a reader sees either the old or the new bytes where the file system allows it. */
  write(uri: string, bytes: Uint8Array): Promise<void>;
  /** Renames a file; throws when something already exists at the new URI. */
  rename(from: string, to: string): Promise<void>;
}

/**
 * The local file system where it handles a URI, the client's everywhere else: the Node server
 * reads file: URIs itself and asks the client for a virtual workspace's files (vscode-vfs:…).
 */
export function localThenClient(local: ServerFiles, client: ServerFiles): ServerFiles {
  const owner = (uri: string) => (local.handles(uri) ? local : client);
  return {
    handles: (uri) => local.handles(uri) || client.handles(uri),
    read: (uri) => owner(uri).read(uri),
    stat: (uri) => owner(uri).stat(uri),
    list: (uri) => owner(uri).list(uri),
    write: (uri, bytes) => owner(uri).write(uri, bytes),
    rename: (from, to) => owner(from).rename(from, to),
  };
}

/** The custom requests a web-worker server sends so the client reads and writes files for it. */
export const FILES_READ_REQUEST = 'transcriptLens/files/read';
export const FILES_STAT_REQUEST = 'transcriptLens/files/stat';
export const FILES_LIST_REQUEST = 'transcriptLens/files/list';
export const FILES_WRITE_REQUEST = 'transcriptLens/files/write';
export const FILES_RENAME_REQUEST = 'transcriptLens/files/rename';

export interface FileParams {
  uri: string;
}
export interface WriteFileParams extends FileParams {
  /** The bytes, base64-encoded: JSON carries no binary. */
  base64: string;
}
export interface RenameFileParams {
  from: string;
  to: string;
}
/** A file's bytes, base64-encoded, or null when it does not exist. */
export type ReadFileResult = { base64: string } | null;

const ENCODED_IN_URIS = /[!'()*]/g;

/** One path segment as VS Code writes it in a URI (it also encodes the characters encodeURIComponent keeps). */
export function encodeUriSegment(name: string): string {
  return encodeURIComponent(name).replace(ENCODED_IN_URIS, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A URI below a folder URI, one segment per name. */
export function joinUri(folder: string, ...names: string[]): string {
  return [folder.endsWith('/') ? folder.slice(0, -1) : folder, ...names.map(encodeUriSegment)].join('/');
}

/** The decoded last segment of a URI's path. */
export function uriBasename(uri: string): string {
  const path = uriPath(uri);
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The decoded path of a URI ("/calls/q3 call.txt" for file:///calls/q3%20call.txt); the URI itself when it has none. */
export function uriPath(uri: string): string {
  const match = /^[a-z][\w+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/i.exec(uri);
  if (!match) return uri;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/** A URI as a person reads it: the path of a file, any other URI as it is. */
export function displayUri(uri: string): string {
  return uri.startsWith('file:') ? uriPath(uri) : uri;
}

/** The path of a URI relative to a folder URI, decoded, or null when it is not inside the folder. */
export function relativeUriPath(folder: string, uri: string): string | null {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return uri.startsWith(prefix) ? uriPath(`x:///${uri.slice(prefix.length)}`).slice(1) : null;
}

const BASE64_CHUNK = 0x8000;

/** Bytes to base64 without Node's Buffer, so it runs in a web worker too. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + BASE64_CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
