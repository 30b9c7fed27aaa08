// What every Transcript Lens webview shares: a page with a strict Content-Security-Policy
// (one nonce for its script, styles and images only from the extension's webview folder,
// nothing from the network), and the question-and-answer channel the in-editor tests use.
import * as vscode from 'vscode';
import { TRANSCRIPT_LANGUAGE } from '../protocol';
import type { TestAnswer, TestQuestion } from './messages';

/** The folder of the bundled webview scripts and styles (scripts/build.mjs writes it). */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

function createWebviewPanel(extensionUri: vscode.Uri, viewType: string, title: string, column: vscode.ViewColumn): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, { viewColumn: column, preserveFocus: false }, {
    enableScripts: true,
    // Keeps filters, sorting and scroll position while the tab is in the background.
    retainContextWhenHidden: true,
    localResourceRoots: [webviewRoot(extensionUri)],
  });
}

/** What a webview page is: its view type, its script (dist/webview/NAME.js) and the title of its HTML page. */
export interface WebviewPage {
  viewType: string;
  script: string;
  title: string;
}

/** The messages a page sends that its owner routes: all but its ready signal and its test answers. */
export type RoutedMessage<FromWebview> = Exclude<FromWebview, { type: 'ready' } | TestAnswer>;

/**
 * One webview panel, opened on demand: creates it with its page, holds back the messages
 * that need the page until it says it is ready, settles the tests' questions, hands every
 * other message to its owner, and forgets the panel when the user closes it.
 */
export class WebviewPanelHost<ToWebview, FromWebview extends { type: string }> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready: Promise<void> = Promise.resolve();
  readonly tests = new TestChannel(() => this.panel?.webview);

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly page: WebviewPage,
    private readonly route: (message: RoutedMessage<FromWebview>) => unknown,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel in the column with its page; false when it was open already (nothing changes then). */
  open(column: vscode.ViewColumn, title: string): boolean {
    if (this.panel) return false;
    const panel = createWebviewPanel(this.extensionUri, this.page.viewType, title, column);
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    // The panel's own listeners end with it, so a panel opened again starts clean.
    const listeners: vscode.Disposable[] = [];
    panel.webview.onDidReceiveMessage((message: FromWebview) => {
      if (message.type === 'ready') markReady();
      else if (!this.tests.receive(message)) void this.route(message as RoutedMessage<FromWebview>);
    }, undefined, listeners);
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      for (const listener of listeners) listener.dispose();
    }, undefined, listeners);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, this.page.script, this.page.title);
    this.panel = panel;
    return true;
  }

  /** Brings the open panel forward in its column and gives it the focus. */
  reveal(): void {
    this.panel?.reveal(undefined, false);
  }

  set title(title: string) {
    if (this.panel) this.panel.title = title;
  }

  /** Sends a message now; one the page may miss before it is ready (the cursor, say). */
  post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  /** Sends a message once the page is ready to receive it. */
  async postWhenReady(message: ToWebview): Promise<void> {
    await this.ready;
    this.post(message);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/**
 * Keeps an open panel on the active transcript: shows the transcript the user switches to,
 * and refreshes the one shown once typing has paused for delayMs.
 */
export function followActiveTranscript(
  panel: { readonly isOpen: boolean },
  shown: () => vscode.TextDocument | undefined,
  show: (document: vscode.TextDocument) => unknown,
  refresh: (document: vscode.TextDocument) => unknown,
  delayMs: number,
): vscode.Disposable {
  let refreshTimer: NodeJS.Timeout | undefined;
  const listeners = [
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      const document = editor?.document;
      if (panel.isOpen && document?.languageId === TRANSCRIPT_LANGUAGE && document !== shown()) void show(document);
    }),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (!panel.isOpen || document.uri.toString() !== shown()?.uri.toString()) return;
      if (refreshTimer) clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refresh(document), delayMs);
    }),
  ];
  return new vscode.Disposable(() => {
    if (refreshTimer) clearTimeout(refreshTimer);
    for (const listener of listeners) listener.dispose();
  });
}

/** The page of a webview: its script (dist/webview/NAME.js) and the shared stylesheet. */
function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, title: string): string {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const root = webviewRoot(extensionUri);
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(root, `${script}.js`));
  const styleUri = webview.asWebviewUri(vscode.Uri.joinPath(root, 'webview.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>${title.replace(/[<>&"]/g, '')}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}

/** Sends test questions to a webview and resolves with its answers. */
export class TestChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly webview: () => vscode.Webview | undefined) {}

  ask(action: string, args?: Record<string, unknown>, timeoutMs = 10_000): Promise<unknown> {
    const webview = this.webview();
    if (!webview) return Promise.reject(new Error('The webview is not open.'));
    const id = this.nextId++;
    const question: TestQuestion = { type: 'test', id, action, args };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`The webview did not answer "${action}" within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      void webview.postMessage(question);
    });
  }

  /** Settles the question the answer belongs to; true when the message was an answer. */
  receive(message: { type?: string }): boolean {
    if (message?.type !== 'testResult') return false;
    const answer = message as TestAnswer;
    const waiting = this.pending.get(answer.id);
    this.pending.delete(answer.id);
    if (answer.error) waiting?.reject(new Error(answer.error));
    else waiting?.resolve(answer.result);
    return true;
  }
}

/** Writes text to a file the user picks (or the target given by a test); the saved file, or undefined. */
export async function saveText(text: string, suggestedName: string, filters: Record<string, string[]>, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined, filters }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}
