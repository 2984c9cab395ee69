import type { IncomingMessage } from 'node:http';
import { wipe } from '../keys/wipe';

/**
 * A request body, whole, or null when it is larger than `limit`. The chunks are wiped once copied:
 * bodies carry passphrases and recovery keys (session.unlock, vault.resetPassphrase, …).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        over = true;
        wipe(chunk, ...chunks.splice(0));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      const body = over ? null : Buffer.concat(chunks);
      wipe(...chunks);
      resolve(body);
    });
    req.on('error', (err) => {
      wipe(...chunks);
      reject(err);
    });
  });
}

/**
 * Parses a JSON body and wipes the bytes (the parsed strings cannot be wiped; the Buffer can).
 * An empty body is `undefined`; anything that is not JSON is `{ ok: false }`.
 */
export function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: body.length === 0 ? undefined : JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  } finally {
    wipe(body);
  }
}
