import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceLabel, sortByProvince, THAI_PROVINCES } from '../../../shared/domain/provinces';
import {
  agencyDetails,
  type ReferralContact,
  type ReferralFont,
  referralFont as referralFontSchema,
  type Settings,
  settingsPatch,
} from '../../../shared/domain/settings';
import { LOCALE_NATIVE_NAMES, LOCALES } from '../../../shared/i18n/locales';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton, SubmitButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  type FormProblems,
  generalError,
  problemsFromReply,
  problemsFromSchema,
  useFormProblems,
} from '../../components/form-problems';
import { onSubmitting } from '../../components/form-submit';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { type AgencyKeyStatus, AgencyKeysPanel } from './AgencyKeysPanel';
import { AgencyKindField } from './AgencyKindField';
import { AgencyTrustEditor } from './AgencyTrustEditor';

type Agency = Settings['agency'];
const AGENCY_FIELDS = ['name', 'unit', 'province', 'address', 'phone', 'letterPrefix'] as const;
const CONTACT_TEXT_FIELDS = ['phone', 'email', 'address'] as const;
const PROVINCE_LIST_ID = 'thai-provinces';
/** A directory entry's long fields (name, address) take a whole row of its grid, however many columns fit. */
const FULL_ROW = { gridColumn: '1 / -1', minWidth: 0 } as const;
/** Columns wide enough for the longest kind of agency in Thai; fewer columns as the text grows. */
const ENTRY_GRID = {
  padding: '0.25rem 0.75rem 0',
  gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 15rem), 1fr))',
} as const;

/** The 77 provinces as suggestions for every province field of this screen (Thai name, English label). */
function ProvinceSuggestions() {
  return (
    <datalist id={PROVINCE_LIST_ID} data-testid="province-suggestions">
      {THAI_PROVINCES.map((p) => (
        <option key={p.th} value={p.th} label={p.en} />
      ))}
    </datalist>
  );
}

/** A number typed in a box; an empty box is no number (so it is said to be missing, not taken as 0). */
function typedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

const DIRECTORY_FIELDS = ['name', 'province', 'kind', 'phone', 'email', 'address'] as const;

/**
 * Where a problem main or the schema named is shown on this form: the field's own key, a directory
 * entry's trust lists as one place each; null for anything the form has no field for.
 */
function settingsField(key: string): string | null {
  const parts = key.split('.');
  if (parts[0] === 'referralDirectory' && parts.length >= 3) {
    const [, index, field] = parts;
    if (field === 'trustedCertificates' || field === 'trustedStores')
      return `referralDirectory.${index}.${field}`;
    return (DIRECTORY_FIELDS as readonly string[]).includes(field ?? '') ? parts.slice(0, 3).join('.') : null;
  }
  if (parts[0] === 'agency' && parts.length === 2)
    return (AGENCY_FIELDS as readonly string[]).includes(parts[1] ?? '') ? key : null;
  if (key === 'followUpDays.reflectionDays' || key === 'followUpDays.shelterDays') return key;
  if (key === 'autoLockMinutes' || key === 'intervieweeLanguageDefault' || key === 'referralFont') return key;
  return null;
}

function placed(problems: FormProblems): FormProblems {
  const out: Record<string, FormProblems[string]> = {};
  for (const [key, problem] of Object.entries(problems)) {
    const field = settingsField(key);
    if (field && !(field in out)) out[field] = problem;
  }
  return out;
}

