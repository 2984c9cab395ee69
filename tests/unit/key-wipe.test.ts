import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importSigningIdentityCommand } from '../../src/main/cli/commands/referral-commands';
import { promptSecret } from '../../src/main/cli/prompt';
import type { CliIo } from '../../src/main/cli/types';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { rawKeyLiteral } from '../../src/main/keys/raw-key';
import { createSelfSignedIdentity } from '../../src/main/pdf/identity';
import { parseJsonBody } from '../../src/main/preview/json-body';
import { rotateDatabaseKey } from '../../src/main/store/key-rotation';
import { tempDir } from '../helpers/disk';
import { SUPERVISOR } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

/**
 * Key material that Node holds in Buffers is wiped once used. (JS strings cannot be wiped: passphrases
 * arrive as strings from IPC, the environment and readline; what is wiped is every Buffer copy.)
 */

const root = join(__dirname, '..', '..');

// Every Buffer read from a .p12 file, to see that the command wiped it.
const p12Reads = vi.hoisted(() => [] as Buffer[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: unknown, ...rest: unknown[]) => {
    const out = (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
    if (String(path).endsWith('.p12') && Buffer.isBuffer(out)) p12Reads.push(out);
    return out;
  }) as typeof fs.readFileSync;
  return { ...fs, readFileSync, default: { ...fs, readFileSync } };
});
const isZero = (b: Uint8Array) => b.every((byte) => byte === 0);

/** Every Buffer handed to db.key or db.rekey (passed on to SQLite unchanged). */
function recordKeys(method: 'key' | 'rekey'): Buffer[] {
  const proto = Database.prototype as unknown as Record<'key' | 'rekey', (k: Buffer) => number>;
  const original = proto[method];
  const seen: Buffer[] = [];
  vi.spyOn(proto, method).mockImplementation(function (this: unknown, k: Buffer) {
    seen.push(k);
    return original.call(this, k);
  });
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the database key reaches SQLite as a Buffer that is wiped afterwards', () => {
  it("rawKeyLiteral is SQLCipher's x'<hex>' form, byte for byte", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const key = Buffer.from(bytes);
        expect(rawKeyLiteral(key).toString('latin1')).toBe(`x'${key.toString('hex')}'`);
      }),
    );
  });

  it('openDatabase keys with db.key(buffer), wipes it, and the file opens with PRAGMA key as the README shows', () => {
    const file = join(tempDir('fs-wipe-'), 'x.db');
    const key = randomBytes(32);
    const seen = recordKeys('key');
    const pragmas = vi.spyOn(Database.prototype, 'pragma');
    const db = openDatabase(file, key, { create: true });
    closeDatabase(db);
    expect(seen).toHaveLength(1);
    expect(isZero(seen[0] as Buffer)).toBe(true);
    // No pragma carried the key as text.
    const hex = key.toString('hex');
    expect(pragmas.mock.calls.filter(([sql]) => String(sql).includes(hex))).toEqual([]);
    // The caller's key is untouched, and the standard SQLCipher form opens the file.
    expect(isZero(key)).toBe(false);
    vi.restoreAllMocks();
    const plain = new Database(file, { fileMustExist: true });
    plain.pragma("cipher = 'sqlcipher'");
    plain.pragma('legacy = 4');
    plain.pragma(`key = "x'${hex}'"`);
    expect(plain.prepare('SELECT count(*) AS n FROM sqlite_schema').get()).toMatchObject({
      n: expect.any(Number),
    });
    plain.close();
  });

  it('a wrong key is still refused (WRONG_RECOVERY_KEY), and its literal wiped too', () => {
    const file = join(tempDir('fs-wipe-'), 'x.db');
    closeDatabase(openDatabase(file, randomBytes(32), { create: true }));
    const seen = recordKeys('key');
    expect(() => openDatabase(file, randomBytes(32))).toThrow(
      expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }),
    );
    expect(seen.length).toBeGreaterThan(0);
    for (const k of seen) expect(isZero(k)).toBe(true);
  });

  it('key rotation re-keys with db.rekey(buffer) and wipes it', async () => {
    const store = await createTestStore(tempDir('fs-wipe-store-'));
    const seen = recordKeys('rekey');
    const session = await store.unlock();
    const issued = await rotateDatabaseKey(session, SUPERVISOR.passphrase);
    session.lock('manual');
    expect(seen).toHaveLength(1);
    expect(isZero(seen[0] as Buffer)).toBe(true);
    // The rotated store opens with the new recovery key.
    (await store.vault.unlockWithRecoveryKey(issued.recoveryKey)).lock('manual');
  });

  it('no source file puts a key into a PRAGMA key/rekey string', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
      });
    const hits = files(join(root, 'src')).filter((f) =>
      /pragma\(\s*`\s*(re)?key\s*=/.test(readFileSync(f, 'utf8')),
    );
    expect(hits.map((f) => relative(root, f))).toEqual([]);
  });
});

describe('secrets in transit are wiped', () => {
  it('the preview server wipes a request body once parsed (it carries passphrases)', () => {
    const body = Buffer.from(JSON.stringify({ username: 'malee', passphrase: 'officer passphrase 1' }));
    expect(parseJsonBody(body)).toEqual({
      ok: true,
      value: { username: 'malee', passphrase: 'officer passphrase 1' },
    });
    expect(isZero(body)).toBe(true);
    const bad = Buffer.from('{"passphrase": "unterminated');
    expect(parseJsonBody(bad)).toEqual({ ok: false });
    expect(isZero(bad)).toBe(true);
    expect(parseJsonBody(Buffer.alloc(0))).toEqual({ ok: true, value: undefined });
  });

  it('import-signing-identity wipes the PKCS#12 bytes it read, whether the import succeeds or fails', async () => {
    const store = await createTestStore(tempDir('fs-wipe-p12-'));
    const agency = createSelfSignedIdentity({
      name: 'Agency Officer',
      role: 'Inspector',
      agency: 'Agency',
      modulusLength: 2048,
    });
    const file = join(tempDir('fs-wipe-p12-file-'), 'agency.p12');
    writeFileSync(file, agency.p12);
    p12Reads.length = 0;
    const io = (password: string): CliIo => ({
      env: { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase, FIELDSCREEN_P12_PASSWORD: password },
      stdout: () => {},
      stderr: () => {},
      promptSecret: () => Promise.reject(new Error('no terminal')),
    });
    const args = ['--data', store.dir, '--user', SUPERVISOR.username, file];
    expect(await importSigningIdentityCommand.run(args, io('wrong password'))).toBe(1);
    expect(await importSigningIdentityCommand.run(args, io(agency.password))).toBe(0);
    expect(p12Reads).toHaveLength(2);
    for (const b of p12Reads) expect(isZero(b)).toBe(true);
  });

  it('the terminal prompt echoes nothing of the secret and returns it', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    let shown = '';
    const output = new Writable({
      write(chunk, _enc, done) {
        shown += String(chunk);
        done();
      },
    });
    const answer = promptSecret('passphrase for malee', { input, output });
    input.write('officer passphrase 1\r');
    expect(await answer).toBe('officer passphrase 1');
    expect(shown).toContain('passphrase for malee: ');
    expect(shown).not.toContain('officer');
  });
});
