import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralContact } from '../../../shared/domain/settings';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { ActionButton } from '../../components/Buttons';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FileList } from '../../components/FileList';
import { AgencyKindField } from './AgencyKindField';

export type AgencyKeyStatus = ResponseOf<'admin.agencyKey.status'>;
type Picked = NonNullable<ResponseOf<'admin.agencyKey.pick'>['picked']>;

/**
 * Agency keys (Administration → Settings, beside the referral directory): this store's own key to
 * export, with the short fingerprint to read out by phone, and another store's key to import after
 * comparing its short fingerprint with the one the other side reads out. Main picks and reads the
 * files; importing adds the agency to the directory (or gives an entry its key) and trusts its store.
 */
export function AgencyKeysPanel({
  status,
  directory,
  onChanged,
}: {
  status: AgencyKeyStatus;
  directory: readonly ReferralContact[];
  /** After an import: the directory and the keys changed in main. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [exported, setExported] = useState<ResponseOf<'admin.agencyKey.export'> | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [noPick, setNoPick] = useState(false);
  const [imported, setImported] = useState<ResponseOf<'admin.agencyKey.import'> | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);

  const exportKey = async () => {
    setError(null);
    setBusy(true);
    const reply = await call('admin.agencyKey.export', {});
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setExported(reply.value);
    onChanged();
  };

  const pick = async (name: string | null) => {
    setError(null);
    setNoPick(false);
    setImported(null);
    const reply = await call('admin.agencyKey.pick', { name });
    if (!reply.ok) return setError(reply.error);
    setPicked(reply.value.picked);
    setNoPick(reply.value.picked === null);
  };

  return (
    <section className="panel" aria-labelledby="agency-keys-title" data-testid="agency-keys">
      <h3 id="agency-keys-title">{t('handover.keys.title')}</h3>
      <p className="muted small">{t('handover.keys.explain')}</p>
      <h4>{t('handover.keys.ownTitle')}</h4>
      {status.own ? (
        <p>
          {t('handover.keys.ownFingerprint')}{' '}
          <strong className="fingerprint" data-testid="agency-key-own-short">
            {status.own.shortFingerprint}
          </strong>
        </p>
      ) : (
        <p className="muted">{t('handover.keys.noIdentity')}</p>
      )}
      <ActionButton
        testId="agency-key-export"
        disabled={busy || !status.own}
        onClick={() => void exportKey()}
      >
        {busy ? t('actions.working') : t('handover.keys.export')}
      </ActionButton>
      {exported && (
        <p className="notice" role="status" data-testid="agency-key-exported">
          {exported.fileName
            ? t('handover.keys.exported', { file: exported.fileName, short: exported.facts.shortFingerprint })
            : t('handover.keys.cancelled')}
        </p>
      )}
      <h4>{t('handover.keys.importTitle')}</h4>
      {picked ? (
        <ImportConfirm
          picked={picked}
          directory={directory}
          onDone={(result) => {
            setPicked(null);
            setImported(result);
            onChanged();
          }}
          onCancel={() => setPicked(null)}
        />
      ) : status.mode === 'dialog' ? (
        <ActionButton testId="agency-key-choose" onClick={() => void pick(null)}>
          {t('handover.keys.choose')}
        </ActionButton>
      ) : (
        <FileList files={status.files} onPick={(name) => void pick(name)} testId="agency-key-files" />
      )}
      {noPick && (
        <p className="muted" role="status">
          {t('handover.keys.noneChosen')}
        </p>
      )}
      {imported && (
        <p className="notice" role="status" data-testid="agency-key-imported">
          {t('handover.keys.imported', { name: imported.agencyName, short: imported.shortFingerprint })}
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** The key's facts, the fingerprint to compare by phone, and where it goes; nothing is imported before "Import". */
function ImportConfirm({
  picked,
  directory,
  onDone,
  onCancel,
}: {
  picked: Picked;
  directory: readonly ReferralContact[];
  onDone: (result: ResponseOf<'admin.agencyKey.import'>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string>('');
  const [kind, setKind] = useState<ReferralContact['kind']>('shelter');
  const [compared, setCompared] = useState(false);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const facts = picked.facts;

  const run = async () => {
    setError(null);
    setBusy(true);
    const reply = await call('admin.agencyKey.import', {
      pickedId: picked.id,
      agencyId: target || null,
      kind,
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    onDone(reply.value);
  };

  return (
    <div className="confirm" data-testid="agency-key-confirm">
      <dl className="facts">
        <dt>{t('handover.keys.agency')}</dt>
        <dd data-testid="agency-key-name">{facts.agencyName}</dd>
        <dt>{t('handover.keys.province')}</dt>
        <dd>{facts.province || '—'}</dd>
        <dt>{t('handover.keys.shortFingerprint')}</dt>
        <dd>
          <strong className="fingerprint" data-testid="agency-key-short">
            {facts.shortFingerprint}
          </strong>
        </dd>
        <dt>{t('handover.keys.storeFingerprint')}</dt>
        <dd className="fingerprint small">{facts.storeFingerprint}</dd>
      </dl>
      <label className="check">
        <input
          type="checkbox"
          checked={compared}
          onChange={(e) => setCompared(e.target.checked)}
          data-testid="agency-key-compared"
        />{' '}
        {t('handover.keys.compared', { short: facts.shortFingerprint })}
      </label>
      <div className="two-col">
        <Field label={t('handover.keys.target')}>
          {(id) => (
            <select
              id={id}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
              data-testid="agency-key-target"
            >
              <option value="">{t('handover.keys.newEntry')}</option>
              {directory.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {target === '' && <AgencyKindField value={kind} onChange={setKind} testId="agency-key-kind" />}
      </div>
      <div className="row">
        <button
          type="button"
          disabled={!compared || busy}
          onClick={() => void run()}
          data-testid="agency-key-import"
        >
          {busy ? t('actions.working') : t('handover.keys.import')}
        </button>
        <ActionButton onClick={onCancel}>{t('handover.keys.other')}</ActionButton>
      </div>
      <ErrorMessage error={error} />
    </div>
  );
}
