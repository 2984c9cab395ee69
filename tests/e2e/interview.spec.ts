import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  DATA_DIR,
  EXPORT_DIR,
  ensureSignedIn,
  fontsReady,
  openApp,
  recoveryKeyOfRun,
  SUPERVISOR,
  shotPath,
} from './helpers';
import { confirmPrivacy, withInterpreterInPrivate } from './interview-flow';

const require = createRequire(__filename);

/** A Burmese fisher, deceived about pay, in debt to a broker, documents held on the boat. */
/** The shelter the person is asked to consent to be referred to (the referral directory). */
const SHELTER = {
  id: '6b0e8f2a-3c4d-4e5f-8a9b-0c1d2e3f4a51',
  name: 'บ้านพักเด็กและครอบครัวจังหวัดสมุทรสาคร',
  kind: 'shelter',
  province: 'สมุทรสาคร',
};

const SCRIPT: Record<string, { receiver?: string; click?: string; fill?: string; multi?: string[] }> = {
  safety_others_present: { click: 'answer-no' },
  safety_safe_to_talk: { click: 'answer-yes' },
  consent_explained: { click: 'option-understood' },
  consent_screening: { click: 'answer-yes' },
  health_pain_injury: { click: 'answer-no' },
  needs_danger_now: { click: 'answer-no' },
  id_nationality: { click: 'option-myanmar' },
  id_age: { fill: '29' },
  id_possibly_under_18: { click: 'option-clearly_adult' },
  rec_how_found: { click: 'option-broker_agent' },
  rec_job_as_promised: { click: 'answer-no' },
  rec_pay_as_promised: { click: 'answer-no' },
  doc_where_now: { click: 'option-employer_or_boat' },
  work_type: { click: 'option-fishing_vessel' },
  doc_can_get_back: { click: 'answer-no' },
  work_hours_per_day: { fill: '18' },
  work_paid_how: { click: 'option-paid_only_at_end' },
  ctrl_debt: { click: 'answer-yes' },
  ctrl_debt_bound: { click: 'answer-yes' },
  ctrl_when_unhappy: { multi: ['threat_to_hurt', 'fines_or_pay_cut'] },
  exit_could_leave: { click: 'answer-no' },
  exit_what_would_happen: { multi: ['debt_follows'] },
  close_rights_explained: { click: 'answer-yes' },
  close_card_given: { click: 'answer-yes' },
  close_referral_consent: { receiver: `c:${SHELTER.id}`, click: 'answer-yes' },
};

async function answerCurrent(page: Page): Promise<string> {
  const q = page.getByTestId('question');
  await expect(q).toBeVisible();
  const id = (await q.getAttribute('data-question-id')) ?? '';
  const step = SCRIPT[id];
  expect(step, `scripted answer for ${id}`).toBeTruthy();
  // Referral consent: the receiver is chosen (and named to the person) before the question is asked.
  if (step?.receiver) await page.getByTestId('consent-receiver').selectOption(step.receiver);
  if (step?.click) await page.getByTestId(step.click).click();
  if (step?.fill) {
    await page.getByTestId('answer-number').fill(step.fill);
    await page.getByTestId('answer-confirm').click();
  }
  if (step?.multi) {
    for (const o of step.multi) await page.getByTestId(`option-${o}`).check();
    await page.getByTestId('answer-confirm').click();
  }
  // Shown as saved only once the store has committed it; then the next question comes.
  await expect(page.locator(`[data-testid="given"][data-question-id="${id}"]`)).toBeAttached();
  await expect(page.locator(`[data-testid="question"][data-question-id="${id}"]`)).toHaveCount(0);
  return id;
}

