import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELD_MESSAGE_KEYS, fieldProblemsOf, HIDDEN_SEGMENT } from '../../src/shared/field-problems';
import { LOCALES } from '../../src/shared/i18n/locales';
import { INSTRUMENT } from '../../src/shared/instrument';
import { replySchema } from '../../src/shared/ipc/reply';
import { CASE_INPUT, OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, type Reply, type TestApp } from '../helpers/test-app';

/** The reply's error, checked against the reply schema the renderer relies on. */
function errorOf(reply: Reply) {
  const parsed = replySchema(z.unknown()).parse(reply);
  if (parsed.ok) throw new Error('expected an error reply');
  return parsed.error;
}

const SECRET_NAME = 'Nang Hseng Kham';

describe('VALIDATION replies name each wrong field (IPC boundary)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = createTestApp('fs-fields-');
    await app.initialise();
  });
  afterEach(() => app.close());

  it('adding an account: each wrong field with its message key and limit, and nothing typed', async () => {
    const error = errorOf(
      await app.call('admin.users.add', {
        username: '   ',
        displayName: SECRET_NAME.repeat(10),
        role: 'boss',
        passphrase: 'short',
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.messageKey).toBe('errors.validation');
    expect(error.fields).toEqual([
      { path: ['username'], messageKey: 'errors.field.required' },
      { path: ['displayName'], messageKey: 'errors.field.tooLong', limit: 120 },
      { path: ['role'], messageKey: 'errors.field.choice' },
      { path: ['passphrase'], messageKey: 'errors.field.tooShort', limit: 8 },
    ]);
    const text = JSON.stringify(error);
    expect(text).not.toContain('Nang');
    expect(text).not.toContain('short');
    expect(text).not.toContain('boss');
  });

  it('a sign-in name that is taken is said under the sign-in name', async () => {
    await app.ok('admin.users.add', { ...OFFICER, role: 'officer' });
    const error = errorOf(
      await app.call('admin.users.add', {
        ...OFFICER,
        username: OFFICER.username.toUpperCase(),
        role: 'officer',
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.messageKey).toBe('errors.field.usernameTaken');
    expect(error.fields).toEqual([{ path: ['username'], messageKey: 'errors.field.usernameTaken' }]);
  });

  it('settings: numbers out of range, a directory entry without a name, a bad email, by position', async () => {
    const entry = (id: string, patch: object) => ({
      id,
      name: 'Songkhla shelter',
      kind: 'shelter',
      province: 'สงขลา',
      phone: '',
      email: '',
      address: '',
      ...patch,
    });
    const error = errorOf(
      await app.call('admin.settings.update', {
        autoLockMinutes: 0,
        followUpDays: { reflectionDays: 1.5, shelterDays: 400 },
        referralDirectory: [
          entry('0b0f5a2e-7d5c-4d0e-9b7a-1b2c3d4e5f60', {}),
          entry('1b0f5a2e-7d5c-4d0e-9b7a-1b2c3d4e5f61', { name: '  ', email: 'nowhere' }),
        ],
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual([
      { path: ['autoLockMinutes'], messageKey: 'errors.field.tooSmall', limit: 1 },
      { path: ['referralDirectory', 1, 'name'], messageKey: 'errors.field.required' },
      { path: ['followUpDays', 'reflectionDays'], messageKey: 'errors.field.wholeNumber' },
      { path: ['followUpDays', 'shelterDays'], messageKey: 'errors.field.tooBig', limit: 365 },
    ]);
    // The email is not checked as an address by the store (any text a directory keeps); no field for it.
  });

  it('a referral without the officer position names that field; the agency details are not fields of it', async () => {
    const caseId = '2b0f5a2e-7d5c-4d0e-9b7a-1b2c3d4e5f62';
    const missingAll = errorOf(await app.call('referral.export', { caseId, receivingAgency: 'Shelter' }));
    expect(missingAll.code).toBe('VALIDATION');
    expect(missingAll.messageKey).toBe('errors.referralMissing.agency.name');
    expect(missingAll.fields).toEqual([
      { path: ['officerPosition'], messageKey: 'errors.referralMissing.officer.position' },
    ]);
    await app.ok('admin.settings.update', {
      agency: { name: 'PIPO', unit: 'Songkhla', province: 'สงขลา', phone: '074 000 000' },
    });
    const onlyPosition = errorOf(
      await app.call('referral.export', { caseId, receivingAgency: 'Shelter', officerPosition: '  ' }),
    );
    expect(onlyPosition.messageKey).toBe('errors.referralMissing.officer.position');
    expect(onlyPosition.fields).toEqual([
      { path: ['officerPosition'], messageKey: 'errors.referralMissing.officer.position' },
    ]);
    const tooLong = errorOf(
      await app.call('referral.export', {
        caseId,
        receivingAgency: 'Shelter',
        officerPosition: 'Officer',
        letterNumber: 'x'.repeat(61),
        team: [{ name: '', role: 'interpreter' }],
      }),
    );
    expect(tooLong.fields).toEqual([
      { path: ['letterNumber'], messageKey: 'errors.field.tooLong', limit: 60 },
      { path: ['team', 0, 'name'], messageKey: 'errors.field.required' },
    ]);
  });

  it('a status change or a stop that needs a reason names the reason field', async () => {
    const created = await app.ok<{ id: string }>('cases.create', CASE_INPUT);
    const closing = errorOf(await app.call('cases.setStatus', { id: created.id, status: 'closed' }));
    expect(closing.code).toBe('VALIDATION');
    expect(closing.fields).toEqual([{ path: ['reason'], messageKey: 'errors.field.required' }]);
    const interview = await app.ok<{ id: string }>('interview.start', {
      caseId: created.id,
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier: 'short',
      intervieweeLanguage: 'my',
    });
    const stop = errorOf(
      await app.call('interview.setState', { interviewId: interview.id, state: 'stopped' }),
    );
    expect(stop.fields).toEqual([{ path: ['reason'], messageKey: 'errors.field.required' }]);
  });

  it("changing one's own passphrase: a wrong current one and a new one kept unchanged are named", async () => {
    const wrong = errorOf(
      await app.call('account.changePassphrase', {
        currentPassphrase: 'not my passphrase',
        newPassphrase: 'a new passphrase of mine',
      }),
    );
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.fields).toEqual([
      { path: ['currentPassphrase'], messageKey: 'errors.field.passphraseWrong' },
    ]);
    expect(JSON.stringify(wrong)).not.toContain('passphrase of mine');
    const same = errorOf(
      await app.call('account.changePassphrase', {
        currentPassphrase: SUPERVISOR.passphrase,
        newPassphrase: SUPERVISOR.passphrase,
      }),
    );
    expect(same.code).toBe('PASSPHRASE_UNCHANGED');
    expect(same.fields).toEqual([{ path: ['newPassphrase'], messageKey: 'errors.passphraseUnchanged' }]);
    const short = errorOf(
      await app.call('account.changePassphrase', { currentPassphrase: '', newPassphrase: 'short' }),
    );
    expect(short.fields).toEqual([
      { path: ['currentPassphrase'], messageKey: 'errors.field.required' },
      { path: ['newPassphrase'], messageKey: 'errors.field.tooShort', limit: 8 },
    ]);
  });

  it('a payload with no fields at all still says which are required; unknown keys are not fields', async () => {
    const error = errorOf(await app.call('casework.followUps.add', { surprise: 1 }));
    expect(error.fields).toEqual([
      { path: ['caseId'], messageKey: 'errors.field.required' },
      { path: ['what'], messageKey: 'errors.field.required' },
      { path: ['dueOn'], messageKey: 'errors.field.required' },
    ]);
  });
});

describe('fieldProblemsOf', () => {
  const schema = z.strictObject({
    texts: z.record(z.string(), z.string().max(3)),
    list: z.array(z.strictObject({ label: z.string().min(1) })).max(2),
    when: z.string().refine((v) => v === 'ok', { params: { messageKey: 'errors.field.format' } }),
    other: z.string().refine((v) => v === 'ok', { params: { messageKey: 'not.a.field.key' } }),
  });
  const problems = (input: unknown) => {
    const r = schema.safeParse(input);
    if (r.success) throw new Error('expected a failure');
    return fieldProblemsOf(r.error, schema, input);
  };

  it("hides a record's keys (the caller's text) but keeps field names and positions", () => {
    const found = problems({
      texts: { [SECRET_NAME]: 'long text' },
      list: [{ label: 'a' }, { label: '' }],
      when: 'no',
      other: 'no',
    });
    expect(found).toEqual([
      { path: ['texts', HIDDEN_SEGMENT], messageKey: 'errors.field.tooLong', limit: 3 },
      { path: ['list', 1, 'label'], messageKey: 'errors.field.required' },
      { path: ['when'], messageKey: 'errors.field.format' },
      { path: ['other'], messageKey: 'errors.field.invalid' },
    ]);
    expect(JSON.stringify(found)).not.toContain('Nang');
    expect(
      problems({
        texts: {},
        list: [{ label: 'a' }, { label: 'b' }, { label: 'c' }],
        when: 'ok',
        other: 'ok',
      }),
    ).toEqual([{ path: ['list'], messageKey: 'errors.field.tooMany', limit: 2 }]);
  });

  it('reads nothing through the prototype: a field named __proto__ is not taken for a value', () => {
    const input = JSON.parse('{"__proto__": {"texts": "x"}, "list": [], "when": "ok", "other": "ok"}');
    expect(problems(input)).toEqual([{ path: ['texts'], messageKey: 'errors.field.required' }]);
  });

  it('every message key a reply can carry is a string in all six locales', () => {
    const dir = join(__dirname, '..', '..', 'resources', 'locales');
    for (const lng of LOCALES) {
      const common = JSON.parse(readFileSync(join(dir, lng, 'common.json'), 'utf8'));
      for (const key of FIELD_MESSAGE_KEYS) {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], common);
        expect(typeof text, `${lng} ${key}`).toBe('string');
      }
    }
  });
});
