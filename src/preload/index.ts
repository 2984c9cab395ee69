import { contextBridge, ipcRenderer } from 'electron';
import { type AppEvent, type FieldScreenApi, IPC_EVENT, IPC_INVOKE } from '../shared/ipc/api';
import { isChannelName } from '../shared/ipc/contract';

/**
 * The whole bridge: `window.fieldscreen` with one call() for the channels of the contract and one
 * event subscription. No ipcRenderer, no Node, nothing else reaches the page. Bundled as a single
 * CommonJS file so the window can run with sandbox: true.
 */
const api: FieldScreenApi = {
  call: (channel, request) => {
    if (!isChannelName(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' },
      });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, request);
  },
  onEvent: (listener) => {
    const wrapped = (_e: unknown, event: AppEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('fieldscreen', api);
