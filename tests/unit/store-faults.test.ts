import { chmodSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations';
import { createCase } from '../../src/main/store/cases';
import { getInterview, saveAnswer, startInterview } from '../../src/main/store/interviews';
import { storePaths } from '../../src/main/store/paths';
import type { Session } from '../../src/main/store/session';
import { AppError } from '../../src/shared/errors';
import { CASE_INPUT, INTERVIEW_INPUT, SUPERVISOR } from '../helpers/samples';
import { spawnStoreChild, watchLines } from '../helpers/store-child';
import { createTestStore } from '../helpers/test-app';

function saveError(fn: () => unknown): AppError | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

async function openInterview(): Promise<{
  store: Awaited<ReturnType<typeof createTestStore>>;
  s: Session;
  interviewId: string;
}> {
  const store = await createTestStore();
  const s = await store.unlock();
  const c = createCase(s, CASE_INPUT);
  const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
  return { store, s, interviewId: iv.id };
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[name] = readFileSync(join(dir, name)).toString('base64');
  return out;
}

describe('faults while saving', () => {
  it('a full disk gives DISK_FULL and loses nothing that was committed', async () => {
    const { store, s, interviewId } = await openInterview();
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) {
      saveAnswer(s, { interviewId, questionId: `q${i}`, value: `answer ${i}`, clientSeq: i });
      acked.push(`q${i}`);
    }
    // SQLite's own "database or disk is full" path (SQLITE_FULL), as when the volume runs out of space:
    // the file may not grow beyond its current pages.
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pages}`);
    let err: AppError | null = null;
    for (let i = 20; i < 200 && !err; i++) {
      err = saveError(() =>
        saveAnswer(s, { interviewId, questionId: `q${i}`, value: 'x'.repeat(30_000), clientSeq: i }),
      );
      if (!err) acked.push(`q${i}`);
    }
    expect(err?.code).toBe('DISK_FULL');
    expect(err?.messageKey).toBe('errors.diskFull');
    expect(err?.message).toBe('DISK_FULL');
    s.lock();
    const again = await store.unlock();
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const saved = getInterview(again, interviewId).answers.map((a) => a.questionId);
    expect(saved.sort()).toEqual([...acked].sort());
    again.lock();
  });

  it('a database that turned read-only gives READ_ONLY and keeps what was saved', async () => {
    const { store, s, interviewId } = await openInterview();
    saveAnswer(s, { interviewId, questionId: 'q.before', value: 'kept', clientSeq: 1 });
    // SQLite answers SQLITE_READONLY exactly as for a write-protected file or read-only mount.
    s.db.pragma('query_only = ON');
    const err = saveError(() =>
      saveAnswer(s, { interviewId, questionId: 'q.after', value: 'lost?', clientSeq: 2 }),
    );
    expect(err?.code).toBe('READ_ONLY');
    expect(err?.messageKey).toBe('errors.readOnly');
    s.db.pragma('query_only = OFF');
    s.lock();
    const again = await store.unlock();
    expect(getInterview(again, interviewId).answers.map((a) => [a.questionId, a.value])).toEqual([
      ['q.before', 'kept'],
    ]);
    again.lock();
  });

  it('a read-only data folder gives READ_ONLY at sign-in and nothing is changed', async () => {
    const { store, s, interviewId } = await openInterview();
    s.lock();
    const before = snapshot(store.dir);
    // Permissions do not bind root: run the sign-in as an unprivileged user when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    for (const name of readdirSync(store.dir)) chmodSync(join(store.dir, name), 0o444);
    chmodSync(store.dir, 0o555);
    try {
      const child = spawnStoreChild(
        'store-readonly-child.ts',
        [store.dir, SUPERVISOR.username, interviewId],
        {
          env: { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase },
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        },
      );
      const lines: string[] = [];
      const exit = await watchLines(child, (l) => lines.push(l));
      expect(exit.stderr).toBe('');
      expect(lines.map((l) => JSON.parse(l))).toEqual([{ stage: 'unlock', code: 'READ_ONLY' }]);
    } finally {
      chmodSync(store.dir, 0o700);
      for (const name of readdirSync(store.dir)) chmodSync(join(store.dir, name), 0o600);
    }
    expect(snapshot(store.dir)).toEqual(before);
  });
});

describe('damaged or foreign stores at sign-in', () => {
  it('a truncated database file is DB_CORRUPT and is left as it is', async () => {
    const { store, s } = await openInterview();
    s.lock();
    const db = storePaths(store.dir).db;
    truncateSync(db, statSync(db).size - 4096 - 10);
    const before = readFileSync(db);
    await expect(store.unlock()).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('a database from a newer app version is DB_NEWER_THAN_APP and is left as it is', async () => {
    const store = await createTestStore();
    const file = storePaths(store.dir).db;
    const db = openDatabase(file, store.databaseKey(), { keyVerified: true });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    closeDatabase(db);
    const before = readFileSync(file);
    const err = await store.unlock().then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err?.code).toBe('DB_NEWER_THAN_APP');
    expect(err?.messageKey).toBe('errors.dbNewerThanApp');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
