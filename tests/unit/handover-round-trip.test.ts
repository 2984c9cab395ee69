import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptCommand } from '../../src/main/cli/commands/handover-commands';
import { verifyPdfCommand } from '../../src/main/cli/commands/referral-commands';
import { addAttachment } from '../../src/main/store/attachments';
import { exportCaseDocument } from '../../src/main/store/case-document';
import { followUpCounters } from '../../src/main/store/case-history';
import { handoversOfCase } from '../../src/main/store/handover-records';
import type { CaseDocument } from '../../src/shared/domain/case-document';
import { tempDir } from '../helpers/disk';
import {
  caseReadyFor,
  enrolOfficer,
  expectOk,
  expectRefused,
  handoverCli,
  runCommand,
  stateOf,
  type TestStoreDir,
  teamAndShelters,
  withStore,
} from '../helpers/handover-stores';

/**
 * Issue 18 end to end with real stores and the real CLI: a screening team (A) hands a demo case over
 * to a shelter (B). Keys are exchanged, the package carries the answers, the attachments and the
 * signed referral, and nothing of the case is readable in it; a third store (C) cannot open it; a
 * flipped byte, a cut file, another signature, a package sealed to C and an unknown sender are each
 * refused with B unchanged; receiving twice is refused.
 */

let root: string;
let team: TestStoreDir;
let shelter: TestStoreDir;
let third: TestStoreDir;
/** Directory ids in the team's store. */
let shelterAtTeam: string;
let thirdAtTeam: string;
let caseId: string;
let caseForThird: string;
let pkg: string;
let pkgSha: string;
const PHOTO = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));
const NOTE = Buffer.from('Statement typed by the interpreter: the broker kept the passport.', 'utf8');

const cli = handoverCli;

