import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The dev server's address, set by electron-vite for `npm run dev` only. */
export const DEV_RENDERER_URL_ENV = 'ELECTRON_RENDERER_URL';

export interface RendererEntryInput {
  /** Electron's app.isPackaged: true for an installed build. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** The folder holding the built renderer (out/renderer, inside app.asar when packaged). */
  rendererDir: string;
}

/**
 * The one page the window loads. An installed app always loads its own files: the dev-server URL in
 * the environment is honoured only for an unpackaged build, so nobody can point the packaged app (and
 * its IPC, which trusts the entry page) at a page of their own by setting a variable before starting it.
 */
export function rendererEntryUrl({ isPackaged, env, rendererDir }: RendererEntryInput): string {
  const devUrl = env[DEV_RENDERER_URL_ENV];
  if (!isPackaged && devUrl) return devUrl;
  return pathToFileURL(join(rendererDir, 'index.html')).href;
}
