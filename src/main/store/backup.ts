import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/errors';
import { formatAnchor, makeAnchor, parseAnchor } from '../audit/anchor';
import { storeAuditKeys } from '../audit/key-directory';
import { type AuditActor, appendAudit, auditHead, checkAuditTrail } from '../audit/log';
import { type AuditKeyLookup, type AuditSigner, bindAuditSigner, boundAuditSigner } from '../audit/signer';
import { closeDatabase, openDatabase, SQLCIPHER_PAGE_SIZE } from '../db/connection';
import type { Db } from '../db/driver';
import { toStoreError } from '../db/errors';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from '../db/migrations';
import { deriveDatabaseKey, readDatabaseSalt } from '../keys/database-key';
import { dbKeyCheck, matchesDbKeyCheck } from '../keys/key-check';
import { isLegacyKeyring, type Keyring, parseKeyring, readKeyring, writeKeyring } from '../keys/keyring';
import { parseRecoveryKey } from '../keys/recovery-key';
import { openStoreSecrets } from '../keys/store-recovery';
import { wipe } from '../keys/wipe';
import { fsyncDir } from '../util/atomic-file';
import { readUserRow } from './accounts';
import { storeAuthoritySigner } from './audit-signing';
import { fileStamp, restrictToOwner, storePaths } from './paths';
import type { Session } from './session';

/**
 * A backup is itself a SQLCipher 4 database under the same key (so the recovery key opens it with the
 * standard sqlcipher tool, too), plus a `backup_meta` table that marks it as a FieldScreen backup and
 * carries a copy of the keyring, so every account can sign in with its passphrase after a restore.
 *
 * Why VACUUM INTO and not the online backup API: SQLite3 Multiple Ciphers refuses sqlite3_backup from
 * an encrypted database into an unkeyed connection ("backup is not supported with incompatible source
 * and target databases"), and better-sqlite3's db.backup() opens the target itself with no way to key
 * it. VACUUM INTO is SQLite's other supported way to copy a live database: it reads one consistent
 * snapshot inside a read transaction (other connections keep writing thanks to WAL) and writes a
 * compact copy encrypted with the source's cipher and key. Nothing unencrypted ever touches the disk.
 */
export const BACKUP_FORMAT = 'fieldscreen.backup';
export const BACKUP_VERSION = 1;
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface BackupResult {
  file: string;
  createdAt: string;
  schemaVersion: number;
  bytes: number;
  /** The backup's audit anchor (its head, signed by whoever took it). */
  auditAnchor: string;
}

export interface RestoreResult {
  backupCreatedAt: string;
  /** Schema version of the backup before it was migrated to this app's version. */
  backupSchemaVersion: number;
  /** Where the replaced database went (null when the folder was empty). */
  previousDatabase: string | null;
  /** Whether the backup carried a keyring (otherwise every passphrase must be reset with the recovery key). */
  keyringRestored: boolean;
}

const backupMetaSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().min(1),
  dbKeyCheck: z.string().regex(/^[0-9a-f]{64}$/),
  /** JSON text of the keyring at backup time (back-off cleared), or null. */
  keyring: z.string().nullable(),
  /**
   * The copy's audit head, signed by whoever took the backup (audit/anchor.ts). Absent in backups
   * from before it existed. `audit-verify --anchor BACKUP` checks the store still contains it.
   */
  auditAnchor: z.string().max(400).optional(),
});

/**
 * Writes a consistent encrypted copy of the open store to outFile (which must not exist). Safe while
 * the app keeps working. Supervisors only ('backup.create': a backup is everyone's records, to take
 * off the laptop), or a recovery-key session; the copy is recorded in the audit log.
 */
