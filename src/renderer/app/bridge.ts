import type { AppEvent, FieldScreenApi } from '../../shared/ipc/api';
import type { ChannelName, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Reply } from '../../shared/ipc/reply';

declare global {
  interface Window {
    fieldscreen?: FieldScreenApi;
  }
}

const TOKEN_KEY = 'fieldscreen.previewToken';

/**
 * In Electron the preload has already put `window.fieldscreen` on the page. In the loopback preview
 * (http://127.0.0.1, tests and demos) the same interface is built over HTTP: the per-start token
 * arrives in the URL fragment, is kept for this tab only and removed from the address bar.
 */
export function getApi(): FieldScreenApi {
  if (window.fieldscreen) return window.fieldscreen;
  if (location.protocol !== 'http:' || location.hostname !== '127.0.0.1') {
    throw new Error('FieldScreen bridge missing');
  }
  const api = createHttpBridge(readPreviewToken());
  window.fieldscreen = api;
  return api;
}

function readPreviewToken(): string {
  const match = /token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function createHttpBridge(token: string): FieldScreenApi {
  const listeners = new Set<(e: AppEvent) => void>();
  let streaming = false;

  const startStream = async () => {
    if (streaming) return;
    streaming = true;
    try {
      const res = await fetch('/api/events', { headers: { 'X-FieldScreen-Token': token } });
      const reader = res.body?.getReader();
      if (!reader) return;
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let idx = buffer.indexOf('\n\n');
        while (idx >= 0) {
          const chunk = buffer.slice(0, idx);
          buffer = buffer.slice(idx + 2);
          const data = chunk.startsWith('data: ') ? chunk.slice(6) : null;
          if (data) for (const l of listeners) l(JSON.parse(data) as AppEvent);
          idx = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // The preview server stopped; calls will report the failure.
    } finally {
      streaming = false;
    }
  };

  return {
    async call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<Reply<ResponseOf<C>>> {
      try {
        const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-FieldScreen-Token': token },
          body: JSON.stringify(request ?? {}),
        });
        return (await res.json()) as Reply<ResponseOf<C>>;
      } catch {
        return { ok: false, error: { code: 'IO_ERROR', messageKey: 'errors.ioError' } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      void startStream();
      return () => listeners.delete(listener);
    },
  };
}
