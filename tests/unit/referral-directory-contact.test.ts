import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { translatorFor } from '../../src/main/i18n/translator';
import type { Block } from '../../src/main/pdf/model';
import { buildModelForCase } from '../../src/main/referral/service';
import { listReferrals } from '../../src/main/store/referrals';
import { OFFICER, SONGKHLA_SHELTER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * A referral to an agency chosen from the directory prints that agency's contact details, as stored in
 * the settings (the renderer names the entry by id only); a typed agency prints no contact lines.
 */

const RANONG_MDT = {
  id: '0b9d7a52-55c1-4e3e-9d0a-3c2f6f1b7c02',
  name: 'Ranong MDT',
  kind: 'mdt',
  province: 'Ranong',
  phone: '077-811-222',
  email: 'mdt.ranong@example.org',
  address: '',
} as const;

let app: TestApp;
let caseId: string;
const callAs = (channel: string, payload: unknown) => app.call(channel, payload);

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, '');

const th = translatorFor('th');
/** This referral's own facts, as the referral screen asks them. */
const FACTS = { officerPosition: 'Labour inspector', confirmReceiverNamed: true };

/** The receiving agency as printed: the addressee line, then the referral grid's contact cells. */
function receivingBlock(blocks: Block[]): [string, string][] {
  const addressee = blocks.find((b) => b.kind === 'field' && b.label === th('referral:letter.to'));
  expect(addressee, 'addressee line').toBeDefined();
  const heading = blocks.findIndex(
    (b) => b.kind === 'heading' && b.text === th('referral:sections.referral'),
  );
  const grid = blocks[heading + 1];
  expect(grid?.kind, 'referral grid').toBe('fieldGrid');
  const caseCells = new Set(
    ['case.reference', 'case.screeningDate', 'case.status'].map((f) => th(`referral:fields.${f}`)),
  );
  return [
    [th('referral:letter.to'), addressee?.kind === 'field' ? addressee.value : ''],
    ...(grid?.kind === 'fieldGrid' ? grid.cells : [])
      .filter((c) => !caseCells.has(c.label))
      .map((c) => [c.label, c.value] as [string, string]),
  ];
}

async function exportAs(request: Record<string, unknown>) {
  const r = await callAs('referral.export', { caseId, ...FACTS, ...request });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  const record = (r.ok ? r.value : null) as { referral: { fileName: string; receivingAgency: string } };
  return { file: join(app.exportDir, record.referral.fileName), record: record.referral };
}

beforeAll(async () => {
  app = createTestApp('fs-ref-dir-');
  await app.initialise(SUPERVISOR);
  await app.enrol(OFFICER);
  expect(
    (
      await callAs('admin.settings.update', {
        referralDirectory: [SONGKHLA_SHELTER, RANONG_MDT],
        agency: DEMO_AGENCY,
      })
    ).ok,
  ).toBe(true);
  // The Songkhla port scenario: referral consent given, Thai and Burmese.
  const songkhla = DEMO_SCENARIOS.filter((s) => s.case.place.province === 'Songkhla');
  expect(songkhla).toHaveLength(1);
  // Consent recorded before receivers were recorded with it (so any receiver, once the officer
  // confirms naming it): this file is about the contact details printed.
  caseId = seedDemoCases(app.session(), songkhla, { consentReceiver: null })[0]?.caseId ?? '';
  // Officers make referrals: the rest runs as the officer.
  await app.signIn(OFFICER);
}, 120_000);

afterAll(() => app.close());

describe('the receiving agency from the referral directory', () => {
  it('prints the chosen entry’s province, address and phone (empty details left out)', async () => {
    const model = await buildModelForCase(app.session(), {
      caseId,
      receivingAgency: SONGKHLA_SHELTER.name,
      contactId: SONGKHLA_SHELTER.id,
      ...FACTS,
    });
    expect(receivingBlock(model.blocks)).toEqual([
      ['เรียน', `หัวหน้า${SONGKHLA_SHELTER.name}`],
      ['จังหวัด', 'สงขลา'],
      // Province and telephone share a row; the address takes the next one whole.
      ['โทรศัพท์', SONGKHLA_SHELTER.phone],
      ['ที่อยู่', SONGKHLA_SHELTER.address],
    ]);
    // An English province name prints as the Thai name; an email prints when there is one.
    const mdt = await buildModelForCase(app.session(), {
      caseId,
      receivingAgency: 'Ranong MDT',
      contactId: RANONG_MDT.id,
      contactPerson: 'Khun Suda',
      ...FACTS,
    });
    expect(receivingBlock(mdt.blocks).slice(0, 4)).toEqual([
      ['เรียน', 'Khun Suda Ranong MDT'],
      ['จังหวัด', 'ระนอง'],
      ['โทรศัพท์', RANONG_MDT.phone],
      ['อีเมล', RANONG_MDT.email],
    ]);
  });

  it('prints no contact lines for an agency typed by hand', async () => {
    const model = await buildModelForCase(app.session(), {
      caseId,
      receivingAgency: 'Songkhla Provincial Social Development Office',
      ...FACTS,
    });
    expect(receivingBlock(model.blocks)).toEqual([
      ['เรียน', 'หัวหน้าSongkhla Provincial Social Development Office'],
    ]);
  });

  it('exports a signed PDF whose text shows the chosen agency’s phone and address', async () => {
    const { file, record } = await exportAs({
      receivingAgency: SONGKHLA_SHELTER.name,
      contactId: SONGKHLA_SHELTER.id,
    });
    expect(record.receivingAgency).toBe(SONGKHLA_SHELTER.name);
    // To look at the page: KEEP_REFERRAL_PDF=/some/folder keeps a copy (pdftoppm -png -r 60 ...).
    if (process.env.KEEP_REFERRAL_PDF)
      copyFileSync(file, join(process.env.KEEP_REFERRAL_PDF, 'directory-contact.pdf'));
    const text = flat(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
    expect(text).toContain(SONGKHLA_SHELTER.phone);
    expect(text).toContain(flat(SONGKHLA_SHELTER.address));
    expect(text).toContain(flat(SONGKHLA_SHELTER.name));
    const sig = run('pdfsig', [file]);
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('Total document signed');
    run('qpdf', ['--check', file]);
    for (const line of run('pdffonts', [file]).split('\n').slice(2).filter(Boolean)) {
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('takes the name and details from the settings, not from what the screen sent', async () => {
    const { file, record } = await exportAs({
      receivingAgency: 'Some other name the screen showed',
      contactId: RANONG_MDT.id,
    });
    expect(record.receivingAgency).toBe('Ranong MDT');
    expect(listReferrals(app.session(), caseId).map((r) => r.receivingAgency)).toContain('Ranong MDT');
    const text = flat(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
    expect(text).toContain(RANONG_MDT.phone);
    expect(text).not.toContain('Some other name the screen showed');
  });

  it('refuses an entry that is not in the directory, and writes nothing', async () => {
    const before = readdirSync(app.exportDir).length;
    const r = await callAs('referral.export', {
      caseId,
      receivingAgency: 'Forged agency',
      contactId: '0b9d7a52-55c1-4e3e-9d0a-3c2f6f1b7cff',
      ...FACTS,
    });
    expect(r).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'errors.referralContactNotFound' },
    });
    expect(readdirSync(app.exportDir)).toHaveLength(before);
    // Contact details cannot ride along in the request.
    const smuggled = await callAs('referral.export', {
      caseId,
      receivingAgency: 'Forged agency',
      phone: '000',
    });
    expect(smuggled.ok === false && smuggled.error.code).toBe('VALIDATION');
  });
});
