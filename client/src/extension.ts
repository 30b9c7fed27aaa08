// The Node extension's entry point (dist/extension.js): the server runs as a Node process.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { ServerOptions } from 'vscode-languageclient/node';
import { activateWith, clientOptions, deactivateClient } from './activate';
import type { TranscriptLensApi } from './api';

export function activate(context: vscode.ExtensionContext): Promise<TranscriptLensApi> {
  return activateWith(context, (outputChannel, errorHandler) => {
    const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    return new LanguageClient('transcriptLens', 'Transcript Lens', serverOptions, clientOptions(outputChannel, errorHandler));
  });
}

export const deactivate = deactivateClient;
