import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import { useActivityPing } from '../../app/activity';
import { call } from '../../app/call';
import { useChrome } from '../../app/chrome';
import type { AdminTab } from '../admin/AdminScreen';
import { CaseListScreen } from '../cases/CaseListScreen';
import { CasePage } from '../cases/CasePage';
import { NewCaseScreen } from '../cases/NewCaseScreen';
import { InterviewScreen } from '../interview/InterviewScreen';

// Administration is for supervisors only, now and then: its screens load when first opened.
const AdminScreen = lazy(() => import('../admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));

export type Route =
  | { screen: 'cases'; notice?: string }
  | { screen: 'newCase' }
  | { screen: 'case'; caseId: string }
  | { screen: 'interview'; caseId: string; interviewId: string }
  | { screen: 'admin'; tab: AdminTab };

/** Everything behind sign-in. Route state lives here only, so locking drops it all. */
export function SignedInApp({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ screen: 'cases' });
  // The interview asks for a slimmer frame: no navigation (its own bar leads back to the case).
  const chrome = useChrome();
  useActivityPing();
  const tab = (screen: Route['screen'], label: string, testId: string, to: Route) => (
    <button
      type="button"
      className={route.screen === screen ? 'tab active' : 'tab'}
      aria-current={route.screen === screen ? 'page' : undefined}
      onClick={() => setRoute(to)}
      data-testid={testId}
    >
      {label}
    </button>
  );
  return (
    <>
      {chrome === 'full' && (
        <nav className="main-nav" aria-label={t('header.mainNav')}>
          {tab('cases', t('nav.cases'), 'nav-cases', { screen: 'cases' })}
          {tab('newCase', t('nav.newCase'), 'nav-new-case', { screen: 'newCase' })}
          {user.role === 'supervisor' &&
            tab('admin', t('admin.nav'), 'nav-admin', { screen: 'admin', tab: 'users' })}
          {/* Locks first: the next person signs in with their own passphrase (main announces the lock). */}
          <button
            type="button"
            className="secondary switch-user"
            data-testid="switch-user"
            onClick={() => void call('session.lock', { reason: 'switch_user' })}
          >
            {t('casework.switchUser')}
          </button>
        </nav>
      )}
      {route.screen === 'cases' && (
        <CaseListScreen notice={route.notice} onOpen={(caseId) => setRoute({ screen: 'case', caseId })} />
      )}
      {route.screen === 'newCase' && (
        <NewCaseScreen onCreated={(caseId) => setRoute({ screen: 'case', caseId })} />
      )}
      {route.screen === 'case' && (
        <CasePage
          key={route.caseId}
          caseId={route.caseId}
          user={user}
          onOpenInterview={(interviewId) =>
            setRoute({ screen: 'interview', caseId: route.caseId, interviewId })
          }
          onDeleted={(reference) =>
            setRoute({ screen: 'cases', notice: t('deletion.deleted', { reference }) })
          }
        />
      )}
      {route.screen === 'interview' && (
        <InterviewScreen
          interviewId={route.interviewId}
          onExit={() => setRoute({ screen: 'case', caseId: route.caseId })}
        />
      )}
      {route.screen === 'admin' && user.role === 'supervisor' && (
        <Suspense fallback={<p role="status">{t('actions.working')}</p>}>
          <AdminScreen
            user={user}
            tab={route.tab}
            onTab={(next) => setRoute({ screen: 'admin', tab: next })}
          />
        </Suspense>
      )}
    </>
  );
}
