// The web extension's entry point (dist/web/extension.js, package.json "browser"): the server
// runs in a web worker, and reads files through the client's vscode.workspace.fs.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, clientOptions, deactivateClient } from './activate';
import type { TranscriptLensApi } from './api';

// The extension host of a browser editor is itself a web worker; the DOM types are not part of this build.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

/** Where a browser editor keeps the files a reader opens: on disk, GitHub (vscode-vfs), tests, remotes. */
const WEB_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote'];

export function activate(context: vscode.ExtensionContext): Promise<TranscriptLensApi> {
  return activateWith(context, (outputChannel, errorHandler) => {
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
    const worker = new Worker(serverMain.toString(true));
    return new LanguageClient('transcriptLens', 'Transcript Lens', clientOptions(outputChannel, errorHandler, WEB_SCHEMES), worker);
  });
}

export const deactivate = deactivateClient;