export async function createBackup(session: Session, outFile: string): Promise<BackupResult> {
  if (session.kind === 'user') session.require('backup.create');
  const outDir = dirname(outFile);
  if (existsSync(outFile)) throw new AppError('CONFLICT');
  if (!existsSync(outDir)) throw new AppError('NOT_FOUND');
  const partial = join(outDir, `.${basename(outFile)}.partial-${randomBytes(6).toString('hex')}`);
  const createdAt = session.now().toISOString();
  try {
    const db = session.db;
    const schemaVersion = readSchemaVersion(db);
    db.prepare('VACUUM INTO ?').run(partial);
    restrictToOwner(partial);
    const copy = openDatabase(partial, session.dbKey, {
      keyVerified: true,
      migrate: false,
      quickCheck: false,
      journalMode: 'memory',
    });
    let auditAnchor: string;
    try {
      const keyring = readKeyringSnapshot(session.dir);
      // The copy's own head (what VACUUM INTO saw), signed by the person taking the backup.
      auditAnchor = formatAnchor(makeAnchor(auditHead(copy), boundAuditSigner(db)));
      copy.exec('CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
      copy.prepare('INSERT INTO backup_meta (key, value) VALUES (?, ?)').run(
        'meta',
        JSON.stringify(
          backupMetaSchema.parse({
            format: BACKUP_FORMAT,
            version: BACKUP_VERSION,
            createdAt,
            schemaVersion,
            dbKeyCheck: dbKeyCheck(session.dbKey),
            keyring,
            auditAnchor,
          }),
        ),
      );
      if (copy.pragma('quick_check', { simple: true }) !== 'ok') throw new AppError('DB_CORRUPT');
    } finally {
      closeDatabase(copy);
    }
    fsyncPath(partial);
    // link() fails if outFile appeared meanwhile: never overwrite an existing file.
    linkSync(partial, outFile);
    rmSync(partial, { force: true });
    fsyncDir(outDir);
    const bytes = statSync(outFile).size;
    session.write((wdb, now) =>
      session.audit(wdb, now, {
        action: 'backup.create',
        details: { fileName: basename(outFile), bytes, schemaVersion },
      }),
    );
    return { file: outFile, createdAt, schemaVersion, bytes, auditAnchor };
  } catch (err) {
    rmSync(partial, { force: true });
    if (isAppError(err) && err.code === 'CONFLICT') throw err;
    if ((err as { code?: string }).code === 'EEXIST') throw new AppError('CONFLICT', { cause: err });
    throw toStoreError(err);
  }
}

function readKeyringSnapshot(dir: string): string | null {
  let keyring: Keyring | null;
  try {
    keyring = readKeyring(dir);
  } catch {
    return null;
  }
  if (!keyring) return null;
  const clean: Keyring = {
    ...keyring,
    accounts: keyring.accounts.map((a) => ({ ...a, failedAttempts: 0, nextAttemptAt: null })),
    unknownAttempts: [],
    pendingFailedLogins: [],
    rotation: null,
  };
  return JSON.stringify(clean);
}

/**
 * Cheap checks that need no key: a SQLCipher file is whole 4 KiB pages and never starts with the plain
 * SQLite header. Anything else is NOT_A_BACKUP.
 */
function assertBackupShape(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') throw new AppError('NOT_FOUND', { cause: err });
    throw toStoreError(err);
  }
  if (size < SQLCIPHER_PAGE_SIZE || size % SQLCIPHER_PAGE_SIZE !== 0) throw new AppError('NOT_A_BACKUP');
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(SQLITE_PLAIN_HEADER)) throw new AppError('NOT_A_BACKUP');
}

