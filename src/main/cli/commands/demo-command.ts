import { resolve } from 'node:path';
import { seedDemoAgency, seedDemoDirectory } from '../../demo/agency';
import { seedDemoCases } from '../../demo/seed';
import { Vault } from '../../store/vault';
import { signIn } from '../sign-in';
import type { SignInFor } from '../types';
import { command, ENV_PASSPHRASE, required, secret } from './store-commands';

const SIGN_IN_DEMO: SignInFor = { permission: 'demo.seed', recovery: false };

/**
 * `demo --data DIR --user NAME`: a store for training sessions with one complete, fictional case per
 * interviewee language, a fictional referring agency and a fictional team to refer to. Creates the store (and prints its recovery key) when the folder is empty; in
 * an existing store only an account allowed 'demo.seed' (a supervisor) may add the cases.
 */
export const demoCommand = command({
  name: 'demo',
  summary: 'create fictional training cases (one per interviewee language)',
  usage: 'demo --data DIR --user NAME',
  signIn: SIGN_IN_DEMO,
  flags: ['data', 'user'],
  body: async ({ flags, io }) => {
    const dir = resolve(required(flags, 'data'));
    const user = required(flags, 'user');
    const passphrase = await secret(io, ENV_PASSPHRASE, 'passphrase');
    if (!Vault.isInitialised(dir)) {
      const issued = await Vault.initialise(dir, { username: user, displayName: user, passphrase });
      io.stdout(`recovery-key: ${issued.recoveryKey}`);
    }
    const session = await signIn(io, new Vault(dir), user, passphrase, SIGN_IN_DEMO.permission);
    try {
      seedDemoAgency(session);
      // The team the demo cases consented to be referred to (`referral … --contact-id`).
      io.stdout(`directory-mdt: ${seedDemoDirectory(session)}`);
      for (const seeded of seedDemoCases(session))
        io.stdout(`case-id: ${seeded.caseId} lang: ${seeded.lang}`);
    } finally {
      session.lock('manual');
    }
    return 0;
  },
});
