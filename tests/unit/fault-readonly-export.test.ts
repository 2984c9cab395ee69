import { chmodSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { listReferrals } from '../../src/main/store/referrals';
import { tempDir } from '../helpers/disk';
import { readOnlyFolder } from '../helpers/fuzz-volumes';
import { spawnStoreChild, watchLines } from '../helpers/store-child';
import { createTestApp } from '../helpers/test-app';

/**
 * Exporting into a folder that cannot be written (a write-protected USB stick, a read-only share):
 * the officer gets READ_ONLY / errors.readOnly, nothing is written and no referral is recorded.
 */
describe('export into a read-only folder', () => {
  it('folderExportTarget gives READ_ONLY for a folder without write permission (unprivileged process)', async () => {
    const dir = tempDir('fs-ro-perm-');
    chmodSync(dir, 0o555);
    // Permissions do not bind root: the export then runs as an unprivileged user.
    const asRoot = process.getuid?.() === 0;
    try {
      const child = spawnStoreChild('fuzz-readonly-export-child.ts', [dir], {
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      const lines: string[] = [];
      const exit = await watchLines(child, (l) => lines.push(l));
      expect(exit.stderr).toBe('');
      expect(lines.map((l) => JSON.parse(l))).toEqual([{ code: 'READ_ONLY', messageKey: 'errors.readOnly' }]);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('referral.export answers READ_ONLY, records nothing and writes nothing', async () => {
    const folder = readOnlyFolder();
    try {
      const before = readdirSync(folder.dir);
      const app = createTestApp('fs-ro-data-', {
        appVersion: 'fault',
        exportTarget: folderExportTarget(folder.dir),
      });
      await app.initialise({ username: 'malee', displayName: 'Malee S.', passphrase: 'read only, please' });
      seedDemoAgency(app.session());
      // Consent recorded before receivers were recorded with it: the officer confirms the receiver named.
      const [seeded] = seedDemoCases(app.session(), DEMO_SCENARIOS.slice(0, 1), { consentReceiver: null });
      if (!seeded) throw new Error('no demo case');
      const reply = await app.call('referral.export', {
        caseId: seeded.caseId,
        receivingAgency: 'Shelter',
        officerPosition: 'Labour inspector',
        confirmReceiverNamed: true,
      });
      expect(reply, folder.how).toEqual({
        ok: false,
        error: { code: 'READ_ONLY', messageKey: 'errors.readOnly' },
      });
      expect(readdirSync(folder.dir)).toEqual(before);
      expect(listReferrals(app.session(), seeded.caseId)).toEqual([]);
      app.close();
    } finally {
      folder.dispose();
    }
  });
});
