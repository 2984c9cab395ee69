import { z } from 'zod';
import { storeAuditPublicKey } from './store-audit-key';
import { type StoreCa, signAsStore, verifiedByStore } from './store-identity';

/**
 * The roster: who may sign in to this store, with which public keys and which role, endorsed by the
 * store identity (signed with the store CA key, which only supervisors and the recovery key hold). It
 * lives in keyring.json as the exact signed text. Anyone with the data folder can read it; nobody
 * without the store key can change it unnoticed. Sign-in takes the role from here (not from the users
 * table, which every account can write), ignores keyring entries it does not list, and key rotation
 * seals the new database key only to accounts it lists as enabled.
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/**
 * enrolment: keys made by whoever set the first passphrase (a supervisor, or a reset with the recovery
 * key): they sign nothing; the person must change the passphrase, which makes their own keys.
 * pending: the person's own keys, proven by the enrolment key, waiting for a supervisor to endorse them
 * (which issues their referral certificate). endorsed: in use.
 */
export const keyStates = ['enrolment', 'pending', 'endorsed'] as const;
export type KeyState = (typeof keyStates)[number];

const rosterAccount = z.object({
  accountId: z.uuid(),
  role: z.enum(['supervisor', 'officer']),
  enabled: z.boolean(),
  keyState: z.enum(keyStates),
  /** Ed25519, SPKI DER base64: signs the audit trail and proves key changes. */
  signingPublicKey: b64,
  /** X25519, SPKI DER base64: a rotated database key is sealed to it. */
  sealingPublicKey: b64,
  /** The referral certificate the store CA issued for this person's current key (endorsed only). */
  referralCertificatePem: z.string().nullable(),
});
export type RosterAccount = z.infer<typeof rosterAccount>;

/** Every signing key ever endorsed, so old audit rows keep verifying after a key change. */
const endorsedKey = z.object({ accountId: z.uuid(), signingPublicKey: b64, from: z.iso.datetime() });
export type EndorsedKey = z.infer<typeof endorsedKey>;

/**
 * Signing keys an account had before its current one that were never endorsed (the enrolment keys
 * someone else set up): their rows from then keep verifying, and trail-check refuses any row they sign
 * after the account's next key appears (so whoever knew the given passphrase cannot write as the person
 * later on).
 */
const formerKey = z.object({ accountId: z.uuid(), signingPublicKey: b64, until: z.iso.datetime() });
export type FormerKey = z.infer<typeof formerKey>;

export const rosterBody = z.object({
  format: z.literal('fieldscreen.roster'),
  storeFingerprint: z.string(),
  /** Grows by one with every change: an older roster copied back over a newer one is noticed. */
  serial: z.number().int().min(1),
  issuedAt: z.iso.datetime(),
  accounts: z.array(rosterAccount),
  endorsedKeys: z.array(endorsedKey),
  formerKeys: z.array(formerKey).optional(),
  /**
   * The first audit row that must carry a signature (1 for a store made with its identity): a trail
   * whose signatures were all stripped would otherwise look like one from before signing.
   */
  auditSignedFrom: z.number().int().min(1).optional(),
  /** The store's own audit key (store-audit-key.ts): signs recovery sessions' rows. Set by signRoster. */
  storeAuditKey: b64.optional(),
});
export type RosterBody = z.infer<typeof rosterBody>;

export const signedRoster = z.object({ text: z.string(), signature: b64 });
export type SignedRoster = z.infer<typeof signedRoster>;

export function signRoster(ca: StoreCa, body: RosterBody): SignedRoster {
  const text = JSON.stringify(rosterBody.parse({ ...body, storeAuditKey: storeAuditPublicKey(ca) }));
  return { text, signature: signAsStore(ca.caKeyPem, text) };
}

/** The roster's body when the store CA signed exactly this text for this store; else null. */
export function verifyRoster(
  roster: SignedRoster,
  caCertificatePem: string,
  storeFingerprint: string,
): RosterBody | null {
  if (!verifiedByStore(caCertificatePem, roster.text, roster.signature)) return null;
  let json: unknown;
  try {
    json = JSON.parse(roster.text);
  } catch {
    return null;
  }
  const parsed = rosterBody.safeParse(json);
  if (!parsed.success || parsed.data.storeFingerprint !== storeFingerprint) return null;
  return parsed.data;
}

/** The next version of a roster: one account changed (or added), serial and time moved on. */
export function withAccount(body: RosterBody, account: RosterAccount, now: Date): RosterBody {
  const others = body.accounts.filter((a) => a.accountId !== account.accountId);
  const before = rosterAccountOf(body, account.accountId)?.signingPublicKey ?? '';
  const retired =
    before !== '' &&
    before !== account.signingPublicKey &&
    !body.endorsedKeys.some((k) => k.accountId === account.accountId && k.signingPublicKey === before);
  const formerKeys = retired
    ? [
        ...(body.formerKeys ?? []),
        { accountId: account.accountId, signingPublicKey: before, until: now.toISOString() },
      ]
    : body.formerKeys;
  const known = body.endorsedKeys.some(
    (k) => k.accountId === account.accountId && k.signingPublicKey === account.signingPublicKey,
  );
  const endorsedKeys =
    account.keyState === 'endorsed' && !known
      ? [
          ...body.endorsedKeys,
          {
            accountId: account.accountId,
            signingPublicKey: account.signingPublicKey,
            from: now.toISOString(),
          },
        ]
      : body.endorsedKeys;
  return {
    ...body,
    serial: body.serial + 1,
    issuedAt: now.toISOString(),
    accounts: [...others, account],
    endorsedKeys,
    ...(formerKeys ? { formerKeys } : {}),
  };
}

export function rosterAccountOf(body: RosterBody, accountId: string): RosterAccount | undefined {
  return body.accounts.find((a) => a.accountId === accountId);
}
