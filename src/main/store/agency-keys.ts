import { randomUUID } from 'node:crypto';
import { type ReferralContact, referralContact } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import {
  type AgencyKeyBody,
  type AgencyKeyFile,
  agencyKeyFileBytes,
  makeAgencyKeyFile,
  readAgencyKeyFile,
} from '../keys/agency-key';
import { shortFingerprint } from '../keys/store-identity';
import type { Session } from './session';
import { readSettings } from './settings';
import { requireStoreCa } from './trust';
import { parseInput } from './validate';

/**
 * Agency keys in the referral directory: this store's own (exported for the agencies that send cases
 * here) and the ones other stores gave (imported, so cases can be handed over to them and their
 * packages and receipts trusted). Both are a supervisor's ('settings.device', like the directory), and
 * both are audited.
 */

export interface AgencyKeyFacts {
  agencyName: string;
  province: string;
  storeFingerprint: string;
  /** The first 8 hex digits of the store fingerprint, grouped ("AB12 CD34"): read out by phone. */
  shortFingerprint: string;
}

function factsOf(body: AgencyKeyBody): AgencyKeyFacts {
  return {
    agencyName: body.agency.name,
    province: body.agency.province,
    storeFingerprint: body.storeFingerprint,
    shortFingerprint: shortFingerprint(body.storeFingerprint),
  };
}

/**
 * This store's agency key file (.fskey): its sealing key with the agency's name and province from the
 * settings, signed by the store identity. Needs the store CA (a supervisor's session) and an agency
 * name (Administration → Settings → agency), else VALIDATION with errors.agencyKeyNeedsAgency.
 */
export function exportAgencyKey(session: Session): { bytes: Buffer; facts: AgencyKeyFacts } {
  session.require('settings.device');
  const ca = requireStoreCa(session);
  const agency = session.read((db) => readSettings(db)).agency;
  if (!agency.name) throw new AppError('VALIDATION', { messageKey: 'errors.agencyKeyNeedsAgency' });
  const file = makeAgencyKeyFile(ca, { name: agency.name, province: agency.province }, session.now());
  const verified = readAgencyKeyFile(agencyKeyFileBytes(file));
  if (!verified) throw new AppError('INTERNAL');
  session.write((db, now) =>
    session.audit(db, now, {
      action: 'agency_key.export',
      details: { storeFingerprint: verified.body.storeFingerprint, agencyName: agency.name },
    }),
  );
  return { bytes: agencyKeyFileBytes(file), facts: factsOf(verified.body) };
}

/** Reads an agency key file for the supervisor to compare its fingerprint before importing it. */
export function previewAgencyKey(bytes: Buffer): AgencyKeyFacts {
  const verified = readAgencyKeyFile(bytes);
  if (!verified) throw new AppError('VALIDATION', { messageKey: 'errors.agencyKeyInvalid' });
  return factsOf(verified.body);
}

export interface AgencyKeyImport {
  /** The directory entry to attach the key to; absent: a new entry named as the file names the agency. */
  agencyId?: string;
  /** The kind of a new entry (the file does not say); default 'other'. */
  kind?: ReferralContact['kind'];
}

export interface ImportedAgencyKey extends AgencyKeyFacts {
  agencyId: string;
  created: boolean;
}

/**
 * Imports another store's agency key into the referral directory: a new entry (or the one named),
 * whose store fingerprint is then trusted (its referral PDFs verify here) and whose key handover
 * packages are sealed to. A file that does not verify is VALIDATION (errors.agencyKeyInvalid); this
 * store's own key, or a store another entry already holds, is CONFLICT (errors.agencyKeyOwn,
 * errors.agencyKeyElsewhere). Importing the same key again for the same entry only refreshes it.
 */
