import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryKeyIssued } from '../../../shared/domain/users';
import { adminChannels } from '../../../shared/ipc/channels/admin';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { problemsFromSchema, useFormProblems } from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { RecoveryKeyCard } from '../../components/RecoveryKeyCard';
import { TextField } from '../../components/TextField';

const rotateKeyRequest = adminChannels['admin.vault.rotateKey'].request;

/**
 * Changes the database key (admin.vault.rotateKey), above all right after disabling someone: the new
 * key is sealed only to the accounts still enabled, so a copy of the files a disabled person kept opens
 * nothing written from then on. The supervisor's passphrase is asked again; the new recovery key is
 * shown once, like at first run (the old one then opens only the backups made before).
 */
export function DatabaseKeyPanel({ afterDisable }: { afterDisable: boolean }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<RecoveryKeyIssued | null>(null);
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { text: problem, show, edit } = useFormProblems(form);
  // Right after a disablement the panel is the next step: bring it into view (a long list pushes it down).
  useEffect(() => {
    if (afterDisable) form.current?.scrollIntoView({ block: 'nearest' });
  }, [afterDisable]);

  if (issued)
    return (
      <RecoveryKeyCard
        recoveryKey={issued.recoveryKey}
        storeFingerprint={issued.storeFingerprint ?? null}
        intro={t('admin.dbKey.newRecoveryKey')}
        onContinue={() => {
          setIssued(null);
          setDone(true);
        }}
      />
    );

  const submit = async () => {
    setError(null);
    setDone(false);
    const request = { currentPassphrase: passphrase };
    if (!show(problemsFromSchema(rotateKeyRequest, request))) return;
    setBusy(true);
    const reply = await call('admin.vault.rotateKey', request);
    setBusy(false);
    setPassphrase('');
    if (reply.ok) return setIssued(reply.value);
    if (reply.error.code === 'WRONG_PASSPHRASE')
      return show({ currentPassphrase: { messageKey: 'errors.wrongPassphrase' } });
    setError(reply.error);
  };

  return (
    <form
      ref={form}
      noValidate
      className={afterDisable ? 'panel attention' : 'panel'}
      aria-labelledby="db-key-title"
      data-testid="db-key-panel"
      onSubmit={onSubmitting(submit, busy)}
    >
      <h3 id="db-key-title">{t('admin.dbKey.title')}</h3>
      <p>{t(afterDisable ? 'admin.dbKey.afterDisable' : 'admin.dbKey.explain')}</p>
      <TextField
        type="password"
        label={t('admin.dbKey.passphrase')}
        value={passphrase}
        onChange={edit(setPassphrase, 'currentPassphrase')}
        error={problem('currentPassphrase')}
        testId="db-key-passphrase"
        autoComplete="current-password"
      />
      <ErrorMessage error={error} />
      {done && (
        <p className="notice" role="status" data-testid="db-key-done">
          {t('admin.dbKey.done')}
        </p>
      )}
      <div className="row">
        <SubmitButton busy={busy} label={t('admin.dbKey.submit')} testId="db-key-submit" />
      </div>
    </form>
  );
}
