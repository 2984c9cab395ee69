import { createContext, useContext, useEffect } from 'react';

/**
 * How much of the app's frame (header, navigation, footer) a screen wants around it:
 * - full: everything (most screens);
 * - compact: a slim header and no navigation, so the interview fits one laptop screen;
 * - none: nothing at all: the person-facing view, where no officer text or control may show.
 */
export type Chrome = 'full' | 'compact' | 'none';

export const ChromeContext = createContext<{ chrome: Chrome; setChrome: (c: Chrome) => void }>({
  chrome: 'full',
  setChrome: () => {},
});

export const useChrome = () => useContext(ChromeContext).chrome;

/** Asks for a frame while the calling screen is shown; the full frame comes back when it goes. */
export function useChromeRequest(chrome: Chrome): void {
  const { setChrome } = useContext(ChromeContext);
  useEffect(() => {
    setChrome(chrome);
    return () => setChrome('full');
  }, [chrome, setChrome]);
}
