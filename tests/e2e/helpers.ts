import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { neutralAnswer } from '../../src/main/demo/defaults';
import {
  type ConsentReceiverChoice,
  isReferralConsentQuestion,
} from '../../src/shared/domain/consent-receiver';
import { type Answers, findQuestion, INSTRUMENT, type Tier } from '../../src/shared/instrument';
import { planInterview } from '../../src/shared/screening';

export const TOKEN = process.env.FIELDSCREEN_E2E_TOKEN ?? '';
export const DATA_DIR = process.env.FIELDSCREEN_E2E_DATA ?? '';
export const EXPORT_DIR = process.env.FIELDSCREEN_E2E_EXPORTS ?? '';
const RECOVERY_KEY_FILE = `${DATA_DIR}.recovery-key`;

/** The recovery key of this run's store (whichever spec file set it up). */
export function recoveryKeyOfRun(): string {
  return readFileSync(RECOVERY_KEY_FILE, 'utf8').trim();
}

/** Opens the app the way the preview's printed URL does: token in the fragment. */
export async function openApp(page: Page) {
  await page.goto(`/#token=${TOKEN}`);
  await expect(page.locator('.app-header')).toBeVisible();
}

/** Waits until every bundled font face the page uses has loaded (no fallback, no boxes). */
export async function fontsReady(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** No serious or critical axe violation on the page as it is now (or inside the `only` selectors). */
export async function expectAccessible(page: Page, screen: string, only: string[] = []) {
  await fontsReady(page);
  const result = await only
    .reduce((axe, selector) => axe.include(selector), new AxeBuilder({ page }))
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

export function shotPath(name: string) {
  return `test-results/screenshots/${name}.png`;
}

export const SUPERVISOR = { name: 'Somchai Jaidee', user: 'somchai', pass: 'correct horse battery staple' };
export const OFFICER = { name: 'Malee Officer', user: 'malee', pass: 'officer passphrase 1' };

/**
 * All spec files share one preview server and data folder: whichever runs first sets the store up.
 * This signs in as the supervisor from either state and returns the recovery key when it was shown.
 */
export async function ensureSignedIn(
  page: Page,
  options: { keepRecoveryKey?: boolean } = {},
): Promise<string | null> {
  await expect(
    page
      .locator('[data-testid="setup-username"], [data-testid="unlock-username"], [data-testid="who"]')
      .first(),
  ).toBeVisible();
  if (await page.getByTestId('who').isVisible()) return null;
  if (await page.getByTestId('setup-username').isVisible()) {
    await page.getByTestId('setup-display-name').fill(SUPERVISOR.name);
    await page.getByTestId('setup-username').fill(SUPERVISOR.user);
    await page.getByTestId('setup-passphrase').fill(SUPERVISOR.pass);
    await page.getByTestId('setup-confirm').fill(SUPERVISOR.pass);
    await page.screenshot({ path: shotPath('setup') });
    await page.getByTestId('setup-submit').click();
    const key = ((await page.getByTestId('recovery-key').textContent()) ?? '').replace(/[^0-9a-f]/gi, '');
    expect(key).toMatch(/^[0-9a-f]{64}$/i);
    await page.screenshot({ path: shotPath('recovery-key') });
    // The key is shown once; the officer must confirm it is written down before going on.
    await page.getByTestId('recovery-continue').click();
    await expect(page.getByTestId('recovery-stored')).toBeFocused();
    await expect(page.getByTestId('recovery-stored')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('who')).toHaveCount(0);
    await page.getByTestId('recovery-stored').check();
    await page.getByTestId('recovery-continue').click();
    await expect(page.getByTestId('who')).toBeVisible();
    // Later spec files in this run need the key to read the store directly (test-only file in /tmp).
    if (options.keepRecoveryKey ?? true) writeFileSync(RECOVERY_KEY_FILE, key, { mode: 0o600 });
    return key;
  }
  await page.getByTestId('unlock-username').fill(SUPERVISOR.user);
  await page.getByTestId('unlock-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('who')).toBeVisible();
  return null;
}

/** Elements of the main containers whose content is wider than their box (clipped or overflowing). */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors =
      '.app-header, .app-main, .panel, .question, .interview-bar, .field, .choices, .row, table, button, label';
    const bad: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1)
      bad.push(`document ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selectors))) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 2) {
        const id = el.getAttribute('data-testid') ?? el.className ?? el.tagName;
        bad.push(`${el.tagName.toLowerCase()}.${id}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return bad;
  });
}

