import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  callValue,
  expectAccessible,
  fontsReady,
  openOwnAs,
  overflowingElements,
  ownServerForFile,
  SUPERVISOR,
  screenThroughIpc,
  shotPath,
} from './helpers';

/**
 * Issue 18: a case handed over between two FieldScreen stores. The app under test (the preview) is
 * the shelter; the screening team is a second, real store driven through the real CLI. Keys are
 * exchanged through the Agency keys panel, at 1280x720.
 */
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1280, height: 720 } });

const server = ownServerForFile('handover');
const TEAM_PASS = 'team supervisor passphrase';
let teamDir = '';
/** The team's demo cases, by interviewee language. */
let demoCases: Record<string, string> = {};

/** The real CLI (the build's out/main/cli.js) as the team's supervisor; its `key: value` lines. */
function cli(args: string[]): { code: number; facts: Record<string, string>; err: string; out: string } {
  const r = spawnSync(process.execPath, ['out/main/cli.js', ...args], {
    env: { ...process.env, FIELDSCREEN_PASSPHRASE: TEAM_PASS, FIELDSCREEN_LANG: 'en' },
    encoding: 'utf8',
  });
  const facts: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) facts[line.slice(0, at)] ??= line.slice(at + 2);
  }
  return { code: r.status ?? -1, facts, err: r.stderr, out: r.stdout };
}

async function shot(page: Page, name: string) {
  await fontsReady(page);
  expect(await overflowingElements(page), name).toEqual([]);
  await expectAccessible(page, name);
  await page.screenshot({ path: shotPath(`handover-${name}`), fullPage: false });
}

test.beforeAll(() => {
  teamDir = mkdtempSync(join(tmpdir(), 'fieldscreen-e2e-handover-team-'));
  // A new store with fictional cases and the demo agency: the screening team.
  const made = cli(['demo', '--data', join(teamDir, 'store'), '--user', 'teamsup']);
  expect(made.code, made.err).toBe(0);
  demoCases = Object.fromEntries(
    [...made.out.matchAll(/^case-id: (\S+) lang: (\S+)$/gm)].map((m) => [m[2] ?? '', m[1] ?? '']),
  );
});
test.afterAll(() => rmSync(teamDir, { recursive: true, force: true }));

test('agency keys are exchanged through the panel, the short fingerprints match on both sides', async ({
  page,
}) => {
  await openOwnAs(page, server, SUPERVISOR);
  await callValue(page, 'admin.settings.update', {
    agency: {
      name: 'Songkhla Welfare Protection Centre',
      unit: 'Shelter',
      province: 'สงขลา',
      address: '1 Road',
      phone: '074-000-000',
      letterPrefix: '',
    },
  });
  const teamKey = cli([
    'agency-key',
    'export',
    '--data',
    join(teamDir, 'store'),
    '--user',
    'teamsup',
    '--out',
    join(server.exportDir, 'team.fskey'),
  ]);
  expect(teamKey.code, teamKey.err).toBe(0);

  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-settings').click();
  const panel = page.getByTestId('agency-keys');
  await expect(panel).toBeVisible();
  const ownShort = (await page.getByTestId('agency-key-own-short').textContent()) ?? '';
  expect(ownShort).toMatch(/^[0-9A-F]{4} [0-9A-F]{4}$/);

  await panel.getByTestId('agency-key-files').getByRole('button', { name: 'team.fskey' }).click();
  await expect(page.getByTestId('agency-key-short')).toHaveText(teamKey.facts['short-fingerprint'] ?? '');
  await page.getByTestId('agency-key-kind').selectOption('mdt');
  await expect(page.getByTestId('agency-key-import')).toBeDisabled();
  await page.getByTestId('agency-key-compared').check();
  await page.getByTestId('agency-key-confirm').scrollIntoViewIfNeeded();
  await shot(page, 'key-compare');
  await page.getByTestId('agency-key-import').click();
  await expect(page.getByTestId('agency-key-imported')).toBeVisible();
  const entry = page.locator('[data-testid^="directory-agency-key-"]');
  await expect(entry).toContainText(teamKey.facts['short-fingerprint'] ?? '');

  // This store's key, exported here and imported by the team's supervisor: the same short fingerprint.
  await page.getByTestId('agency-key-export').click();
  await expect(page.getByTestId('agency-key-exported')).toContainText(ownShort);
  const file = readdirSync(server.exportDir).find((f) => f.startsWith('agency-') && f.endsWith('.fskey'));
  expect(file).toBeTruthy();
  const imported = cli([
    'directory',
    'import-key',
    '--data',
    join(teamDir, 'store'),
    '--user',
    'teamsup',
    '--kind',
    'mdt',
    join(server.exportDir, file ?? ''),
  ]);
  expect(imported.code, imported.err).toBe(0);
  expect(imported.facts['short-fingerprint']).toBe(ownShort);
});

