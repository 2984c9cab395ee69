import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../../app/call';
import { Field, tiedTo } from '../../components/Field';
import { type FormProblems, useProblemText } from '../../components/form-problems';
import { TextField } from '../../components/TextField';

/** This referral's own facts, as the export request carries them. */
export interface ReferralDetailsValue {
  officerPosition: string;
  contactPerson: string;
  letterNumber: string;
  /** One team member a line: "Name (agency or role)". */
  teamText: string;
}

export const EMPTY_REFERRAL_DETAILS: ReferralDetailsValue = {
  officerPosition: '',
  contactPerson: '',
  letterNumber: '',
  teamText: '',
};

/** The export request's facts from the form (empty fields left out; team lines parsed). */
export function referralFactsOf(value: ReferralDetailsValue) {
  const team = value.teamText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(.*?)\s*\(([^)]*)\)$/.exec(line);
      return match ? { name: match[1] || line, role: match[2] ?? '' } : { name: line, role: '' };
    });
  return {
    officerPosition: value.officerPosition.trim(),
    ...(value.contactPerson.trim() ? { contactPerson: value.contactPerson.trim() } : {}),
    ...(value.letterNumber.trim() ? { letterNumber: value.letterNumber.trim() } : {}),
    ...(team.length ? { team } : {}),
  };
}

type Readiness = ResponseOf<'referral.readiness'>;

/** The fields of this form, by their name in the export request (what main's reply names). */
export const REFERRAL_DETAIL_FIELDS = ['officerPosition', 'contactPerson', 'letterNumber', 'team'] as const;

/**
 * What a Thai official letter needs besides the case: the officer's position, the addressee, the
 * letter number (the store's next one unless the registry gave another) and the team present. Lists
 * what the supervisor must still enter in the settings before anything can be signed (onReadiness
 * says whether that is done); what is wrong with this form's own fields is said under each of them.
 */
export function ReferralDetails({
  value,
  problems,
  onChange,
  onReadiness,
  refreshKey,
}: {
  value: ReferralDetailsValue;
  /** By field name (REFERRAL_DETAIL_FIELDS). */
  problems: FormProblems;
  onChange: (value: ReferralDetailsValue, changed: keyof ReferralDetailsValue) => void;
  onReadiness: (agencyReady: boolean) => void;
  /** Changed after a referral was signed: the next letter number is read again. */
  refreshKey: number;
}) {
  const { t } = useTranslation();
  const problem = useProblemText(problems);
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  // Asked again as the position is typed: settings a supervisor entered meanwhile are seen too.
  const position = value.officerPosition;

  useEffect(() => {
    void refreshKey;
    let live = true;
    void call('referral.readiness', { officerPosition: position }).then((reply) => {
      if (!live || !reply.ok) return;
      setReadiness(reply.value);
      onReadiness(reply.value.missing.every((m) => m === 'officer.position'));
    });
    return () => {
      live = false;
    };
  }, [position, onReadiness, refreshKey]);

  const set = (changed: keyof ReferralDetailsValue, text: string) =>
    onChange({ ...value, [changed]: text }, changed);
  const agencyMissing = readiness?.missing.filter((m) => m !== 'officer.position') ?? [];

  return (
    <div className="referral-details" data-testid="referral-details">
      <TextField
        label={t('referral.details.position')}
        hint={t('referral.details.positionHint')}
        error={problem('officerPosition')}
        required
        value={value.officerPosition}
        onChange={(v) => set('officerPosition', v)}
        testId="referral-position"
      />
      <TextField
        label={t('referral.details.contactPerson')}
        error={problem('contactPerson')}
        value={value.contactPerson}
        onChange={(v) => set('contactPerson', v)}
        testId="referral-contact-person"
      />
      <TextField
        label={t('referral.details.letterNumber')}
        hint={t('referral.details.letterNumberHint', { number: readiness?.nextLetterNumber ?? '' })}
        error={problem('letterNumber')}
        placeholder={readiness?.nextLetterNumber ?? ''}
        value={value.letterNumber}
        onChange={(v) => set('letterNumber', v)}
        testId="referral-letter-number"
      />
      <Field label={t('referral.details.team')} hint={t('referral.details.teamHint')} error={problem('team')}>
        {(...tie) => (
          <textarea
            {...tiedTo(...tie)}
            rows={2}
            value={value.teamText}
            onChange={(e) => set('teamText', e.target.value)}
            data-testid="referral-team"
          />
        )}
      </Field>
      {agencyMissing.length > 0 && (
        <div className="warning" role="status" data-testid="referral-missing">
          <p>{t('referral.details.missingTitle')}</p>
          <ul>
            {agencyMissing.map((m) => (
              <li key={m}>{t(`errors.referralMissing.${m}`)}</li>
            ))}
          </ul>
          <p className="muted">{t('referral.details.agencyHint')}</p>
        </div>
      )}
    </div>
  );
}