/** Device-wide settings: auto-lock, default interviewee language, agency, follow-up days, directory. */
export function SettingsAdmin() {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [loaded, setLoaded] = useState(false);
  const [autoLock, setAutoLock] = useState('5');
  const [language, setLanguage] = useState('my');
  const [agency, setAgency] = useState<Agency>(() => agencyDetails.parse({}));
  const [days, setDays] = useState<{ reflection: string; shelter: string }>({
    reflection: '45',
    shelter: '15',
  });
  const [directory, setDirectory] = useState<ReferralContact[]>([]);
  const [referralFont, setReferralFont] = useState<ReferralFont>('sarabun');
  const [error, setError] = useState<ReplyError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { problems, text: problem, show, clear, edit } = useFormProblems(form);

  // Read when settings arrive, without reloading them (and losing edits) when the UI language changes.
  const uiLanguageNow = useRef(uiLanguage);
  uiLanguageNow.current = uiLanguage;
  const showSettings = useCallback((settings: Settings) => {
    setAutoLock(String(settings.autoLockMinutes));
    setLanguage(settings.intervieweeLanguageDefault);
    setAgency(settings.agency);
    setReferralFont(settings.referralFont);
    // Shown (and so saved) by province; entries added later stay where they are until sorted again.
    setDirectory(sortByProvince(settings.referralDirectory, uiLanguageNow.current));
    setDays({
      reflection: String(settings.followUpDays.reflectionDays),
      shelter: String(settings.followUpDays.shelterDays),
    });
  }, []);

  const [keys, setKeys] = useState<AgencyKeyStatus | null>(null);
  const loadKeys = useCallback(async () => {
    const reply = await call('admin.agencyKey.status', {});
    if (reply.ok) setKeys(reply.value);
  }, []);
  const load = useCallback(async () => {
    const reply = await call('admin.settings.get', {});
    if (!reply.ok) return setError(reply.error);
    showSettings(reply.value.settings);
    setLoaded(true);
  }, [showSettings]);
  useEffect(() => {
    void load();
    void loadKeys();
  }, [load, loadKeys]);

  const save = async () => {
    setError(null);
    setSaved(false);
    const request = {
      autoLockMinutes: typedNumber(autoLock),
      intervieweeLanguageDefault: language,
      agency,
      referralDirectory: directory,
      referralFont,
      followUpDays: { reflectionDays: typedNumber(days.reflection), shelterDays: typedNumber(days.shelter) },
    };
    // What main would refuse is said under each field before anything is sent; what is typed stays.
    const found = placed(problemsFromSchema(settingsPatch, request));
    if (!show(found)) return;
    setBusy(true);
    const settings = await call('admin.settings.update', request);
    setBusy(false);
    if (!settings.ok) {
      setError(settings.error);
      return show(placed(problemsFromReply(settings.error)));
    }
    showSettings(settings.value);
    setSaved(true);
  };

  if (!loaded) return <ErrorMessage error={error} />;

  const keyShort = new Map((keys?.imported ?? []).map((k) => [k.agencyId, k.shortFingerprint]));
  return (
    <>
      <form ref={form} noValidate data-testid="admin-settings" onSubmit={onSubmitting(save)}>
        <h2>{t('admin.settings.title')}</h2>
        <ProvinceSuggestions />
        <div className="grid-form">
          <fieldset>
            <legend>{t('admin.settings.deviceTitle')}</legend>
            <TextField
              label={t('admin.settings.autoLock')}
              hint={t('admin.settings.autoLockHint')}
              error={problem('autoLockMinutes')}
              type="number"
              range={{ min: 1, max: 120 }}
              value={autoLock}
              onChange={edit(setAutoLock, 'autoLockMinutes')}
              testId="settings-auto-lock"
            />
            <SelectField
              label={t('admin.settings.intervieweeLanguage')}
              error={problem('intervieweeLanguageDefault')}
              value={language}
              options={[
                ...((LOCALES as readonly string[]).includes(language)
                  ? []
                  : [{ value: language, label: language }]),
                ...LOCALES.map((l) => ({ value: l as string, label: LOCALE_NATIVE_NAMES[l], lang: l })),
              ]}
              onChange={edit(setLanguage, 'intervieweeLanguageDefault')}
              testId="settings-interviewee-language"
            />
          </fieldset>
          <fieldset>
            <legend>{t('admin.settings.followUpTitle')}</legend>
            <TextField
              label={t('admin.settings.reflectionDays')}
              error={problem('followUpDays.reflectionDays')}
              type="number"
              range={{ min: 1, max: 365 }}
              value={days.reflection}
              onChange={(next) => {
                setDays((d) => ({ ...d, reflection: next }));
                clear('followUpDays.reflectionDays');
              }}
              testId="settings-reflection-days"
            />
            <TextField
              label={t('admin.settings.shelterDays')}
              hint={t('admin.settings.followUpHint')}
              error={problem('followUpDays.shelterDays')}
              type="number"
              range={{ min: 1, max: 365 }}
              value={days.shelter}
              onChange={(next) => {
                setDays((d) => ({ ...d, shelter: next }));
                clear('followUpDays.shelterDays');
              }}
              testId="settings-shelter-days"
            />
          </fieldset>
          <fieldset>
            <legend>{t('admin.settings.agencyTitle')}</legend>
            {AGENCY_FIELDS.map((f) => (
              <TextField
                key={f}
                label={t(`admin.settings.agency.${f}`)}
                error={problem(`agency.${f}`)}
                value={agency[f]}
                onChange={(next) => {
                  setAgency((a) => ({ ...a, [f]: next }));
                  clear(`agency.${f}`);
                }}
                testId={`settings-agency-${f}`}
                {...(f === 'province' ? { list: PROVINCE_LIST_ID } : {})}
              />
            ))}
            <SelectField
              label={t('admin.settings.referralFont')}
              hint={t('admin.settings.referralFontHint')}
              value={referralFont}
              options={referralFontSchema.options.map((font) => ({
                value: font,
                label: t(`admin.settings.referralFonts.${font}`),
              }))}
              onChange={setReferralFont}
              testId="settings-referral-font"
            />
          </fieldset>
        </div>
        <DirectoryEditor
          directory={directory}
          onChange={(update, moved) => {
            setDirectory(update);
            // Entries removed or sorted: what was said by position no longer fits (said again on saving).
            const stale = Object.keys(problems).filter((k) => k.startsWith('referralDirectory.'));
            if (moved && stale.length > 0) clear(...stale);
          }}
          problem={problem}
          onFixed={clear}
          agencyKeys={keyShort}
        />
        <ErrorMessage error={generalError(error, (key) => settingsField(key) !== null)} />
        {saved && (
          <p className="notice" role="status" data-testid="settings-saved">
            {t('admin.settings.saved')}
          </p>
        )}
        <SubmitButton busy={busy} label={t('admin.settings.save')} testId="settings-save" />
      </form>
      {keys && (
        <AgencyKeysPanel
          status={keys}
          directory={directory}
          onChanged={() => {
            void load();
            void loadKeys();
          }}
        />
      )}
    </>
  );
}

