import type { AppEvent } from '../../shared/ipc/api';
import { getApi } from './bridge';

const local = new Set<(event: AppEvent) => void>();

/**
 * Events from main (pushed over IPC or the preview's event stream), plus those the page announces
 * itself: a screen that got a reply saying the session is gone (a restore) says so at once, whether
 * the pushed event arrives before the reply, after it, or not at all.
 */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  local.add(listener);
  const off = getApi().onEvent(listener);
  return () => {
    local.delete(listener);
    off();
  };
}

export function announce(event: AppEvent): void {
  for (const listener of [...local]) listener(event);
}
