import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../ipc/dispatch';
import { handlers } from '../ipc/handlers';
import { createAppContext } from '../services/app-context';
import { folderExportTarget } from '../services/folder-export';
import { folderImportSource } from '../services/folder-import';
import { APP_VERSION } from '../version';
import { startPreviewServer } from './server';

/**
 * `npm run preview`: the real renderer and the real services in any browser on this machine, for
 * tests, demos and training. Not part of the packaged app.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      'export-dir': { type: 'string' },
      'idle-seconds': { type: 'string' },
    },
    allowPositionals: false,
  });
  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'fieldscreen-preview-'));
  let broadcast: (e: Parameters<NonNullable<Parameters<typeof createAppContext>[0]['emit']>>[0]) => void =
    () => {};
  // The preview has no save dialog: exports go to one folder, printed below.
  const exportDir = values['export-dir']
    ? resolve(values['export-dir'])
    : mkdtempSync(join(tmpdir(), 'fieldscreen-exports-'));
  const ctx = createAppContext({
    runtime: 'preview',
    dataDir,
    exportTarget: folderExportTarget(exportDir),
    // No open dialog either: backups to restore are chosen from those in the same folder.
    importSource: folderImportSource(exportDir),
    // For tests only: a short idle lock (the real setting is whole minutes, at least one).
    ...(values['idle-seconds'] ? { idleDelayMs: Number(values['idle-seconds']) * 1000 } : {}),
    appVersion: APP_VERSION,
    emit: (event) => broadcast(event),
  });
  const server = await startPreviewServer({
    rendererDir: join(__dirname, '../renderer'),
    dispatch: createDispatcher(handlers, ctx),
    port: values.port ? Number(values.port) : 5179,
    token: process.env.FIELDSCREEN_PREVIEW_TOKEN || undefined,
  });
  broadcast = server.broadcast;
  process.stdout.write(
    `FieldScreen preview (for tests, demos and training; data folder: ${dataDir}; exports: ${exportDir})\nOpen: ${server.url}\n`,
  );
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`preview failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
