import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import { useActivityPing } from '../../app/activity';
import { call } from '../../app/call';
import { useChrome } from '../../app/chrome';
import { MyAccountScreen } from '../account/MyAccountScreen';
import type { AdminTab } from '../admin/AdminScreen';
import { CaseListScreen } from '../cases/CaseListScreen';
import { CasePage } from '../cases/CasePage';
import { NewCaseScreen } from '../cases/NewCaseScreen';
import { ReceiveCaseScreen } from '../handover/ReceiveCaseScreen';
import { InspectionScreen } from '../inspection/InspectionScreen';
import type { Inspection } from '../inspection/inspection';
import { InterviewScreen } from '../interview/InterviewScreen';
import type { InterviewSetup } from '../interview/setup';

// Administration is for supervisors only, now and then: its screens load when first opened.
const AdminScreen = lazy(() => import('../admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));

export type Route =
  | { screen: 'cases'; notice?: string }
  | { screen: 'newCase' }
  | { screen: 'receive' }
  | { screen: 'case'; caseId: string }
  | {
      screen: 'interview';
      caseId: string;
      interviewId: string;
      questionId?: string | undefined;
      /** The interview is one of an inspection's crew: leaving it goes back to the inspection. */
      inspection?: Inspection | undefined;
    }
  | { screen: 'inspection'; inspection: Inspection | null }
  | { screen: 'admin'; tab: AdminTab }
  | { screen: 'account' };

/**
 * Everything behind sign-in. Route state lives here, so locking drops every record shown; only where
 * the officer was (screen, ids and question: no personal data) goes to `onRoute`, and the same officer
 * comes back to it after signing in again (`initialRoute`).
 */
export function SignedInApp({
  user,
  initialRoute,
  onRoute,
  onSwitchedUser,
}: {
  user: SessionUser;
  initialRoute?: Route | undefined;
  onRoute?: (route: Route) => void;
  /** The store is locked for the next person (also said by main's lock event, which may come later). */
  onSwitchedUser?: () => void;
}) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>(initialRoute ?? { screen: 'cases' });
  // The inspection's pre-interview form, while signed in (after a lock it comes back from the crew's
  // last interview, so nothing of it is kept while locked).
  const [inspectionSetup, setInspectionSetup] = useState<InterviewSetup | null>(null);
  useEffect(() => onRoute?.(route), [route, onRoute]);
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
          {tab('inspection', t('nav.inspection'), 'nav-inspection', {
            screen: 'inspection',
            inspection: lastInspection(route),
          })}
          {user.role === 'supervisor' &&
            tab('admin', t('admin.nav'), 'nav-admin', { screen: 'admin', tab: 'users' })}
          {tab('account', t('account.nav'), 'nav-account', { screen: 'account' })}
          {/* Locks first: the next person signs in with their own passphrase (main announces the lock too). */}
          <button
            type="button"
            className="secondary switch-user"
            data-testid="switch-user"
            onClick={() =>
              void call('session.lock', { reason: 'switch_user' }).then((reply) => {
                if (reply.ok) onSwitchedUser?.();
              })
            }
          >
            {t('casework.switchUser')}
          </button>
        </nav>
      )}
      {route.screen === 'cases' && (
        <CaseListScreen
          notice={route.notice}
          onOpen={(caseId) => setRoute({ screen: 'case', caseId })}
          onReceive={user.role === 'supervisor' ? () => setRoute({ screen: 'receive' }) : undefined}
        />
      )}
      {route.screen === 'receive' && user.role === 'supervisor' && (
        <ReceiveCaseScreen
          onOpen={(caseId) => setRoute({ screen: 'case', caseId })}
          onBack={() => setRoute({ screen: 'cases' })}
        />
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
          key={route.interviewId}
          interviewId={route.interviewId}
          initialQuestion={route.questionId}
          onQuestion={(questionId) =>
            setRoute((r) =>
              r.screen === 'interview' && r.interviewId === route.interviewId && r.questionId !== questionId
                ? { ...r, questionId }
                : r,
            )
          }
          {...(route.inspection ? { exitLabel: t('inspection.backTo') } : {})}
          onExit={() =>
            setRoute(
              route.inspection
                ? { screen: 'inspection', inspection: route.inspection }
                : { screen: 'case', caseId: route.caseId },
            )
          }
        />
      )}
      {route.screen === 'inspection' && (
        <InspectionScreen
          key={route.inspection ? 'crew' : 'new'}
          inspection={route.inspection}
          setup={inspectionSetup}
          onBegin={(inspection, setup) => {
            setInspectionSetup(setup);
            setRoute({ screen: 'inspection', inspection });
          }}
          onSetup={setInspectionSetup}
          onInterview={(caseId, interviewId) =>
            setRoute({ screen: 'interview', caseId, interviewId, inspection: route.inspection ?? undefined })
          }
          onOpenCase={(caseId) => setRoute({ screen: 'case', caseId })}
          onEnd={() => {
            setInspectionSetup(null);
            setRoute({ screen: 'inspection', inspection: null });
          }}
        />
      )}
      {route.screen === 'account' && <MyAccountScreen user={user} />}
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

/** The inspection the officer is working in (the tab goes back to it), else none. */
function lastInspection(route: Route): Inspection | null {
  if (route.screen === 'inspection' || route.screen === 'interview') return route.inspection ?? null;
  return null;
}
