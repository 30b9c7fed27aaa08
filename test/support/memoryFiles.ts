// An in-memory file system behind the server's ServerFiles interface, for tests that start the
// server in process or in a web worker: files live under one URI prefix (such as "mem:///").
import type { DirectoryEntry, ServerFiles } from '../../server/src/files';

export class MemoryFiles implements ServerFiles {
  readonly contents = new Map<string, Uint8Array>();
  /** Every URI written, in order, so a test can see what the server saved. */
  readonly written: string[] = [];

  constructor(private readonly prefix: string, files: Record<string, string> = {}) {
    for (const [uri, text] of Object.entries(files)) this.contents.set(uri, new TextEncoder().encode(text));
  }

  handles(uri: string): boolean {
    return uri.startsWith(this.prefix);
  }

  async read(uri: string): Promise<Uint8Array | null> {
    return this.contents.get(uri) ?? null;
  }

  async stat(uri: string) {
    const bytes = this.contents.get(uri);
    if (bytes) return { kind: 'file' as const, size: bytes.length };
    return this.list(uri).then((entries) => (entries.length ? { kind: 'directory' as const, size: 0 } : null));
  }

  async list(folder: string): Promise<DirectoryEntry[]> {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const entries = new Map<string, DirectoryEntry>();
    for (const uri of this.contents.keys()) {
      if (!uri.startsWith(prefix)) continue;
      const [first, ...rest] = uri.slice(prefix.length).split('/');
      const name = decodeURIComponent(first);
      entries.set(name, { name, kind: rest.length ? 'directory' : 'file' });
    }
    return [...entries.values()];
  }

  async write(uri: string, bytes: Uint8Array): Promise<void> {
    this.contents.set(uri, bytes);
    this.written.push(uri);
  }

  async rename(from: string, to: string): Promise<void> {
    const bytes = this.contents.get(from);
    if (!bytes) throw new Error(`${from} does not exist.`);
    if (this.contents.has(to)) throw new Error(`${to} already exists.`);
    this.contents.delete(from);
    this.contents.set(to, bytes);
  }

  text(uri: string): string | null {
    const bytes = this.contents.get(uri);
    return bytes ? new TextDecoder().decode(bytes) : null;
  }
}
