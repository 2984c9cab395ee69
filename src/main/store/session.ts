import type { Permission } from '../../shared/domain/permissions';
import { can } from '../../shared/domain/permissions';
import type { RecoveryKeyIssued, SessionUser } from '../../shared/domain/users';
import { AppError } from '../../shared/errors';
import { type AuditActor, type AuditEvent, appendAudit } from '../audit/log';
import { closeDatabase } from '../db/connection';
import type { Db } from '../db/driver';
import { toStoreError } from '../db/errors';
import type { KdfProfile } from '../keys/kdf';
import type { PersonBundle } from '../keys/person-keys';
import type { StoreCa } from '../keys/store-identity';
import { wipe } from '../keys/wipe';
import { bindSignerFor } from './audit-signing';

export type SessionKind = 'user' | 'recovery';
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen_lock' | 'shutdown' | 'restore';

export interface SessionInit {
  kind: SessionKind;
  user: SessionUser | null;
  dir: string;
  db: Db;
  dbKey: Buffer;
  clock: () => number;
  kdfProfile: KdfProfile | undefined;
  trust?: SessionTrust;
}

/**
 * What this session holds beyond the database key (store/trust.ts): the signed-in person's own keys
 * (opened with their passphrase), and for supervisors and recovery sessions the store CA.
 */
export interface SessionTrust {
  person: PersonBundle | null;
  /** The person's referral certificate from the roster (null until endorsed). */
  referralCertificatePem: string | null;
  storeCa: StoreCa | null;
  storeFingerprint: string | null;
  storeCaCertificatePem: string | null;
  mustChangePassphrase: boolean;
  signingKeyPending: boolean;
}

const NO_TRUST: SessionTrust = {
  person: null,
  referralCertificatePem: null,
  storeCa: null,
  storeFingerprint: null,
  storeCaCertificatePem: null,
  mustChangePassphrase: false,
  signingKeyPending: false,
};

/**
 * An unlocked store: the open database and the database key, for one signed-in user (or a supervisor
 * using the recovery key). Services take it as their first argument. lock() closes the database and
 * wipes the key; afterwards every use throws LOCKED.
 *
 * Invariant: the key never leaves this object except to wrap it for a new account or pass it to SQLite.
 */
export class Session {
  readonly kind: SessionKind;
  readonly user: SessionUser | null;
  readonly dir: string;
  /** KDF profile for passphrases set during this session (tests choose 'test'). */
  readonly kdfProfile: KdfProfile | undefined;
  #db: Db | null;
  #dbKey: Buffer | null;
  readonly #clock: () => number;
  readonly #lockListeners = new Set<(reason: LockReason) => void>();
  /**
   * Set when this sign-in upgraded a store from before the recovery key was split from the database
   * key: the new recovery key, to show once (like at first run), then forgotten.
   */
  upgradeRecoveryKey: RecoveryKeyIssued | null = null;
  #trust: SessionTrust = NO_TRUST;

  constructor(init: SessionInit) {
    this.kind = init.kind;
    this.user = init.user;
    this.dir = init.dir;
    this.kdfProfile = init.kdfProfile;
    this.#db = init.db;
    this.#dbKey = Buffer.from(init.dbKey);
    this.#clock = init.clock;
    this.trust = init.trust ?? NO_TRUST;
  }

  /**
   * Replaced as a whole when the person's keys change (first passphrase change, upgrade): the audit rows
   * written from then on are signed with the keys it holds (audit-signing.ts).
   */
  get trust(): SessionTrust {
    return this.#trust;
  }

  set trust(next: SessionTrust) {
    this.#trust = next;
    if (this.#db)
      bindSignerFor(this.#db, {
        accountId: this.user?.id ?? null,
        person: next.person,
        storeCa: next.storeCa,
      });
  }

  get storeCa(): StoreCa | null {
    return this.#db ? this.trust.storeCa : null;
  }

  get locked(): boolean {
    return this.#db === null;
  }

  now(): Date {
    return new Date(this.#clock());
  }

  get actor(): AuditActor {
    return this.user ? { kind: 'user', id: this.user.id } : { kind: 'recovery', id: null };
  }

  /** The open connection. Internal to the store (and its tests). */
  get db(): Db {
    if (!this.#db) throw new AppError('LOCKED');
    return this.#db;
  }

  /** The raw database key. Internal to the store: wrapping for new accounts, backups, rotation. */
  get dbKey(): Buffer {
    if (!this.#dbKey) throw new AppError('LOCKED');
    return this.#dbKey;
  }

  /** After a key rotation the connection is already re-keyed; keep the new key, wipe the old. */
  replaceDbKey(next: Buffer): void {
    const old = this.#dbKey;
    this.#dbKey = Buffer.from(next);
    wipe(old);
  }

  /** A signed-in user (not a recovery session). */
  requireUser(): SessionUser {
    if (!this.user) throw new AppError('FORBIDDEN_ROLE');
    return this.user;
  }

  /** Role check in main: hiding a button is never the protection. */
  require(permission: Permission): SessionUser {
    const user = this.requireUser();
    if (!can(user.role, permission)) throw new AppError('FORBIDDEN_ROLE');
    return user;
  }

  /** One write transaction (BEGIN IMMEDIATE). Returns only after COMMIT, i.e. after fsync of the WAL. */
  write<T>(fn: (db: Db, now: Date) => T): T {
    const db = this.db;
    const now = this.now();
    try {
      return db.transaction(() => fn(db, now)).immediate();
    } catch (err) {
      throw toStoreError(err);
    }
  }

  /** Reads outside a write transaction (a consistent snapshot per statement). */
  read<T>(fn: (db: Db) => T): T {
    const db = this.db;
    try {
      return fn(db);
    } catch (err) {
      throw toStoreError(err);
    }
  }

  /** Appends to the audit trail inside the current write transaction. */
  audit(db: Db, now: Date, event: AuditEvent): void {
    appendAudit(db, this.actor, now, event);
  }

  onLock(listener: (reason: LockReason) => void): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  /**
   * Records the lock, closes the database (checkpointing the WAL) and wipes the key. Never throws: a
   * failed audit write (disk full) must not keep the data unlocked.
   */
  lock(reason: LockReason = 'manual'): void {
    if (!this.#db) return;
    try {
      this.write((db, now) => this.audit(db, now, { action: 'auth.lock', details: { reason } }));
    } catch {
      // Locking wins over recording the lock.
    }
    closeDatabase(this.#db);
    this.#db = null;
    wipe(this.#dbKey);
    this.#dbKey = null;
    this.trust = NO_TRUST;
    for (const listener of this.#lockListeners) {
      try {
        listener(reason);
      } catch {
        // A listener's failure must not stop the others.
      }
    }
    this.#lockListeners.clear();
  }
}
