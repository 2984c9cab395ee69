import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/domain/users';
import { type FormProblems, problemsFromSchema } from './form-problems';
import { TextField } from './TextField';

/**
 * The fields of an account, one component for every form that makes or changes one: first-run setup,
 * adding an account, and the two passphrase resets. Same labels, hints and rules everywhere; main
 * checks the rules again.
 */
export interface AccountValues {
  displayName: string;
  username: string;
  passphrase: string;
  confirm: string;
}

export const EMPTY_ACCOUNT: AccountValues = { displayName: '', username: '', passphrase: '', confirm: '' };

type Change = (patch: Partial<AccountValues>) => void;

/** What is wrong with each field, in the officer's language (null or absent: nothing). */
export type AccountProblems = Partial<Record<keyof AccountValues, string | null>>;

/**
 * What the form can tell before asking main, each said under its own field: too short under the
 * passphrase, the two entries differing under the second one.
 */
export function useNewPassphraseProblems(): (
  values: Pick<AccountValues, 'passphrase' | 'confirm'>,
) => Pick<AccountProblems, 'passphrase' | 'confirm'> {
  const { t } = useTranslation();
  return ({ passphrase, confirm }) => {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH)
      return { passphrase: t('setup.passphraseTooShort', { count: MIN_PASSPHRASE_LENGTH }) };
    if (passphrase !== confirm) return { confirm: t('setup.passphraseMismatch') };
    return {};
  };
}

/** An account form's values; `change` also clears what was said under the fields it changes. */
export function useAccountValues(clear: (...keys: string[]) => void) {
  const [account, setAccount] = useState(EMPTY_ACCOUNT);
  const change: Change = (patch) => {
    setAccount((a) => ({ ...a, ...patch }));
    clear(...Object.keys(patch));
  };
  return [account, setAccount, change] as const;
}

/**
 * What is wrong with an account request before it is sent: what the schema main parses it with
 * refuses, and, when the new passphrase itself passes (`passphraseKey`: its name in the request), the
 * second entry differing from it, said under the second one.
 */
export function accountRequestProblems(
  schema: z.ZodType,
  request: object,
  typed: Pick<AccountValues, 'passphrase' | 'confirm'>,
  passphraseKey = 'passphrase',
): FormProblems {
  const found = problemsFromSchema(schema, request);
  if (found[passphraseKey] || typed.passphrase === typed.confirm) return found;
  return { ...found, confirm: { messageKey: 'setup.passphraseMismatch' } };
}

/** Full name and sign-in name. `ownAccount`: the browser may fill them in (setup), else it must not. */
export function IdentityFields({
  values,
  onChange,
  testIdPrefix,
  ownAccount = false,
  problems = {},
}: {
  values: Pick<AccountValues, 'displayName' | 'username'>;
  onChange: Change;
  testIdPrefix: string;
  ownAccount?: boolean;
  problems?: AccountProblems;
}) {
  const { t } = useTranslation();
  return (
    <>
      {/* "Your full name" when setting up one's own account; "Full name" when adding someone else. */}
      <TextField
        label={t(ownAccount ? 'setup.displayName' : 'admin.users.displayName')}
        error={problems.displayName}
        value={values.displayName}
        onChange={(displayName) => onChange({ displayName })}
        testId={`${testIdPrefix}-display-name`}
        autoComplete={ownAccount ? 'name' : 'off'}
      />
      <TextField
        label={t('setup.username')}
        hint={t('setup.usernameHint')}
        error={problems.username}
        value={values.username}
        onChange={(username) => onChange({ username })}
        testId={`${testIdPrefix}-username`}
        autoComplete={ownAccount ? 'username' : 'off'}
      />
    </>
  );
}

/** A new passphrase typed twice, with the rule (and how to pick a good one) as the hint. */
export function NewPassphraseFields({
  values,
  onChange,
  testIdPrefix,
  label,
  hint,
  problems = {},
}: {
  values: Pick<AccountValues, 'passphrase' | 'confirm'>;
  onChange: Change;
  testIdPrefix: string;
  /** Defaults to "Passphrase". */
  label?: string;
  /** Defaults to the setup hint (minimum length, a few unrelated words). */
  hint?: string;
  problems?: AccountProblems;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={label ?? t('setup.passphrase')}
        hint={hint ?? t('setup.passphraseHint', { count: MIN_PASSPHRASE_LENGTH })}
        error={problems.passphrase}
        type="password"
        value={values.passphrase}
        onChange={(passphrase) => onChange({ passphrase })}
        testId={`${testIdPrefix}-passphrase`}
        autoComplete="new-password"
      />
      <TextField
        label={t('setup.confirm')}
        error={problems.confirm}
        type="password"
        value={values.confirm}
        onChange={(confirm) => onChange({ confirm })}
        testId={`${testIdPrefix}-confirm`}
        autoComplete="new-password"
      />
    </>
  );
}

/** Every field of a new account (first-run setup), each with what is wrong with it said under it. */
export function AccountFields(props: {
  values: AccountValues;
  onChange: Change;
  testIdPrefix: string;
  ownAccount?: boolean;
  problems?: AccountProblems;
}) {
  return (
    <>
      <IdentityFields {...props} />
      <NewPassphraseFields
        values={props.values}
        onChange={props.onChange}
        testIdPrefix={props.testIdPrefix}
        {...(props.problems ? { problems: props.problems } : {})}
      />
    </>
  );
}