test('a full short screen with an interpreter (Thai officer, Burmese interviewee), a break and a resume after lock', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await page.getByTestId('ui-language').selectOption('th');
  await page.getByTestId('interviewee-language').selectOption('my');

  // First run (or unlock, when another spec file set the store up first).
  await ensureSignedIn(page);
  const recoveryKey = recoveryKeyOfRun();
  const directory = await page.evaluate(
    (r) =>
      (
        window as unknown as { fieldscreen: { call: (c: string, r: unknown) => Promise<{ ok: boolean }> } }
      ).fieldscreen.call('admin.settings.update', r),
    { referralDirectory: [SHELTER] },
  );
  expect(directory.ok).toBe(true);

  // A case at a PIPO centre.
  await page.getByTestId('nav-new-case').click();
  await page.getByTestId('place-name').fill('ศูนย์ PIPO สมุทรสาคร');
  await page.getByTestId('province').fill('สมุทรสาคร');
  await page.getByTestId('vessel-name').fill('Sea Star 7');
  await page.getByTestId('vessel-registration').fill('SK-4411');
  await page.getByTestId('person-name').fill('Ko Aung (alias)');
  await page.getByTestId('nationality').fill('Myanmar');
  await page.screenshot({ path: shotPath('flow-03-new-case-th') });
  await page.getByTestId('create-case').click();
  await expect(page.getByTestId('case-page')).toBeVisible();

  // Before starting: interpreter declaration, a conflict warning shown, privacy checklist.
  await page.getByTestId('start-short').click();
  await page.getByTestId('bs-language').selectOption('my');
  await page.getByTestId('bs-interpreter-name').fill('Ma Hnin');
  await page.getByTestId('bs-paid').selectOption('yes');
  await expect(page.getByTestId('conflict-warning')).toBeVisible();
  await page.getByTestId('bs-paid').selectOption('no');
  await expect(page.getByTestId('conflict-warning')).toHaveCount(0);
  // The person prefers a man; a woman interpreter is flagged until the choice is honoured.
  await page.getByTestId('bs-preferred').selectOption('male');
  await page.getByTestId('bs-interpreter-gender').selectOption('female');
  await expect(page.getByTestId('interpreter-gender-warning')).toBeVisible();
  await page.getByTestId('bs-interpreter-gender').selectOption('male');
  await expect(page.getByTestId('interpreter-gender-warning')).toHaveCount(0);
  await page.getByTestId('bs-interpreter-dialect').fill('Burmese (Yangon), some Mon');
  await page.getByTestId('bs-declaration').check();
  await confirmPrivacy(page);
  await page.screenshot({ path: shotPath('flow-04-before-start-th'), fullPage: true });
  await page.getByTestId('bs-start').click();

  // Questions side by side: Thai for the officer, Burmese for the person.
  await expect(page.getByTestId('question-officer')).toHaveText(/[\u0E00-\u0E7F]/);
  await expect(page.getByTestId('question-interviewee')).toHaveText(/[\u1000-\u109F]/);
  await fontsReady(page);
  await page.screenshot({ path: shotPath('flow-05-first-question-th-my') });

  const answered: string[] = [];
  for (let i = 0; i < 9; i++) answered.push(await answerCurrent(page));
  await page.screenshot({ path: shotPath('flow-06-mid-interview-th-my') });

  // Distress: a calm screen in Burmese; continue.
  await page.getByTestId('distress').click();
  await expect(page.getByTestId('distress-screen')).toBeVisible();
  await page.screenshot({ path: shotPath('flow-07-distress-my') });
  await page.getByTestId('distress-continue').click();

  // Break, then the laptop is locked; unlock and resume at the same question.
  const pausedAt = await page.getByTestId('question').getAttribute('data-question-id');
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('paused')).toBeVisible();
  await page.getByTestId('lock').click();
  await expect(page.getByTestId('unlock-username')).toBeVisible();
  await page.getByTestId('unlock-username').fill(SUPERVISOR.user);
  await page.getByTestId('unlock-passphrase').fill('wrong passphrase');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('error')).toBeVisible();
  await page.screenshot({ path: shotPath('flow-08-unlock-wrong-th') });
  // The back-off after one failure is 1 s.
  await page.waitForTimeout(1100);
  await page.getByTestId('unlock-passphrase').fill(SUPERVISOR.pass);
  await page.getByTestId('unlock-submit').click();
  // Signing in again comes back to the interview itself, still on its break.
  await expect(page.getByTestId('paused')).toBeVisible();
  await page.getByTestId('resume').click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', pausedAt ?? '');

  while ((await page.getByTestId('question').count()) > 0) answered.push(await answerCurrent(page));
  await expect(page.getByTestId('all-asked')).toBeVisible();
  await page.getByTestId('complete').click();
  await expect(page.getByTestId('result')).toBeVisible();
  await expect(page.getByTestId('recommendation')).toHaveAttribute('data-code', 'refer_mdt');
  await expect(page.locator('[data-testid="finding"][data-code="ilo.retention_of_documents"]')).toBeVisible();
  await page.screenshot({ path: shotPath('flow-09-result-th'), fullPage: true });

  // The officer's own assessment; Burmese typed in Zawgyi is caught and converted before saving.
  await page.getByTestId('assessment-text').fill('ႏိုင္ငံေတာ္၏အတုိင္ပင္ခံပုဂၢိဳလ္ ေဒၚေအာင္ဆန္းစုၾကည္သည္');
  await expect(page.getByTestId('zawgyi-notice')).toBeVisible();
  await page.getByTestId('zawgyi-convert').click();
  await expect(page.getByTestId('assessment-text')).toHaveValue('နိုင်ငံတော်၏အတိုင်ပင်ခံပုဂ္ဂိုလ် ဒေါ်အောင်ဆန်းစုကြည်သည်');
  await page.getByTestId('assessment-text').fill('ข้อบ่งชี้ชัดเจน: หนี้กับนายหน้า เอกสารถูกยึด ควรส่งต่อทีมสหวิชาชีพ');
  await page.getByTestId('assessment-save').click();
  await expect(page.getByTestId('officer-assessment').getByRole('status')).toBeVisible();

  // The signed referral: saved by main, recorded with its SHA-256, and verified in the app.
  await page.getByTestId('exit-interview').click();
  // The referring agency's details, which a referral needs before it can be signed (supervisor settings).
  const agency = await page.evaluate(
    (r) =>
      (
        window as unknown as { fieldscreen: { call: (c: string, r: unknown) => Promise<{ ok: boolean }> } }
      ).fieldscreen.call('admin.settings.update', r),
    {
      agency: {
        name: 'ศูนย์คุ้มครองแรงงาน (ทดสอบ)',
        unit: 'กลุ่มงานตรวจแรงงาน',
        province: 'สมุทรสาคร',
        address: '',
        phone: '034-000-000',
        letterPrefix: 'สค 0001',
      },
    },
  );
  expect(agency.ok).toBe(true);
  // The shelter the person consented to, as recorded with the consent.
  await expect(page.getByTestId('referral-consent')).toContainText(SHELTER.name);
  await page.getByTestId('receiving-choice').selectOption(SHELTER.id);
  await page.getByTestId('referral-position').fill('นักวิชาการแรงงานชำนาญการ');
  await page.getByTestId('export-referral').click();
  await expect(page.getByTestId('referral-message')).toContainText('.pdf', { timeout: 60_000 });
  await expect(page.getByTestId('referral-item')).toHaveCount(1);
  const fileName =
    ((await page.getByTestId('referral-message').textContent()) ?? '').match(/[\w.-]+\.pdf/)?.[0] ?? '';
  expect(readdirSync(EXPORT_DIR)).toContain(fileName);
  const pdfPath = join(EXPORT_DIR, fileName);
  await page.getByTestId('verify-file').setInputFiles(pdfPath);
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'true');
  await page.screenshot({ path: shotPath('flow-10-referral-th'), fullPage: true });
  const tampered = readFileSync(pdfPath);
  const mid = Math.floor(tampered.length / 2);
  tampered[mid] = (tampered[mid] ?? 0) ^ 0x01;
  await page
    .getByTestId('verify-file')
    .setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: tampered });
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-valid', 'false');

  // The full interview starts from the short screen's answers and never asks them again.
  await page.getByTestId('start-full').click();
  await page.getByTestId('bs-language').selectOption('my');
  await withInterpreterInPrivate(page, 'Ma Hnin');
  await page.getByTestId('bs-start').click();
  const firstFull = await page.getByTestId('question').getAttribute('data-question-id');
  expect(answered).not.toContain(firstFull);
  for (const id of answered)
    await expect(page.locator(`[data-testid="given"][data-question-id="${id}"]`)).toBeAttached();
  await page.screenshot({ path: shotPath('flow-11-full-interview-th-my') });

  // Every answer is in the encrypted store, readable with the recovery key only.
  const Database = require('better-sqlite3-multiple-ciphers');
  const db = new Database(join(DATA_DIR, 'fieldscreen.db'), { readonly: true, fileMustExist: true });
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    // SQLCipher's passphrase form: the database key is derived from the recovery key and the file's salt.
    db.pragma(`key = '${recoveryKey.toLowerCase()}'`);
    const rows = db
      .prepare(
        `SELECT a.question_id FROM answers a JOIN interviews i ON a.interview_id = i.id
         JOIN cases c ON i.case_id = c.id WHERE c.vessel_registration = 'SK-4411'`,
      )
      .all() as { question_id: string }[];
    // Each short-screen answer once; the full interview has not answered anything yet.
    expect(rows.map((r) => r.question_id).sort()).toEqual([...answered].sort());
  } finally {
    db.close();
  }
});
