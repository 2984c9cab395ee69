import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directoryChoices, provinceLabel } from '../../../shared/domain/provinces';
import type { ReferralContact } from '../../../shared/domain/settings';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { Field, tiedTo } from '../../components/Field';
import { TextField } from '../../components/TextField';

/** What the officer picked: a directory entry (main prints its stored details) or a typed name. */
export type ReceivingChoice =
  | { kind: 'contact'; contact: ReferralContact }
  | { kind: 'typed'; name: string }
  | { kind: 'none' };

/** Value of the "type another agency" option; directory ids are UUIDs, so it never collides. */
const TYPED = '__typed';

/**
 * The case's province, for ordering the directory. The case page can pass it; otherwise it is read
 * once here (only when the directory has entries, since reading a case is an audited view).
 * `known` turns true once there is an answer (or none to be had), so the list never reorders under
 * the officer's eyes.
 */
function useCaseProvince(caseId: string, given: string | null | undefined, needed: boolean) {
  const [read, setRead] = useState<{ caseId: string; province: string | null } | null>(null);
  useEffect(() => {
    if (given !== undefined || !needed) return;
    let live = true;
    void call('cases.get', { id: caseId }).then((reply) => {
      if (live) setRead({ caseId, province: reply.ok ? (reply.value.place.province ?? null) : null });
    });
    return () => {
      live = false;
    };
  }, [caseId, given, needed]);
  if (given !== undefined) return { province: given, known: true };
  if (read?.caseId === caseId) return { province: read.province, known: true };
  return { province: null, known: !needed };
}

/**
 * The receiving agency: chosen from the referral directory (the case's province first, then the other
 * provinces, each labelled), or typed when it is not in the directory. With an empty directory it is
 * just the text field.
 */
export function ReceivingAgencyPicker({
  caseId,
  caseProvince,
  error,
  onChange,
}: {
  caseId: string;
  caseProvince?: string | null;
  /** What is wrong with the choice (none made, a name too long), said under the field in use. */
  error?: string | null;
  onChange: (choice: ReceivingChoice) => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [directory, setDirectory] = useState<ReferralContact[] | null>(null);
  const [selected, setSelected] = useState('');
  const [typed, setTyped] = useState('');
  const { province, known } = useCaseProvince(caseId, caseProvince, (directory?.length ?? 0) > 0);

  useEffect(() => {
    let live = true;
    void call('referral.directory', {}).then((reply) => {
      // Without the directory the officer can still type the agency.
      if (live) setDirectory(reply.ok ? reply.value : []);
    });
    return () => {
      live = false;
    };
  }, []);

  const choices = useMemo(
    () => directoryChoices(directory ?? [], province, uiLanguage),
    [directory, province, uiLanguage],
  );
  const contact = directory?.find((c) => c.id === selected) ?? null;
  const useDirectory = (directory?.length ?? 0) > 0;
  const typing = !useDirectory || selected === TYPED;

  useEffect(() => {
    if (contact) onChange({ kind: 'contact', contact });
    else if (typing && typed.trim()) onChange({ kind: 'typed', name: typed });
    else onChange({ kind: 'none' });
  }, [contact, typing, typed, onChange]);

  if (directory === null || !known) return null;

  return (
    <>
      {useDirectory && (
        <Field
          label={t('referral.receivingAgency')}
          hint={t('referral.pick.hint')}
          error={typing ? null : error}
        >
          {(...tie) => (
            <select
              {...tiedTo(...tie)}
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              data-testid="receiving-choice"
            >
              <option value="">{t('referral.pick.choose')}</option>
              {choices.local && (
                <optgroup
                  label={t('referral.pick.local', { province: choices.local.label })}
                  data-testid="receiving-local"
                >
                  {choices.local.entries.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {choices.others.map((g) => (
                <optgroup key={g.key} label={g.label || t('referral.pick.noProvince')}>
                  {g.entries.map((c) => (
                    <option key={c.id} value={c.id}>
                      {g.label ? `${c.name} — ${g.label}` : c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
              <option value={TYPED}>{t('referral.pick.typed')}</option>
            </select>
          )}
        </Field>
      )}
      {contact && (
        <p className="small" data-testid="receiving-contact">
          {[
            t(`admin.settings.kinds.${contact.kind}`),
            contact.province ? provinceLabel(contact.province, uiLanguage) : '',
            contact.phone,
            contact.address,
            contact.email,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {typing && (
        <TextField
          label={useDirectory ? t('referral.pick.typedName') : t('referral.receivingAgency')}
          hint={useDirectory ? undefined : t('referral.pick.typeHint')}
          error={error}
          value={typed}
          onChange={setTyped}
          testId="receiving-agency"
        />
      )}
    </>
  );
}
