import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterAccountOf } from '../../src/main/keys/roster';
import { listAudit } from '../../src/main/store/audit';
import { judgePeerSigner } from '../../src/main/store/peer-rosters';
import { currentKeyring, rosterOf } from '../../src/main/store/trust';
import { disableUser, listUsers } from '../../src/main/store/users';
import { tempDir } from '../helpers/disk';
import {
  type CliUser,
  caseReadyFor,
  handoverCli as cli,
  enrolOfficer,
  expectOk,
  expectRefused,
  stateOf,
  type TestStoreDir,
  teamAndShelters,
  withStore,
} from '../helpers/handover-stores';

/**
 * The insider the handover must stop: an officer of the screening team who kept a copy of the data
 * folder (or whose laptop was not wiped) and was then disabled by their supervisor. In the copy they
 * are still enabled, by a roster the store really signed. A shelter that has seen a newer roster of
 * that store (in any package it accepted since) refuses what they seal, and changes nothing; a package
 * sealed from the same old copy by an officer who is still enabled is accepted (late delivery). A
 * shelter that never saw the newer roster cannot know: that limit is stated in docs/handover.md.
 */

let root: string;
let team: TestStoreDir;
let shelter: TestStoreDir;
let otherShelter: TestStoreDir;
/** The team's store as the disabled officer copied it while still enabled. */
let oldCopy: TestStoreDir;
const somchai: CliUser = { user: 'somchai', passphrase: 'somchai own passphrase' };
const malee: CliUser = { user: 'malee', passphrase: 'malee own passphrase' };
let shelterAtTeam: string;
let otherShelterAtTeam: string;
/** Cases made before the copy, so both the store and the copy hold them. */
let cases: string[];

const rosterSerial = (s: TestStoreDir) => rosterOf(currentKeyring(s.dir))?.serial ?? 0;

