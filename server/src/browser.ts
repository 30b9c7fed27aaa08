// The server's web-worker entry point (dist/web/server.js): messages from the page, and the
// client's vscode.workspace.fs for files (clientFiles.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientFiles } from './clientFiles';
import { startServer } from './server';

// The worker's global scope is the message port; the DOM types are not part of this build.
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
startServer(connection, { files: clientFiles(connection) });
