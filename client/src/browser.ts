// The web extension's entry point (dist/web/extension.js, package.json "browser"): the server
// runs in a web worker, and reads files through the client's vscode.workspace.fs.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, clientOptions, deactivateClient } from './activate';
import type { TranscriptLensApi } from './api';

// The extension host of a browser editor is itself a web worker; the DOM types are not part of this build.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * The address to start the server worker from. VS Code refuses workers from an extension it
 * serves from a remote (code-server, Codespaces: "Creating workers from remote extensions is
 * currently not supported"), so there the bundle is read and started from a blob: URL.
 */
async function serverWorkerUrl(extensionUri: vscode.Uri): Promise<string> {
  const serverMain = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js');
  if (serverMain.scheme !== 'vscode-remote') return serverMain.toString(true);
  const bundle = await vscode.workspace.fs.readFile(serverMain);
  return URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' }));
}

export function activate(context: vscode.ExtensionContext): Promise<TranscriptLensApi> {
  return activateWith(context, async (outputChannel, errorHandler) => {
    const worker = new Worker(await serverWorkerUrl(context.extensionUri));
    return new LanguageClient('transcriptLens', 'Transcript Lens', clientOptions(outputChannel, errorHandler), worker);
  });
}

export const deactivate = deactivateClient;
