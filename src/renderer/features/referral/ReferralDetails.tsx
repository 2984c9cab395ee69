import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../../app/call';
import { Field } from '../../components/Field';

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

/**
 * What a Thai official letter needs besides the case: the officer's position, the addressee, the
 * letter number (the store's next one unless the registry gave another) and the team present. Lists
 * what is still missing before signing (agency details are a supervisor's settings).
 */
export function ReferralDetails({
  value,
  onChange,
  onReadiness,
}: {
  value: ReferralDetailsValue;
  onChange: (value: ReferralDetailsValue) => void;
  onReadiness: (ready: boolean) => void;
}) {
  const { t } = useTranslation();
  const [readiness, setReadiness] = useState<Readiness | null>(null);
  const position = value.officerPosition;

  useEffect(() => {
    let live = true;
    void call('referral.readiness', { officerPosition: position }).then((reply) => {
      if (!live || !reply.ok) return;
      setReadiness(reply.value);
      onReadiness(reply.value.missing.length === 0);
    });
    return () => {
      live = false;
    };
  }, [position, onReadiness]);

  const set = (patch: Partial<ReferralDetailsValue>) => onChange({ ...value, ...patch });
  const agencyMissing = readiness?.missing.filter((m) => m !== 'officer.position') ?? [];

  return (
    <div className="referral-details" data-testid="referral-details">
      <Field label={t('referral.details.position')} hint={t('referral.details.positionHint')}>
        {(id, hintId) => (
          <input
            id={id}
            aria-describedby={hintId}
            aria-required="true"
            value={value.officerPosition}
            onChange={(e) => set({ officerPosition: e.target.value })}
            data-testid="referral-position"
          />
        )}
      </Field>
      <Field label={t('referral.details.contactPerson')}>
        {(id) => (
          <input
            id={id}
            value={value.contactPerson}
            onChange={(e) => set({ contactPerson: e.target.value })}
            data-testid="referral-contact-person"
          />
        )}
      </Field>
      <Field
        label={t('referral.details.letterNumber')}
        hint={t('referral.details.letterNumberHint', { number: readiness?.nextLetterNumber ?? '' })}
      >
        {(id, hintId) => (
          <input
            id={id}
            aria-describedby={hintId}
            value={value.letterNumber}
            placeholder={readiness?.nextLetterNumber ?? ''}
            onChange={(e) => set({ letterNumber: e.target.value })}
            data-testid="referral-letter-number"
          />
        )}
      </Field>
      <Field label={t('referral.details.team')} hint={t('referral.details.teamHint')}>
        {(id, hintId) => (
          <textarea
            id={id}
            aria-describedby={hintId}
            rows={2}
            value={value.teamText}
            onChange={(e) => set({ teamText: e.target.value })}
            data-testid="referral-team"
          />
        )}
      </Field>
      {readiness && readiness.missing.length > 0 && (
        <div className="warning" role="status" data-testid="referral-missing">
          <p>{t('referral.details.missingTitle')}</p>
          <ul>
            {readiness.missing.map((m) => (
              <li key={m}>{t(`errors.referralMissing.${m}`)}</li>
            ))}
          </ul>
          {agencyMissing.length > 0 && <p className="muted">{t('referral.details.agencyHint')}</p>}
        </div>
      )}
    </div>
  );
}
