// Switches documents the server recognises as transcripts to the Transcript language, and
// remembers each user's choice per file across reloads: a file treated as a transcript by
// hand opens as one again, and a transcript switched back by hand is never switched again.
import * as vscode from 'vscode';
import { TRANSCRIPT_LANGUAGE } from './protocol';

/** What the user chose for one file: Transcript, or anything but Transcript. */
export type LanguageChoice = 'transcript' | 'not-transcript';
/** What a detection notice led to: a switch, or why not. */
export type DetectionOutcome = 'switched' | 'opted-out' | 'disabled' | 'already-transcript' | 'closed';

const CHOICES_KEY = 'transcriptLens.languageChoices';
/** Where earlier versions kept the switched-back files, per workspace. */
const LEGACY_OPT_OUT_KEY = 'transcriptLens.detectionOptOuts';
/** The oldest choices are dropped beyond this many files, so the stored state stays small. */
const MAX_CHOICES = 2000;

export class DetectionController implements vscode.Disposable {
  /** URIs whose language this controller is changing, so the change is not taken for the user's. */
  private readonly switching = new Set<string>();
  /** The language of each document closed in the current tick: VS Code changes a language by closing and reopening. */
  private readonly closingNow = new Map<string, string>();
  private readonly untitledChoices = new Map<string, LanguageChoice>();
  private readonly outcomes = new Map<string, DetectionOutcome[]>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly memento: vscode.Memento, legacyMemento?: vscode.Memento) {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => this.noteClosed(document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.noteOpened(document)),
    );
    if (legacyMemento) void this.adoptLegacyOptOuts(legacyMemento);
  }

  /** Gives documents already open at activation (a reload restores them) the language the user chose. */
  restoreOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.restore(document);
  }

  /** Handles the server's detection notification for one document, and records what it did. */
  async onDetected(uri: string): Promise<void> {
    const outcome = await this.decide(uri);
    this.outcomes.set(uri, [...(this.outcomes.get(uri) ?? []), outcome]);
  }

  private async decide(uri: string): Promise<DetectionOutcome> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
    if (!document) return 'closed';
    if (document.languageId === TRANSCRIPT_LANGUAGE) return 'already-transcript';
    if (!detectionEnabled(document.uri)) return 'disabled';
    if (this.optedOut(uri)) return 'opted-out';
    await this.switchToTranscript(document);
    return 'switched';
  }

  /** What each detection notice for a document led to, oldest first (for the in-editor tests). */
  outcomesOf(uri: string): readonly DetectionOutcome[] {
    return this.outcomes.get(uri) ?? [];
  }

  /** The user asked for the Transcript language by hand: remembered, and it lifts an earlier opt-out. */
  async treatAsTranscript(document: vscode.TextDocument): Promise<void> {
    await this.remember(document.uri.toString(), 'transcript');
    await this.switchToTranscript(document);
  }

  optedOut(uri: string): boolean {
    return this.choice(uri) === 'not-transcript';
  }

  choice(uri: string): LanguageChoice | undefined {
    return this.untitledChoices.get(uri) ?? this.choices()[uri];
  }

  private choices(): Record<string, LanguageChoice> {
    return this.memento.get<Record<string, LanguageChoice>>(CHOICES_KEY, {});
  }

  private async remember(uri: string, choice: LanguageChoice): Promise<void> {
    // Untitled names come back for new, unrelated documents, so only their session remembers them.
    if (uri.startsWith('untitled:')) {
      this.untitledChoices.set(uri, choice);
      return;
    }
    const kept = Object.entries(this.choices()).filter(([key]) => key !== uri).slice(-(MAX_CHOICES - 1));
    // Re-inserted last, so the most recent choices are the ones kept.
    await this.memento.update(CHOICES_KEY, Object.fromEntries([...kept, [uri, choice]]));
  }

  private async switchToTranscript(document: vscode.TextDocument): Promise<void> {
    if (document.languageId === TRANSCRIPT_LANGUAGE) return;
    const uri = document.uri.toString();
    this.switching.add(uri);
    try {
      await vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT_LANGUAGE);
    } finally {
      // The reopen event can trail the call's answer by a tick.
      setTimeout(() => this.switching.delete(uri), 0);
    }
  }

  private restore(document: vscode.TextDocument): void {
    if (document.languageId === TRANSCRIPT_LANGUAGE || this.choice(document.uri.toString()) !== 'transcript') return;
    // A file deleted or closed again before the switch lands is no error worth showing.
    this.switchToTranscript(document).catch(() => undefined);
  }

  private noteClosed(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    this.closingNow.set(uri, document.languageId);
    // A language change reopens the document in the same tick; a real close does not, and ends an untitled document's choice.
    setTimeout(() => {
      if (this.closingNow.delete(uri)) this.untitledChoices.delete(uri);
    }, 0);
  }

  private noteOpened(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    const before = this.closingNow.get(uri);
    if (before === undefined) {
      this.restore(document);
      return;
    }
    this.closingNow.delete(uri);
    if (before === document.languageId || this.switching.has(uri)) return;
    // The user picked a language by hand (the language picker or another extension's command).
    if (document.languageId === TRANSCRIPT_LANGUAGE) void this.remember(uri, 'transcript');
    else if (before === TRANSCRIPT_LANGUAGE) void this.remember(uri, 'not-transcript');
  }

  /** Moves the per-workspace opt-outs of earlier versions into the remembered choices. */
  private async adoptLegacyOptOuts(legacyMemento: vscode.Memento): Promise<void> {
    const optOuts = legacyMemento.get<string[]>(LEGACY_OPT_OUT_KEY, []);
    if (optOuts.length === 0) return;
    for (const uri of optOuts) if (!this.choice(uri)) await this.remember(uri, 'not-transcript');
    await legacyMemento.update(LEGACY_OPT_OUT_KEY, undefined);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function detectionEnabled(scope: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('transcriptLens', scope).get<boolean>('detection.enabled', true);
}