export function importAgencyKey(
  session: Session,
  bytes: Buffer,
  options: AgencyKeyImport = {},
): ImportedAgencyKey {
  const user = session.require('settings.device');
  const verified = readAgencyKeyFile(bytes);
  if (!verified) throw new AppError('VALIDATION', { messageKey: 'errors.agencyKeyInvalid' });
  const { body, file } = verified;
  if (body.storeFingerprint === session.trust.storeFingerprint)
    throw new AppError('CONFLICT', { messageKey: 'errors.agencyKeyOwn' });
  return session.write((db, now) => {
    const directory = readSettings(db).referralDirectory;
    const holder = agencyOfStore(db, body.storeFingerprint);
    let agencyId = options.agencyId;
    if (agencyId !== undefined && !directory.some((entry) => entry.id === agencyId))
      throw new AppError('NOT_FOUND', { messageKey: 'errors.referralContactNotFound' });
    if (holder && agencyId !== undefined && holder !== agencyId)
      throw new AppError('CONFLICT', { messageKey: 'errors.agencyKeyElsewhere' });
    agencyId ??= holder ?? undefined;
    const created = agencyId === undefined;
    const id = agencyId ?? randomUUID();
    const entry = directory.find((e) => e.id === id);
    const updated: ReferralContact = parseInput(
      referralContact,
      entry
        ? { ...entry, trustedStores: [...new Set([...entry.trustedStores, body.storeFingerprint])] }
        : {
            id,
            name: body.agency.name,
            kind: options.kind ?? 'other',
            province: body.agency.province,
            trustedStores: [body.storeFingerprint],
          },
    );
    const next = entry ? directory.map((e) => (e.id === id ? updated : e)) : [...directory, updated];
    if (JSON.stringify(next) !== JSON.stringify(directory)) {
      db.prepare(
        `INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES ('referralDirectory', ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      ).run(JSON.stringify(next), now.toISOString(), user.id);
      session.audit(db, now, {
        action: 'settings.update',
        entityType: 'setting',
        entityId: 'referralDirectory',
        details: { old: directory, new: next },
      });
    }
    db.prepare('DELETE FROM agency_keys WHERE agency_id = ? OR store_fingerprint = ?').run(
      id,
      body.storeFingerprint,
    );
    db.prepare(
      `INSERT INTO agency_keys (agency_id, store_fingerprint, sealing_public_key, ca_certificate_pem, key_file_json,
         imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      body.storeFingerprint,
      body.sealingPublicKey,
      body.caCertificatePem,
      JSON.stringify(file),
      now.toISOString(),
      user.id,
    );
    session.audit(db, now, {
      action: 'agency_key.import',
      entityType: 'setting',
      entityId: 'referralDirectory',
      details: {
        agencyId: id,
        agencyName: body.agency.name,
        storeFingerprint: body.storeFingerprint,
        keyIssuedAt: body.issuedAt,
        newEntry: created,
      },
    });
    return { ...factsOf(body), agencyId: id, created };
  });
}

/** The directory entry that holds a store's agency key, if any. */
function agencyOfStore(db: Db, storeFingerprint: string): string | null {
  return (
    (db
      .prepare('SELECT agency_id FROM agency_keys WHERE store_fingerprint = ?')
      .pluck()
      .get(storeFingerprint) as string | undefined) ?? null
  );
}

/** An imported agency key, as handovers use it. */
export interface StoredAgencyKey {
  agencyId: string;
  storeFingerprint: string;
  /** Raw X25519 public key. */
  sealingPublicKey: Buffer;
  caCertificatePem: string;
  file: AgencyKeyFile;
}

interface AgencyKeyRow {
  agency_id: string;
  store_fingerprint: string;
  sealing_public_key: string;
  ca_certificate_pem: string;
  key_file_json: string;
}

function storedOf(row: AgencyKeyRow): StoredAgencyKey {
  return {
    agencyId: row.agency_id,
    storeFingerprint: row.store_fingerprint,
    sealingPublicKey: Buffer.from(row.sealing_public_key, 'base64'),
    caCertificatePem: row.ca_certificate_pem,
    file: JSON.parse(row.key_file_json) as AgencyKeyFile,
  };
}

export function agencyKeyOfAgency(db: Db, agencyId: string): StoredAgencyKey | null {
  const row = db.prepare('SELECT * FROM agency_keys WHERE agency_id = ?').get(agencyId) as
    | AgencyKeyRow
    | undefined;
  return row ? storedOf(row) : null;
}

export function agencyKeyOfStore(db: Db, storeFingerprint: string): StoredAgencyKey | null {
  const row = db.prepare('SELECT * FROM agency_keys WHERE store_fingerprint = ?').get(storeFingerprint) as
    | AgencyKeyRow
    | undefined;
  return row ? storedOf(row) : null;
}

/** Which directory entries hold an agency key, with the short fingerprint to show beside each. */
export function listAgencyKeys(
  session: Session,
): { agencyId: string; storeFingerprint: string; shortFingerprint: string; importedAt: string }[] {
  session.requireUser();
  return session.read((db) =>
    (
      db
        .prepare('SELECT agency_id, store_fingerprint, imported_at FROM agency_keys ORDER BY imported_at')
        .all() as {
        agency_id: string;
        store_fingerprint: string;
        imported_at: string;
      }[]
    ).map((r) => ({
      agencyId: r.agency_id,
      storeFingerprint: r.store_fingerprint,
      shortFingerprint: shortFingerprint(r.store_fingerprint),
      importedAt: r.imported_at,
    })),
  );
}

/** This store's own fingerprint and its short form (shown beside the export button). */
export function ownAgencyFingerprint(
  session: Session,
): { storeFingerprint: string; shortFingerprint: string } | null {
  const fingerprint = session.trust.storeFingerprint;
  return fingerprint
    ? { storeFingerprint: fingerprint, shortFingerprint: shortFingerprint(fingerprint) }
    : null;
}
