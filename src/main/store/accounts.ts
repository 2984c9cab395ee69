import { normaliseUsername, type SessionUser, type UserSummary } from '../../shared/domain/users';
import type { Db } from '../db/driver';

/**
 * The users table: its one row type, its one mapping, and all of its SQL. (Who may sign in, with
 * which role and keys, is the keyring and signed roster's to say: see trust.ts.)
 */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: 'supervisor' | 'officer';
  created_at: string;
  disabled_at: string | null;
}

const COLUMNS = 'id, username, display_name, role, created_at, disabled_at';

export function toUserSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

export function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

export function insertUser(
  db: Db,
  user: { id: string; username: string; displayName: string },
  role: 'supervisor' | 'officer',
  now: Date,
  createdBy: string | null,
): void {
  db.prepare(
    `INSERT INTO users (id, username, username_key, display_name, role, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    user.id,
    user.username,
    normaliseUsername(user.username),
    user.displayName,
    role,
    now.toISOString(),
    createdBy,
  );
}

export function readUserRow(db: Db, id: string): UserRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
}

/** The account a username names (compared as normalised: case and width folded). */
export function readUserRowByUsername(db: Db, username: string): UserRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM users WHERE username_key = ?`).get(normaliseUsername(username)) as
    | UserRow
    | undefined;
}

/** All accounts, by username. */
export function listUserRows(db: Db): UserRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username_key`).all() as UserRow[];
}

/** Account id -> username, for naming who did what. */
export function usernamesById(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[];
  return new Map(rows.map((r) => [r.id, r.username]));
}

export function activeSupervisorCount(db: Db): number {
  return db
    .prepare("SELECT count(*) FROM users WHERE role = 'supervisor' AND disabled_at IS NULL")
    .pluck()
    .get() as number;
}

export function markUserDisabled(db: Db, id: string, by: string, now: Date): void {
  db.prepare('UPDATE users SET disabled_at = ?, disabled_by = ? WHERE id = ?').run(now.toISOString(), by, id);
}