/** With the text at 150%, the main container (and the page) never scrolls sideways (screenshot `shot`-150pct). */
export async function expectNoOverflowAtLargeText(page: Page, shot: string) {
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '150%';
  });
  await fontsReady(page);
  const overflow = await page.evaluate(() => {
    const main = document.getElementById('main');
    const out: string[] = [];
    if (main && main.scrollWidth > main.clientWidth + 1)
      out.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`page ${doc.scrollWidth} > ${window.innerWidth}`);
    return out;
  });
  await page.screenshot({ path: shotPath(`${shot}-150pct`), fullPage: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  expect(overflow, `horizontal overflow at 150% text on ${shot}`).toEqual([]);
}

/** A local calendar day this many days from today (default: today), YYYY-MM-DD as the date box takes it. */
export function localDay(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The new case form's fields, by test id. */
export type NewCaseFields = Partial<
  Record<
    | 'place-name'
    | 'province'
    | 'screening-date'
    | 'vessel-name'
    | 'vessel-registration'
    | 'person-name'
    | 'nationality',
    string
  >
>;

/** Creates a case on the new case screen, its fields filled in the order given; ends on the case page. */
export async function newCaseOnScreen(page: Page, fields: NewCaseFields) {
  await page.getByTestId('nav-new-case').click();
  for (const [testId, value] of Object.entries(fields)) await page.getByTestId(testId).fill(value);
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('case-page')).toBeVisible();
}

export interface OwnServer {
  base: string;
  token: string;
  exportDir: string;
  stop: () => Promise<void>;
}

/**
 * A preview server of a spec file's own, on a fresh data folder and a random port, for specs that need
 * a fresh store or a test-only option (e.g. a short idle lock) whatever order the files run in.
 */
export async function startOwnServer(name: string, extraArgs: string[] = []): Promise<OwnServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `fieldscreen-e2e-${name}-`));
  const exportDir = mkdtempSync(join(tmpdir(), `fieldscreen-e2e-${name}-exports-`));
  const token = `${name}-${process.pid}-${Date.now()}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['out/main/preview.js', '--port', '0', '--data', dataDir, '--export-dir', exportDir, ...extraArgs],
    { env: { ...process.env, FIELDSCREEN_PREVIEW_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('preview server did not start')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /Open: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`preview server exited (${code})`)));
  });
  return {
    base,
    token,
    exportDir,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(exportDir, { recursive: true, force: true });
    },
  };
}

/**
 * The spec file's own server: started before its first test, stopped after its last. The object is
 * filled in by the beforeAll hook, so read its fields inside tests only.
 */
export function ownServerForFile(name: string, extraArgs: string[] = []): OwnServer {
  const server = {} as OwnServer;
  test.beforeAll(async () => {
    Object.assign(server, await startOwnServer(name, extraArgs));
  });
  test.afterAll(async () => {
    await server.stop?.();
  });
  return server;
}

/** Opens the app served by an own server, the way its printed URL does (token in the fragment). */
export async function openOwn(page: Page, server: Pick<OwnServer, 'base' | 'token'>) {
  await page.goto(`${server.base}/#token=${server.token}`);
  await expect(page.locator('.app-header')).toBeVisible();
}

/** Signs in as `who` from whatever the app shows: first-run setup, the unlock screen, or someone signed in. */
export async function signInAs(page: Page, who: { name: string; user: string; pass: string }) {
  const setup = page.getByTestId('setup-username');
  const unlock = page.getByTestId('unlock-username');
  const signedIn = page.getByTestId('who');
  await expect(setup.or(unlock).or(signedIn)).toBeVisible();
  if (await signedIn.isVisible()) {
    // The header can still show the previous user for a moment after a lock (then it goes, and the
    // unlock screen comes): only switch if someone else is still signed in.
    const text = await signedIn.textContent({ timeout: 2_000 }).catch(() => null);
    if (text?.includes(who.name) && (await signedIn.isVisible())) return;
    const switchUser = page.getByTestId('switch-user');
    // (It may go while being clicked: the lock was already under way. A click the page took before it
    // was ready is made again.)
    for (let attempt = 0; attempt < 3 && text !== null && !(await unlock.isVisible()); attempt++) {
      if (await switchUser.isVisible()) await switchUser.click({ timeout: 2_000 }).catch(() => undefined);
      // Locking closes the store (a WAL checkpoint on disk): seconds on a busy machine.
      await unlock.waitFor({ state: 'visible', timeout: 8_000 }).catch(() => undefined);
    }
    await expect(unlock).toBeVisible({ timeout: 10_000 });
  }
  if (await setup.isVisible()) {
    await page.getByTestId('setup-display-name').fill(who.name);
    await setup.fill(who.user);
    await page.getByTestId('setup-passphrase').fill(who.pass);
    await page.getByTestId('setup-confirm').fill(who.pass);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('recovery-stored').check();
    await page.getByTestId('recovery-continue').click();
  } else {
    await unlock.fill(who.user);
    await page.getByTestId('unlock-passphrase').fill(who.pass);
    await page.getByTestId('unlock-submit').click();
  }
  // Sign-in derives a strong Argon2id key (and may endorse keys): seconds on a busy machine.
  await expect(signedIn).toContainText(who.name, { timeout: 20_000 });
}

