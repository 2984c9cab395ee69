import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyKind, type ReferralContact, type Settings } from '../../../shared/domain/settings';
import { LOCALE_NATIVE_NAMES, LOCALES } from '../../../shared/i18n/locales';
import type { FollowUpDays } from '../../../shared/ipc/channels/casework';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';

type Agency = Settings['agency'];
const AGENCY_FIELDS = ['name', 'unit', 'province', 'address', 'phone'] as const;
const CONTACT_TEXT_FIELDS = ['phone', 'email', 'address'] as const;

/** Device-wide settings: auto-lock, default interviewee language, agency, follow-up days, directory. */
export function SettingsAdmin() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(false);
  const [autoLock, setAutoLock] = useState('5');
  const [language, setLanguage] = useState('my');
  const [agency, setAgency] = useState<Agency>({ name: '', unit: '', province: '', address: '', phone: '' });
  const [days, setDays] = useState<{ reflection: string; shelter: string }>({
    reflection: '45',
    shelter: '15',
  });
  const [directory, setDirectory] = useState<ReferralContact[]>([]);
  const [error, setError] = useState<ReplyError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = useCallback((settings: Settings, followUp: FollowUpDays) => {
    setAutoLock(String(settings.autoLockMinutes));
    setLanguage(settings.intervieweeLanguageDefault);
    setAgency(settings.agency);
    setDirectory(settings.referralDirectory);
    setDays({ reflection: String(followUp.reflectionDays), shelter: String(followUp.shelterDays) });
  }, []);

  useEffect(() => {
    void call('admin.settings.get', {}).then((reply) => {
      if (!reply.ok) return setError(reply.error);
      show(reply.value.settings, reply.value.followUpDays);
      setLoaded(true);
    });
  }, [show]);

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    const settings = await call('admin.settings.update', {
      autoLockMinutes: Number(autoLock),
      intervieweeLanguageDefault: language,
      agency,
      referralDirectory: directory,
    });
    if (!settings.ok) {
      setBusy(false);
      return setError(settings.error);
    }
    const followUp = await call('admin.followUpDays.set', {
      reflectionDays: Number(days.reflection),
      shelterDays: Number(days.shelter),
    });
    setBusy(false);
    if (!followUp.ok) return setError(followUp.error);
    show(settings.value, followUp.value);
    setSaved(true);
  };

  const updateContact = (id: string, patch: Partial<ReferralContact>) =>
    setDirectory((list) => list.map((c) => (c.id === id ? { ...c, ...patch } : c)));

  if (!loaded) return <ErrorMessage error={error} />;

  return (
    <form
      data-testid="admin-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t('admin.settings.title')}</h2>
      <div className="grid-form">
        <fieldset>
          <legend>{t('admin.settings.deviceTitle')}</legend>
          <Field label={t('admin.settings.autoLock')} hint={t('admin.settings.autoLockHint')}>
            {(id, hint) => (
              <input
                id={id}
                type="number"
                min={1}
                max={120}
                step={1}
                aria-describedby={hint}
                value={autoLock}
                onChange={(e) => setAutoLock(e.target.value)}
                data-testid="settings-auto-lock"
              />
            )}
          </Field>
          <Field label={t('admin.settings.intervieweeLanguage')}>
            {(id) => (
              <select
                id={id}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                data-testid="settings-interviewee-language"
              >
                {!(LOCALES as readonly string[]).includes(language) && (
                  <option value={language}>{language}</option>
                )}
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LOCALE_NATIVE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.followUpTitle')}</legend>
          <Field label={t('admin.settings.reflectionDays')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={365}
                value={days.reflection}
                onChange={(e) => setDays((d) => ({ ...d, reflection: e.target.value }))}
                data-testid="settings-reflection-days"
              />
            )}
          </Field>
          <Field label={t('admin.settings.shelterDays')} hint={t('admin.settings.followUpHint')}>
            {(id, hint) => (
              <input
                id={id}
                type="number"
                min={1}
                max={365}
                aria-describedby={hint}
                value={days.shelter}
                onChange={(e) => setDays((d) => ({ ...d, shelter: e.target.value }))}
                data-testid="settings-shelter-days"
              />
            )}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('admin.settings.agencyTitle')}</legend>
          {AGENCY_FIELDS.map((f) => (
            <Field key={f} label={t(`admin.settings.agency.${f}`)}>
              {(id) => (
                <input
                  id={id}
                  value={agency[f]}
                  onChange={(e) => setAgency((a) => ({ ...a, [f]: e.target.value }))}
                  data-testid={`settings-agency-${f}`}
                />
              )}
            </Field>
          ))}
        </fieldset>
      </div>
      <fieldset data-testid="settings-directory">
        <legend>{t('admin.settings.directoryTitle')}</legend>
        <p className="muted small">{t('admin.settings.directoryHint')}</p>
        {directory.length === 0 && <p className="muted">{t('admin.settings.noContacts')}</p>}
        {directory.map((c, i) => (
          <div key={c.id} className="contact" data-testid="directory-entry">
            <Field label={t('admin.settings.contact.name')}>
              {(id) => (
                <input
                  id={id}
                  value={c.name}
                  onChange={(e) => updateContact(c.id, { name: e.target.value })}
                  data-testid={`directory-name-${i}`}
                />
              )}
            </Field>
            <Field label={t('admin.settings.contact.kind')}>
              {(id) => (
                <select
                  id={id}
                  value={c.kind}
                  onChange={(e) => updateContact(c.id, { kind: agencyKind.parse(e.target.value) })}
                >
                  {agencyKind.options.map((k) => (
                    <option key={k} value={k}>
                      {t(`admin.settings.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {CONTACT_TEXT_FIELDS.map((f) => (
              <Field key={f} label={t(`admin.settings.contact.${f}`)}>
                {(id) => (
                  <input
                    id={id}
                    type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                    value={c[f]}
                    onChange={(e) => updateContact(c.id, { [f]: e.target.value })}
                  />
                )}
              </Field>
            ))}
            <button
              type="button"
              className="secondary"
              aria-label={t('admin.settings.removeContactNamed', { name: c.name || '—' })}
              onClick={() => setDirectory((list) => list.filter((x) => x.id !== c.id))}
            >
              {t('admin.settings.removeContact')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          data-testid="directory-add"
          onClick={() =>
            setDirectory((list) => [
              ...list,
              { id: crypto.randomUUID(), name: '', kind: 'shelter', phone: '', email: '', address: '' },
            ])
          }
        >
          {t('admin.settings.addContact')}
        </button>
      </fieldset>
      <ErrorMessage error={error} />
      {saved && (
        <p className="notice" role="status" data-testid="settings-saved">
          {t('admin.settings.saved')}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="settings-save">
        {busy ? t('actions.working') : t('admin.settings.save')}
      </button>
    </form>
  );
}