function readBackupMeta(db: Db): z.infer<typeof backupMetaSchema> {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'backup_meta'")
    .get();
  if (!hasTable) throw new AppError('NOT_A_BACKUP');
  const text = db.prepare("SELECT value FROM backup_meta WHERE key = 'meta'").pluck().get();
  const parsed = typeof text === 'string' ? backupMetaSchema.safeParse(safeJson(text)) : null;
  if (!parsed?.success) throw new AppError('NOT_A_BACKUP');
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Restores a backup into dir with the recovery key that was valid when the backup was taken. The
 * backup is copied into the folder and fully checked (key, format, integrity, schema version) and
 * migrated before anything existing is touched; the database and keyring it replaces are kept beside
 * it as `*.before-restore-<time>` files (with their WAL), never deleted. Nothing may hold the store
 * open meanwhile (the CLI: close the app first; the app: SessionManager.replaceStore).
 */
export async function restoreBackup(args: RestoreArgs): Promise<RestoreResult> {
  const prepared = await prepareRestore(args);
  try {
    return prepared.commit();
  } finally {
    prepared.discard();
  }
}

export interface RestoreArgs {
  from: string;
  dir: string;
  recoveryKey: string;
  now?: () => number;
  /** Who restores, for the audit row in the restored store (default: the recovery key itself). */
  actor?: AuditActor;
  /** Signs that row (the restoring person's key, bound to their session). */
  signer?: AuditSigner;
  /** Keys the backup's audit rows are checked with; by default the backup's own roster. */
  auditKeys?: AuditKeyLookup;
}

/** A backup copied next to the store, checked and migrated, not yet in place. */
export interface PreparedRestore {
  readonly backupCreatedAt: string;
  readonly backupSchemaVersion: number;
  /** Whether commit installs the backup's keyring (else every passphrase needs the recovery key). */
  readonly keyringRestored: boolean;
  /**
   * Moves the checked copy into place, keeping what it replaces as `*.before-restore-<time>`. The
   * caller must have closed every connection to the store. On failure the renames done so far are
   * undone, so the store is as it was.
   */
  commit(): RestoreResult;
  /** Removes the checked copy unless it was committed. Safe to call more than once. */
  discard(): void;
}

/**
 * The first half of a restore, safe while the app is open and signed in: a wrong key, a file that is
 * no backup, a damaged or newer backup all fail here and leave the store untouched.
 */
export async function prepareRestore(args: RestoreArgs): Promise<PreparedRestore> {
  const recovery = parseRecoveryKey(args.recoveryKey);
  let key: Buffer = recovery;
  const now = new Date((args.now ?? Date.now)());
  const staging = join(args.dir, `.restore-${randomBytes(6).toString('hex')}.db`);
  let stagingCreated = false;
  try {
    assertBackupShape(args.from);
    mkdirSync(args.dir, { recursive: true, mode: 0o700 });
    copyFileSync(args.from, staging, constants.COPYFILE_EXCL);
    stagingCreated = true;
    restrictToOwner(staging);
    let meta: z.infer<typeof backupMetaSchema>;
    let backupSchemaVersion: number;
    let keyring: Keyring | null;
    const opened = openStagingWithRecoveryKey(staging, recovery);
    key = opened.key;
    const db = opened.db;
    try {
      meta = readBackupMeta(db);
      // The recovery key itself opens only a backup of a store from before it was split from the
      // database key; for any later backup, a key that opens the file as is is the database key.
      if (opened.legacyForm && !backupOfLegacyStore(meta)) throw new AppError('WRONG_RECOVERY_KEY');
      if (!matchesDbKeyCheck(key, meta.dbKeyCheck)) throw new AppError('WRONG_RECOVERY_KEY');
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('DB_CORRUPT');
      backupSchemaVersion = readSchemaVersion(db);
      keyring = meta.keyring ? parseKeyringSnapshot(meta.keyring, key) : null;
      const lookup = args.auditKeys ?? storeAuditKeys({ db, keyring });
      assertTrustedTrail(db, meta, lookup);
      migrate(db);
      const { actor, signer } = restoreSigning(db, args, lookup, keyring, recovery);
      if (signer) bindAuditSigner(db, signer);
      db.transaction(() => {
        db.exec('DROP TABLE backup_meta');
        appendAudit(db, actor, now, {
          action: 'backup.restore',
          details: {
            backupCreatedAt: meta.createdAt,
            backupSchemaVersion,
            schemaVersion: LATEST_SCHEMA_VERSION,
          },
        });
      }).immediate();
    } finally {
      closeDatabase(db);
    }
    fsyncPath(staging);
    const prepared = stagedRestore({ dir: args.dir, staging, now, meta, backupSchemaVersion, keyring });
    stagingCreated = false;
    return prepared;
  } catch (err) {
    throw toStoreError(err);
  } finally {
    if (stagingCreated) rmSync(staging, { force: true });
    wipe(key, recovery);
  }
}

/**
 * Refuses (BACKUP_UNTRUSTED) a backup whose audit trail does not check out, before anything is
 * migrated or replaced: the hash chain, every signature (with the keys the backup itself vouches
 * for), the append-only triggers, and the anchor written into backup_meta when it was made. Once
 * rows are signed, that anchor must be there and signed too, so a backup whose tail was cut cannot
 * pass by dropping it.
 */
function assertTrustedTrail(db: Db, meta: z.infer<typeof backupMetaSchema>, lookup: AuditKeyLookup): void {
  const anchor = meta.auditAnchor === undefined ? null : parseAnchor(meta.auditAnchor);
  if (meta.auditAnchor !== undefined && !anchor) throw untrusted('anchor unreadable');
  const report = checkAuditTrail(db, lookup, anchor ? [anchor] : []);
  const first = report.problems[0];
  if (first) throw untrusted(first.kind);
  if (report.signedFromSeq !== null && !anchor?.signed) throw untrusted('anchor missing or unsigned');
}

function untrusted(why: string): AppError {
  return new AppError('BACKUP_UNTRUSTED', { cause: new Error(`backup audit trail: ${why}`) });
}

/**
 * Who the restore row names and who signs it: the restoring person with their own key when the backup
 * knows both; otherwise the recovery key acts, signed with the store's own audit key (the backup's store
 * secrets open with the recovery key). Either way the restored trail stays signed to its end.
 */
function restoreSigning(
  db: Db,
  args: RestoreArgs,
  lookup: AuditKeyLookup,
  keyring: Keyring | null,
  recovery: Buffer,
): { actor: AuditActor; signer: AuditSigner | undefined } {
  const actor = auditActorIn(db, args.actor);
  const known = args.signer ? lookup(args.signer.keyId) : undefined;
  if (actor.kind === 'user' && args.signer && known?.accountId === actor.id)
    return { actor, signer: args.signer };
  const recoveryActor: AuditActor = { kind: 'recovery', id: null };
  const store = keyring?.store;
  const ca = store ? openStoreSecrets(recovery, store.recoveryBox, store.caCertificatePem) : null;
  if (ca) return { actor: recoveryActor, signer: storeAuthoritySigner(ca) };
  // A backup from before the store identity has no signed rows, and no key its trail would know.
  return { actor, signer: undefined };
}

/** The restoring user when the backup knows them; otherwise the recovery key acts. */
function auditActorIn(db: Db, actor: AuditActor | undefined): AuditActor {
  if (actor?.kind === 'user' && actor.id) {
    if (readUserRow(db, actor.id)) return actor;
  }
  return { kind: 'recovery', id: null };
}

function stagedRestore(s: {
  dir: string;
  staging: string;
  now: Date;
  meta: z.infer<typeof backupMetaSchema>;
  backupSchemaVersion: number;
  keyring: Keyring | null;
}): PreparedRestore {
  let state: 'staged' | 'committed' | 'discarded' = 'staged';
  return {
    backupCreatedAt: s.meta.createdAt,
    backupSchemaVersion: s.backupSchemaVersion,
    keyringRestored: s.keyring !== null,
    commit() {
      if (state !== 'staged') throw new AppError('CONFLICT');
      const paths = storePaths(s.dir);
      const stamp = fileStamp(s.now);
      const moved: [from: string, to: string][] = [];
      const move = (from: string, to: string) => {
        renameSync(from, to);
        moved.push([from, to]);
      };
      let keyringWritten = false;
      let previousDatabase: string | null = null;
      try {
        if (existsSync(paths.db)) {
          previousDatabase = `${paths.db}.before-restore-${stamp}`;
          move(paths.db, previousDatabase);
          // SQLite finds a database's WAL by name: keep the pair together so the old copy stays whole.
          if (existsSync(paths.wal)) move(paths.wal, `${previousDatabase}-wal`);
          if (existsSync(paths.shm)) move(paths.shm, `${previousDatabase}-shm`);
        }
        if (existsSync(paths.keyring)) move(paths.keyring, `${paths.keyring}.before-restore-${stamp}`);
        if (s.keyring) {
          writeKeyring(s.dir, s.keyring);
          keyringWritten = true;
        }
        renameSync(s.staging, paths.db);
        state = 'committed';
        fsyncDir(s.dir);
      } catch (err) {
        if (state !== 'committed') undoMoves(paths.keyring, keyringWritten, moved);
        throw toStoreError(err);
      }
      return {
        backupCreatedAt: s.meta.createdAt,
        backupSchemaVersion: s.backupSchemaVersion,
        previousDatabase,
        keyringRestored: s.keyring !== null,
      };
    },
    discard() {
      if (state !== 'staged') return;
      state = 'discarded';
      rmSync(s.staging, { force: true });
    },
  };
}

/** Best effort: puts the replaced files back (a failed rename must not leave the folder half-swapped). */
function undoMoves(keyringFile: string, keyringWritten: boolean, moved: [string, string][]): void {
  try {
    if (keyringWritten) rmSync(keyringFile, { force: true });
    for (const [from, to] of moved.reverse()) renameSync(to, from);
  } catch {
    // Nothing more to do here: the dated copies are still beside the store for a person to sort out.
  }
}

/** Opens the staged copy; a key that cannot decrypt it is WRONG_RECOVERY_KEY (or it is no backup at all). */
function openStaging(file: string, key: Buffer): Db {
  try {
    return openDatabase(file, key, {
      keyVerified: false,
      migrate: false,
      quickCheck: false,
      journalMode: 'memory',
    });
  } catch (err) {
    if (isAppError(err) && err.code === 'DB_CORRUPT') throw new AppError('NOT_A_BACKUP', { cause: err });
    throw err;
  }
}

/**
 * The database key of a backup is derived from the recovery key with the backup file's salt (VACUUM
 * INTO keeps it). Backups of a store from before that took the recovery key as the database key: that
 * form is tried second and accepted only when the backup says so (backupOfLegacyStore).
 */
function openStagingWithRecoveryKey(
  file: string,
  recovery: Buffer,
): { db: Db; key: Buffer; legacyForm: boolean } {
  const derived = deriveDatabaseKey(recovery, readDatabaseSalt(file));
  try {
    return { db: openStaging(file, derived), key: derived, legacyForm: false };
  } catch (err) {
    wipe(derived);
    if (!isAppError(err) || err.code !== 'WRONG_RECOVERY_KEY') throw err;
  }
  return { db: openStaging(file, recovery), key: Buffer.from(recovery), legacyForm: true };
}

function backupOfLegacyStore(meta: z.infer<typeof backupMetaSchema>): boolean {
  const keyring = meta.keyring ? parseKeyring(safeJson(meta.keyring)) : null;
  return keyring !== null && isLegacyKeyring(keyring);
}

function parseKeyringSnapshot(text: string, key: Buffer): Keyring | null {
  const keyring = parseKeyring(safeJson(text));
  return keyring && matchesDbKeyCheck(key, keyring.dbKeyCheck) ? keyring : null;
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The audit anchor a backup carries (null for a backup from before anchors), read with this store's
 * key without changing the file. A backup under another key fails with WRONG_RECOVERY_KEY.
 */
export function readBackupAnchor(file: string, key: Buffer): string | null {
  assertBackupShape(file);
  const db = openDatabase(file, key, {
    readonly: true,
    keyVerified: false,
    quickCheck: false,
    migrate: false,
  });
  try {
    return readBackupMeta(db).auditAnchor ?? null;
  } finally {
    closeDatabase(db);
  }
}
