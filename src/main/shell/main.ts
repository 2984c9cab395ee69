import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  powerMonitor,
  session,
  type WebContents,
} from 'electron';
import { type AppEvent, IPC_EVENT, IPC_INVOKE } from '../../shared/ipc/api';
import { translatorFor } from '../i18n/translator';
import { createDispatcher } from '../ipc/dispatch';
import { handlers } from '../ipc/handlers';
import type { ExportTarget } from '../referral/service';
import { RENDERER_CSP_HEADER } from '../security/csp';
import { isAppUrl, permissionAllowed } from '../security/navigation';
import { rendererEntryUrl } from '../security/renderer-entry';
import { createAppContext } from '../services/app-context';
import { copyFileAtomic } from '../services/folder-export';
import { IMPORT_EXTENSIONS, type ImportKind, type ImportSource } from '../services/import-source';

/** The open dialog's title for each kind of file to import. */
const OPEN_TITLES: Record<ImportKind, string> = {
  backup: 'fileDialog.openBackupTitle',
  agencyKey: 'fileDialog.openAgencyKeyTitle',
  handover: 'fileDialog.openHandoverTitle',
  receipt: 'fileDialog.openReceiptTitle',
};

import { type FilterLabel, saveDialogFilters } from '../services/save-dialog-filters';
import { writeFileAtomic } from '../util/atomic-file';
import { log } from '../util/log';
import { installFileLog } from '../util/log-file';
import { APP_VERSION } from '../version';

/**
 * The thin Electron shell: one window, locked down, and IPC wired to the same dispatcher the
 * preview server and the tests use. Everything else lives in plain-Node modules.
 */
const RENDERER_DIR = join(__dirname, '../renderer');
const RENDERER_DIR_URL = `${pathToFileURL(RENDERER_DIR).href}/`;
const ENTRY_URL = rendererEntryUrl({
  isPackaged: app.isPackaged,
  env: process.env,
  rendererDir: RENDERER_DIR,
});

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();
const LOG_DIR = join(app.getPath('userData'), 'logs');
installFileLog(LOG_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  const emit = (event: AppEvent) => mainWindow?.webContents.send(IPC_EVENT, event);
  // Dialog texts in the language the app is shown in.
  const translate = () => translatorFor(ctx.prefs.get().uiLanguage);
  const filterLabel: FilterLabel = (kind, format) => translate()(`fileDialog.${kind}`, { format });
  // Exports go only where the user chooses in a save dialog; main writes the file, atomically.
  const exportTarget: ExportTarget = {
    async write(suggestedFileName, bytes) {
      if (!mainWindow) return null;
      const choice = await dialog.showSaveDialog(mainWindow, {
        defaultPath: join(app.getPath('documents'), suggestedFileName),
        filters: saveDialogFilters(suggestedFileName, filterLabel),
      });
      if (choice.canceled || !choice.filePath) return null;
      writeFileAtomic(choice.filePath, bytes);
      return basename(choice.filePath);
    },
    async writeFile(suggestedFileName, sourcePath) {
      if (!mainWindow) return null;
      const choice = await dialog.showSaveDialog(mainWindow, {
        defaultPath: join(app.getPath('documents'), suggestedFileName),
        filters: saveDialogFilters(suggestedFileName, filterLabel),
      });
      if (choice.canceled || !choice.filePath) return null;
      copyFileAtomic(sourcePath, choice.filePath);
      return basename(choice.filePath);
    },
  };
  // Files to import (a backup to restore) are picked here, in main, with the open dialog: the renderer
  // never names a path.
  const importSource: ImportSource = {
    mode: 'dialog',
    list: async () => [],
    async pick(kind) {
      if (!mainWindow) return null;
      const choice = await dialog.showOpenDialog(mainWindow, {
        title: translate()(OPEN_TITLES[kind]),
        defaultPath: app.getPath('documents'),
        properties: ['openFile'],
        filters: saveDialogFilters(`file.${IMPORT_EXTENSIONS[kind][0]}`, filterLabel),
      });
      const path = choice.canceled ? undefined : choice.filePaths[0];
      if (!path) return null;
      try {
        const info = statSync(path);
        if (!info.isFile()) return null;
        return { path, name: basename(path), bytes: info.size, modifiedAt: info.mtime.toISOString() };
      } catch {
        return null;
      }
    },
  };
  const ctx = createAppContext({
    exportTarget,
    importSource,
    logDir: LOG_DIR,
    copyText: (text) => {
      clipboard.writeText(text);
      return true;
    },
    runtime: 'electron',
    dataDir: join(app.getPath('userData'), 'data'),
    appVersion: APP_VERSION,
    electronVersion: process.versions.electron ?? null,
    emit,
  });
  const dispatch = createDispatcher(handlers, ctx);

  // Only our own window's top frame, showing our own page, may call in.
  const trustedSender = (sender: WebContents, frameUrl: string | undefined) =>
    mainWindow !== null &&
    sender === mainWindow.webContents &&
    frameUrl !== undefined &&
    isAppUrl(frameUrl, ENTRY_URL);

  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, payload: unknown) => {
    if (!trustedSender(event.sender, event.senderFrame?.url)) {
      log.warn('ipc.untrusted_sender');
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', messageKey: 'errors.forbiddenSender' } };
    }
    return dispatch(channel, payload);
  });

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, ENTRY_URL)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, ENTRY_URL)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const createWindow = () => {
    mainWindow = new BrowserWindow({
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'FieldScreen',
      autoHideMenuBar: true,
      webPreferences: {
        preload: join(__dirname, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        disableBlinkFeatures: 'Auxclick',
        devTools: !app.isPackaged,
      },
    });
    // The records on screen stay out of screenshots, screen recordings and screen sharing (Windows,
    // macOS; on Linux the call does nothing).
    mainWindow.setContentProtection(true);
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    void mainWindow.loadURL(ENTRY_URL);
  };

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
    ses.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP_HEADER] },
      });
    });
    // No remote content, ever: anything that is not the app's own files or dev server is cancelled.
    ses.webRequest.onBeforeRequest((details, callback) => {
      const allowed =
        details.url.startsWith(RENDERER_DIR_URL) ||
        details.url.startsWith('devtools:') ||
        isAppUrl(details.url, ENTRY_URL);
      callback({ cancel: !allowed });
    });
    // Each lock is recorded with its cause: the laptop going to sleep, its screen locked, the app quitting.
    powerMonitor.on('suspend', () => ctx.sessions.lock('suspend'));
    powerMonitor.on('lock-screen', () => ctx.sessions.lock('screen_lock'));
    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
  // Quitting closes the database (WAL checkpointed) and wipes the key, as any other lock does.
  app.on('will-quit', () => ctx.sessions.lock('shutdown'));
}
