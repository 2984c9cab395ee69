import { normaliseUsername } from '../../shared/domain/users';
import type { Db } from '../db/driver';

/**
 * *_by columns hold a local user id, or "ext:<username>" for someone from another device (imported
 * cases). Reads show usernames; imports map usernames back to local ids where they exist.
 */
const EXTERNAL_PREFIX = 'ext:';

export interface Attribution {
  /** Stored value -> username for display and export. */
  name(stored: string): string;
  /** Username from a case document -> stored value. */
  storedFor(username: string): string;
}

export function loadAttribution(db: Db): Attribution {
  const rows = db.prepare('SELECT id, username, username_key FROM users').all() as {
    id: string;
    username: string;
    username_key: string;
  }[];
  const byId = new Map(rows.map((r) => [r.id, r.username]));
  const byKey = new Map(rows.map((r) => [r.username_key, r.id]));
  return {
    name(stored) {
      if (stored.startsWith(EXTERNAL_PREFIX)) return stored.slice(EXTERNAL_PREFIX.length);
      return byId.get(stored) ?? stored;
    },
    storedFor(username) {
      return byKey.get(normaliseUsername(username)) ?? `${EXTERNAL_PREFIX}${username}`;
    },
  };
}
