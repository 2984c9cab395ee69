import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStoreCommands } from '../../src/main/cli/commands/store-commands';
import { checkAudit } from '../../src/main/store/audit';
import { createBackup } from '../../src/main/store/backup';
import { createCase } from '../../src/main/store/cases';
import { storePaths } from '../../src/main/store/paths';
import { Vault } from '../../src/main/store/vault';
import { accountAuditSigner } from '../helpers/audit-keys';
import { captureIo } from '../helpers/cli-io';
import { tempDir } from '../helpers/disk';
import { dropAuditTriggers, openKeyedFile, rechainAudit, recreateAuditTriggers } from '../helpers/keyed-db';
import { CASE_INPUT } from '../helpers/samples';

/**
 * Rows written before signing existed: a store made by the release before (tests/fixtures/store-v1,
 * schema 6, no signatures) is upgraded, and signing starts at the first sign-in with a key. The first
 * signed row commits to every unsigned row before it; a trail cut back to before it is seen only
 * against an anchor.
 */
const FIXTURE = join(__dirname, '../fixtures/store-v1');
const facts = JSON.parse(readFileSync(join(FIXTURE, 'fixture.json'), 'utf8')) as {
  accounts: Record<'supervisor' | 'officer', string>;
};

describe('audit signatures on a store from the release before', () => {
  it('keeps the old rows unsigned, signs from the first sign-in on, and the first signed row vouches for the rest', async () => {
    const dir = join(tempDir('fs-audit-upgrade-'), 'store');
    cpSync(FIXTURE, dir, { recursive: true });
    const vault = new Vault(dir, { kdfProfile: 'test' });
    // Before the store has an identity nobody has keys: the officer's rows stay unsigned.
    const o = await vault.unlock('officer', facts.accounts.officer);
    const officerId = o.requireUser().id;
    createCase(o, CASE_INPUT);
    o.lock();
    // The first supervisor sign-in makes the store identity; signing begins with its next row.
    (await vault.unlock('supervisor', facts.accounts.supervisor)).lock();
    const o2 = await vault.unlock('officer', facts.accounts.officer);
    createCase(o2, CASE_INPUT);
    o2.lock();
    const s = await vault.unlock('supervisor', facts.accounts.supervisor);
    const report = checkAudit(s);
    expect(report.problems).toEqual([]);
    const firstSigned = report.signedFromSeq ?? 0;
    // The release before wrote a few hundred unsigned rows (demo cases, a referral).
    expect(firstSigned).toBeGreaterThan(100);
    const backup = join(tempDir('fs-audit-upgrade-backup-'), 'backup.db');
    await createBackup(s, backup);
    const dbKey = Buffer.from(s.dbKey);
    s.lock();
    const officerSigner = await accountAuditSigner(dir, officerId, facts.accounts.officer);

    const commands = createStoreCommands({ kdfProfile: 'test' });
    const verify = async (data: string, anchor?: string) => {
      const o2 = captureIo({ FIELDSCREEN_PASSPHRASE: facts.accounts.supervisor });
      const args = ['--data', data, '--user', 'supervisor', ...(anchor ? ['--anchor', anchor] : [])];
      const code = await commands.find((c) => c.name === 'audit-verify')?.run(args, o2);
      return { code, out: o2.out };
    };
    const tampered = (attack: (db: ReturnType<typeof openKeyedFile>) => void) => {
      const copy = join(tempDir('fs-audit-upgrade-attack-'), 'store');
      cpSync(dir, copy, { recursive: true });
      const db = openKeyedFile(storePaths(copy).db, dbKey);
      try {
        attack(db);
      } finally {
        db.close();
      }
      return copy;
    };

    const intact = await verify(dir);
    expect(intact.code).toBe(0);
    expect(intact.out).toContain(`signed-from-row: ${firstSigned}`);

    // An old, unsigned row rewritten and the chain recomputed: the first signed row no longer matches.
    const oldRow = tampered((db) => {
      dropAuditTriggers(db);
      db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 5").run();
      rechainAudit(db, 5);
      recreateAuditTriggers(db);
    });
    expect((await verify(oldRow)).out[0]).toBe(`audit-trail: broken at row ${firstSigned} (bad_signature)`);

    // ... and re-signed by the officer (the insider): their own rows pass, the supervisor's do not.
    const resigned = tampered((db) => {
      dropAuditTriggers(db);
      db.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 5").run();
      rechainAudit(db, 5, (r) => (r.signer_key ? officerSigner : undefined));
      recreateAuditTriggers(db);
    });
    const resignedResult = await verify(resigned);
    expect(resignedResult.code).toBe(1);
    expect(resignedResult.out[0]).toMatch(/^audit-trail: broken at row \d+ \(signer_not_actor\)$/);

    // The signed rows stripped of their signatures: the roster says from which row on rows are signed.
    const stripped = tampered((db) => {
      dropAuditTriggers(db);
      rechainAudit(db, firstSigned, () => null);
      recreateAuditTriggers(db);
    });
    expect((await verify(stripped)).out[0]).toBe(
      `audit-trail: broken at row ${firstSigned} (unsigned_after_signing)`,
    );

    // Cut back to before signing began: an intact-looking unsigned trail, caught by the backup's anchor.
    const cut = tampered((db) => {
      dropAuditTriggers(db);
      db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(firstSigned);
      recreateAuditTriggers(db);
    });
    expect((await verify(cut)).code).toBe(0);
    const anchored = await verify(cut, backup);
    expect(anchored.code).toBe(1);
    expect(anchored.out[0]).toBe('audit-trail: broken (anchor_not_contained)');
  });
});
