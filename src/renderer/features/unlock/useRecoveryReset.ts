import { useRef, useState } from 'react';
import type { Reply, ReplyError } from '../../../shared/ipc/reply';
import {
  type AccountProblems,
  type AccountValues,
  EMPTY_ACCOUNT,
  useNewPassphraseProblems,
} from '../../components/AccountFields';
import { useFocusFirstInvalid } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { useRecoveryKeyProblem } from './RecoveryKeyField';

/**
 * The state of a "new passphrase with the recovery key" form (unlock screen and Users screen): checks
 * what the form can check itself (each problem said under its field: `problems`), sends, and clears
 * the key and both passphrases after every try that was sent. The form element takes `formRef` and
 * `onSubmit` (which moves the focus to the first field found wrong).
 */
export type RecoveryResetProblems = Pick<AccountProblems, 'passphrase' | 'confirm'> & {
  recoveryKey?: string | null;
};

export function useRecoveryReset<T>(
  send: (recoveryKey: string, newPassphrase: string) => Promise<Reply<T>>,
  onDone: (value: T) => void,
  mapError: (error: ReplyError) => ReplyError = (e) => e,
) {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrases, setPassphrases] = useState(EMPTY_ACCOUNT);
  const [problems, setProblems] = useState<RecoveryResetProblems>({});
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseProblems = useNewPassphraseProblems();
  const keyProblem = useRecoveryKeyProblem();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(formRef);

  /** Sends when the form finds nothing wrong; false when it found something (said under the fields). */
  const submit = async (): Promise<boolean> => {
    setError(null);
    const key = keyProblem(recoveryKey);
    const found: RecoveryResetProblems = {
      ...(key ? { recoveryKey: key } : {}),
      ...passphraseProblems(passphrases),
    };
    setProblems(found);
    if (Object.values(found).some(Boolean)) return false;
    setBusy(true);
    const reply = await send(recoveryKey, passphrases.passphrase);
    setBusy(false);
    setRecoveryKey('');
    setPassphrases(EMPTY_ACCOUNT);
    if (!reply.ok) {
      setError(mapError(reply.error));
      return true;
    }
    onDone(reply.value);
    return true;
  };

  return {
    recoveryKey,
    setRecoveryKey: (value: string) => {
      setRecoveryKey(value);
      setProblems(({ recoveryKey: _fixed, ...rest }) => rest);
    },
    passphrases,
    changePassphrases: (patch: Partial<AccountValues>) => {
      setPassphrases((p) => ({ ...p, ...patch }));
      setProblems(({ passphrase: _p, confirm: _c, ...rest }) => rest);
    },
    problems,
    error,
    busy,
    formRef,
    onSubmit: onSubmitting(() => submit().then((sent) => sent || focusFirstInvalid())),
  };
}
