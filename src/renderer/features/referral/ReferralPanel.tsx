import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/domain/referrals';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import type { UiKey } from '../../app/i18n-key';
import { usePrefs } from '../../app/prefs-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  type FormProblems,
  generalError,
  problemsFromReply,
  useFormProblems,
} from '../../components/form-problems';
import { CheckField } from '../../components/TextField';
import { ReceivingAgencyPicker, type ReceivingChoice } from './ReceivingAgencyPicker';
import {
  EMPTY_REFERRAL_DETAILS,
  REFERRAL_DETAIL_FIELDS,
  ReferralDetails,
  type ReferralDetailsValue,
  referralFactsOf,
} from './ReferralDetails';
import { VerifyPdf } from './VerifyPdf';

/** The form's field for a path main named: team lines are one box, the directory entry is the agency. */
function referralField(key: string): string | null {
  const head = key.split('.')[0] ?? '';
  if (head === 'receivingAgency' || head === 'contactId') return 'receivingAgency';
  return (REFERRAL_DETAIL_FIELDS as readonly string[]).includes(head) ? head : null;
}

function placedOnForm(problems: FormProblems): FormProblems {
  const out: Record<string, FormProblems[string]> = {};
  for (const [key, problem] of Object.entries(problems)) {
    const field = referralField(key);
    if (field && !(field in out)) out[field] = problem;
  }
  return out;
}

/** What the form can tell before sending: an agency chosen or typed, and the officer's position. */
function referralProblems(choice: ReceivingChoice, details: ReferralDetailsValue): FormProblems {
  const found: Record<string, FormProblems[string]> = {};
  if (choice.kind === 'none') found.receivingAgency = { messageKey: 'errors.field.chooseAgency' };
  if (!details.officerPosition.trim()) {
    found.officerPosition = { messageKey: 'errors.referralMissing.officer.position' };
  }
  return found;
}

/**
 * Sign and save the referral (main opens the save dialog and writes the file), and list those made.
 * caseProvince: the case's province, to offer its agencies first; read here when not given.
 */
export function ReferralPanel({
  caseId,
  caseProvince,
  onChanged,
}: {
  caseId: string;
  caseProvince?: string | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [choice, setChoice] = useState<ReceivingChoice>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  // Kept as a key, so the message follows a change of UI language.
  const [message, setMessage] = useState<{ key: UiKey; file?: string } | null>(null);
  const [made, setMade] = useState<Referral[]>([]);
  const [details, setDetails] = useState<ReferralDetailsValue>(EMPTY_REFERRAL_DETAILS);
  const [agencyReady, setAgencyReady] = useState(false);
  const form = useRef<HTMLDivElement>(null);
  const { problems, text: problem, show, clear } = useFormProblems(form);

  const onChoice = useCallback(
    (next: ReceivingChoice) => {
      setChoice(next);
      if (next.kind !== 'none') clear('receivingAgency');
    },
    [clear],
  );
  // Whom the person consented to be referred to; consent recorded without it needs the officer's word.
  const [consent, setConsent] = useState<ResponseOf<'referral.consentReceiver'> | null>(null);
  const [confirmNamed, setConfirmNamed] = useState(false);

  const load = useCallback(async () => {
    const reply = await call('referral.list', { caseId });
    if (reply.ok) setMade(reply.value);
    const consented = await call('referral.consentReceiver', { caseId });
    setConsent(consented.ok ? consented.value : null);
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const exportNow = async () => {
    setError(null);
    setMessage(null);
    const found = referralProblems(choice, details);
    if (!show(found) || choice.kind === 'none') return;
    setBusy(true);
    // A directory entry goes by id: main prints the contact details it has stored, not the screen's.
    const facts = {
      ...referralFactsOf(details),
      ...(consent?.given && !consent.recorded && confirmNamed ? { confirmReceiverNamed: true } : {}),
    };
    const reply = await call(
      'referral.export',
      choice.kind === 'contact'
        ? { caseId, receivingAgency: choice.contact.name, contactId: choice.contact.id, ...facts }
        : { caseId, receivingAgency: choice.name, ...facts },
    );
    setBusy(false);
    // What was typed stays in the form; what main found wrong is said under its field.
    if (!reply.ok) {
      setError(reply.error);
      return show(placedOnForm(problemsFromReply(reply.error)));
    }
    setMessage(
      reply.value.referral
        ? { key: 'referral.exported', file: reply.value.referral.fileName }
        : { key: 'referral.cancelled' },
    );
    await load();
    onChanged();
  };

  return (
    <div className="panel" data-testid="referral-panel">
      <h2>{t('referral.title')}</h2>
      {consent?.given && consent.recorded && (
        <p className="notice" data-testid="referral-consent">
          {t('referral.consent.asked', {
            receiver:
              consent.recorded.kind !== 'agencyKind'
                ? consent.recorded.name
                : t('referral.consent.anyOfKind', {
                    kind: t(`admin.settings.kinds.${consent.recorded.agencyKind}`),
                  }),
          })}
        </p>
      )}
      <div ref={form}>
        <ReceivingAgencyPicker
          caseId={caseId}
          caseProvince={caseProvince}
          error={problem('receivingAgency')}
          onChange={onChoice}
        />
        {consent?.given && !consent.recorded && (
          <div className="warning" data-testid="referral-consent-unrecorded">
            <p>{t('referral.consent.notRecorded')}</p>
            <CheckField
              label={t('referral.consent.confirm')}
              checked={confirmNamed}
              onChange={setConfirmNamed}
              testId="referral-confirm-named"
            />
          </div>
        )}
        <ReferralDetails
          value={details}
          problems={problems}
          refreshKey={made.length}
          onChange={(value, changed) => {
            setDetails(value);
            clear(changed === 'teamText' ? 'team' : changed);
          }}
          onReadiness={setAgencyReady}
        />
      </div>
      <button
        type="button"
        disabled={busy || !agencyReady}
        onClick={() => void exportNow()}
        data-testid="export-referral"
      >
        {busy ? t('actions.working') : t('referral.export')}
      </button>
      <ErrorMessage error={generalError(error, (key) => referralField(key) !== null)} />
      {message && (
        <p className="notice" role="status" data-testid="referral-message">
          {t(message.key, { file: message.file })}
        </p>
      )}
      <h3>{t('referral.made')}</h3>
      {made.length === 0 && <p className="muted">{t('referral.none')}</p>}
      <ul className="referrals">
        {made.map((r) => (
          <li key={r.id} data-testid="referral-item">
            <strong>{r.receivingAgency}</strong> · {formatDateTime(r.signedAt, uiLanguage)} · {r.signerName}
            <br />
            <span className="muted">
              {t('referral.fingerprint')}: <code>{r.fileSha256}</code>
            </span>
          </li>
        ))}
      </ul>
      <VerifyPdf />
    </div>
  );
}
