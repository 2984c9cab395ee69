import {
  type AuditEntry,
  type AuditQuery,
  type AuditVerifyResult,
  auditQuery,
} from '../../shared/domain/audit';
import type { AuditAnchor } from '../audit/anchor';
import { storeAuditKeys } from '../audit/key-directory';
import { checkAuditTrail, listAuditRows, toVerifyResult } from '../audit/log';
import type { AuditKeyLookup } from '../audit/signer';
import type { TrailReport } from '../audit/trail-check';
import { readKeyring } from '../keys/keyring';
import type { Session } from './session';
import { parseInput } from './validate';

/** Supervisors (or a recovery session) read the trail, newest first. */
export function listAudit(session: Session, query: AuditQuery = {}): AuditEntry[] {
  if (session.kind === 'user') session.require('audit.read');
  const q = parseInput(auditQuery, query);
  return session.read((db) => listAuditRows(db, q));
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
  return storeAuditKeys({ db: session.db, keyring });
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
