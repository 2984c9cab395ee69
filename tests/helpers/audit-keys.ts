import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  type AuditKeyEntry,
  type AuditKeyLookup,
  type AuditSigner,
  auditKeyId,
  ed25519AuditSigner,
} from '../../src/main/audit/signer';
import { openAccountEntry, openEntryBundle, readKeyring } from '../../src/main/keys/keyring';
import { personAuditSigner } from '../../src/main/store/audit-signing';

/**
 * Audit keys for the pure trail-check tests: an Ed25519 key pair per account, made on first use, and
 * the lookup a verifier gets (the stand-in for the endorsed roster). Tests against a real store use
 * `accountAuditSigner`: the person's own key, as their passphrase opens it from keyring.json.
 */
export interface TestAuditKeys {
  /** The signer of an account (null: the recovery authority), made on first use. */
  signerFor(accountId: string | null): AuditSigner;
  /** Every key made so far, by key id. */
  lookup: AuditKeyLookup;
  /** A lookup that also knows a key made outside (an attacker's own, say). */
  with(extra: AuditSigner & { publicKey: KeyObject }, entry?: Partial<AuditKeyEntry>): AuditKeyLookup;
}

export const RECOVERY_AUTHORITY = 'recovery-authority';

export function testAuditKeys(): TestAuditKeys {
  const byAccount = new Map<string, AuditSigner>();
  const byKeyId = new Map<string, AuditKeyEntry>();
  const lookup: AuditKeyLookup = (keyId) => byKeyId.get(keyId);
  return {
    signerFor(accountId) {
      const id = accountId ?? RECOVERY_AUTHORITY;
      let signer = byAccount.get(id);
      if (!signer) {
        const { publicKey, privateKey } = generateKeyPairSync('ed25519');
        signer = ed25519AuditSigner(id, privateKey, publicKey);
        byAccount.set(id, signer);
        byKeyId.set(signer.keyId, { accountId: id, publicKey });
      }
      return signer;
    },
    lookup,
    with(extra, entry = {}) {
      return (keyId) =>
        keyId === extra.keyId
          ? { accountId: extra.accountId, publicKey: extra.publicKey, ...entry }
          : byKeyId.get(keyId);
    },
  };
}

/** A key pair and its signer outside any roster. */
export function strayAuditKey(accountId: string): AuditSigner & { publicKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { ...ed25519AuditSigner(accountId, privateKey, publicKey), publicKey };
}

export { auditKeyId };

/** A person's own audit signer, as anyone with their passphrase and the store's keyring.json gets it. */
export async function accountAuditSigner(
  dir: string,
  accountId: string,
  passphrase: string,
): Promise<AuditSigner> {
  const entry = readKeyring(dir)?.accounts.find((a) => a.accountId === accountId);
  const opened = entry ? await openAccountEntry(entry, passphrase) : null;
  const bundle = entry && opened ? openEntryBundle(entry, opened.kek) : null;
  if (!bundle) throw new Error("the passphrase does not open that account's keys");
  return personAuditSigner(accountId, bundle);
}
