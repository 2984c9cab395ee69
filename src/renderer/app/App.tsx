import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser, SignInResult } from '../../shared/domain/users';
import type { Preferences } from '../../shared/ipc/channels/app';
import { ActionButton } from '../components/Buttons';
import { DiagnosticsButton } from '../components/DiagnosticsButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { LanguageBar } from '../components/LanguageBar';
import { RecoveryKeyCard } from '../components/RecoveryKeyCard';
import { QuickHideScreen } from '../features/shell/QuickHideScreen';
import type { Route } from '../features/shell/SignedInApp';
import { type LockNotice, lockNoticeOf, UnlockScreen } from '../features/unlock/UnlockScreen';
import { onAppEvent } from './app-events';
import { call } from './call';
import { type Chrome, ChromeContext } from './chrome';
import { applyDocumentLanguage, loadLanguage } from './i18n';
import { installNavigationGuard } from './navigation-guard';
import { PrefsContext } from './prefs-context';

// The first screen is the sign-in: what comes after it (and the one-time setup) loads when needed.
const SetupScreen = lazy(() =>
  import('../features/setup/SetupScreen').then((m) => ({ default: m.SetupScreen })),
);
const FirstPassphraseScreen = lazy(() =>
  import('../features/account/FirstPassphraseScreen').then((m) => ({ default: m.FirstPassphraseScreen })),
);
const SignedInApp = lazy(() =>
  import('../features/shell/SignedInApp').then((m) => ({ default: m.SignedInApp })),
);

type Phase =
  | { kind: 'loading' }
  | { kind: 'setup' }
  /** neutral: after quick-hide, the sign-in shows nothing of what the app is until someone signs in. */
  | { kind: 'locked'; notice?: LockNotice; neutral?: boolean }
  | { kind: 'hidden' }
  | { kind: 'signedIn'; user: SessionUser }
  /** Someone else set this passphrase: the person chooses their own before anything else. */
  | { kind: 'firstPassphrase'; user: SessionUser }
  /** This sign-in upgraded the store to a recovery key of its own: shown once before going on. */
  | { kind: 'upgraded'; user: SessionUser; recoveryKey: string; storeFingerprint: string | null };

/** Where a sign-in leads: straight in, or first the new recovery key of an upgraded store. */
function phaseAfterSignIn({
  newRecoveryKey,
  mustChangePassphrase,
  storeFingerprint,
  ...user
}: SignInResult): Phase {
  if (mustChangePassphrase) return { kind: 'firstPassphrase', user };
  return newRecoveryKey
    ? { kind: 'upgraded', user, recoveryKey: newRecoveryKey, storeFingerprint: storeFingerprint ?? null }
    : { kind: 'signedIn', user };
}

/** Quick-hide: one key (F9) or the header button replaces everything with a neutral screen and locks. */
export const QUICK_HIDE_KEY = 'F9';

