import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  callFromPage,
  expectAccessible,
  fontsReady,
  openOwnAs,
  overflowingElements,
  ownServerForFile,
  replyValue,
  SUPERVISOR,
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

/** The real CLI (the build's out/main/cli.js) as the team's supervisor; its `key: value` lines. */
function cli(args: string[]): { code: number; facts: Record<string, string>; err: string } {
  const r = spawnSync(process.execPath, ['out/main/cli.js', ...args], {
    env: { ...process.env, FIELDSCREEN_PASSPHRASE: TEAM_PASS, FIELDSCREEN_LANG: 'en' },
    encoding: 'utf8',
  });
  const facts: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) facts[line.slice(0, at)] ??= line.slice(at + 2);
  }
  return { code: r.status ?? -1, facts, err: r.stderr };
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
});
test.afterAll(() => rmSync(teamDir, { recursive: true, force: true }));

test('agency keys are exchanged through the panel, the short fingerprints match on both sides', async ({
  page,
}) => {
  await openOwnAs(page, server, SUPERVISOR);
  await replyValue(
    callFromPage(page, 'admin.settings.update', {
      agency: {
        name: 'Songkhla Welfare Protection Centre',
        unit: 'Shelter',
        province: 'สงขลา',
        address: '1 Road',
        phone: '074-000-000',
        letterPrefix: '',
      },
    }),
  );
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
