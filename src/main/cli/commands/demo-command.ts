import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoAgency } from '../../demo/agency';
import { seedDemoCases } from '../../demo/seed';
import { Vault } from '../../store/vault';
import { signIn } from '../sign-in';
import type { CliCommand } from '../types';

/**
 * `demo --data DIR --user NAME`: a store for training sessions with one complete, fictional case per
 * interviewee language. Creates the store (and prints its recovery key) when the folder is empty.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'create fictional training cases (one per interviewee language)',
  usage: 'demo --data DIR --user NAME',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { data: { type: 'string' }, user: { type: 'string' } } });
    if (!values.data || !values.user) {
      io.stderr(`usage: ${this.usage}`);
      return 2;
    }
    const dir = resolve(values.data);
    const passphrase = io.env.FIELDSCREEN_PASSPHRASE ?? (await io.promptSecret('passphrase'));
    if (!Vault.isInitialised(dir)) {
      const issued = await Vault.initialise(dir, {
        username: values.user,
        displayName: values.user,
        passphrase,
      });
      io.stdout(`recovery-key: ${issued.recoveryKey}`);
    }
    const session = await signIn(io, new Vault(dir), values.user, passphrase);
    try {
      seedDemoAgency(session);
      for (const seeded of seedDemoCases(session))
        io.stdout(`case-id: ${seeded.caseId} lang: ${seeded.lang}`);
    } finally {
      session.lock('manual');
    }
    return 0;
  },
};
