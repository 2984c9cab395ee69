import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyKeyCommand, directoryCommand } from '../../src/main/cli/commands/agency-key-commands';
import { agencyKeyPair, readAgencyKeyFile } from '../../src/main/keys/agency-key';
import { openSealedBox, sealToAgency, sodiumReady } from '../../src/main/keys/sealed-box';
import { listAudit } from '../../src/main/store/audit';
import { getSettings } from '../../src/main/store/settings';
import { Vault } from '../../src/main/store/vault';
import { tempDir } from '../helpers/disk';
import {
  expectOk,
  newAgencyStore,
  runCommand,
  STORE_PASS,
  type TestStoreDir,
} from '../helpers/handover-stores';

/**
 * Agency keys between two real stores: the shelter exports its key (signed by its store identity),
 * the screening team's supervisor imports it into the referral directory after comparing the short
 * fingerprint both sides print; a changed file, a file signed by another store and the store's own key
 * are refused, and nothing changes.
 */

let root: string;
let team: TestStoreDir;
let shelter: TestStoreDir;
let shelterKey: string;

beforeAll(async () => {
  root = tempDir('fs-agency-keys-');
  team = await newAgencyStore(root, 'team', { name: 'Port screening team', province: 'Songkhla' });
  shelter = await newAgencyStore(root, 'shelter', { name: 'Songkhla shelter', province: 'Songkhla' });
  shelterKey = join(root, 'shelter.fskey');
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const importInto = (store: TestStoreDir, file: string, ...extra: string[]) =>
  runCommand(directoryCommand, ['import-key', '--data', store.dir, '--user', store.user, ...extra, file]);

describe('agency keys', () => {
  it('export and import print the same short fingerprint, and the directory gets the agency', async () => {
    const exported = expectOk(
      await runCommand(agencyKeyCommand, [
        'export',
        '--data',
        shelter.dir,
        '--user',
        shelter.user,
        '--out',
        shelterKey,
      ]),
    );
    const short = exported.value('short-fingerprint') ?? '';
    expect(short).toMatch(/^[0-9A-F]{4} [0-9A-F]{4}$/);
    const file = readAgencyKeyFile(readFileSync(shelterKey));
    expect(file?.body.agency).toEqual({ name: 'Songkhla shelter', province: 'Songkhla' });
    expect(file?.body.storeFingerprint).toBe(exported.value('store'));

    const imported = expectOk(await importInto(team, shelterKey, '--kind', 'shelter'));
    expect(imported.value('short-fingerprint')).toBe(short);
    expect(imported.value('store')).toBe(exported.value('store'));
    const agencyId = imported.value('agency-id') ?? '';

    const s = await new Vault(team.dir).unlock(team.user, STORE_PASS);
    try {
      const entry = getSettings(s).referralDirectory.find((e) => e.id === agencyId);
      expect(entry).toMatchObject({ name: 'Songkhla shelter', kind: 'shelter', province: 'Songkhla' });
      // Its referral PDFs are trusted from now on, by its store fingerprint.
      expect(entry?.trustedStores).toEqual([exported.value('store')]);
      expect(listAudit(s, { action: 'agency_key.import' })).toHaveLength(1);
    } finally {
      s.lock('manual');
    }
    // Importing it again for the same entry refreshes it, no second entry.
    const again = expectOk(await importInto(team, shelterKey));
    expect(again.value('agency-id')).toBe(agencyId);
    expect(again.value('directory-entry')).toBe('existing');
  });

  it('the private half is the one the store identity derives (supervisor and recovery key alike)', async () => {
    const s = await new Vault(shelter.dir).unlock(shelter.user, STORE_PASS);
    try {
      const ca = s.storeCa;
      expect(ca).not.toBeNull();
      const pair = agencyKeyPair(ca as NonNullable<typeof ca>);
      const file = readAgencyKeyFile(readFileSync(shelterKey));
      expect(pair.publicKey.toString('base64')).toBe(file?.body.sealingPublicKey);
    } finally {
      s.lock('manual');
    }
  });

  it('a changed byte, another store’s signature and the own key are refused, the directory unchanged', async () => {
    const before = await directoryOf(team);
    const text = readFileSync(shelterKey, 'utf8');
    const changed = join(root, 'changed.fskey');
    writeFileSync(changed, text.replace('Songkhla shelter', 'Songkhla shelteR'));
    const refused = await importInto(team, changed);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: VALIDATION');
    expect(refused.err.join('\n')).toMatch(/message: .*agency key/i);

    // The shelter's file re-signed by the team's own store identity: the signature is the team's, the
    // certificate inside still the shelter's.
    const ownKey = join(root, 'team.fskey');
    expectOk(
      await runCommand(agencyKeyCommand, [
        'export',
        '--data',
        team.dir,
        '--user',
        team.user,
        '--out',
        ownKey,
      ]),
    );
    const own = JSON.parse(readFileSync(ownKey, 'utf8')) as { signature: string };
    const forged = join(root, 'forged.fskey');
    writeFileSync(forged, JSON.stringify({ ...JSON.parse(text), signature: own.signature }));
    expect((await importInto(team, forged)).code).toBe(1);

    const self = await importInto(team, ownKey);
    expect(self.code).toBe(1);
    expect(self.err).toContain('error: CONFLICT');
    expect(await directoryOf(team)).toEqual(before);
  });
});

async function directoryOf(store: TestStoreDir) {
  const s = await new Vault(store.dir).unlock(store.user, STORE_PASS);
  try {
    return getSettings(s).referralDirectory;
  } finally {
    s.lock('manual');
  }
}

describe('sealed to an agency key', () => {
  it('only the agency whose store derives the key opens the content key; a changed box opens for nobody', async () => {
    await sodiumReady();
    const open = async (store: TestStoreDir) => {
      const s = await new Vault(store.dir).unlock(store.user, STORE_PASS);
      try {
        const ca = s.storeCa;
        if (!ca) throw new Error('no store CA');
        return agencyKeyPair(ca);
      } finally {
        s.lock('manual');
      }
    };
    const shelterPair = await open(shelter);
    const teamPair = await open(team);
    const contentKey = randomBytes(32);
    const file = readAgencyKeyFile(readFileSync(shelterKey));
    const box = sealToAgency(Buffer.from(file?.body.sealingPublicKey ?? '', 'base64'), contentKey);
    expect(openSealedBox(box, shelterPair.publicKey, shelterPair.privateKey)).toEqual(contentKey);
    expect(openSealedBox(box, teamPair.publicKey, teamPair.privateKey)).toBeNull();
    const changed = Buffer.from(box);
    changed[40] = (changed[40] ?? 0) ^ 1;
    expect(openSealedBox(changed, shelterPair.publicKey, shelterPair.privateKey)).toBeNull();
  });
});
