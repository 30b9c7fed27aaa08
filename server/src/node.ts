// The server's Node entry point (dist/server.js): stdio, IPC or a socket, and node:fs.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from './nodeFiles';
import { startServer } from './server';

const server = startServer(createConnection(ProposedFeatures.all), { files: nodeFiles, processId: process.pid });
process.on('uncaughtException', (error) => server.logError('an uncaught exception', error));
process.on('unhandledRejection', (error) => server.logError('an unhandled promise', error));
