// Switches documents the server recognises as transcripts to the Transcript language, and
// respects a user who switches such a document back: that URI is never switched again.
import * as vscode from 'vscode';
import { TRANSCRIPT_LANGUAGE } from './protocol';

const OPT_OUT_KEY = 'transcriptLens.detectionOptOuts';

export class DetectionController implements vscode.Disposable {
  /** URIs this controller switched, so a later switch away can be told apart as the user's. */
  private readonly switchedByDetection = new Set<string>();
  /** URIs closed in the current tick: VS Code changes a language by closing and reopening. */
  private readonly closingNow = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly memento: vscode.Memento) {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((document) => this.noteClosed(document)),
      vscode.workspace.onDidOpenTextDocument((document) => this.noteOpened(document)),
    );
  }

  /** Handles the server's detection notification for one document. */
  async onDetected(uri: string): Promise<void> {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
    if (!document || document.languageId === TRANSCRIPT_LANGUAGE) return;
    if (!detectionEnabled(document.uri) || this.optedOut(uri)) return;
    this.switchedByDetection.add(uri);
    await vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT_LANGUAGE);
  }

  /** The user asked for the Transcript language by hand, which also lifts an earlier opt-out. */
  async treatAsTranscript(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri.toString();
    await this.memento.update(OPT_OUT_KEY, this.optOuts().filter((entry) => entry !== uri));
    if (document.languageId !== TRANSCRIPT_LANGUAGE) {
      await vscode.languages.setTextDocumentLanguage(document, TRANSCRIPT_LANGUAGE);
    }
  }

  optedOut(uri: string): boolean {
    return this.optOuts().includes(uri);
  }

  private optOuts(): string[] {
    return this.memento.get<string[]>(OPT_OUT_KEY, []);
  }

  private noteClosed(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (!this.switchedByDetection.has(uri)) return;
    this.closingNow.add(uri);
    // A language change reopens the document in the same tick; a real close does not.
    setTimeout(() => this.closingNow.delete(uri), 0);
  }

  private noteOpened(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (!this.closingNow.has(uri)) return;
    this.closingNow.delete(uri);
    if (document.languageId === TRANSCRIPT_LANGUAGE) return;
    this.switchedByDetection.delete(uri);
    void this.memento.update(OPT_OUT_KEY, [...this.optOuts().filter((entry) => entry !== uri), uri]);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function detectionEnabled(scope: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('transcriptLens', scope).get<boolean>('detection.enabled', true);
}
