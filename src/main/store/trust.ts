import type { AuditAction } from '../../shared/domain/audit';
import { AppError } from '../../shared/errors';
import { auditHead } from '../audit/log';
import type { Db } from '../db/driver';
import { type AccountEntry, type Keyring, readKeyring, withBundle, writeKeyring } from '../keys/keyring';
import { keyChangeProven, newPersonBundle, type PersonBundle, publicKeysOf } from '../keys/person-keys';
import {
  type RosterAccount,
  type RosterBody,
  rosterAccountOf,
  signRoster,
  verifyRoster,
  withAccount,
} from '../keys/roster';
import {
  createStoreCa,
  issuePersonCertificate,
  type RsaKeyPem,
  rsaKeyPairAsync,
  type StoreCa,
  storeFingerprint,
} from '../keys/store-identity';
import { sealStoreSecrets } from '../keys/store-recovery';
import { readUserRow, type UserRow } from './accounts';
import type { Session } from './session';

/**
 * The store identity and its roster, as services use them: making the identity (first run, or the
 * first supervisor sign-in of an older store), enrolling and disabling accounts, endorsing people's own
 * keys, certifying their referral keys. Every change of the roster needs the store CA, which only a
 * supervisor's session (from their bundle) or a recovery session (from the recovery key) holds.
 */

type UserFacts = Pick<UserRow, 'id' | 'display_name' | 'role' | 'disabled_at'>;

