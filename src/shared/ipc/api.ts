import type { ChannelName, RequestOf, ResponseOf } from './contract';
import type { Reply } from './reply';

/**
 * Events main pushes to the renderer: the session was locked (by idle, system suspend…), or a backup
 * was restored (which locked it too: everyone signs in again against the restored records).
 */
export type AppEvent =
  | { type: 'locked'; reason: 'manual' | 'idle' | 'suspend' }
  | { type: 'restored'; backupCreatedAt: string; keyringRestored: boolean };

/**
 * `window.fieldscreen`: the same shape in Electron (preload, over IPC) and in the preview (over HTTP).
 * Replies are never thrown: the caller decides how to show an error.
 */
export interface FieldScreenApi {
  call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Reply<ResponseOf<C>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** The single Electron IPC channel names used by the preload and the shell. */
export const IPC_INVOKE = 'fieldscreen:call';
export const IPC_EVENT = 'fieldscreen:event';
