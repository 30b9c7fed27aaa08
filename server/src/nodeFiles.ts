// The server's file system on Node: node:fs behind the ServerFiles interface (files.ts).
import { promises as fs, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DirectoryEntry, FileKind, ServerFiles } from './files';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean }): FileKind {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
}

export const nodeFiles: ServerFiles = {
  handles: (uri) => uri.startsWith('file:'),

  async read(uri) {
    try {
      return await fs.readFile(fileURLToPath(uri));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },

  async stat(uri) {
    try {
      const stat = await fs.stat(fileURLToPath(uri));
      return { kind: kindOf(stat), size: stat.size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },

  async list(uri) {
    try {
      const entries = await fs.readdir(fileURLToPath(uri), { withFileTypes: true });
      return entries.map((entry): DirectoryEntry => ({ name: entry.name, kind: kindOf(entry) }));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  },

  // A temporary file renamed over the old one: a reader sees the old or the new text, never half of one.
  async write(uri, bytes) {
    const path = fileURLToPath(uri);
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    await fs.writeFile(temporary, bytes);
    try {
      await fs.rename(temporary, path);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  },

  async rename(from, to) {
    const target = fileURLToPath(to);
    if (await fs.access(target).then(() => true, () => false)) throw new Error(`${target} already exists.`);
    await fs.rename(fileURLToPath(from), target);
  },
};


/**
 * node:fs read with blocking calls, for a worker thread that does nothing else (indexReader.ts):
 * there they cost less than the promise machinery of the calls above, and no request waits.
 */
export const blockingNodeFiles: ServerFiles = {
  ...nodeFiles,

  async read(uri) {
    try {
      return readFileSync(fileURLToPath(uri));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },

  async stat(uri) {
    const stat = statSync(fileURLToPath(uri), { throwIfNoEntry: false });
    return stat ? { kind: kindOf(stat), size: stat.size } : null;
  },
};
