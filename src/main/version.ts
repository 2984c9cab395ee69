/** Injected at build time by electron-vite (see electron.vite.config.ts); 'dev' under vitest. */
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
