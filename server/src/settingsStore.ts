// Settings per resource: a workspace folder can have its own glossary, currencies, severities
// and document-size limit. The store asks the client for the "transcriptLens" section with each
// open document's URI as scopeUri (workspace/configuration), keeps the answer until the
// settings change or the document closes, and falls back to the window's settings meanwhile.
import { DEFAULT_SETTINGS, parseSettings } from './settings';
import type { Settings } from './settings';

/** Reads the raw section for a resource (null: the window), as workspace/configuration answers. */
export type ReadSection = (scopeUri: string | null) => Promise<unknown>;

export class SettingsStore {
  private windowSettings: Settings;
  private readonly perDocument = new Map<string, Settings>();
  private readonly loads = new Map<string, Promise<void>>();

  /**
   * read is null when the client cannot answer workspace/configuration: then push settings with
   * replace. initial is in force until the client's settings are read.
   */
  constructor(
    private readonly read: ReadSection | null,
    private readonly logError: (what: string, error: unknown) => void,
    initial: Settings = DEFAULT_SETTINGS,
  ) {
    this.windowSettings = { ...initial };
  }

  /** The window's settings: for what no single document decides, such as indexing the workspace. */
  get global(): Settings {
    return this.windowSettings;
  }

  /** The settings that apply to the document, its folder's when they were read. */
  for(uri: string): Settings {
    return this.perDocument.get(uri) ?? this.windowSettings;
  }

  /** Settings pushed by a client without workspace/configuration (didChangeConfiguration). */
  replace(raw: unknown): void {
    this.windowSettings = parseSettings(raw);
    this.perDocument.clear();
  }

  /** Reads the window's settings again. */
  async loadGlobal(): Promise<void> {
    if (!this.read) return;
    try {
      this.windowSettings = parseSettings(await this.read(null));
    } catch (error) {
      this.logError('reading settings', error);
    }
  }

  /** Reads a document's settings (its folder's); the promise settles once they are in. */
  load(uri: string): Promise<void> {
    if (!this.read) return Promise.resolve();
    const read = this.read;
    const loading = read(uri).then(
      (raw) => {
        if (this.loads.get(uri) === loading) this.perDocument.set(uri, parseSettings(raw));
      },
      (error) => this.logError(`reading settings for ${uri}`, error),
    ).finally(() => {
      if (this.loads.get(uri) === loading) this.loads.delete(uri);
    });
    this.loads.set(uri, loading);
    return loading;
  }

  /** Waits for a document's settings when they are being read. */
  async ready(uri: string): Promise<void> {
    await this.loads.get(uri);
  }

  /** After a settings change: the window's settings and every open document's, read again. */
  async reload(openUris: readonly string[]): Promise<void> {
    await Promise.all([this.loadGlobal(), ...openUris.map((uri) => this.load(uri))]);
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.loads.delete(uri);
  }
}
