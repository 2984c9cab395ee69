import type { Db } from '../db/driver';
import {
  type RosterAccount,
  type RosterBody,
  rosterAccountOf,
  type SignedRoster,
  signedRoster,
  verifyRoster,
} from '../keys/roster';

/**
 * The newest roster seen of each other store. A handover package or a receipt carries its signer's
 * roster as it was when sealed, signed by the signer's store. Someone disabled since (or who kept a
 * copy of the data folder from before) can still present that older roster, which lists them as
 * enabled. Once this store has seen a newer roster of the same store, in any package or receipt it
 * accepted, an older one is judged by the newer: the account must still be enabled there and the key
 * one it endorsed. A package sealed before the officer was disabled but delivered after a newer roster
 * arrived is refused as well: the sending agency sends it again through someone still enabled.
 *
 * What this cannot do: a receiver that has never seen the newer roster accepts the older one. The
 * window closes with the first package or receipt from that store sealed after the change.
 */

export type PeerSignerVerdict =
  | { ok: true; account: RosterAccount }
  | { ok: false; reason: 'untrusted-signer' | 'signer-withdrawn' };

/**
 * Whether `accountId`, signing with `signingPublicKey`, may sign for its store, by the roster it
 * carries and the newest roster of that store known here (`known`, already verified). The carried
 * roster is remembered (rememberPeerRoster) once the import it came with succeeds.
 */
export function judgePeerSigner(
  carried: RosterBody,
  known: RosterBody | null,
  accountId: string,
  signingPublicKey: string,
): PeerSignerVerdict {
  const account = rosterAccountOf(carried, accountId);
  if (!account?.enabled || account.keyState !== 'endorsed' || account.signingPublicKey !== signingPublicKey)
    return { ok: false, reason: 'untrusted-signer' };
  if (!known || known.serial <= carried.serial) return { ok: true, account };
  const now = rosterAccountOf(known, accountId);
  const keyStillEndorsed = known.endorsedKeys.some(
    (k) => k.accountId === accountId && k.signingPublicKey === signingPublicKey,
  );
  if (!now?.enabled || !keyStillEndorsed) return { ok: false, reason: 'signer-withdrawn' };
  return { ok: true, account };
}

/** The newest roster of `storeFingerprint` known here, if it still verifies under that store's CA. */
export function knownPeerRoster(
  db: Db,
  storeFingerprint: string,
  caCertificatePem: string,
): RosterBody | null {
  const row = db
    .prepare('SELECT roster_json FROM peer_rosters WHERE store_fingerprint = ?')
    .get(storeFingerprint) as { roster_json: string } | undefined;
  if (!row) return null;
  let signed: SignedRoster;
  try {
    signed = signedRoster.parse(JSON.parse(row.roster_json));
  } catch {
    return null;
  }
  return verifyRoster(signed, caCertificatePem, storeFingerprint);
}

/**
 * Keeps `roster` (verified under `caCertificatePem`) as the newest known of its store, unless the one
 * kept is newer or as new. A kept row that no longer verifies (edited in the database) is replaced.
 */
export function rememberPeerRoster(
  db: Db,
  caCertificatePem: string,
  roster: SignedRoster,
  body: RosterBody,
  now: Date,
  learnedFrom: string,
): void {
  const kept = knownPeerRoster(db, body.storeFingerprint, caCertificatePem);
  if (kept && kept.serial >= body.serial) return;
  db.prepare(
    `INSERT INTO peer_rosters (store_fingerprint, serial, roster_json, learned_at, learned_from)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (store_fingerprint) DO UPDATE SET
       serial = excluded.serial, roster_json = excluded.roster_json,
       learned_at = excluded.learned_at, learned_from = excluded.learned_from`,
  ).run(body.storeFingerprint, body.serial, JSON.stringify(roster), now.toISOString(), learnedFrom);
}