/** The passphrase a supervisor gives a new account; the person replaces it at first sign-in. */
export const givenPass = (own: string) => `given to me: ${own}`;

/**
 * A person signs in for the first time with the passphrase a supervisor gave them and chooses their
 * own (`who.pass`) on the screen that comes first; ends signed in as them.
 */
export async function takeUpAccount(page: Page, who: { name: string; user: string; pass: string }) {
  await signInAs(page, { ...who, pass: givenPass(who.pass) });
  await expect(page.getByTestId('first-passphrase')).toBeVisible();
  await page.getByTestId('account-current').fill(givenPass(who.pass));
  await page.getByTestId('account-new-passphrase').fill(who.pass);
  await page.getByTestId('account-new-confirm').fill(who.pass);
  await page.getByTestId('account-change-submit').click();
  // New keys are made here (an RSA referral key among them): seconds on a busy machine.
  await expect(page.getByTestId('nav-cases')).toBeVisible({ timeout: 30_000 });
}

/** Opens an own server's app in `lng` and signs `who` in: how most tests begin. */
export async function openOwnAs(
  page: Page,
  server: Pick<OwnServer, 'base' | 'token'>,
  who: { name: string; user: string; pass: string },
  lng: 'en' | 'th' = 'en',
) {
  await openOwn(page, server);
  await setUiLanguage(page, lng);
  await signInAs(page, who);
}

/** Switches the officer's UI language and waits until the page and its fonts follow. */
export async function setUiLanguage(page: Page, lng: 'en' | 'th') {
  await page.getByTestId('ui-language').selectOption(lng);
  await expect(page.locator('html')).toHaveAttribute('lang', lng);
  await fontsReady(page);
}

export type CallReply<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; messageKey?: string } };

/** Calls a channel from the page, exactly as the renderer does. */
export function callFromPage<T = unknown>(page: Page, channel: string, request: unknown) {
  return page.evaluate(
    ([c, r]) =>
      (
        window as unknown as { fieldscreen: { call: (c: string, r: unknown) => Promise<unknown> } }
      ).fieldscreen.call(c as string, r),
    [channel, request] as const,
  ) as Promise<CallReply<T>>;
}

/** The value of a call from the page that must succeed. */
export async function callValue<T = unknown>(page: Page, channel: string, request: unknown): Promise<T> {
  const r = await callFromPage<T>(page, channel, request);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return (r as { ok: true; value: T }).value;
}

/**
 * Screens a case through the same channels the interview screen uses: each question the plan asks
 * next, answered from `answers` or neutrally (an adult of 30 unless the answers say otherwise), then
 * completed. Main then sets the case's result and status. Returns the answers given.
 */
export async function screenThroughIpc(
  page: Page,
  target: {
    caseId: string;
    personId?: string;
    lang?: string;
    /** The officer's language for the interview (default English). */
    officerLang?: string;
    tier?: Tier;
    /** Named with referral consent (default: a multidisciplinary team, the kind). */
    receiver?: ConsentReceiverChoice;
  },
  answers: Answers = {},
): Promise<Answers> {
  const tier = target.tier ?? 'short';
  const interview = await callValue<{ id: string }>(page, 'interview.start', {
    caseId: target.caseId,
    ...(target.personId ? { personId: target.personId } : {}),
    instrumentId: INSTRUMENT.id,
    instrumentVersion: INSTRUMENT.version,
    tier,
    intervieweeLanguage: target.lang ?? 'my',
    officerLanguage: target.officerLang ?? 'en',
  });
  const script: Answers = { id_age: { kind: 'number', value: 30 }, ...answers };
  const given: Answers = {};
  for (let seq = 1; ; seq++) {
    const next = planInterview(INSTRUMENT, given, tier).nextQuestionId;
    const question = next ? findQuestion(INSTRUMENT, next) : undefined;
    if (!next || !question) break;
    const value = script[next] ?? neutralAnswer(question);
    await callValue(page, 'interview.saveAnswer', {
      interviewId: interview.id,
      questionId: next,
      value,
      clientSeq: seq,
      ...(isReferralConsentQuestion(next) ? { receiver: target.receiver ?? { agencyKind: 'mdt' } } : {}),
    });
    given[next] = value;
  }
  await callValue(page, 'interview.setState', { interviewId: interview.id, state: 'completed' });
  return given;
}