test('the case page hands a case over to the team, whose store receives it', async ({ page }) => {
  test.setTimeout(180_000);
  await openOwnAs(page, server, SUPERVISOR);
  const status = await callValue<{ imported: { agencyId: string }[] }>(page, 'admin.agencyKey.status', {});
  const teamEntry = status.imported[0]?.agencyId ?? '';
  const made = await callValue<{ id: string; persons: { id: string }[] }>(page, 'cases.create', {
    place: { kind: 'port', name: 'Songkhla fishing port', province: 'สงขลา' },
    screeningDate: new Date().toISOString().slice(0, 10),
    person: { nameOrAlias: 'Handover Marker Person' },
  });
  await screenThroughIpc(
    page,
    { caseId: made.id, personId: made.persons[0]?.id ?? '', receiver: { contactId: teamEntry } },
    { close_referral_consent: { kind: 'choice', value: 'yes' } },
  );
  await callValue(page, 'referral.export', {
    caseId: made.id,
    receivingAgency: 'team',
    contactId: teamEntry,
    officerPosition: 'Social worker',
  });

  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('nav-cases').click();
  await page
    .getByTestId('case-row')
    .filter({ hasText: 'Handover Marker Person' })
    .getByTestId('open-case')
    .first()
    .click();
  const panel = page.getByTestId('handover-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('handover-target').selectOption(teamEntry);
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'case-page-before');
  await panel.getByTestId('handover-send').click();
  await expect(panel.getByTestId('handover-sent-notice')).toContainText('.fshandover');
  await expect(panel.getByTestId('handover-sent')).toContainText('No receipt from the agency yet.');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'case-page-sent');

  const file = readdirSync(server.exportDir).find((f) => f.endsWith('.fshandover'));
  expect(file).toBeTruthy();
  const received = cli([
    'receive',
    '--data',
    join(teamDir, 'store'),
    '--user',
    'teamsup',
    join(server.exportDir, file ?? ''),
  ]);
  expect(received.code, received.err).toBe(0);
  expect(received.facts['case-id']).toBe(made.id);
  expect(received.facts['from-officer']).toBe(SUPERVISOR.name);

  // The team's receipt, imported on the case page: "received by", and the follow-up periods run from it.
  const receipt = cli([
    'receipt',
    '--data',
    join(teamDir, 'store'),
    '--user',
    'teamsup',
    made.id,
    '--out',
    join(server.exportDir, 'team-receipt.fsreceipt'),
  ]);
  expect(receipt.code, receipt.err).toBe(0);
  await panel.getByTestId('handover-import-receipt').click();
  await panel
    .getByTestId('handover-receipt-files')
    .getByRole('button', { name: 'team-receipt.fsreceipt' })
    .click();
  await expect(panel.getByTestId('handover-receipt-note')).toContainText('Receipt imported');
  await expect(panel.getByTestId('handover-receipt')).toContainText('Received by');
  await expect(page.getByTestId('followups-referred')).toContainText('Received by the agency on');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'case-page-receipt');
});

test('Cases → Receive a case opens a package the team sealed to this store', async ({ page }) => {
  test.setTimeout(180_000);
  // The team's side: its demo case (consent to a multidisciplinary team), a referral to this store's
  // entry in its directory, and the package, left in this store's export folder.
  const store = join(teamDir, 'store');
  const listed = cli(['directory-trust', '--data', store, '--user', 'teamsup']);
  const entry = /^agency: (\S+) Songkhla Welfare Protection Centre$/m.exec(listed.out)?.[1] ?? '';
  expect(entry, listed.out).not.toBe('');
  const caseId = demoCases.my ?? '';
  const referral = cli([
    'referral',
    '--data',
    store,
    '--user',
    'teamsup',
    caseId,
    '--out',
    join(teamDir, 'referral.pdf'),
    '--position',
    'Labour inspector',
    '--contact-id',
    entry,
  ]);
  expect(referral.code, referral.err).toBe(0);
  const sealed = cli([
    'handover',
    '--data',
    store,
    '--user',
    'teamsup',
    caseId,
    '--to',
    entry,
    '--out',
    join(server.exportDir, 'from-team.fshandover'),
  ]);
  expect(sealed.code, sealed.err).toBe(0);

  await openOwnAs(page, server, SUPERVISOR);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-receive').click();
  const screen = page.getByTestId('receive-screen');
  await expect(screen).toBeVisible();
  await screen.getByTestId('receive-files').getByRole('button', { name: 'from-team.fshandover' }).click();
  await expect(screen.getByTestId('receive-confirm')).toBeVisible();
  await shot(page, 'receive-chosen');
  await screen.getByTestId('receive-submit').click();
  await expect(screen.getByTestId('receive-done')).toContainText('ศูนย์ฝึกอบรม FieldScreen (สาธิต)');
  await shot(page, 'receive-done');

  // Again: refused, said in words, nothing changed.
  await screen.getByRole('button', { name: 'Receive another' }).click();
  await screen.getByTestId('receive-files').getByRole('button', { name: 'from-team.fshandover' }).click();
  await screen.getByTestId('receive-submit').click();
  await expect(screen.getByTestId('error')).toContainText('was received here before');

  await screen
    .getByRole('button', { name: 'Receive another' })
    .or(screen.getByTestId('receive-back'))
    .first()
    .click();
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('cases-receive').click();
  await expect(page.getByTestId('receive-screen')).toBeVisible();
  const opened = await callValue<{ records: { direction: string }[] }>(page, 'handover.ofCase', { caseId });
  expect(opened.records.map((r) => r.direction)).toEqual(['received']);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').filter({ hasText: 'ကိုအောင်' }).getByTestId('open-case').first().click();
  await expect(page.getByTestId('handover-received')).toContainText('Received from');
  await page.getByTestId('handover-panel').scrollIntoViewIfNeeded();
  await shot(page, 'case-received');
});
