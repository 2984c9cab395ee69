import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/domain/cases';
import { type CaseConsent, personDetailsAllowed } from '../../../shared/domain/consent';
import { isLocale, LOCALE_NATIVE_NAMES } from '../../../shared/i18n/locales';
import type { UiKey } from '../../app/i18n-key';
import { nationalityLabel } from '../../app/nationality';

const PURPOSES: { key: keyof CaseConsent; label: UiKey }[] = [
  { key: 'screening', label: 'casePage.consentScreening' },
  { key: 'referral', label: 'casePage.consentReferral' },
  { key: 'police', label: 'casePage.consentPolice' },
];

/**
 * The person screened, as far as their consent allows: everything recorded, or only the name or
 * alias when they refused the screening or withdrew consent. Consent per purpose is always shown,
 * since it decides what may be done next.
 */
export function PersonSummary({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const person = detail.persons[0];
  const allowed = personDetailsAllowed(detail.consent, detail.status);
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  const age = person
    ? [
        person.ageYears !== null ? t('casePage.ageYears', { age: person.ageYears }) : null,
        person.minor !== 'unknown' && person.minor !== 'adult'
          ? `${t('referral:fields.person.under18')}: ${t(`referral:minor.${person.minor}`)}`
          : null,
        person.ageAssessment ? t(`referral:ageAssessment.${person.ageAssessment}`) : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';

  return (
    <section aria-labelledby="person-title" data-testid="person-summary">
      <h2 id="person-title">{t('casePage.person')}</h2>
      {!person && <p className="muted">{t('casePage.noPerson')}</p>}
      {person && (
        <dl className="facts">
          <dt>{t('referral:fields.person.nameOrAlias')}</dt>
          <dd data-testid="person-summary-name">{person.nameOrAlias}</dd>
          {allowed && (
            <>
              {row(t('referral:fields.person.sex'), t(`referral:sex.${person.sex}`))}
              {row(t('casePage.age'), age)}
              {row(t('referral:fields.person.nationality'), nationalityLabel(person.nationality, t))}
              {person.languages.length > 0 && (
                <>
                  <dt>{t('referral:fields.person.languages')}</dt>
                  <dd>
                    {person.languages.map((l, i) => (
                      <span key={l} lang={l}>
                        {i > 0 ? ', ' : ''}
                        {isLocale(l) ? LOCALE_NATIVE_NAMES[l] : l}
                      </span>
                    ))}
                    {person.dialect ? ` (${person.dialect})` : ''}
                  </dd>
                </>
              )}
              {row(
                t('referral:fields.person.documentsLocation'),
                person.documentsLocation ? t(`referral:documents.${person.documentsLocation}`) : null,
              )}
              {row(
                t('beforeStart.preferredGender'),
                person.preferredInterviewerGender ? t(`gender.${person.preferredInterviewerGender}`) : null,
              )}
            </>
          )}
          <dt>{t('casePage.consent')}</dt>
          <dd>
            <ul className="consent-list" data-testid="person-consent">
              {PURPOSES.map((p) => (
                <li key={p.key} data-consent={detail.consent[p.key]}>
                  {t(p.label)}: <strong>{t(`referral:consentWord.${detail.consent[p.key]}`)}</strong>
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      {person && !allowed && (
        <p className="notice" data-testid="person-withheld">
          {t('casePage.detailsWithheld')}
        </p>
      )}
    </section>
  );
}