/**
 * The referral directory: receiving agencies with the province each serves, listed by province (on
 * load, and again on request: an entry being edited never jumps away from the keyboard focus).
 */
function DirectoryEditor({
  directory,
  onChange,
  problem,
  onFixed,
  agencyKeys,
}: {
  directory: ReferralContact[];
  /** Short fingerprint of the agency key each entry holds (by entry id). */
  agencyKeys: ReadonlyMap<string, string>;
  /** moved: entries were removed or sorted, so problems said by position no longer fit. */
  onChange: (update: (list: ReferralContact[]) => ReferralContact[], moved?: boolean) => void;
  /** What is wrong with a field, by its path in the settings ("referralDirectory.2.name"). */
  problem: (key: string) => string | null;
  onFixed: (key: string) => void;
}) {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const addButton = useRef<HTMLButtonElement>(null);
  // The entry whose name field takes the focus when it appears (a new one).
  const focusOnMount = useRef<string | null>(null);
  // Its field took the focus as it appeared (TextField autoFocus); later renders leave the focus be.
  useEffect(() => {
    focusOnMount.current = null;
  });

  const update = (id: string, patch: Partial<ReferralContact>) => {
    const index = directory.findIndex((c) => c.id === id);
    for (const key of Object.keys(patch)) onFixed(`referralDirectory.${index}.${key}`);
    onChange((list) => list.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  };

  return (
    <fieldset data-testid="settings-directory">
      <legend>{t('admin.settings.directoryTitle')}</legend>
      <p className="muted small">{t('admin.settings.directoryHint')}</p>
      {directory.length === 0 && <p className="muted">{t('admin.settings.noContacts')}</p>}
      {directory.length > 1 && (
        <ActionButton
          testId="directory-sort"
          onClick={() => onChange((list) => sortByProvince(list, uiLanguage), true)}
        >
          {t('admin.settings.sortByProvince')}
        </ActionButton>
      )}
      {directory.map((c, i) => {
        const province = c.province.trim() ? provinceLabel(c.province, uiLanguage) : '';
        return (
          <fieldset
            key={c.id}
            className="contact"
            style={ENTRY_GRID}
            data-testid="directory-entry"
            data-province={c.province}
          >
            <legend>
              <span data-testid={`directory-heading-province-${i}`}>
                {province || t('admin.settings.noProvince')}
              </span>
              {' · '}
              <span className="muted">{c.name.trim() || t('admin.settings.newContact')}</span>
            </legend>
            {agencyKeys.has(c.id) && (
              <p style={FULL_ROW} className="small" data-testid={`directory-agency-key-${i}`}>
                {t('handover.keys.entryKey')} <strong className="fingerprint">{agencyKeys.get(c.id)}</strong>
              </p>
            )}
            <div style={FULL_ROW}>
              <TextField
                label={t('admin.settings.contact.name')}
                error={problem(`referralDirectory.${i}.name`)}
                value={c.name}
                onChange={(name) => update(c.id, { name })}
                testId={`directory-name-${i}`}
                autoFocus={focusOnMount.current === c.id}
              />
            </div>
            <TextField
              label={t('admin.settings.contact.province')}
              error={problem(`referralDirectory.${i}.province`)}
              list={PROVINCE_LIST_ID}
              value={c.province}
              onChange={(province) => update(c.id, { province })}
              testId={`directory-province-${i}`}
            />
            <AgencyKindField
              value={c.kind}
              onChange={(kind) => update(c.id, { kind })}
              testId={`directory-kind-${i}`}
              error={problem(`referralDirectory.${i}.kind`)}
            />
            {CONTACT_TEXT_FIELDS.map((f) => (
              <div key={f} style={f === 'address' ? FULL_ROW : undefined}>
                <TextField
                  label={t(`admin.settings.contact.${f}`)}
                  error={problem(`referralDirectory.${i}.${f}`)}
                  type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
                  value={c[f]}
                  onChange={(v) => update(c.id, { [f]: v })}
                  testId={`directory-${f}-${i}`}
                />
              </div>
            ))}
            <AgencyTrustEditor
              entry={c}
              index={i}
              onChange={(patch) => update(c.id, patch)}
              certificatesError={problem(`referralDirectory.${i}.trustedCertificates`)}
              storesError={problem(`referralDirectory.${i}.trustedStores`)}
            />
            <button
              type="button"
              className="secondary"
              aria-label={t('admin.settings.removeContactNamed', { name: c.name || '—' })}
              onClick={() => {
                onChange((list) => list.filter((x) => x.id !== c.id), true);
                addButton.current?.focus();
              }}
              data-testid={`directory-remove-${i}`}
            >
              {t('admin.settings.removeContact')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        ref={addButton}
        data-testid="directory-add"
        onClick={() => {
          const id = crypto.randomUUID();
          focusOnMount.current = id;
          onChange((list) => [
            ...list,
            {
              id,
              name: '',
              kind: 'shelter',
              province: '',
              phone: '',
              email: '',
              address: '',
              trustedCertificates: [],
              trustedStores: [],
            },
          ]);
        }}
      >
        {t('admin.settings.addContact')}
      </button>
    </fieldset>
  );
}
