import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../../shared/domain/audit';
import { ADMIN_AUDIT_ACTIONS, type AdminAuditEntry } from '../../../shared/ipc/channels/admin';
import type { ReplyError } from '../../../shared/ipc/reply';
import { call } from '../../app/call';
import { formatDateTime } from '../../app/format';
import { usePrefs } from '../../app/prefs-context';
import { ActionButton } from '../../components/Buttons';
import { ColumnHeads } from '../../components/ColumnHeads';
import { ErrorMessage } from '../../components/ErrorMessage';
import { actionLabelKey } from '../cases/casework/CaseTimeline';

const PAGE = 100;
type Action = (typeof ADMIN_AUDIT_ACTIONS)[number];

/**
 * Details of a case's rows are sealed under the case's key. Main reads them back as { erased, caseId }
 * once the case was deleted (its key destroyed), or { unreadable, caseId } when the box does not open
 * (an altered row: the chain check says which). Those get a sentence, not raw flags.
 */
function sealedState(details: unknown): 'erased' | 'unreadable' | null {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return null;
  const d = details as Record<string, unknown>;
  if (d.erased === true) return 'erased';
  if (d.unreadable === true) return 'unreadable';
  return null;
}

/** The whole audit trail, newest first, and a check of its hash chain. Supervisors only. */
export function AuditAdmin() {
  const { t } = useTranslation();
  const { uiLanguage } = usePrefs();
  const [action, setAction] = useState<Action | ''>('');
  const [entries, setEntries] = useState<AdminAuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<ReplyError | null>(null);
  const [busy, setBusy] = useState(false);
  const filterId = useId();

  const load = useCallback(
    async (beforeSeq?: number) => {
      const reply = await call('admin.audit.list', {
        ...(action ? { action } : {}),
        ...(beforeSeq ? { beforeSeq } : {}),
        limit: PAGE,
      });
      if (!reply.ok) return setError(reply.error);
      setError(null);
      setEntries((old) => (beforeSeq ? [...old, ...reply.value] : reply.value));
      setMore(reply.value.length === PAGE);
    },
    [action],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const check = async () => {
    setBusy(true);
    setVerify(null);
    const reply = await call('admin.audit.verify', {});
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setVerify(reply.value);
  };

  const who = (e: AdminAuditEntry) =>
    e.actorKind === 'recovery'
      ? t('timeline.recovery')
      : e.actorKind === 'system'
        ? t('timeline.system')
        : e.actor;

  return (
    <div data-testid="admin-audit">
      <h2>{t('admin.audit.title')}</h2>
      <div className="row">
        <button type="button" onClick={() => void check()} disabled={busy} data-testid="audit-verify">
          {busy ? t('actions.working') : t('admin.audit.verify')}
        </button>
        {verify?.ok === true && (
          <p className="ok" role="status" data-testid="audit-verify-result" data-ok="true">
            {t('admin.audit.intact', { count: verify.rows })}
          </p>
        )}
        {verify?.ok === false && (
          <p className="error" role="alert" data-testid="audit-verify-result" data-ok="false">
            {verify.firstBrokenSeq === undefined
              ? t('admin.audit.brokenSchema', { reason: t(`admin.audit.reasons.${verify.reason}`) })
              : t('admin.audit.broken', {
                  seq: verify.firstBrokenSeq,
                  reason: t(`admin.audit.reasons.${verify.reason}`),
                })}
          </p>
        )}
      </div>
      <div className="filters">
        <label htmlFor={filterId}>{t('admin.audit.action')}</label>
        <select
          id={filterId}
          value={action}
          onChange={(e) => setAction(e.target.value as Action | '')}
          data-testid="audit-action-filter"
        >
          <option value="">{t('admin.audit.anyAction')}</option>
          {ADMIN_AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(actionLabelKey(a), { defaultValue: a })}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      <div className="table-wrap">
        <table className="cases audit">
          <ColumnHeads
            labels={[
              t('admin.audit.seq'),
              t('admin.audit.time'),
              t('admin.audit.actor'),
              t('admin.audit.action'),
              t('admin.audit.entity'),
              t('admin.audit.details'),
            ]}
          />
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                <td>{e.seq}</td>
                <td>{formatDateTime(e.at, uiLanguage)}</td>
                <td>{who(e)}</td>
                <td>
                  {t(actionLabelKey(e.action), { defaultValue: e.action })}
                  <br />
                  <code className="muted">{e.action}</code>
                </td>
                <td>
                  {e.entityType ?? ''}
                  {e.entityId && (
                    <>
                      <br />
                      <code className="muted id">{e.entityId.slice(0, 8)}</code>
                    </>
                  )}
                </td>
                <td>
                  {sealedState(e.details) === 'erased' && (
                    <span className="muted" data-testid="audit-details-erased">
                      {t('admin.audit.detailsErased')}
                    </span>
                  )}
                  {sealedState(e.details) === 'unreadable' && (
                    <span className="error" data-testid="audit-details-unreadable">
                      {t('admin.audit.detailsUnreadable')}
                    </span>
                  )}
                  {sealedState(e.details) === null &&
                    e.details !== null &&
                    typeof e.details === 'object' &&
                    Object.keys(e.details).length > 0 && (
                      <details>
                        <summary>{t('admin.audit.show')}</summary>
                        <pre className="json">{JSON.stringify(e.details, null, 2)}</pre>
                      </details>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {entries.length === 0 && <p className="muted">{t('admin.audit.none')}</p>}
      {more && (
        <ActionButton testId="audit-more" onClick={() => void load(entries[entries.length - 1]?.seq)}>
          {t('admin.audit.more')}
        </ActionButton>
      )}
    </div>
  );
}
