import type { Db } from '../driver';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-case-search';
import { migration0003 } from './0003-case-keys';
import { migration0004 } from './0004-follow-ups';
import { migration0005 } from './0005-answer-wording';
import { migration0006 } from './0006-case-list';
import { migration0007 } from './0007-audit-signatures';
import { migration0008 } from './0008-sealed-signing-identities';
import { migration0009 } from './0009-handover';
import { migration0010 } from './0010-peer-rosters';
import type { Migration } from './types';

/** Every schema version, in order. PRAGMA user_version holds the version a database is at. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function readSchemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Applies every migration above the database's version, each in its own transaction with its
 * user_version bump. `target` stops early (migration tests seed an older version).
 */
export function migrate(db: Db, target: number = LATEST_SCHEMA_VERSION): number {
  MIGRATIONS.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} out of order`);
  });
  let version = readSchemaVersion(db);
  for (const m of MIGRATIONS) {
    if (m.version <= version || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    version = m.version;
  }
  return version;
}

export type { Migration };
