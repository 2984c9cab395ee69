import type { AppEvent } from '../../shared/ipc/api';
import type { AppContext, Runtime, SessionInfo } from './context';
import { PreferencesStore } from './preferences';

export interface AppContextOptions {
  runtime: Runtime;
  dataDir: string;
  appVersion: string;
  electronVersion?: string | null;
  emit?: (event: AppEvent) => void;
}

/** Builds the context shared by Electron, the preview server and tests. */
export function createAppContext(options: AppContextOptions): AppContext & {
  setSession(session: SessionInfo | null): void;
  lastActivity(): number;
} {
  let session: SessionInfo | null = null;
  let lastActivity = Date.now();
  const emit = options.emit ?? (() => {});
  return {
    runtime: options.runtime,
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    electronVersion: options.electronVersion ?? null,
    prefs: new PreferencesStore(options.dataDir),
    session: () => session,
    touch: () => {
      lastActivity = Date.now();
    },
    emit,
    setSession(next) {
      session = next;
    },
    lastActivity: () => lastActivity,
  };
}
