import type { Db } from '../db/driver';
import { usernamesById } from './accounts';

/**
 * *_by columns hold a local user id, or the person named by an imported case document:
 * "imp:" + JSON [exporter, person] (who exported the document, who the document says did it), or
 * "ext:<username>" as written by imports before the exporter was kept. Imported names are never mapped
 * to local accounts: a document can name anyone, so a local user is never credited with imported work.
 */
const EXTERNAL_PREFIX = 'ext:';
const IMPORTED_PREFIX = 'imp:';

export interface Attribution {
  /** Stored value -> username (or the imported person's name) for display and export. */
  name(stored: string): string;
  /** Who exported the case document a record was imported from; null for local records (and "ext:"). */
  importedFrom(stored: string): string | null;
}

/** The stored value for a person named in a case document that `exporter` exported. */
export function importedAttribution(exporter: string, person: string): string {
  return `${IMPORTED_PREFIX}${JSON.stringify([exporter, person])}`;
}

function readImported(stored: string): [exporter: string, person: string] | null {
  if (!stored.startsWith(IMPORTED_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(stored.slice(IMPORTED_PREFIX.length));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // not ours: shown as stored
  }
  return null;
}

export function loadAttribution(db: Db): Attribution {
  const byId = usernamesById(db);
  return {
    name(stored) {
      if (stored.startsWith(EXTERNAL_PREFIX)) return stored.slice(EXTERNAL_PREFIX.length);
      const imported = readImported(stored);
      if (imported) return imported[1];
      return byId.get(stored) ?? stored;
    },
    importedFrom: (stored) => readImported(stored)?.[0] ?? null,
  };
}
