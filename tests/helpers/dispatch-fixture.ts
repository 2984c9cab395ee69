import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { createAppContext } from '../../src/main/services/app-context';
import { folderExportTarget } from '../../src/main/services/folder-export';

/** A dispatcher over a fresh store, and a way to create and sign in its supervisor. */
export async function dispatchFor() {
  const dir = mkdtempSync(join(tmpdir(), 'fs-zg-'));
  const ctx = createAppContext({
    runtime: 'test',
    dataDir: dir,
    appVersion: 'test',
    kdfProfile: 'test',
    exportTarget: folderExportTarget(join(dir, 'exports')),
  });
  const dispatch = createDispatcher(handlers, ctx);
  const signIn = async () => {
    await dispatch('vault.initialise', {
      username: 'sup',
      displayName: 'Sup',
      passphrase: 'long passphrase',
    });
  };
  return { dispatch, signIn, dir };
}
