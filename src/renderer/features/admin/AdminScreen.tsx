import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import { AuditAdmin } from './AuditAdmin';
import { BackupAdmin } from './BackupAdmin';
import { SettingsAdmin } from './SettingsAdmin';
import { UsersAdmin } from './UsersAdmin';

export const ADMIN_TABS = ['users', 'settings', 'audit', 'backup'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

/**
 * Supervisor screens. Shown only to supervisors, but that is not the protection: every channel they
 * call is 'supervisor' in the contract and main refuses anyone else.
 */
export function AdminScreen({
  user,
  tab,
  onTab,
}: {
  user: SessionUser;
  tab: AdminTab;
  onTab: (tab: AdminTab) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="admin-title" data-testid="admin-screen">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <nav className="sub-nav" aria-label={t('admin.title')}>
        {ADMIN_TABS.map((id) => (
          <button
            key={id}
            type="button"
            className={tab === id ? 'tab active' : 'tab'}
            aria-current={tab === id ? 'page' : undefined}
            onClick={() => onTab(id)}
            data-testid={`admin-tab-${id}`}
          >
            {t(`admin.tabs.${id}`)}
          </button>
        ))}
      </nav>
      {tab === 'users' && <UsersAdmin user={user} />}
      {tab === 'settings' && <SettingsAdmin />}
      {tab === 'audit' && <AuditAdmin />}
      {tab === 'backup' && <BackupAdmin />}
    </section>
  );
}
