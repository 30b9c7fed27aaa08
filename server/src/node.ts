// The server's Node entry point (dist/server.js): stdio, IPC or a socket; node:fs for file:
// URIs and the client's vscode.workspace.fs for a virtual workspace's.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { clientFiles } from './clientFiles';
import { localThenClient } from './files';
import { ThreadedIndexReader } from './indexReader';
import { nodeFiles } from './nodeFiles';
import { startServer } from './server';
import { WorkerRunner } from './workerRunner';

const connection = createConnection(ProposedFeatures.all);
const server = startServer(connection, {
  files: localThenClient(nodeFiles, clientFiles(connection)),
  processId: process.pid,
  analysisRunner: new WorkerRunner(),
  indexReader: new ThreadedIndexReader(),
});
process.on('uncaughtException', (error) => server.logError('an uncaught exception', error));
process.on('unhandledRejection', (error) => server.logError('an unhandled promise', error));
