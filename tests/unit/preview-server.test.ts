import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPathname } from '../../src/main/preview/request-path';
import { type PreviewServer, startPreviewServer } from '../../src/main/preview/server';
import { tempDir } from '../helpers/disk';
import { PATH_STRINGS } from '../helpers/fuzz-payloads';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * The preview server as an entry point: whatever request target arrives, the answer is a deliberate
 * status (never 500), bad targets get 400, nothing outside the renderer folder is served, and the
 * server keeps answering. Requests are written on a raw socket so that targets no HTTP client would
 * send (malformed escapes, control characters) reach the server as they are.
 */

let app: TestApp;
let server: PreviewServer;
let rendererRoot: string;

beforeAll(async () => {
  app = createTestApp('fs-preview-');
  rendererRoot = join(app.root, 'renderer');
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>FieldScreen</title>');
  writeFileSync(join(rendererRoot, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(app.root, 'secret.txt'), 'outside the renderer folder');
  server = await startPreviewServer({ rendererDir: rendererRoot, dispatch: app.dispatch, port: 0 });
});
afterAll(async () => {
  await server.close();
  app.close();
});

/** Sends one raw HTTP/1.1 request and returns the status code and body. */
function rawRequest(
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const headers = {
      Host: `127.0.0.1:${server.port}`,
      Connection: 'close',
      ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}),
      ...options.headers,
    };
    socket.on('connect', () => {
      const head = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`${options.method ?? 'GET'} ${target} HTTP/1.1\r\n${head}\r\n${options.body ?? ''}`);
    });
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      let body = text.slice(split + 4);
      if (/^transfer-encoding: chunked$/im.test(head)) body = dechunk(body);
      resolve({ status, body });
    });
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!(size > 0)) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

const api = (channel: string, body = '{}') =>
  rawRequest(`/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-FieldScreen-Token': server.token },
    body,
  });

describe('request targets', () => {
  it('decodes a well-formed path and refuses malformed escapes and control characters', () => {
    expect(requestPathname('/assets/app.js?v=1')).toBe('/assets/app.js');
    expect(requestPathname('/%E0%B8%81.js')).toBe('/ก.js');
    for (const bad of ['/%', '/%zz', '/%E0%B8', '/a%00b', '/%0a', '/%7F'])
      expect(requestPathname(bad)).toBeNull();
  });

  it('serves the renderer, and answers malformed URLs with 400 instead of 500', async () => {
    expect(await rawRequest('/')).toMatchObject({ status: 200 });
    expect((await rawRequest('/assets/app.js')).status).toBe(200);
    for (const target of ['/%', '/assets/%E0%A4%A', '/%zz.js', '/a%00.js']) {
      expect((await rawRequest(target)).status, target).toBe(400);
    }
    const malformedChannel = await api('cases.list%');
    expect(malformedChannel.status).toBe(400);
    expect(JSON.parse(malformedChannel.body)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', messageKey: 'errors.validation' },
    });
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const reply = await rawRequest(target);
      expect(reply.body, target).not.toContain('outside the renderer folder');
      expect([403, 404], target).toContain(reply.status);
    }
  });

  it('answers any request target with a deliberate status, never 500, and keeps serving', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        ...PATH_STRINGS,
        '%',
        '%%',
        '%zz',
        '%E0',
        '%E0%B8',
        '%C0%AF',
        '%ff%fe',
        '%00',
        '..',
        '.',
        'api',
      ),
      fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent),
      fc.stringMatching(/^[A-Za-z0-9%._~-]{0,16}$/),
    );
    const target = fc
      .array(segment, { minLength: 1, maxLength: 5 })
      .map((parts) => `/${parts.join('/')}`)
      // A raw request line cannot hold spaces or line breaks: those would be another request.
      .filter((t) => !/[\s]/.test(t));
    await fc.assert(
      fc.asyncProperty(target, fc.boolean(), async (t, asApi) => {
        const reply = asApi ? await api(t.slice(1)) : await rawRequest(t);
        expect([200, 400, 401, 403, 404, 405], t).toContain(reply.status);
      }),
      { numRuns: 150, seed: 20_261_202 },
    );
    expect((await rawRequest('/')).status).toBe(200);
    expect((await api('app.info')).status).toBe(200);
  });
});

describe('without the renderer folder', () => {
  it('a missing file is 404 and the server still answers', async () => {
    const other = await startPreviewServer({
      rendererDir: tempDir('fs-preview-empty-'),
      dispatch: app.dispatch,
      port: 0,
    });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/index.html`);
      expect(res.status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
