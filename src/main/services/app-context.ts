import type { AppEvent } from '../../shared/ipc/api';
import type { KdfProfile } from '../keys/kdf';
import type { ExportTarget } from '../referral/service';
import type { AppContext, Runtime } from './context';
import { type ImportSource, noImportSource } from './import-source';
import { PickedFiles } from './picked-files';
import { PreferencesStore } from './preferences';
import { SessionManager } from './session-manager';

export interface AppContextOptions {
  runtime: Runtime;
  dataDir: string;
  appVersion: string;
  electronVersion?: string | null;
  emit?: (event: AppEvent) => void;
  /** Argon2id cost for passphrases set in this process; only tests lower it. */
  kdfProfile?: KdfProfile;
  exportTarget: ExportTarget;
  /** Where backups to restore come from; without one, nothing can be restored from the UI. */
  importSource?: ImportSource;
  logDir?: string;
  copyText?: (text: string) => boolean;
  /** Test-only: lock after this many ms without activity instead of the setting's minutes. */
  idleDelayMs?: number;
  /** Test-only: the vault's clock (back-off waits), in epoch ms. */
  now?: () => number;
}

/** Builds the context shared by Electron, the preview server and tests. */
export function createAppContext(options: AppContextOptions): AppContext {
  const emit = options.emit ?? (() => {});
  const picked = new PickedFiles();
  const sessions = new SessionManager(options.dataDir, {
    kdfProfile: options.kdfProfile,
    idleDelayMs: options.idleDelayMs,
    ...(options.now ? { now: options.now } : {}),
    onLocked: (reason) => {
      // A file picked for a restore belongs to the session that picked it.
      picked.clear();
      emit({
        type: 'locked',
        reason:
          reason === 'idle'
            ? 'idle'
            : reason === 'suspend' || reason === 'screen_lock'
              ? 'suspend'
              : 'manual',
      });
    },
  });
  return {
    runtime: options.runtime,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    electronVersion: options.electronVersion ?? null,
    prefs: new PreferencesStore(options.dataDir),
    sessions,
    exportTarget: options.exportTarget,
    importSource: options.importSource ?? noImportSource,
    picked,
    logDir: options.logDir,
    copyText: options.copyText,
    session: () => {
      const session = sessions.current();
      const user = session?.user;
      return user ? { role: user.role, mustChangePassphrase: session.trust.mustChangePassphrase } : null;
    },
    touch: () => sessions.touch(),
    emit,
  };
}
