import {
  type AuditEntry,
  type AuditQuery,
  type AuditVerifyResult,
  auditQuery,
} from '../../shared/domain/audit';
import type { AdminAuditEntry } from '../../shared/ipc/channels/admin';
import type { AuditAnchor } from '../audit/anchor';
import { storeAuditKeys } from '../audit/key-directory';
import { checkAuditTrail, listAuditRows, toVerifyResult } from '../audit/log';
import type { AuditKeyLookup } from '../audit/signer';
import type { TrailReport } from '../audit/trail-check';
import { readKeyring } from '../keys/keyring';
import { loadAttribution } from './attribution';
import type { Session } from './session';
import { parseInput } from './validate';

/** Supervisors (or a recovery session) read the trail, newest first. */
export function listAudit(session: Session, query: AuditQuery = {}): AuditEntry[] {
  if (session.kind === 'user') session.require('audit.read');
  const q = parseInput(auditQuery, query);
  return session.read((db) => listAuditRows(db, q));
}

/**
 * The supervisor's audit viewer: the same rows as listAudit, each local account named by its
 * username (imported people by the name their document gave), other actors by what is stored.
 */
export function listAuditForViewer(session: Session, query: AuditQuery = {}): AdminAuditEntry[] {
  if (session.kind === 'user') session.require('audit.read');
  const q = parseInput(auditQuery, query);
  return session.read((db) => {
    const names = loadAttribution(db);
    return listAuditRows(db, q).map(({ actorId, hash: _hash, ...r }) => ({
      ...r,
      actor: r.actorKind === 'user' && actorId ? names.name(actorId) : actorId,
    }));
  });
}

export interface AuditCheckOptions {
  /** The signing keys; by default the store's own roster (key-directory.ts). */
  lookup?: AuditKeyLookup;
  /** Anchors from referral PDFs or backups that the trail must still contain. */
  anchors?: readonly AuditAnchor[];
}

function keysOf(session: Session): AuditKeyLookup {
  let keyring = null;
  try {
    keyring = readKeyring(session.dir);
  } catch {
    // An unreadable keyring vouches for no key: signed rows then report an unknown key.
  }
  // The store this person's own keys were made for: a keyring swapped for another identity vouches for none.
  return storeAuditKeys({
    db: session.db,
    keyring,
    expectedStoreFingerprint: session.trust.storeFingerprint,
  });
}

/** The whole check (chain, signatures, triggers, anchors) with every problem found. */
export function checkAudit(session: Session, options: AuditCheckOptions = {}): TrailReport {
  if (session.kind === 'user') session.require('audit.read');
  const lookup = options.lookup ?? keysOf(session);
  return session.read((db) => checkAuditTrail(db, lookup, options.anchors));
}

/** Recomputes the whole hash chain and checks every signature; reports the first problem. */
export function verifyAudit(session: Session, options: AuditCheckOptions = {}): AuditVerifyResult {
  return toVerifyResult(checkAudit(session, options));
}