beforeAll(async () => {
  root = tempDir('fs-handover-');
  const stores = await teamAndShelters(root, {
    shelter: { name: 'Songkhla shelter', province: 'Songkhla' },
    // The third store does not take the team into its own directory.
    third: { name: 'Ranong shelter', province: 'Ranong', knowsTeam: false },
  });
  ({ team } = stores);
  ({ store: shelter, atTeam: shelterAtTeam } = stores.shelter);
  ({ store: third, atTeam: thirdAtTeam } = stores.third);

  caseId = await caseReadyFor(root, team, shelterAtTeam, 'my');
  await withStore(team, (session) => {
    addAttachment(session, { caseId, fileName: 'photo.jpg', mediaType: 'image/jpeg', content: PHOTO });
    addAttachment(session, { caseId, fileName: 'statement.txt', mediaType: 'text/plain', content: NOTE });
  });
  caseForThird = await caseReadyFor(root, team, thirdAtTeam, 'km');
  pkg = join(root, 'case.fshandover');
  const made = expectOk(await cli.handover(team, caseId, shelterAtTeam, pkg));
  pkgSha = made.value('sha256') ?? '';
  expect(pkgSha).toMatch(/^[0-9a-f]{64}$/);
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a case handed over from a screening team to a shelter', () => {
  it('nothing of the case is readable in the package', async () => {
    const bytes = readFileSync(pkg);
    const doc = await withStore(team, (session) => exportCaseDocument(session, caseId));
    const person = doc.persons[0]?.nameOrAlias ?? '';
    const answerTexts = doc.interviews
      .flatMap((iv) => iv.answers)
      .flatMap((a) => {
        const v = a.value as { kind?: string; value?: unknown } | null;
        return v?.kind === 'text' && typeof v.value === 'string' ? [v.value] : [];
      });
    const markers = [
      person,
      doc.case.reference,
      doc.case.place.name,
      doc.case.vessel?.name ?? '',
      ...answerTexts,
    ];
    expect(markers.filter((m) => m.length > 3)).not.toHaveLength(0);
    for (const m of markers.filter((x) => x.length > 3)) {
      expect(bytes.includes(Buffer.from(m, 'utf8')), m).toBe(false);
      expect(bytes.includes(Buffer.from(m, 'utf16le')), m).toBe(false);
    }
    expect(bytes.includes(NOTE)).toBe(false);
    expect(bytes.includes(PHOTO.subarray(0, 64))).toBe(false);
  });

  it('the handover is audited with the package hash on the team side', async () => {
    const row = await withStore(team, (session) =>
      session.read((db) => db.prepare("SELECT * FROM handovers WHERE direction = 'sent'").get()),
    );
    expect(row).toMatchObject({ case_id: caseId, package_sha256: pkgSha, agency_id: shelterAtTeam });
  });

  it('a third store cannot open it: it is for another agency', async () => {
    const before = await stateOf(third);
    expectRefused(await cli.receive(third, pkg), 'another-recipient');
    expect(await stateOf(third)).toEqual(before);
  });

  it('a flipped byte anywhere, a cut file and another signature are refused, the shelter unchanged', async () => {
    const before = await stateOf(shelter);
    const bytes = readFileSync(pkg);
    const headerEnd = 28 + bytes.readUInt32BE(24);
    const attempts: [string, Buffer, string[]][] = [
      [
        'header byte',
        flip(bytes, 60),
        ['not-a-package', 'another-recipient', 'untrusted-sender', 'bad-signature'],
      ],
      ['body byte', flip(bytes, headerEnd + 1000), ['bad-signature']],
      ['last body byte', flip(bytes, bytes.length - 70), ['bad-signature']],
      ['signature byte', flip(bytes, bytes.length - 5), ['bad-signature']],
      ['cut in the body', bytes.subarray(0, Math.floor(bytes.length / 2)), ['truncated']],
      ['cut at the signature', bytes.subarray(0, bytes.length - 68), ['truncated']],
      ['one byte short', bytes.subarray(0, bytes.length - 1), ['truncated', 'bad-signature']],
      ['re-signed by another key', resigned(bytes), ['bad-signature']],
    ];
    for (const [what, changed, reasons] of attempts) {
      const file = join(root, `attack-${what.replace(/ /g, '-')}.fshandover`);
      writeFileSync(file, changed);
      const run = await cli.receive(shelter, file);
      expect(run.code, what).toBe(1);
      const reason = run.err.find((l) => l.startsWith('reason: '))?.slice(8) ?? run.err.join(' ');
      expect(reasons, `${what}: ${reason}`).toContain(reason);
    }
    expect(await stateOf(shelter)).toEqual(before);
  });

  it('a case goes only to the agency its consent names, and only to an agency whose key was imported', async () => {
    const before = await stateOf(team);
    const out = join(root, 'not-consented.fshandover');
    const refused = await cli.handover(team, caseId, thirdAtTeam, out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: VALIDATION');
    expect(refused.err.join('\n')).toMatch(/message: The person consented to another receiver/);
    expect(refused.err).toContain(`consented-to: Songkhla shelter (--to ${shelterAtTeam})`);
    expect(existsSync(out)).toBe(false);
    expect(await stateOf(team)).toEqual(before);
  });

  it('a package sealed to the third store, its recipient rewritten to the shelter, is refused', async () => {
    const before = await stateOf(shelter);
    const other = join(root, 'for-third-swapped.fshandover');
    expectOk(await cli.handover(team, caseForThird, thirdAtTeam, other));
    const bytes = readFileSync(other);
    const headerLength = bytes.readUInt32BE(24);
    const header = JSON.parse(bytes.subarray(28, 28 + headerLength).toString('utf8'));
    const shelterHeader = JSON.parse(
      readFileSync(pkg)
        .subarray(28, 28 + headerLength)
        .toString('utf8'),
    );
    const swapped = Buffer.from(JSON.stringify({ ...header, recipient: shelterHeader.recipient }), 'utf8');
    expect(swapped.length).toBe(headerLength);
    writeFileSync(other, Buffer.concat([bytes.subarray(0, 28), swapped, bytes.subarray(28 + headerLength)]));
    expectRefused(await cli.receive(shelter, other), 'bad-signature');
    expect(await stateOf(shelter)).toEqual(before);
  });

  it('a package the team sealed to the third store is refused by the shelter', async () => {
    const before = await stateOf(shelter);
    const other = join(root, 'for-third.fshandover');
    expectOk(await cli.handover(team, caseForThird, thirdAtTeam, other));
    expectRefused(await cli.receive(shelter, other), 'another-recipient');
    expect(await stateOf(shelter)).toEqual(before);
  });

  it('a package from a store the shelter never imported a key of is refused as an unknown sender', async () => {
    const before = await stateOf(shelter);
    const shelterAtThird =
      expectOk(await cli.importKey(third, join(root, 'shelter.fskey'))).value('agency-id') ?? '';
    const id = await caseReadyFor(root, third, shelterAtThird, 'lo');
    const file = join(root, 'from-third.fshandover');
    expectOk(await cli.handover(third, id, shelterAtThird, file));
    expectRefused(await cli.receive(shelter, file), 'untrusted-sender');
    expect(await stateOf(shelter)).toEqual(before);
  });

  it('the shelter receives it: the same answers, byte-identical attachments, the referral verifying', async () => {
    const run = expectOk(await cli.receive(shelter, pkg));
    expect(run.value('case-id')).toBe(caseId);
    expect(run.value('sha256')).toBe(pkgSha);
    expect(run.value('from-agency')).toBe('Port screening team');
    expect(run.value('from-officer')).toBe(team.displayName);
    expect(run.value('referral')).toMatch(/^valid, trusted/);
    expect(run.value('audit-appendix')).toMatch(/, 0 problems$/);

    const sent = await withStore(team, (session) => exportCaseDocument(session, caseId));
    const got = await withStore(shelter, (session) => exportCaseDocument(session, caseId));
    expect(answersOf(got)).toEqual(answersOf(sent));
    expect(got.persons.map((p) => p.nameOrAlias)).toEqual(sent.persons.map((p) => p.nameOrAlias));
    expect(got.followUps).toEqual(sent.followUps);
    expect(got.notes.map((n) => n.body)).toEqual(sent.notes.map((n) => n.body));
    expect(contents(got)).toEqual(contents(sent));
    expect(contents(got).find((a) => a.fileName === 'photo.jpg')?.content).toBe(PHOTO.toString('base64'));

    // The referral PDF as the shelter holds it verifies against the shelter's trust list.
    const referral = got.attachments.find((a) => a.mediaType === 'application/pdf');
    const pdf = join(root, 'received-referral.pdf');
    writeFileSync(pdf, Buffer.from(referral?.contentBase64 ?? '', 'base64'));
    const verified = await runCommand(verifyPdfCommand, [pdf, '--data', shelter.dir, '--user', shelter.user]);
    expect(verified.code, verified.out.join('\n')).toBe(0);
  });

  it('receiving it twice is refused and changes nothing', async () => {
    const before = await stateOf(shelter);
    expectRefused(await cli.receive(shelter, pkg), 'already-received');
    expect(await stateOf(shelter)).toEqual(before);
  });
});

describe('an officer hands a case over', () => {
  it('with their own endorsed key; the shelter names the officer as the team store certified them', async () => {
    const malee = { user: 'malee', passphrase: 'officer own passphrase' };
    await enrolOfficer(team, { ...malee, displayName: 'Malee Officer' });
    const id = await caseReadyFor(root, team, shelterAtTeam, 'vi');
    const file = join(root, 'by-officer.fshandover');
    expectOk(await cli.handover(team, id, shelterAtTeam, file, malee));
    const got = expectOk(await cli.receive(shelter, file));
    expect(got.value('from-officer')).toBe('Malee Officer');
    // An officer cannot receive: the agency key is the store's (supervisors and the recovery key).
    const refused = await cli.receive(team, file, malee);
    expect(refused.err).toContain('error: FORBIDDEN_ROLE');
  });
});

describe('the receipt', () => {
  it('the shelter signs a receipt; the team imports it, the case says received, the counters run from it', async () => {
    const receipt = join(root, 'case.fsreceipt');
    expectOk(
      await runCommand(receiptCommand, [
        '--data',
        shelter.dir,
        '--user',
        shelter.user,
        caseId,
        '--out',
        receipt,
      ]),
    );
    const text = readFileSync(receipt, 'utf8');
    const before = await stateOf(team);

    const changed = join(root, 'changed.fsreceipt');
    const file = JSON.parse(text) as { text: string; signature: string; signingPublicKey: string };
    writeFileSync(
      changed,
      JSON.stringify({ ...file, text: file.text.replace(/"receivedAt":"\d{4}/, '"receivedAt":"2001') }),
    );
    const refused = await runCommand(receiptCommand, [
      'import',
      '--data',
      team.dir,
      '--user',
      team.user,
      changed,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: SIGNATURE_INVALID');
    expect(refused.err.join('\n')).toMatch(/message: This receipt is not valid/);

    // Signed again by a key the shelter's roster does not endorse.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const resignedReceipt = join(root, 'resigned.fsreceipt');
    writeFileSync(
      resignedReceipt,
      JSON.stringify({
        text: file.text,
        signature: sign(
          null,
          Buffer.from(`fieldscreen.handover-receipt.v1\n${file.text}`, 'utf8'),
          privateKey,
        ).toString('base64'),
        signingPublicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      }),
    );
    const untrusted = await runCommand(receiptCommand, [
      'import',
      '--data',
      team.dir,
      '--user',
      team.user,
      resignedReceipt,
    ]);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err.join('\n')).toMatch(
      /message: This receipt is signed by someone this store does not trust/,
    );
    expect(await stateOf(team)).toEqual(before);

    const imported = expectOk(
      await runCommand(receiptCommand, ['import', '--data', team.dir, '--user', team.user, receipt]),
    );
    expect(imported.value('case-id')).toBe(caseId);
    expect(imported.value('received-by')).toBe(`Songkhla shelter (${shelter.displayName})`);
    await withStore(team, (session) => {
      const view = handoversOfCase(session, caseId);
      const sent = view.records.find((r) => r.direction === 'sent' && r.packageSha256 === pkgSha);
      expect(sent?.receipt?.by).toBe(shelter.displayName);
      const counters = followUpCounters(session, caseId);
      expect(counters.source).toBe('received');
      expect(counters.referredAt).toBe(sent?.receipt?.at);
    });
    // Imported again: nothing changes.
    const again = expectOk(
      await runCommand(receiptCommand, ['import', '--data', team.dir, '--user', team.user, receipt]),
    );
    expect(again.out.join('\n')).toMatch(/imported before/);
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const out = Buffer.from(bytes);
  out[at] = (out[at] ?? 0) ^ 0x40;
  return out;
}

/** The same bytes with the trailer's signature replaced by one from another Ed25519 key. */
function resigned(bytes: Buffer): Buffer {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signature = sign(null, bytes.subarray(0, bytes.length - 68), privateKey);
  return Buffer.concat([bytes.subarray(0, bytes.length - 64), signature]);
}

function answersOf(doc: CaseDocument) {
  return doc.interviews.map((iv) => ({
    tier: iv.tier,
    answers: iv.answers.map((a) => ({ q: a.questionId, v: a.value, wording: a.wording })),
  }));
}

function contents(doc: CaseDocument) {
  return doc.attachments
    .map((a) => ({ fileName: a.fileName, sha256: a.sha256, content: a.contentBase64 }))
    .sort((x, y) => x.fileName.localeCompare(y.fileName));
}
