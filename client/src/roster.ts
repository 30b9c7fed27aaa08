// The speaker roster: one request per active transcript, shared by the Explorer tree view,
// the status bar and the "Show Speaker Roster" quick pick.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { turnCount, wordCount } from './l10n';
import { rosterRequest, TRANSCRIPT_LANGUAGE } from './protocol';
import type { RosterEntry, SpeakerKind } from './protocol';
import { roleAndFirm } from '../../server/src/speakerLabel';

export const ROSTER_VIEW_ID = 'transcriptLens.roster';
export const REVEAL_TURN_COMMAND = 'transcriptLens.revealTurn';
const REFRESH_DELAY_MS = 300;

/** The roster of the active transcript editor, refreshed when the document or its analysis changes. */
export class RosterModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: { uri: vscode.Uri; entries: RosterEntry[] } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh(0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.scheduleRefresh(REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.scheduleRefresh(REFRESH_DELAY_MS)),
      // The server publishes diagnostics after each analysis, which makes a fresh roster cheap.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (event.uris.some((uri) => uri.toString() === active)) this.scheduleRefresh(REFRESH_DELAY_MS);
      }),
      client.onDidChangeState(() => this.scheduleRefresh(REFRESH_DELAY_MS)),
    );
    this.scheduleRefresh(0);
  }

  get uri(): vscode.Uri | undefined {
    return this.current?.uri;
  }

  get entries(): RosterEntry[] {
    return this.current?.entries ?? [];
  }

  scheduleRefresh(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** Asks the server for the active transcript's roster; stale answers are dropped. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = activeTranscript();
    let next: typeof this.current;
    if (document && this.client.isRunning()) {
      try {
        const entries = await this.client.sendRequest(rosterRequest, { uri: document.uri.toString() });
        next = { uri: document.uri, entries: Array.isArray(entries) ? entries : [] };
      } catch (error) {
        this.client.outputChannel.appendLine(`Roster request failed: ${String(error)}`);
        next = { uri: document.uri, entries: [] };
      }
    }
    if (generation !== this.generation) return;
    this.current = next;
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

export function activeTranscript(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === TRANSCRIPT_LANGUAGE ? document : undefined;
}

type RosterNode = { type: 'speaker'; entry: RosterEntry } | { type: 'turn'; entry: RosterEntry; index: number };

const KIND_ICONS: Record<SpeakerKind, string> = {
  management: 'organization',
  analyst: 'search',
  operator: 'call-outgoing',
  host: 'megaphone',
  unknown: 'person',
};

/** The Explorer view: speakers with their role, turns and words; each turn jumps to its header. */
export class RosterTreeProvider implements vscode.TreeDataProvider<RosterNode> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(private readonly model: RosterModel) {
    this.onDidChangeTreeData = model.onDidChange;
  }

  getChildren(node?: RosterNode): RosterNode[] {
    if (!node) return this.model.entries.map((entry) => ({ type: 'speaker', entry }));
    if (node.type === 'speaker') return node.entry.lines.map((_, index) => ({ type: 'turn', entry: node.entry, index }));
    return [];
  }

  getTreeItem(node: RosterNode): vscode.TreeItem {
    const { entry } = node;
    if (node.type === 'speaker') {
      const item = new vscode.TreeItem(entry.speaker, vscode.TreeItemCollapsibleState.Collapsed);
      const role = roleAndFirm(entry);
      item.description = [role, turnCount(entry.turns), wordCount(entry.words)].filter(Boolean).join(' · ');
      item.tooltip = `${entry.speaker} (${entry.speakerKind})${role ? `\n${role}` : ''}\n${turnCount(entry.turns)}, ${wordCount(entry.words)}`;
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[entry.speakerKind] ?? KIND_ICONS.unknown);
      item.contextValue = 'speaker';
      return item;
    }
    const line = entry.lines[node.index];
    const item = new vscode.TreeItem(vscode.l10n.t('Turn {0}', node.index + 1), vscode.TreeItemCollapsibleState.None);
    item.description = `line ${line + 1}`;
    item.iconPath = new vscode.ThemeIcon('comment');
    item.contextValue = 'turn';
    if (this.model.uri) {
      item.command = { command: REVEAL_TURN_COMMAND, title: vscode.l10n.t('Go to Turn'), arguments: [this.model.uri, line] };
    }
    return item;
  }
}

/** Opens the document at a turn's header line and puts it at the top of the editor. */
export async function revealTurn(uri: vscode.Uri, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position) });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

/** A quick pick of the speakers, each once with role, turns and words, that jumps to the chosen one's first turn. */
export async function pickSpeaker(model: RosterModel): Promise<void> {
  await model.refresh();
  const uri = model.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a transcript to see its speakers.'));
    return;
  }
  type SpeakerPick = vscode.QuickPickItem & { line: number };
  const picks: SpeakerPick[] = model.entries.map((entry) => ({
    label: entry.speaker,
    iconPath: new vscode.ThemeIcon(KIND_ICONS[entry.speakerKind] ?? KIND_ICONS.unknown),
    description: roleAndFirm(entry),
    detail: `${turnCount(entry.turns)} · ${wordCount(entry.words)} · ${vscode.l10n.t('first at line {0}', entry.lines[0] + 1)}`,
    line: entry.lines[0],
  }));
  const placeHolder = picks.length ? vscode.l10n.t('Jump to a speaker’s first turn (the Speakers view lists every turn)') : vscode.l10n.t('No speakers found in this transcript');
  const choice = await vscode.window.showQuickPick(picks, { placeHolder, matchOnDescription: true });
  if (choice) await revealTurn(uri, choice.line);
}