beforeAll(async () => {
  root = tempDir('fs-withdrawn-');
  const stores = await teamAndShelters(root, {
    shelter: { name: 'Songkhla shelter', province: 'Songkhla' },
    other: { name: 'Satun shelter', province: 'Satun' },
  });
  ({ team } = stores);
  ({ store: shelter, atTeam: shelterAtTeam } = stores.shelter);
  ({ store: otherShelter, atTeam: otherShelterAtTeam } = stores.other);
  await enrolOfficer(team, { ...somchai, displayName: 'Somchai Officer' });
  await enrolOfficer(team, { ...malee, displayName: 'Malee Officer' });
  cases = [];
  for (const lang of ['my', 'km', 'lo']) cases.push(await caseReadyFor(root, team, shelterAtTeam, lang));
  cases.push(await caseReadyFor(root, team, otherShelterAtTeam, 'vi'));

  // The copy, taken while Somchai is enabled; then the supervisor disables him.
  oldCopy = { ...team, dir: join(root, 'team-old-copy') };
  cpSync(team.dir, oldCopy.dir, { recursive: true });
  const before = rosterSerial(team);
  await withStore(team, async (session) => {
    const id = listUsers(session).find((u) => u.username === somchai.user)?.id ?? '';
    await disableUser(session, id);
  });
  expect(rosterSerial(team)).toBeGreaterThan(before);
  expect(rosterSerial(oldCopy)).toBe(before);
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const pkgFile = (name: string) => join(root, `${name}.fshandover`);

describe('an officer disabled after copying the data folder', () => {
  it('can still seal from the copy: the roster there lists him as enabled', async () => {
    expectOk(await cli.handover(oldCopy, cases[0] ?? '', shelterAtTeam, pkgFile('somchai-early'), somchai));
    // Not from the store itself: his keyring entry is gone and the roster says disabled.
    const refused = await cli.handover(team, cases[1] ?? '', shelterAtTeam, pkgFile('somchai-live'), somchai);
    expect(refused.code).toBe(1);
  });

  it('a shelter that has seen a newer roster of the team refuses what he seals, and changes nothing', async () => {
    // Malee, still enabled, hands a case over from the store: the shelter learns the newer roster.
    expectOk(await cli.handover(team, cases[1] ?? '', shelterAtTeam, pkgFile('malee-live'), malee));
    expectOk(await cli.receive(shelter, pkgFile('malee-live')));

    const before = await stateOf(shelter);
    expectRefused(await cli.receive(shelter, pkgFile('somchai-early')), 'signer-withdrawn');
    expect(await stateOf(shelter)).toEqual(before);
    // Sealing again now, from the copy, is no better.
    expectOk(await cli.handover(oldCopy, cases[2] ?? '', shelterAtTeam, pkgFile('somchai-late'), somchai));
    const run = await cli.receive(shelter, pkgFile('somchai-late'));
    expectRefused(run, 'signer-withdrawn');
    expect(run.err.join('\n')).toMatch(/message: .*disabled/);
    expect(await stateOf(shelter)).toEqual(before);
  });

  it('a package from the old copy by an officer still enabled is accepted (late delivery)', async () => {
    expectOk(await cli.handover(oldCopy, cases[2] ?? '', shelterAtTeam, pkgFile('malee-old'), malee));
    const got = expectOk(await cli.receive(shelter, pkgFile('malee-old')));
    expect(got.value('from-officer')).toBe('Malee Officer');
  });

  it('the shelter remembers the newest roster it saw, and says so in its audit trail', async () => {
    const teamSerial = rosterSerial(team);
    const remembered = await withStore(shelter, (session) => ({
      row: session.read((db) => db.prepare('SELECT serial, learned_from FROM peer_rosters').all()) as {
        serial: number;
        learned_from: string;
      }[],
      serials: listAudit(session, { action: 'handover.receive', limit: 10 }).map(
        (e) => (e.details as { senderRosterSerial?: number }).senderRosterSerial,
      ),
    }));
    expect(remembered.row).toEqual([{ serial: teamSerial, learned_from: expect.any(String) }]);
    expect(remembered.serials.sort()).toEqual([teamSerial - 1, teamSerial].sort());
  });

  it('a shelter that never saw the newer roster accepts him: the limit docs/handover.md states', async () => {
    const file = pkgFile('somchai-to-other');
    expectOk(await cli.handover(oldCopy, cases[3] ?? '', otherShelterAtTeam, file, somchai));
    expectOk(await cli.receive(otherShelter, file));
  });
});

describe("a shelter officer disabled after copying the shelter's data folder", () => {
  it("the team, having seen the shelter's newer roster, refuses a receipt he signs from the copy", async () => {
    const nok: CliUser = { user: 'nok', passphrase: 'nok own passphrase' };
    await enrolOfficer(shelter, { ...nok, displayName: 'Nok Officer' });
    const shelterCopy = { ...shelter, dir: join(root, 'shelter-old-copy') };
    cpSync(shelter.dir, shelterCopy.dir, { recursive: true });
    await withStore(shelter, async (session) => {
      await disableUser(session, listUsers(session).find((u) => u.username === nok.user)?.id ?? '');
    });

    const fromShelter = join(root, 'from-shelter.fsreceipt');
    expectOk(await cli.issueReceipt(shelter, cases[1] ?? '', fromShelter));
    expectOk(await cli.importReceipt(team, fromShelter));

    const fromCopy = join(root, 'from-copy.fsreceipt');
    expectOk(await cli.issueReceipt(shelterCopy, cases[2] ?? '', fromCopy, nok));
    const before = await stateOf(team);
    const refused = await cli.importReceipt(team, fromCopy);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: SIGNATURE_INVALID');
    expect(refused.err.join('\n')).toMatch(/message: .*disabled/);
    expect(await stateOf(team)).toEqual(before);
    const receipts = await withStore(team, (session) =>
      session.read((db) =>
        db.prepare('SELECT case_id FROM handovers WHERE receipt_json IS NOT NULL').pluck().all(),
      ),
    );
    expect(receipts).toEqual([cases[1]]);
  });
});

describe('judging a signer by the newest roster known', () => {
  it('older roster: the account must still be enabled and its key endorsed in the newer one', async () => {
    const roster = rosterOf(currentKeyring(team.dir));
    const old = rosterOf(currentKeyring(oldCopy.dir));
    if (!roster || !old) throw new Error('no roster');
    const accountOf = (name: string) =>
      withStore(team, (session) => listUsers(session).find((u) => u.username === name)?.id ?? '');
    const somchaiId = await accountOf(somchai.user);
    const maleeId = await accountOf(malee.user);
    const keyOf = (id: string) => rosterAccountOf(old, id)?.signingPublicKey ?? '';

    expect(judgePeerSigner(old, null, somchaiId, keyOf(somchaiId)).ok).toBe(true);
    expect(judgePeerSigner(old, roster, somchaiId, keyOf(somchaiId))).toEqual({
      ok: false,
      reason: 'signer-withdrawn',
    });
    expect(judgePeerSigner(old, roster, maleeId, keyOf(maleeId)).ok).toBe(true);
    // The carried roster itself must endorse the key that signed.
    expect(judgePeerSigner(old, null, maleeId, keyOf(somchaiId))).toEqual({
      ok: false,
      reason: 'untrusted-signer',
    });
    // A newer roster carried is judged by itself, whatever older one is known.
    expect(judgePeerSigner(roster, old, maleeId, keyOf(maleeId)).ok).toBe(true);
    expect(judgePeerSigner(roster, old, somchaiId, keyOf(somchaiId)).ok).toBe(false);
  });
});
