import type { AppEvent } from '../../shared/ipc/api';
import type { ExportTarget } from '../referral/service';
import type { ImportSource } from './import-source';
import type { PickedFiles } from './picked-files';
import type { PreferencesStore } from './preferences';
import type { SessionManager } from './session-manager';

export type Runtime = 'electron' | 'preview' | 'test';

/** What the dispatcher needs to know about who is signed in. */
export interface SessionInfo {
  role: 'supervisor' | 'officer';
  /** Someone else set this passphrase (enrolment, reset): only the change of it is open. */
  mustChangePassphrase: boolean;
}

/**
 * Everything a handler may touch. Built once per process by the shell, the preview server or a
 * test; holds no Electron objects so the same handlers run under plain Node.
 */
export interface AppContext {
  runtime: Runtime;
  dataDir: string;
  appVersion: string;
  electronVersion: string | null;
  prefs: PreferencesStore;
  sessions: SessionManager;
  /** Where exported files go: a save dialog in Electron, a folder in the preview and tests. */
  exportTarget: ExportTarget;
  /** Where files to import come from: an open dialog in Electron, a listed folder in the preview and tests. */
  importSource: ImportSource;
  /** Files main picked for a later step; only an opaque id goes to the renderer. Forgotten on lock. */
  picked: PickedFiles;
  /** Where the rotating log files are (Electron); the diagnostic report reads their tail. */
  logDir?: string;
  /** Puts text on the system clipboard (Electron only). */
  copyText?: (text: string) => boolean;
  /** The signed-in user's role, or null when locked. */
  session(): SessionInfo | null;
  /** Records activity for the idle auto-lock. */
  touch(): void;
  /** Pushes an event to the renderer (IPC in Electron, server-sent events in the preview). */
  emit(event: AppEvent): void;
}
