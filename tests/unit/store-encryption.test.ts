import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlcipher from '@journeyapps/sqlcipher';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { addAttachment } from '../../src/main/store/attachments';
import { createBackup } from '../../src/main/store/backup';
import { createCase, updateCase } from '../../src/main/store/cases';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import { rotateDatabaseKey } from '../../src/main/store/key-rotation';
import { addNote } from '../../src/main/store/notes';
import { storePaths } from '../../src/main/store/paths';
import { recordReferral } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { updateSettings } from '../../src/main/store/settings';
import { filesUnder, markersIn, tempDir } from '../helpers/disk';
import { INTERVIEW_INPUT, SUPERVISOR } from '../helpers/samples';
import { createTestStore } from '../helpers/test-app';

/** Strings that must never appear in any file the app writes (UTF-8 or UTF-16). */
const MARKERS = [
  'MARKERPLACE9d1c',
  'MARKERVESSEL44e0',
  'MARKERPERSONb7a2',
  'สมชายเครื่องหมายลับ',
  'MARKERANSWER5f11',
  'MARKERNOTE0c9d',
  'MARKERASSESS3e77',
  'MARKERATTACH81aa',
  'MARKERAGENCY2b6f',
  'MARKERREFERRALd4c3',
];

function writeMarkers(s: Session): string {
  const c = createCase(s, {
    place: { kind: 'port', name: MARKERS[0] ?? '' },
    vessel: { name: MARKERS[1] },
    screeningDate: '2026-05-21',
    person: { nameOrAlias: `${MARKERS[2]} ${MARKERS[3]}` },
  });
  updateCase(s, { id: c.id, expectedRevision: c.revision, officerAssessment: MARKERS[6] });
  const iv = startInterview(s, { ...INTERVIEW_INPUT, caseId: c.id });
  for (let i = 0; i < 50; i++) {
    saveAnswer(s, {
      interviewId: iv.id,
      questionId: `q${i}`,
      value: { kind: 'text', text: `${MARKERS[4]} ${i}` },
      clientSeq: i,
    });
  }
  addNote(s, { caseId: c.id, body: MARKERS[5] ?? '' });
  addAttachment(s, {
    caseId: c.id,
    fileName: 'statement.txt',
    mediaType: 'text/plain',
    content: new TextEncoder().encode(`${MARKERS[7]} in a file`),
  });
  updateSettings(s, { agency: { name: MARKERS[8] ?? '', unit: '', province: '', address: '', phone: '' } });
  recordReferral(s, {
    caseId: c.id,
    receivingAgency: MARKERS[9] ?? '',
    fileName: 'r.pdf',
    fileSha256: 'c'.repeat(64),
    signerFingerprint: 'd'.repeat(64),
    signerName: 'Somchai',
    signedAt: '2026-05-21T10:00:00.000Z',
  });
  return c.id;
}

function assertNoMarkers(dir: string): string[] {
  const files = filesUnder(dir);
  for (const file of files) expect({ file, found: markersIn(file, MARKERS) }).toEqual({ file, found: [] });
  return files;
}

/** Runs SQL through an independent SQLCipher 4 build (@journeyapps/sqlcipher, SQLCipher 4.14). */
function sqlcipherQuery(file: string, keyHex: string, sql: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(file, sqlcipher.OPEN_READONLY, (openErr) => {
      if (openErr) return reject(openErr);
      db.serialize(() => {
        // SQLCipher's own passphrase form: it derives the database key from the recovery key and the salt.
        db.run(`PRAGMA key = '${keyHex}'`);
        db.all(sql, (err: Error | null, rows: Record<string, unknown>[]) => {
          db.close();
          if (err) reject(err);
          else resolve(rows);
        });
      });
    });
  });
}

describe('encryption at rest', () => {
  it('the marker scan finds markers in an unencrypted SQLite file (control)', () => {
    const file = join(tempDir(), 'plain.db');
    const db = openDatabase(file, null, { create: true, quickCheck: false });
    db.prepare('INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?)').run(
      'x',
      JSON.stringify(MARKERS[3]),
      'now',
      'me',
    );
    closeDatabase(db);
    expect(markersIn(file, MARKERS)).toEqual([MARKERS[3]]);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });

  it('leaves no marker in the database, its WAL or any other file, while open and after locking', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    writeMarkers(s);
    const paths = storePaths(store.dir);
    // While the app runs: database + WAL + shm + keyring.
    const openFiles = assertNoMarkers(store.dir);
    expect(openFiles).toEqual(expect.arrayContaining([paths.db, paths.wal, paths.keyring]));
    expect(readFileSync(paths.wal).length).toBeGreaterThan(0);
    s.lock();
    assertNoMarkers(store.dir);
    expect(readFileSync(paths.db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(readFileSync(paths.keyring, 'utf8')).not.toContain(SUPERVISOR.username);
  });

  it('keeps backups encrypted too', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    writeMarkers(s);
    const outDir = tempDir();
    await createBackup(s, join(outDir, 'backup.fsbak'));
    s.lock();
    const files = assertNoMarkers(outDir);
    expect(files).toEqual([join(outDir, 'backup.fsbak')]);
  });

  it('opens with a standard SQLCipher 4 implementation and the recovery key, and with no other key', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    const caseId = writeMarkers(s);
    s.lock(); // checkpoints the WAL into the main file
    const file = storePaths(store.dir).db;
    const rows = await sqlcipherQuery(
      file,
      store.recoveryKeyHex,
      `SELECT place_name, vessel_name FROM cases WHERE id = '${caseId}'`,
    );
    expect(rows).toEqual([{ place_name: MARKERS[0], vessel_name: MARKERS[1] }]);
    const people = await sqlcipherQuery(file, store.recoveryKeyHex, 'SELECT name_or_alias FROM persons');
    expect(people).toEqual([{ name_or_alias: `${MARKERS[2]} ${MARKERS[3]}` }]);
    const answers = await sqlcipherQuery(file, store.recoveryKeyHex, 'SELECT count(*) AS n FROM answers');
    expect(answers).toEqual([{ n: 50 }]);
    const err = await sqlcipherQuery(
      file,
      randomBytes(32).toString('hex'),
      'SELECT count(*) FROM cases',
    ).then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toBe('SQLITE_NOTADB');
  });

  it('a backup opens with the standard tool and the recovery key as well', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    writeMarkers(s);
    const out = join(tempDir(), 'b.fsbak');
    await createBackup(s, out);
    s.lock();
    const rows = await sqlcipherQuery(out, store.recoveryKeyHex, 'SELECT body FROM notes');
    expect(rows).toEqual([{ body: MARKERS[5] }]);
  });

  it('after key rotation only the new recovery key opens the file', async () => {
    const store = await createTestStore();
    const s = await store.unlock();
    writeMarkers(s);
    const issued = await rotateDatabaseKey(s, SUPERVISOR.passphrase);
    s.lock();
    const file = storePaths(store.dir).db;
    const rows = await sqlcipherQuery(file, issued.recoveryKeyHex, 'SELECT body FROM notes');
    expect(rows).toEqual([{ body: MARKERS[5] }]);
    const err = await sqlcipherQuery(file, store.recoveryKeyHex, 'SELECT body FROM notes').then(
      () => null,
      (e: unknown) => e as { code?: string },
    );
    expect(err?.code).toBe('SQLITE_NOTADB');
    assertNoMarkers(store.dir);
  });
});
