import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentReceiver, ConsentReceiverChoice } from '../../../shared/domain/consent-receiver';
import { provinceLabel } from '../../../shared/domain/provinces';
import { agencyKind, type ReferralContact } from '../../../shared/domain/settings';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { Field } from '../../components/Field';

type Kind = ReferralContact['kind'];

/** Value of the "type another agency" option (directory ids are UUIDs, kinds are words). */
const TYPED = 'typed';

/**
 * The select's value for a choice: `c:<id>` for a directory entry, `k:<kind>` for a kind of agency,
 * `typed` for an agency's name typed by hand.
 */
export function choiceValue(choice: ConsentReceiverChoice | null): string {
  if (!choice) return '';
  if ('contactId' in choice) return `c:${choice.contactId}`;
  return 'agencyKind' in choice ? `k:${choice.agencyKind}` : TYPED;
}

/** The choice that records this receiver again (a recorded answer's receiver, when changing it). */
export function choiceOf(receiver: ConsentReceiver | undefined): ConsentReceiverChoice | null {
  if (!receiver) return null;
  if (receiver.kind === 'contact') return { contactId: receiver.contactId };
  return receiver.kind === 'named' ? { name: receiver.name } : { agencyKind: receiver.agencyKind };
}

function parseChoice(value: string): ConsentReceiverChoice | null {
  if (value.startsWith('c:')) return { contactId: value.slice(2) };
  const kind = agencyKind.safeParse(value.slice(2));
  return value.startsWith('k:') && kind.success ? { agencyKind: kind.data } : null;
}

/** The referral directory, read once (officers may read it; it is empty until a supervisor fills it). */
export function useReferralDirectory(): ReferralContact[] {
  const [directory, setDirectory] = useState<ReferralContact[]>([]);
  useEffect(() => {
    let live = true;
    void call('referral.directory', {}).then((reply) => {
      if (live && reply.ok) setDirectory(reply.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return directory;
}

/**
 * Before the referral-consent question: the receiving agency the officer names to the person, from the
 * referral directory or as a kind of agency. The answer is recorded with it, and a referral can go to
 * that receiver only. Focused while nothing is chosen, so ↓ picks and Tab goes on to the answers.
 */
export function ConsentReceiverPicker({
  directory,
  value,
  onChange,
}: {
  directory: readonly ReferralContact[];
  value: ConsentReceiverChoice | null;
  onChange: (choice: ConsentReceiverChoice | null) => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const select = useRef<HTMLSelectElement>(null);
  const [typing, setTyping] = useState(value !== null && 'name' in value);
  const [typed, setTyped] = useState(value !== null && 'name' in value ? value.name : '');
  const chosen = value !== null || typing;
  useEffect(() => {
    if (!chosen) select.current?.focus();
  }, [chosen]);
  return (
    <>
      <Field label={t('interview.consentReceiver.label')} hint={t('interview.consentReceiver.hint')}>
        {(id, hint) => (
          <select
            ref={select}
            id={id}
            aria-describedby={hint}
            value={typing ? TYPED : choiceValue(value)}
            onChange={(e) => {
              const next = e.target.value;
              setTyping(next === TYPED);
              onChange(next === TYPED ? (typed.trim() ? { name: typed.trim() } : null) : parseChoice(next));
            }}
            data-testid="consent-receiver"
          >
            <option value="">{t('interview.consentReceiver.choose')}</option>
            {directory.length > 0 && (
              <optgroup label={t('interview.consentReceiver.directory')}>
                {directory.map((c) => (
                  <option key={c.id} value={`c:${c.id}`}>
                    {c.province ? `${c.name} — ${provinceLabel(c.province, uiLanguage)}` : c.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t('interview.consentReceiver.kinds')}>
              {agencyKind.options.map((kind: Kind) => (
                <option key={kind} value={`k:${kind}`}>
                  {t(`admin.settings.kinds.${kind}`)}
                </option>
              ))}
            </optgroup>
            <option value={TYPED}>{t('referral.pick.typed')}</option>
          </select>
        )}
      </Field>
      {typing && (
        <Field label={t('referral.pick.typedName')}>
          {(id) => (
            <input
              id={id}
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                onChange(e.target.value.trim() ? { name: e.target.value.trim() } : null);
              }}
              data-testid="consent-receiver-name"
            />
          )}
        </Field>
      )}
    </>
  );
}

/** The receiver's name as the person hears it: the entry's name, or the kind in their language. */
export function receiverText(
  choice: ConsentReceiverChoice,
  directory: readonly ReferralContact[],
  kindName: (kind: Kind) => string,
): string {
  if ('agencyKind' in choice) return kindName(choice.agencyKind);
  if ('name' in choice) return choice.name;
  return directory.find((c) => c.id === choice.contactId)?.name ?? '';
}
