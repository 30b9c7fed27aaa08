// Starts and stops the cached code-server (a real VS Code in the browser) for the in-editor
// tests and for `npm start`: loopback only, no auth, telemetry or update checks.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { codeServerBin } from './vscode-setup.mjs';

/** Settings that keep VS Code off the network and quiet. */
export const offlineSettings = {
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'workbench.tips.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.surveys.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Writes a user-data folder whose User/settings.json holds the offline settings plus extras. */
export function prepareUserData(userDataDir, extraSettings = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...offlineSettings, ...extraSettings }, null, 2));
}

export function codeServerArgs({ port, userDataDir, extensionsDir, folder }) {
  return [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(folder ? [folder] : []),
  ];
}

/** Starts code-server in its own process group so that stopping it ends its children too. */
export function startCodeServer(options, { env = {}, stdio = ['ignore', 'pipe', 'pipe'] } = {}) {
  return spawn(codeServerBin, codeServerArgs(options), { detached: true, stdio, env: { ...process.env, ...env } });
}

/** Polls code-server's health endpoint until it answers. */
export async function waitUntilServing(port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000} s`);
}

/** Ends a process group we started, by its leader's pid: politely first, then for sure. */
export async function stopProcessGroup(pid) {
  if (!pid) return;
  const signal = (name) => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false;
    }
  };
  if (!signal('SIGTERM')) return;
  for (let waited = 0; waited < 3000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!signal(0)) return;
  }
  signal('SIGKILL');
}