export function App({ initialPrefs }: { initialPrefs: Preferences }) {
  const { t, i18n } = useTranslation();
  const [prefs, setPrefs] = useState(initialPrefs);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [bootError, setBootError] = useState<Parameters<typeof ErrorMessage>[0]['error']>(null);
  // The frame a signed-in screen asks for (the interview: compact; the person-facing view: none).
  const [chrome, setChrome] = useState<Chrome>('full');
  const chromeValue = useMemo(() => ({ chrome, setChrome }), [chrome]);
  const neutral = phase.kind === 'hidden' || (phase.kind === 'locked' && phase.neutral === true);
  const frame: Chrome = phase.kind === 'signedIn' ? chrome : neutral ? 'none' : 'full';
  // Where the officer was when the app locked (screen, ids, question; no records): the same officer
  // comes back to it after signing in again, anyone else starts at the case list.
  const lastPlace = useRef<{ userId: string; route: Route } | null>(null);
  const signedInId = phase.kind === 'signedIn' ? phase.user.id : null;
  const rememberPlace = useCallback(
    (route: Route) => {
      if (signedInId) lastPlace.current = { userId: signedInId, route };
    },
    [signedInId],
  );
  const placeFor = (userId: string): Route | undefined => {
    const last = lastPlace.current;
    if (last?.userId === userId) return last.route;
    lastPlace.current = null;
    return undefined;
  };

  // The window's title names the app, except while hidden.
  useEffect(() => {
    document.title = neutral ? '\u200b' : t('app.name');
  }, [neutral, t]);

  useEffect(() => installNavigationGuard(), []);

  const refresh = useCallback(async () => {
    const status = await call('vault.status', {});
    if (!status.ok) {
      setBootError(status.error);
      return;
    }
    if (!status.value.initialised) setPhase({ kind: 'setup' });
    else if (status.value.user)
      setPhase({
        kind: status.value.mustChangePassphrase ? 'firstPassphrase' : 'signedIn',
        user: status.value.user,
      });
    else setPhase({ kind: 'locked' });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Main locks on idle, on system suspend and after a restore; the page then drops everything it showed.
  useEffect(
    () =>
      onAppEvent((event) => {
        setPhase((p) =>
          p.kind === 'hidden' || (p.kind === 'locked' && p.neutral)
            ? p
            : { kind: 'locked', notice: lockNoticeOf(event) },
        );
      }),
    [],
  );

  // Not only on main's lock event: the preview's event stream may not be open yet on a page just loaded.
  const switchedUser = useCallback(() => {
    setPhase((p) => (p.kind === 'signedIn' ? { kind: 'locked', notice: { kind: 'manual' } } : p));
  }, []);

  const quickHide = useCallback(() => {
    setPhase({ kind: 'hidden' });
    void call('session.lock', { reason: 'quick_hide' });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === QUICK_HIDE_KEY) {
        e.preventDefault();
        quickHide();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [quickHide]);

  const updatePrefs = async (patch: Partial<Preferences>) => {
    const reply = await call('prefs.set', patch);
    if (!reply.ok) return;
    // The interviewee's texts are loaded before anything is shown in their language.
    if (patch.intervieweeLanguage) await loadLanguage(reply.value.intervieweeLanguage);
    setPrefs(reply.value);
    if (patch.uiLanguage) {
      await i18n.changeLanguage(reply.value.uiLanguage);
      applyDocumentLanguage(reply.value.uiLanguage);
    }
  };

  if (phase.kind === 'hidden')
    return <QuickHideScreen onReturn={() => setPhase({ kind: 'locked', neutral: true })} />;

  return (
    <PrefsContext.Provider value={prefs}>
      <ChromeContext.Provider value={chromeValue}>
        <div className={`app frame-${frame}`}>
          {frame !== 'none' && (
            <header className="app-header">
              <div className="brand">
                <span className="brand-name">{t('app.name')}</span>
                <span className="brand-tagline">{t('app.tagline')}</span>
              </div>
              <LanguageBar prefs={prefs} onChange={updatePrefs} showInterviewee={frame === 'full'} />
              {(phase.kind === 'signedIn' || phase.kind === 'firstPassphrase') && (
                <div className="who" data-testid="who">
                  <span>
                    {t('shell.signedInAs', {
                      name: phase.user.displayName,
                      role: t(`roles.${phase.user.role}`),
                    })}
                  </span>
                  <ActionButton
                    testId="lock"
                    onClick={() => {
                      void call('session.lock', { reason: 'manual' }).then(() =>
                        setPhase({ kind: 'locked' }),
                      );
                    }}
                  >
                    {t('shell.lock')}
                  </ActionButton>
                  <ActionButton look="danger" testId="quick-hide" onClick={quickHide}>
                    {t('shell.quickHide')}
                  </ActionButton>
                </div>
              )}
            </header>
          )}
          <main className="app-main" id="main">
            <ErrorMessage error={bootError} />
            <Suspense fallback={<p role="status">{t('actions.working')}</p>}>
              {phase.kind === 'setup' && (
                <SetupScreen onDone={(user) => setPhase({ kind: 'signedIn', user })} />
              )}
              {phase.kind === 'firstPassphrase' && (
                <FirstPassphraseScreen
                  user={phase.user}
                  onDone={() => setPhase({ kind: 'signedIn', user: phase.user })}
                />
              )}
              {phase.kind === 'signedIn' && (
                <SignedInApp
                  user={phase.user}
                  initialRoute={placeFor(phase.user.id)}
                  onRoute={rememberPlace}
                  onSwitchedUser={switchedUser}
                />
              )}
            </Suspense>
            {phase.kind === 'upgraded' && (
              <RecoveryKeyCard
                recoveryKey={phase.recoveryKey}
                storeFingerprint={phase.storeFingerprint}
                intro={t('setup.recoveryUpgraded')}
                onContinue={() => setPhase({ kind: 'signedIn', user: phase.user })}
              />
            )}
            {phase.kind === 'locked' && (
              <UnlockScreen
                neutral={phase.neutral === true}
                notice={phase.notice}
                onUnlocked={(result) => setPhase(phaseAfterSignIn(result))}
              />
            )}
          </main>
          {frame === 'full' && (
            <footer className="app-footer">
              <DiagnosticsButton />
              {prefs.uiLanguage !== 'en' && (
                <span className="draft-badge" data-testid="draft-notice">
                  {t('app.draftNotice')}
                </span>
              )}
            </footer>
          )}
        </div>
      </ChromeContext.Provider>
    </PrefsContext.Provider>
  );
}
