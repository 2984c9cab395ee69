import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AppEvent } from '../../shared/ipc/api';
import type { Dispatch } from '../ipc/dispatch';
import { RENDERER_CSP_HEADER } from '../security/csp';
import { parseJsonBody, readBody } from './json-body';
import { requestPathname } from './request-path';

/**
 * Loopback preview server, for tests, demos and training only (never packaged): serves the built
 * renderer and the IPC contract over HTTP on 127.0.0.1. Defences, because any local web page or
 * process could otherwise talk to it:
 * - binds 127.0.0.1 only; refuses a Host header other than 127.0.0.1/localhost:<port> (DNS rebinding);
 * - refuses a foreign Origin;
 * - every /api call needs the per-start random token in the X-FieldScreen-Token header (the page
 *   receives it in the URL fragment, which browsers never send to servers);
 * - only channels in the contract exist; bodies are JSON with a size limit.
 */
export interface PreviewServerOptions {
  rendererDir: string;
  dispatch: Dispatch;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
}

export interface PreviewServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  broadcast(event: AppEvent): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
    res.end(text);
  };
  const refuse = (res: ServerResponse, status: number, code: string) =>
    send(res, status, { ok: false, error: { code, messageKey: 'errors.forbiddenSender' } });

  const tokenOk = (req: IncomingMessage) => {
    const given = req.headers['x-fieldscreen-token'];
    if (typeof given !== 'string') return false;
    const buf = Buffer.from(given);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        send(res, 500, { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } });
      else res.end();
    });
  });

  const badRequest = (res: ServerResponse) =>
    send(res, 400, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.validation' } });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'FORBIDDEN_SENDER');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) return refuse(res, 403, 'FORBIDDEN_SENDER');
    const pathname = requestPathname(req.url ?? '/');
    if (pathname === null) return badRequest(res);

    if (pathname.startsWith('/api/')) {
      if (!tokenOk(req)) return refuse(res, 401, 'FORBIDDEN_SENDER');
      if (pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      if (req.method !== 'POST') return refuse(res, 405, 'FORBIDDEN_SENDER');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.validation' } });
      }
      const channel = pathname.slice('/api/'.length);
      const body = await readBody(req, maxBody);
      if (body === null) {
        return send(res, 413, { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.validation' } });
      }
      // Parsed, then the bytes wiped: bodies carry passphrases and recovery keys.
      const parsed = parseJsonBody(body);
      if (!parsed.ok) return badRequest(res);
      const reply = await options.dispatch(channel, parsed.value);
      const status = reply.ok ? 200 : reply.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
      return send(res, status, reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'FORBIDDEN_SENDER');
    return serveStatic(pathname, res);
  }

  function openEventStream(res: ServerResponse) {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse) {
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = normalize(join(options.rendererDir, rel));
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return refuse(res, 403, 'FORBIDDEN_SENDER');
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const data = await readFile(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      res.end(data);
    } catch {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    broadcast(event) {
      for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
