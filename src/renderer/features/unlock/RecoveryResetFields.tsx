import { useTranslation } from 'react-i18next';
import { NewPassphraseFields } from '../../components/AccountFields';
import { RecoveryKeyField } from './RecoveryKeyField';
import type { useRecoveryReset } from './useRecoveryReset';

/**
 * The fields of a "new passphrase with the recovery key" form, bound to its useRecoveryReset state: the
 * key, then the new passphrase twice. `inGrid`: side by side (the Users screen), else one under the
 * other (the unlock screen).
 */
export function RecoveryResetFields({
  form,
  testIdPrefix,
  hint,
  inGrid = false,
}: {
  form: ReturnType<typeof useRecoveryReset>;
  testIdPrefix: string;
  /** The rule for the new passphrase; defaults to NewPassphraseFields' own. */
  hint?: string;
  inGrid?: boolean;
}) {
  const { t } = useTranslation();
  const key = (
    <RecoveryKeyField
      value={form.recoveryKey}
      onChange={form.setRecoveryKey}
      testId={`${testIdPrefix}-recovery-key`}
      error={form.problems.recoveryKey}
    />
  );
  const passphrases = (
    <NewPassphraseFields
      values={form.passphrases}
      onChange={form.changePassphrases}
      testIdPrefix={testIdPrefix}
      label={t('recoveryReset.newPassphrase')}
      problems={form.problems}
      hint={hint}
    />
  );
  if (!inGrid)
    return (
      <>
        {key}
        {passphrases}
      </>
    );
  return (
    <div className="grid-form">
      <div>{key}</div>
      <div>{passphrases}</div>
    </div>
  );
}
