import { useState } from 'react';
import type { Reply, ReplyError } from '../../../shared/ipc/reply';
import { type AccountValues, EMPTY_ACCOUNT, useNewPassphraseProblem } from '../../components/AccountFields';
import { useRecoveryKeyProblem } from './RecoveryKeyField';

/**
 * The state of a "new passphrase with the recovery key" form (unlock screen and Users screen): checks
 * what the form can check itself, sends, and clears the key and both passphrases after every try.
 */
export function useRecoveryReset<T>(
  send: (recoveryKey: string, newPassphrase: string) => Promise<Reply<T>>,
  onDone: (value: T) => void,
  mapError: (error: ReplyError) => ReplyError = (e) => e,
) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrases, setPassphrases] = useState(EMPTY_ACCOUNT);
  const [localError, setLocalError] = useState<string | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseProblem = useNewPassphraseProblem();
  const keyProblem = useRecoveryKeyProblem();

  const submit = async () => {
    setError(null);
    const problem = keyProblem(recoveryKey) ?? passphraseProblem(passphrases);
    setLocalError(problem);
    if (problem) return;
    setBusy(true);
    const reply = await send(recoveryKey, passphrases.passphrase);
    setBusy(false);
    setRecoveryKey('');
    setPassphrases(EMPTY_ACCOUNT);
    if (!reply.ok) return setError(mapError(reply.error));
    onDone(reply.value);
  };

  return {
    recoveryKey,
    setRecoveryKey,
    passphrases,
    changePassphrases: (patch: Partial<AccountValues>) => setPassphrases((p) => ({ ...p, ...patch })),
    localError,
    error,
    busy,
    submit,
  };
}
