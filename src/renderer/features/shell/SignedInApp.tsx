import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../shared/domain/users';
import { CaseListScreen } from '../cases/CaseListScreen';
import { CasePage } from '../cases/CasePage';
import { NewCaseScreen } from '../cases/NewCaseScreen';
import { InterviewScreen } from '../interview/InterviewScreen';

export type Route =
  | { screen: 'cases' }
  | { screen: 'newCase' }
  | { screen: 'case'; caseId: string }
  | { screen: 'interview'; caseId: string; interviewId: string };

/** Everything behind sign-in. Route state lives here only, so locking drops it all. */
export function SignedInApp({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [route, setRoute] = useState<Route>({ screen: 'cases' });
  return (
    <>
      <nav className="main-nav" aria-label={t('header.mainNav')}>
        <button
          type="button"
          className={route.screen === 'cases' ? 'tab active' : 'tab'}
          aria-current={route.screen === 'cases' ? 'page' : undefined}
          onClick={() => setRoute({ screen: 'cases' })}
          data-testid="nav-cases"
        >
          {t('nav.cases')}
        </button>
        <button
          type="button"
          className={route.screen === 'newCase' ? 'tab active' : 'tab'}
          aria-current={route.screen === 'newCase' ? 'page' : undefined}
          onClick={() => setRoute({ screen: 'newCase' })}
          data-testid="nav-new-case"
        >
          {t('nav.newCase')}
        </button>
      </nav>
      {route.screen === 'cases' && (
        <CaseListScreen onOpen={(caseId) => setRoute({ screen: 'case', caseId })} />
      )}
      {route.screen === 'newCase' && (
        <NewCaseScreen onCreated={(caseId) => setRoute({ screen: 'case', caseId })} />
      )}
      {route.screen === 'case' && (
        <CasePage
          caseId={route.caseId}
          user={user}
          onOpenInterview={(interviewId) =>
            setRoute({ screen: 'interview', caseId: route.caseId, interviewId })
          }
        />
      )}
      {route.screen === 'interview' && (
        <InterviewScreen
          interviewId={route.interviewId}
          onExit={() => setRoute({ screen: 'case', caseId: route.caseId })}
        />
      )}
    </>
  );
}
