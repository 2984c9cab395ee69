/**
 * The app page must never be replaced by another page: clicks on links that leave the app's own
 * origin are cancelled, and so are form submissions. (In Electron the shell also refuses such
 * navigation; this guard covers the preview in a normal browser.)
 */
export function installNavigationGuard(): () => void {
  const onClick = (event: MouseEvent) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const target = new URL(anchor.href, location.href);
    if (target.origin !== location.origin || anchor.target === '_blank') event.preventDefault();
  };
  const onSubmit = (event: SubmitEvent) => event.preventDefault();
  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  document.addEventListener('submit', onSubmit, true);
  return () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
    document.removeEventListener('submit', onSubmit, true);
  };
}
