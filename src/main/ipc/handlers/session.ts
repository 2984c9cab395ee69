import { changePassphraseNamingFields } from '../../services/change-passphrase';
import { accountStatusOf } from '../../store/account';
import type { Handler } from '../dispatch';

export const sessionHandlers: {
  'vault.status': Handler<'vault.status'>;
  'account.status': Handler<'account.status'>;
  'account.changePassphrase': Handler<'account.changePassphrase'>;
  'vault.initialise': Handler<'vault.initialise'>;
  'session.unlock': Handler<'session.unlock'>;
  'vault.resetPassphrase': Handler<'vault.resetPassphrase'>;
  'session.lock': Handler<'session.lock'>;
  'session.touch': Handler<'session.touch'>;
} = {
  'vault.status': (_req, ctx) => ({
    initialised: ctx.sessions.isInitialised(),
    user: ctx.sessions.user(),
    mustChangePassphrase: ctx.sessions.current()?.trust.mustChangePassphrase ?? false,
  }),
  'account.status': (_req, ctx) => accountStatusOf(ctx.sessions.require()),
  'account.changePassphrase': async (req, ctx) => ({
    changed: true as const,
    status: await changePassphraseNamingFields(ctx.sessions.require(), req),
  }),
  'vault.initialise': (req, ctx) => ctx.sessions.initialise(req),
  'session.unlock': (req, ctx) => ctx.sessions.unlock(req.username, req.passphrase),
  // The vault counts wrong recovery keys in the keyring and refuses attempts while backing off.
  'vault.resetPassphrase': async (req, ctx) => {
    await ctx.sessions.vault.resetPassphraseWithRecoveryKey(req.recoveryKey, req.username, req.newPassphrase);
    return { reset: true as const };
  },
  'session.touch': () => ({ ok: true as const }),
  'session.lock': (req, ctx) => {
    ctx.sessions.lock(req.reason);
    return { locked: true as const };
  },
};
