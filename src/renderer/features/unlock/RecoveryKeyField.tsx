import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryKeyText } from '../../../shared/domain/users';
import { Field, tiedTo } from '../../components/Field';

/**
 * The recovery key, typed from the paper it was written on. Hidden like a passphrase unless the person
 * chooses to see what they type (64 characters are easy to mistype); never filled in or remembered by
 * the browser. The caller clears the value after use.
 */
export function RecoveryKeyField({
  value,
  onChange,
  testId,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  /** What is wrong with the key typed, said under the field. */
  error?: string | null;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <>
      <Field label={t('recoveryReset.key')} hint={t('recoveryReset.keyHint')} error={error}>
        {(...tie) => (
          <input
            {...tiedTo(...tie)}
            type={shown ? 'text' : 'password'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            lang="en"
            dir="ltr"
          />
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t('recoveryReset.showKey')}
      </label>
    </>
  );
}

/** Translated problem with a typed key that the form can see itself (not 64 hex characters), or null. */
export function useRecoveryKeyProblem(): (value: string) => string | null {
  const { t } = useTranslation();
  return (value) => (recoveryKeyText.safeParse(value).success ? null : t('recoveryReset.keyInvalid'));
}