function agencyName(db: Db): string {
  const row = db.prepare("SELECT value_json FROM settings WHERE key = 'agency'").pluck().get() as
    | string
    | undefined;
  try {
    const name = row ? (JSON.parse(row) as { name?: unknown }).name : undefined;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

export function certifyReferralKey(
  db: Db,
  ca: StoreCa,
  user: UserFacts,
  bundle: Pick<PersonBundle, 'referralKeyPem'> | { referralPublicKeyPem: string },
  now: Date,
): string {
  const publicKeyPem =
    'referralPublicKeyPem' in bundle
      ? bundle.referralPublicKeyPem
      : publicKeysOf(bundle as PersonBundle).referralPublicKeyPem;
  return issuePersonCertificate({
    ca,
    publicKeyPem,
    name: user.display_name,
    agency: agencyName(db),
    role: user.role,
    now,
  });
}

/** newStoreIdentity with both RSA keys made off the main thread, in parallel (first run). */
export async function newStoreIdentityAsync(
  args: Omit<Parameters<typeof newStoreIdentity>[0], 'rsa'>,
): Promise<ReturnType<typeof newStoreIdentity>> {
  const [ca, supervisorReferral] = await Promise.all([rsaKeyPairAsync(3072), rsaKeyPairAsync(2048)]);
  return newStoreIdentity({ ...args, rsa: { ca, supervisorReferral } });
}

/** A new store identity and the roster's first version: the founding supervisor, endorsed. */
export function newStoreIdentity(args: {
  recoveryKey: Buffer;
  supervisor: { id: string; displayName: string };
  agency: string;
  now: Date;
  /** The first audit row that must be signed (a new store: 1; an upgraded one: its next row). */
  auditSignedFrom?: number;
  /** RSA keys made beforehand (newStoreIdentityAsync); else made here. */
  rsa?: { ca: RsaKeyPem; supervisorReferral: RsaKeyPem };
}): {
  ca: StoreCa;
  fingerprint: string;
  bundle: PersonBundle;
  store: NonNullable<Keyring['store']>;
  roster: RosterBody;
} {
  const ca = createStoreCa(args.agency, args.now, args.rsa?.ca);
  const fingerprint = storeFingerprint(ca.caCertificatePem);
  const bundle = newPersonBundle(fingerprint, ca.caKeyPem, undefined, args.rsa?.supervisorReferral);
  const keys = publicKeysOf(bundle);
  const certificate = issuePersonCertificate({
    ca,
    publicKeyPem: keys.referralPublicKeyPem,
    name: args.supervisor.displayName,
    agency: args.agency,
    role: 'supervisor',
    now: args.now,
  });
  const roster: RosterBody = {
    format: 'fieldscreen.roster',
    storeFingerprint: fingerprint,
    serial: 1,
    issuedAt: args.now.toISOString(),
    accounts: [
      {
        accountId: args.supervisor.id,
        role: 'supervisor',
        enabled: true,
        keyState: 'endorsed',
        signingPublicKey: keys.signingPublicKey,
        sealingPublicKey: keys.sealingPublicKey,
        referralCertificatePem: certificate,
      },
    ],
    endorsedKeys: [
      {
        accountId: args.supervisor.id,
        signingPublicKey: keys.signingPublicKey,
        from: args.now.toISOString(),
      },
    ],
    auditSignedFrom: args.auditSignedFrom ?? 1,
  };
  return {
    ca,
    fingerprint,
    bundle,
    store: {
      fingerprint,
      caCertificatePem: ca.caCertificatePem,
      recoveryBox: sealStoreSecrets(args.recoveryKey, ca),
    },
    roster,
  };
}

/**
 * The first supervisor sign-in of a store from before the roster: the store identity is made, the
 * supervisor gets keys of their own, every other account is listed with its role and state from the
 * users table as it is now (trusted once, at this moment) and makes its own keys at its next sign-in,
 * which a supervisor then endorses. Returns the keyring to write and the supervisor's bundle.
 */
export function establishTrust(args: {
  db: Db;
  keyring: Keyring;
  supervisorEntry: AccountEntry;
  kek: Buffer;
  recoveryKey: Buffer;
  now: Date;
}): { keyring: Keyring; bundle: PersonBundle; ca: StoreCa } {
  const { db, keyring, now } = args;
  const supervisor = readUserRow(db, args.supervisorEntry.accountId);
  if (!supervisor) throw new AppError('DB_CORRUPT');
  const made = newStoreIdentity({
    recoveryKey: args.recoveryKey,
    supervisor: { id: supervisor.id, displayName: supervisor.display_name },
    agency: agencyName(db),
    now,
    // Every row from the next one on is signed: a trail whose signatures were all stripped is seen.
    auditSignedFrom: auditHead(db).seq + 1,
  });
  let roster = made.roster;
  for (const entry of keyring.accounts) {
    if (entry.accountId === supervisor.id) continue;
    const user = readUserRow(db, entry.accountId);
    if (!user) continue; // an entry without account (never signs in): not listed
    roster = withAccount(
      roster,
      {
        accountId: user.id,
        role: user.role,
        enabled: user.disabled_at === null,
        keyState: 'enrolment',
        signingPublicKey: '',
        sealingPublicKey: entry.keyPair.publicKey,
        referralCertificatePem: null,
      },
      now,
    );
  }
  const supervisorEntry = withBundle(args.supervisorEntry, args.kek, made.bundle);
  return {
    keyring: {
      ...keyring,
      accounts: keyring.accounts.map((a) => (a.accountId === supervisor.id ? supervisorEntry : a)),
      store: made.store,
      roster: signRoster(made.ca, roster),
    },
    bundle: made.bundle,
    ca: made.ca,
  };
}

/** The verified roster of a keyring with a store identity; TRUST_BROKEN when it does not verify. */
export function rosterOf(keyring: Keyring): RosterBody | null {
  if (!keyring.store || !keyring.roster) return null;
  const body = verifyRoster(keyring.roster, keyring.store.caCertificatePem, keyring.store.fingerprint);
  if (!body) throw new AppError('TRUST_BROKEN');
  return body;
}

/** The store CA of a session, for a roster change; FORBIDDEN_ROLE without one. */
export function requireStoreCa(session: Session): StoreCa {
  const ca = session.storeCa;
  if (!ca) throw new AppError('FORBIDDEN_ROLE');
  return ca;
}

/** Writes one account's new roster record (signed) into a keyring. */
export function keyringWithRosterAccount(
  keyring: Keyring,
  ca: StoreCa,
  account: RosterAccount,
  now: Date,
): Keyring {
  const body = rosterOf(keyring);
  if (!body) return keyring;
  return { ...keyring, roster: signRoster(ca, withAccount(body, account, now)) };
}

export interface EndorsementReport {
  endorsed: string[];
  unlisted: number;
}

/**
 * At a supervisor's sign-in: endorses people's own keys made at their first passphrase change (proven
 * with their enrolment key) or at the first sign-in after the upgrade, and certifies their referral
 * keys. Entries the roster does not list are counted (reported in the audit trail), never endorsed.
 */
export function endorsePendingKeys(
  db: Db,
  keyring: Keyring,
  ca: StoreCa,
  now: Date,
): { keyring: Keyring; report: EndorsementReport } {
  const body = rosterOf(keyring);
  if (!body) return { keyring, report: { endorsed: [], unlisted: 0 } };
  let roster = body;
  const endorsed: string[] = [];
  let unlisted = 0;
  for (const entry of keyring.accounts) {
    const account = rosterAccountOf(roster, entry.accountId);
    if (!account) {
      unlisted += 1;
      continue;
    }
    const pending = entry.pending;
    if (!account.enabled || account.keyState !== 'enrolment' || !pending) continue;
    if (
      entry.signingPublicKey !== pending.signingPublicKey ||
      entry.keyPair.publicKey !== pending.sealingPublicKey
    )
      continue;
    const proven =
      account.signingPublicKey === ''
        ? pending.proof === null
        : pending.proof !== null &&
          keyChangeProven(account.signingPublicKey, entry.accountId, pending, pending.proof);
    if (!proven) continue;
    const user = readUserRow(db, entry.accountId);
    if (!user) continue;
    roster = withAccount(
      roster,
      {
        ...account,
        keyState: 'endorsed',
        signingPublicKey: pending.signingPublicKey,
        sealingPublicKey: pending.sealingPublicKey,
        referralCertificatePem: certifyReferralKey(db, ca, { ...user, role: account.role }, pending, now),
      },
      now,
    );
    endorsed.push(entry.accountId);
  }
  return {
    keyring: endorsed.length > 0 ? { ...keyring, roster: signRoster(ca, roster) } : keyring,
    report: { endorsed, unlisted },
  };
}

export const TRUST_AUDIT: Record<'established' | 'endorsed' | 'unlisted' | 'roleMismatch', AuditAction> = {
  established: 'trust.established',
  endorsed: 'trust.keys_endorsed',
  unlisted: 'trust.unlisted_entries',
  roleMismatch: 'trust.role_mismatch',
};

/** The keyring as it is now, or DB_CORRUPT. */
export function currentKeyring(dir: string): Keyring {
  const keyring = readKeyring(dir);
  if (!keyring) throw new AppError('DB_CORRUPT');
  return keyring;
}

export { writeKeyring };
