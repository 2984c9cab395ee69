import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryTrustCommand } from '../../src/main/cli/commands/directory-trust-command';
import { formatFingerprint } from '../../src/main/pdf/identity';
import { storeFingerprintOfCertificate } from '../../src/main/pdf/store-fingerprint';
import { updateSettings } from '../../src/main/store/settings';
import { changeDirectoryTrust, storeTrustList } from '../../src/main/store/trust-list';
import { referralContact, settingsSchema } from '../../src/shared/domain/settings';
import { type Issued, makeCa, selfSignedLeaf } from '../fixtures/pdf/ca-chain';
import { captureIo } from '../helpers/cli-io';
import { codeOf } from '../helpers/errors';
import { OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * What a receiving agency of the referral directory is trusted by: certificates (PEM) and store
 * fingerprints kept with the entry, validated (zod in shared, X.509 in main), normalised, changed only
 * by supervisors (app and CLI), and gathered into the store's trust list for verify-pdf.
 */

const SHELTER = {
  id: '6f1c1c1e-8a3b-4c55-9d7e-0b7f3f3f0a11',
  name: 'บ้านพักเด็กและครอบครัวจังหวัดสงขลา',
  kind: 'shelter' as const,
  province: 'สงขลา',
  phone: '074 311 000',
  email: '',
  address: '',
};

let app: TestApp;
let agencyCa: Issued;
let officerCert: Issued;
let storeFp: string;

beforeAll(async () => {
  app = createTestApp('fs-dirtrust-');
  await app.initialise(SUPERVISOR);
  await app.enrol(OFFICER);
  await app.ok('admin.settings.update', { referralDirectory: [SHELTER] });
  agencyCa = makeCa('DSDW issuing CA', 'DSDW');
  officerCert = selfSignedLeaf('นางสาวมาลี ศรีสุข');
  storeFp = storeFingerprintOfCertificate(makeCa('Another store').der);
}, 60_000);
afterAll(() => app.close());

describe('the directory entry schema', () => {
  it('keeps trust lists, empty for entries saved before they existed', () => {
    expect(referralContact.parse(SHELTER)).toMatchObject({ trustedCertificates: [], trustedStores: [] });
    expect(
      settingsSchema.parse({ referralDirectory: [SHELTER] }).referralDirectory[0]?.trustedStores,
    ).toEqual([]);
  });

  it('normalises store fingerprints and refuses what is not one', () => {
    const typed = storeFp.replace(/:/g, '').toLowerCase();
    expect(referralContact.parse({ ...SHELTER, trustedStores: [typed] }).trustedStores).toEqual([storeFp]);
    expect(referralContact.safeParse({ ...SHELTER, trustedStores: ['AB:CD'] }).success).toBe(false);
  });

  it('takes one PEM certificate an item, and at most 16', () => {
    expect(referralContact.safeParse({ ...SHELTER, trustedCertificates: [agencyCa.pem] }).success).toBe(true);
    expect(referralContact.safeParse({ ...SHELTER, trustedCertificates: ['hello'] }).success).toBe(false);
    expect(
      referralContact.safeParse({ ...SHELTER, trustedCertificates: [`${agencyCa.pem}${officerCert.pem}`] })
        .success,
    ).toBe(false);
    expect(
      referralContact.safeParse({ ...SHELTER, trustedStores: Array.from({ length: 17 }, () => storeFp) })
        .success,
    ).toBe(false);
  });
});

describe('changing what an agency is trusted by', () => {
  it('is a supervisor change, checked in main, and feeds the store trust list', async () => {
    await app.signIn(SUPERVISOR);
    const session = app.session();
    const trust = changeDirectoryTrust(session, SHELTER.id, {
      addCertificates: [new X509Certificate(agencyCa.der)],
      addStores: [storeFp.toLowerCase()],
    });
    expect(trust.certificates.map((c) => c.fingerprint)).toEqual([formatFingerprint(agencyCa.der)]);
    expect(trust.stores).toEqual([storeFp]);
    // The same again changes nothing.
    changeDirectoryTrust(session, SHELTER.id, {
      addCertificates: [new X509Certificate(agencyCa.der)],
      addStores: [storeFp],
    });
    const list = storeTrustList(session);
    // The store's own identity first (its officers), then what the directory trusts.
    expect(list.storeFingerprints).toEqual([session.trust.storeFingerprint, storeFp]);
    expect(list.certificates.map((pem) => formatFingerprint(new X509Certificate(pem as string).raw))).toEqual(
      [formatFingerprint(agencyCa.der)],
    );
    expect(codeOf(() => changeDirectoryTrust(session, SHELTER.id, { addStores: ['nope'] }))).toBe(
      'VALIDATION',
    );
    expect(codeOf(() => changeDirectoryTrust(session, '6f1c1c1e-8a3b-4c55-9d7e-0b7f3f3f0aff', {}))).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses a PEM-shaped text that is no certificate, through the app channel too', async () => {
    await app.signIn(SUPERVISOR);
    const fake = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
    expect(
      codeOf(() =>
        updateSettings(app.session(), { referralDirectory: [{ ...SHELTER, trustedCertificates: [fake] }] }),
      ),
    ).toBe('VALIDATION');
    expect(
      await app.code('admin.settings.update', {
        referralDirectory: [{ ...SHELTER, trustedCertificates: [fake] }],
      }),
    ).toBe('VALIDATION');
  });

  it('is refused to an officer, in the service and on the channel', async () => {
    await app.signIn(OFFICER);
    expect(codeOf(() => changeDirectoryTrust(app.session(), SHELTER.id, { addStores: [storeFp] }))).toBe(
      'FORBIDDEN_ROLE',
    );
    expect(
      await app.code('admin.settings.update', {
        referralDirectory: [{ ...SHELTER, trustedStores: [storeFp] }],
      }),
    ).toBe('FORBIDDEN_ROLE');
  });

  it('is audited like every settings change', async () => {
    await app.signIn(SUPERVISOR);
    const rows = app
      .session()
      .read((db) =>
        db.prepare("SELECT action, entity_id FROM audit_log WHERE action = 'settings.update'").all(),
      ) as { action: string; entity_id: string }[];
    expect(rows.some((r) => r.entity_id === 'referralDirectory')).toBe(true);
  });
});

describe('cli directory-trust', () => {
  it('adds and removes a certificate file and a store, and lists them', async () => {
    await app.signIn(SUPERVISOR);
    app.ctx.sessions.lock('manual');
    const pem = join(app.root, 'officer.pem');
    writeFileSync(pem, officerCert.pem);
    const env = { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase };
    const base = ['--data', app.dataDir, '--user', SUPERVISOR.username];
    const add = captureIo(env);
    expect(await directoryTrustCommand.run([...base, '--agency', SHELTER.id, '--add-cert', pem], add)).toBe(
      0,
    );
    expect(add.out).toContain(
      `certificate: ${formatFingerprint(officerCert.der)} CN=นางสาวมาลี ศรีสุข, O=FieldScreen store`,
    );

    const remove = captureIo(env);
    expect(
      await directoryTrustCommand.run(
        [
          ...base,
          '--agency',
          SHELTER.id,
          '--remove-cert',
          formatFingerprint(agencyCa.der).toLowerCase(),
          '--remove-store',
          storeFp,
        ],
        remove,
      ),
    ).toBe(0);
    expect(remove.out.filter((l) => l.startsWith('store:'))).toEqual([]);
    expect(remove.out.filter((l) => l.startsWith('certificate:'))).toHaveLength(1);

    const list = captureIo(env);
    expect(await directoryTrustCommand.run(base, list)).toBe(0);
    expect(list.out[0]).toBe(`agency: ${SHELTER.id} ${SHELTER.name}`);

    const officer = captureIo({ FIELDSCREEN_PASSPHRASE: OFFICER.passphrase });
    expect(
      await directoryTrustCommand.run(
        ['--data', app.dataDir, '--user', OFFICER.username, '--agency', SHELTER.id, '--add-store', storeFp],
        officer,
      ),
    ).toBe(1);
    expect(officer.err).toContain('error: FORBIDDEN_ROLE');

    const junk = join(app.root, 'junk.pem');
    writeFileSync(junk, 'no certificate here');
    const bad = captureIo(env);
    expect(await directoryTrustCommand.run([...base, '--agency', SHELTER.id, '--add-cert', junk], bad)).toBe(
      2,
    );
    expect(await directoryTrustCommand.run([...base, '--add-store', storeFp], captureIo(env))).toBe(2);
  });
});
