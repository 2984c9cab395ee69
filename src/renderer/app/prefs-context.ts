import { createContext, useContext } from 'react';
import type { Preferences } from '../../shared/ipc/channels/app';

export const PrefsContext = createContext<Preferences>({ uiLanguage: 'th', intervieweeLanguage: 'my' });
export const usePrefs = () => useContext(PrefsContext);
