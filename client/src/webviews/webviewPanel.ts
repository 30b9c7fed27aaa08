// What every Transcript Lens webview shares: a page with a strict Content-Security-Policy
// (one nonce for its script, styles and images only from the extension's webview folder,
// nothing from the network), and the question-and-answer channel the in-editor tests use.
import * as vscode from 'vscode';
import type { TestAnswer, TestQuestion } from './messages';

/** The folder of the bundled webview scripts and styles (scripts/build.mjs writes it). */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function createWebviewPanel(extensionUri: vscode.Uri, viewType: string, title: string, column: vscode.ViewColumn): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, { viewColumn: column, preserveFocus: false }, {
    enableScripts: true,
    // Keeps filters, sorting and scroll position while the tab is in the background.
    retainContextWhenHidden: true,
    localResourceRoots: [webviewRoot(extensionUri)],
  });
}

/** The page of a webview: its script (dist/webview/NAME.js) and the shared stylesheet. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, title: string): string {
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
