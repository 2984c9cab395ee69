import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../src/main/keys/aead';
import { deriveKek, newKdfParams } from '../../src/main/keys/kdf';
import {
  generateAccountKeyPair,
  sealToPublicKey,
  unsealWithPrivateKey,
} from '../../src/main/keys/key-agreement';
import { dbKeyCheck, matchesDbKeyCheck } from '../../src/main/keys/key-check';
import {
  afterFailure,
  BACKOFF_CAP_SECONDS,
  backoffSeconds,
  createAccountEntry,
  newKeyring,
  openAccountEntry,
  retryAfterSeconds,
  usernameLookup,
} from '../../src/main/keys/keyring';
import { newPersonBundle } from '../../src/main/keys/person-keys';
import { formatRecoveryKey, parseRecoveryKey } from '../../src/main/keys/recovery-key';
import { AppError } from '../../src/shared/errors';

describe('AES-256-GCM boxes', () => {
  it('round-trips and refuses a wrong key, wrong AAD or any flipped bit', () => {
    const key = randomBytes(32);
    const box = seal(key, Buffer.from('database key bytes'), 'aad-1');
    expect(unseal(key, box, 'aad-1')?.toString()).toBe('database key bytes');
    expect(unseal(randomBytes(32), box, 'aad-1')).toBeNull();
    expect(unseal(key, box, 'aad-2')).toBeNull();
    const ct = Buffer.from(box.ciphertext, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(unseal(key, { ...box, ciphertext: ct.toString('base64') }, 'aad-1')).toBeNull();
    // Fresh IV every time.
    expect(seal(key, Buffer.from('x'), 'a').iv).not.toBe(seal(key, Buffer.from('x'), 'a').iv);
  });
});

describe('X25519 sealed boxes (key rotation delivery)', () => {
  it('only the matching private key opens a box', () => {
    const alice = generateAccountKeyPair();
    const bob = generateAccountKeyPair();
    const secret = randomBytes(32);
    const sealed = sealToPublicKey(alice.publicKey, secret, 'acct-a');
    expect(unsealWithPrivateKey(alice.privateKeyDer, alice.publicKey, sealed, 'acct-a')?.equals(secret)).toBe(
      true,
    );
    expect(unsealWithPrivateKey(bob.privateKeyDer, bob.publicKey, sealed, 'acct-a')).toBeNull();
    expect(unsealWithPrivateKey(alice.privateKeyDer, alice.publicKey, sealed, 'acct-b')).toBeNull();
  });
});

describe('recovery key text', () => {
  it('formats as 16 dash-separated groups and parses back from any reasonable typing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const key = Buffer.from(bytes);
        const text = formatRecoveryKey(key);
        expect(text).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
        expect(parseRecoveryKey(text).equals(key)).toBe(true);
        expect(parseRecoveryKey(text.toUpperCase().replace(/-/g, ' ')).equals(key)).toBe(true);
        expect(parseRecoveryKey(text.replace(/-/g, '\n')).equals(key)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects wrong lengths and non-hex characters', () => {
    for (const bad of ['', 'abc', 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)]) {
      expect(() => parseRecoveryKey(bad)).toThrow(AppError);
    }
  });
});

describe('database key check', () => {
  it('matches only the same key', () => {
    const key = randomBytes(32);
    expect(matchesDbKeyCheck(key, dbKeyCheck(key))).toBe(true);
    expect(matchesDbKeyCheck(randomBytes(32), dbKeyCheck(key))).toBe(false);
    expect(matchesDbKeyCheck(key, 'short')).toBe(false);
  });
});

describe('back-off schedule', () => {
  it('waits 1, 2, 4, … seconds, capped at 5 minutes', () => {
    expect([0, 1, 2, 3, 4, 9, 10, 20].map(backoffSeconds)).toEqual([0, 1, 2, 4, 8, 256, 300, 300]);
    expect(BACKOFF_CAP_SECONDS).toBe(300);
  });

  it('computes the remaining wait from the stored state', () => {
    const s1 = afterFailure({ failedAttempts: 0, nextAttemptAt: null }, 1_000);
    expect(s1).toEqual({ failedAttempts: 1, nextAttemptAt: 2_000 });
    expect(retryAfterSeconds(s1, 1_000)).toBe(1);
    expect(retryAfterSeconds(s1, 2_000)).toBe(0);
    const s3 = afterFailure(afterFailure(s1, 2_000), 4_000);
    expect(s3).toEqual({ failedAttempts: 3, nextAttemptAt: 8_000 });
    expect(retryAfterSeconds(s3, 4_500)).toBe(4);
  });
});

describe('passphrase keys', () => {
  it('derives the same key for the same passphrase in NFC or NFD form, another for another salt', async () => {
    const params = { ...newKdfParams('test') };
    const composed = 'Tiếng Việt mật khẩu';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const a = await deriveKek(composed, params);
    const b = await deriveKek(decomposed, params);
    expect(a.equals(b)).toBe(true);
    const c = await deriveKek(composed, { ...params, salt: randomBytes(16).toString('base64') });
    expect(a.equals(c)).toBe(false);
  });

  it('an account entry opens with its passphrase only', async () => {
    const keyring = newKeyring('0'.repeat(64), new Date());
    const dbKey = randomBytes(32);
    const entry = await createAccountEntry({
      keyring,
      accountId: '4b6f6a36-1b7c-4a57-9d1e-2a1f3c5e7d90',
      username: 'Malee',
      passphrase: 'ไม่มีใครรู้ passphrase',
      dbKey,
      bundle: newPersonBundle(null, null),
      profile: 'test',
    });
    // The person's keys open with the passphrase key only, and nothing secret is in clear.
    expect(JSON.stringify(entry)).not.toContain('PRIVATE KEY');
    expect(entry.usernameLookup).toBe(usernameLookup(keyring, 'MALEE'));
    const opened = await openAccountEntry(entry, 'ไม่มีใครรู้ passphrase');
    expect(opened?.dbKey.equals(dbKey)).toBe(true);
    expect(await openAccountEntry(entry, 'ไม่มีใครรู้ passphrasE')).toBeNull();
  });
});
