import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStoreCommands, storeCommands } from '../../src/main/cli/commands/store-commands';
import { closeDatabase, openDatabase } from '../../src/main/db/connection';
import { exportCaseDocument } from '../../src/main/store/case-document';
import { createCase } from '../../src/main/store/cases';
import { saveAnswer, startInterview } from '../../src/main/store/interviews';
import { storePaths } from '../../src/main/store/paths';
import { Vault } from '../../src/main/store/vault';
import { type CapturedIo, captureIo, commandNamed, lineValue } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { CASE_INPUT, SCREENING_INTERVIEW_INPUT, SUPERVISOR } from '../helpers/samples';
import { createTestStore, databaseKeyOf } from '../helpers/test-app';

const commands = createStoreCommands({ kdfProfile: 'test' });

const run = (name: string, args: string[], io: CapturedIo): Promise<number> =>
  commandNamed(commands, name).run(args, io);

async function initStore(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = join(tempDir(), 'data');
  const io = captureIo({ FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase });
  expect(await run('init', ['--data', dir, '--user', SUPERVISOR.username], io)).toBe(0);
  const recoveryKey = lineValue(io.out, 'recovery-key');
  if (!recoveryKey) throw new Error('no recovery key printed');
  return { dir, recoveryKey };
}

describe('store CLI commands', () => {
  it('exports the production command set with the issue’s commands', () => {
    expect(storeCommands.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'init',
        'import-case',
        'export-case',
        'backup',
        'restore',
        'audit-verify',
        'rotate-key',
        'add-user',
      ]),
    );
  });

  it('init creates the store and prints the recovery key on a "recovery-key:" line', async () => {
    const { dir, recoveryKey } = await initStore();
    expect(recoveryKey).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
    const session = await new Vault(dir, { kdfProfile: 'test' }).unlockWithRecoveryKey(recoveryKey);
    session.lock();
    const again = captureIo({ FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase });
    expect(await run('init', ['--data', dir, '--user', 'other'], again)).toBe(1);
    expect(again.err).toContain('error: ALREADY_INITIALISED');
  });

  it('asks twice on the terminal when no environment variable is set, and never takes secrets as arguments', async () => {
    const dir = join(tempDir(), 'data');
    const prompted = captureIo({}, [SUPERVISOR.passphrase, SUPERVISOR.passphrase]);
    expect(await run('init', ['--data', dir, '--user', 'somchai'], prompted)).toBe(0);
    const mismatch = captureIo({}, ['first passphrase', 'second passphrase']);
    expect(await run('init', ['--data', join(tempDir(), 'd'), '--user', 'x'], mismatch)).toBe(2);
    const noTty = captureIo({});
    expect(await run('init', ['--data', join(tempDir(), 'd'), '--user', 'x'], noTty)).toBe(2);
    expect(noTty.err[0]).toContain('FIELDSCREEN_PASSPHRASE');
    const asArg = captureIo({});
    expect(
      await run('init', ['--data', join(tempDir(), 'd'), '--user', 'x', '--passphrase', 'secret'], asArg),
    ).toBe(2);
    expect(asArg.err.join('\n')).not.toContain('secret');
  });

  it('imports and exports the canonical case document', async () => {
    // A document made in another store.
    const source = await createTestStore();
    const s = await source.unlock();
    const c = createCase(s, CASE_INPUT);
    const iv = startInterview(s, { ...SCREENING_INTERVIEW_INPUT, caseId: c.id });
    saveAnswer(s, {
      interviewId: iv.id,
      questionId: 'id_age',
      value: { kind: 'number', value: 3 },
      clientSeq: 1,
    });
    const doc = exportCaseDocument(s, c.id);
    s.lock();
    const file = join(tempDir(), 'case.json');
    writeFileSync(file, JSON.stringify(doc));

    const { dir } = await initStore();
    const env = { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase };
    const imported = captureIo(env);
    expect(await run('import-case', ['--data', dir, '--user', SUPERVISOR.username, file], imported)).toBe(0);
    expect(lineValue(imported.out, 'case-id')).toBe(c.id);

    const exported = captureIo(env);
    expect(await run('export-case', ['--data', dir, '--user', SUPERVISOR.username, c.id], exported)).toBe(0);
    const back = JSON.parse(exported.out.join('\n'));
    expect(back.interviews[0].answers[0].value).toEqual({ kind: 'number', value: 3 });
    expect(back.case.reference).toBe(doc.case.reference);

    const out = join(tempDir(), 'out.json');
    expect(
      await run(
        'export-case',
        ['--data', dir, '--user', SUPERVISOR.username, '--out', out, c.id],
        captureIo(env),
      ),
    ).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).case.id).toBe(c.id);
    const twice = captureIo(env);
    expect(
      await run('export-case', ['--data', dir, '--user', SUPERVISOR.username, '--out', out, c.id], twice),
    ).toBe(1);
    expect(twice.err).toContain('error: CONFLICT');

    const dup = captureIo(env);
    expect(await run('import-case', ['--data', dir, '--user', SUPERVISOR.username, file], dup)).toBe(1);
    expect(dup.err).toContain('error: CONFLICT');
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, '{"not": "a case"}');
    const invalid = captureIo(env);
    expect(await run('import-case', ['--data', dir, '--user', SUPERVISOR.username, bad], invalid)).toBe(1);
    expect(invalid.err).toContain('error: VALIDATION');
  });

  it('reports a wrong passphrase and the back-off as error codes', async () => {
    const { dir } = await initStore();
    const wrong = captureIo({ FIELDSCREEN_PASSPHRASE: 'not the passphrase' });
    expect(
      await run('export-case', ['--data', dir, '--user', SUPERVISOR.username, crypto.randomUUID()], wrong),
    ).toBe(1);
    expect(wrong.err).toEqual(['error: WRONG_PASSPHRASE']);
    const soon = captureIo({ FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase });
    expect(
      await run('export-case', ['--data', dir, '--user', SUPERVISOR.username, crypto.randomUUID()], soon),
    ).toBe(1);
    expect(soon.err[0]).toBe('error: TOO_MANY_ATTEMPTS');
    expect(soon.err[1]).toMatch(/^retry-after-seconds: [12]$/);
  });

  it('backs up with the recovery key and restores into a new folder', async () => {
    const { dir, recoveryKey } = await initStore();
    const env = { FIELDSCREEN_RECOVERY_KEY: recoveryKey };
    const out = join(tempDir(), 'store.fsbak');
    const b = captureIo(env);
    expect(await run('backup', ['--data', dir, '--out', out], b)).toBe(0);
    expect(lineValue(b.out, 'backup')).toBe(out);

    const target = join(tempDir(), 'restored');
    const r = captureIo(env);
    expect(await run('restore', ['--from', out, '--data', target], r)).toBe(0);
    const session = await new Vault(target, { kdfProfile: 'test' }).unlock(
      SUPERVISOR.username,
      SUPERVISOR.passphrase,
    );
    session.lock();

    const notBackup = join(tempDir(), 'x.json');
    writeFileSync(notBackup, '{}');
    const n = captureIo(env);
    expect(await run('restore', ['--from', notBackup, '--data', target], n)).toBe(1);
    expect(n.err).toEqual(['error: NOT_A_BACKUP']);
  });

  it('audit-verify exits 0 when intact and names the first broken row otherwise', async () => {
    const { dir, recoveryKey } = await initStore();
    const env = { FIELDSCREEN_RECOVERY_KEY: recoveryKey };
    const ok = captureIo(env);
    expect(await run('audit-verify', ['--data', dir], ok)).toBe(0);
    expect(ok.out[0]).toMatch(/^audit-trail: intact \(\d+ rows\)$/);

    const db = openDatabase(storePaths(dir).db, databaseKeyOf(dir, recoveryKey.replace(/-/g, '')), {
      keyVerified: true,
    });
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET details_json = \'{"role":"officer"}\' WHERE seq = 2').run();
    closeDatabase(db);
    const broken = captureIo(env);
    expect(await run('audit-verify', ['--data', dir], broken)).toBe(1);
    expect(broken.out).toContain('first-broken-seq: 2');
    expect(broken.out[0]).toBe('audit-trail: broken at row 2 (hash_mismatch)');
  });

  it('adds an officer, rotates the key and resets a passphrase with the recovery key', async () => {
    const { dir, recoveryKey } = await initStore();
    const add = captureIo({
      FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase,
      FIELDSCREEN_NEW_PASSPHRASE: 'officer passphrase',
    });
    expect(
      await run(
        'add-user',
        ['--data', dir, '--user', SUPERVISOR.username, '--new-user', 'malee', '--role', 'officer'],
        add,
      ),
    ).toBe(0);
    const vault = new Vault(dir, { kdfProfile: 'test' });
    (await vault.unlock('malee', 'officer passphrase')).lock();

    const rotate = captureIo({ FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase });
    expect(await run('rotate-key', ['--data', dir, '--user', SUPERVISOR.username], rotate)).toBe(0);
    const newKey = lineValue(rotate.out, 'recovery-key');
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(recoveryKey);

    const stale = captureIo({
      FIELDSCREEN_RECOVERY_KEY: recoveryKey,
      FIELDSCREEN_NEW_PASSPHRASE: 'new officer passphrase',
    });
    expect(await run('reset-passphrase', ['--data', dir, '--user', 'malee'], stale)).toBe(1);
    expect(stale.err).toEqual(['error: WRONG_RECOVERY_KEY']);
    const reset = captureIo({
      FIELDSCREEN_RECOVERY_KEY: newKey ?? '',
      FIELDSCREEN_NEW_PASSPHRASE: 'new officer passphrase',
    });
    expect(await run('reset-passphrase', ['--data', dir, '--user', 'malee'], reset)).toBe(0);
    (await vault.unlock('malee', 'new officer passphrase')).lock();
  });
});
