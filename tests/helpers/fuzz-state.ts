import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Db } from '../../src/main/db/driver';

/**
 * Fingerprints of what a call could change, for "a rejected call changed nothing" checks: the content
 * of every table (order-independent, so a VACUUM or checkpoint does not count as a change), and every
 * file outside the live database files (keyring, preferences, exports, backups, temp files).
 */

function cell(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return `x'${Buffer.from(value).toString('hex')}'`;
  if (typeof value === 'bigint') return `${value}n`;
  return value;
}

export function dbContentHash(db: Db): string {
  const h = createHash('sha256');
  h.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`);
  const objects = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  for (const o of objects) {
    h.update(`${o.type} ${o.name} ${o.sql ?? ''}\n`);
    if (o.type !== 'table') continue;
    // Virtual tables (FTS) are read through their shadow tables, which are listed too.
    if (/^CREATE VIRTUAL TABLE/i.test(o.sql ?? '')) continue;
    const rows = (
      db
        .prepare(`SELECT * FROM "${o.name.replaceAll('"', '""')}"`)
        .raw()
        .all() as unknown[][]
    )
      .map((r) => JSON.stringify(r.map(cell)))
      .sort();
    h.update(`${o.name}:${rows.length}\n`);
    for (const r of rows) h.update(`${r}\n`);
  }
  return h.digest('hex');
}

const LIVE_DB = /(^|[\\/])fieldscreen\.db(-wal|-shm|-journal)?$/;

/**
 * A cheap per-call change detector: rows this connection inserted, updated or deleted so far
 * (SQLite's total_changes()), plus name, size and modification time of every file beside the
 * database. The full content hashes are compared around each batch.
 */
export function quickState(db: Db, dir: string): string {
  const changes = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  const parts = [`changes=${changes.n}`];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) visit(p);
      else if (!LIVE_DB.test(p)) parts.push(`${relative(dir, p)}:${st.size}:${st.mtimeMs}`);
    }
  };
  visit(dir);
  return parts.join('\n');
}

/** name -> sha256 of every file under dir, except the live database and its WAL/SHM. */
export function filesState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) visit(p);
      else if (!LIVE_DB.test(p))
        out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  visit(dir);
  return out;
}
