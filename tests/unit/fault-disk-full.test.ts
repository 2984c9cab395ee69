import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { getCase } from '../../src/main/store/cases';
import { listReferrals } from '../../src/main/store/referrals';
import { AppError } from '../../src/shared/errors';
import { availableFullVolumes, type FullVolume, fullVolume } from '../helpers/fuzz-volumes';
import { createTestApp } from '../helpers/test-app';

/**
 * A full disk (ENOSPC) during folder export: the error is AppError DISK_FULL / errors.diskFull, and no
 * partial file is left, neither under the final name nor as a temp file. Run on every kind of full
 * volume this machine offers: /dev/full everywhere, and a real nearly full tmpfs where mounting works.
 */

const NOW = Date.parse('2026-05-21T08:00:00.000Z');
const volumes: FullVolume[] = [];

afterEach(() => {
  vi.useRealTimers();
  for (const v of volumes.splice(0)) v.dispose();
});

function freezeDate(): void {
  // Only Date: timers keep running (idle lock, child processes).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
}

describe.each(availableFullVolumes())('a full disk during folder export (%s)', (kind) => {
  it('writeFileAtomic via folderExportTarget fails with DISK_FULL and leaves no partial file', async () => {
    const volume = fullVolume(kind);
    volumes.push(volume);
    freezeDate();
    const bytes = randomBytes(512 * 1024);
    volume.arm('referral-FS-1.pdf', Date.now());
    const err = await folderExportTarget(volume.dir)
      .write('referral-FS-1.pdf', bytes)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'DISK_FULL', messageKey: 'errors.diskFull', message: 'DISK_FULL' });
    expect(volume.leftovers()).toEqual([]);
  });

  it('referral.export answers DISK_FULL, records no referral and leaves no file', async () => {
    const volume = fullVolume(kind);
    volumes.push(volume);
    const app = createTestApp('fs-full-data-', {
      appVersion: 'fault',
      exportTarget: folderExportTarget(volume.dir),
    });
    const { dispatch } = app;
    // Frozen from the start: the store's certificates are issued at its (frozen) creation time, so
    // the referral is signed within their validity.
    freezeDate();
    await app.initialise({
      username: 'malee',
      displayName: 'Malee S.',
      passphrase: 'a disk full of answers',
    });
    const session = app.session();
    seedDemoAgency(session);
    // Consent recorded before receivers were recorded with it: the officer confirms the receiver named.
    const [seeded] = seedDemoCases(session, DEMO_SCENARIOS.slice(0, 1), { consentReceiver: null });
    if (!seeded) throw new Error('no demo case');
    const reference = getCase(session, seeded.caseId).reference;

    volume.arm(`referral-${reference}.pdf`, Date.now());
    const reply = await dispatch('referral.export', {
      caseId: seeded.caseId,
      receivingAgency: 'Shelter',
      officerPosition: 'Labour inspector',
      confirmReceiverNamed: true,
    });
    expect(reply).toEqual({ ok: false, error: { code: 'DISK_FULL', messageKey: 'errors.diskFull' } });
    expect(volume.leftovers()).toEqual([]);
    expect(listReferrals(app.session(), seeded.caseId)).toEqual([]);
    app.close();
  });
});
