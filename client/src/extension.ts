// Activation: starts the language server and switches detected transcripts to the
// Transcript language.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'transcript' }, { language: 'plaintext' }, { language: 'markdown' }],
  };
  client = new LanguageClient('transcriptLens', 'Transcript Lens', serverOptions, clientOptions);
  client.onNotification('transcriptLens/detected', async ({ uri }: { uri: string }) => {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (document && document.languageId !== 'transcript') {
      await vscode.languages.setTextDocumentLanguage(document, 'transcript');
    }
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('transcriptLens.treatAsTranscript', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, 'transcript');
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
