import type { Db } from '../driver';

/**
 * One schema version. `up` runs inside a transaction together with the user_version bump, so a
 * failed migration leaves the previous version intact. Never edit a released migration: add one.
 */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}
