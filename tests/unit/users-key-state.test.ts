import { afterEach, describe, expect, it } from 'vitest';
import { readKeyring } from '../../src/main/keys/keyring';
import { accountKeyStates } from '../../src/main/store/key-states';
import type { UserSummary } from '../../src/shared/domain/users';
import { OFFICER, SUPERVISOR } from '../helpers/samples';
import { createTestApp, givenPassphrase, type TestApp } from '../helpers/test-app';

/** The supervisor's Users list says where each account's keys stand, from the signed roster. */
let app: TestApp;
afterEach(() => app.close());

const listed = async (username: string) =>
  (await app.ok<UserSummary[]>('admin.users.list', {})).find((u) => u.username === username)?.keyState;

describe('admin.users.list key state', () => {
  it('moves from given (set up by the supervisor) to pending (own keys) to endorsed (a supervisor signed in)', async () => {
    app = createTestApp('fs-users-key-state-');
    await app.initialise(SUPERVISOR);
    expect(await listed(SUPERVISOR.username)).toBe('endorsed');
    const given = givenPassphrase(OFFICER.passphrase);
    const { id } = await app.ok<{ id: string }>('admin.users.add', {
      ...OFFICER,
      role: 'officer',
      passphrase: given,
    });
    expect(await listed(OFFICER.username)).toBe('given');

    await app.signIn({ ...OFFICER, passphrase: given });
    await app.ok('account.changePassphrase', { currentPassphrase: given, newPassphrase: OFFICER.passphrase });
    // Between the officer's change and a supervisor's next sign-in (which endorses), as the files say.
    expect(accountKeyStates(readKeyring(app.dataDir))(id)).toBe('pending');

    await app.signIn(SUPERVISOR);
    expect(await listed(OFFICER.username)).toBe('endorsed');
  });

  it('says none for every account when the roster does not verify (a keyring edited by hand)', async () => {
    app = createTestApp('fs-users-key-state-');
    await app.initialise(SUPERVISOR);
    const keyring = readKeyring(app.dataDir);
    if (!keyring?.roster) throw new Error('no roster');
    const forged = {
      ...keyring,
      roster: { ...keyring.roster, text: `${keyring.roster.text} ` },
    };
    const supervisorId = app.session().requireUser().id;
    expect(accountKeyStates(forged)(supervisorId)).toBe('none');
    expect(accountKeyStates(keyring)(supervisorId)).toBe('endorsed');
  });
});
