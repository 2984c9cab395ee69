// What a sandboxed preload gets from 'electron', typed by hand (src/preload/tsconfig.json maps the
// module here): Electron's own typings pull in all of Node's, which a sandboxed preload cannot use.
// Signatures as in electron.d.ts (Electron 45), `any` included: replies are parsed by the renderer.
/* biome-ignore-all lint/suspicious/noExplicitAny: copied from Electron's signatures */

export interface IpcRendererEvent {
  sender: unknown;
}

export declare const contextBridge: {
  exposeInMainWorld(apiKey: string, api: any): void;
};

export declare const ipcRenderer: {
  invoke(channel: string, ...args: any[]): Promise<any>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): unknown;
};
