import { createTestApp } from './test-app';

/**
 * Old helper, kept only while branches started before the one TestApp fixture are landing (this
 * session): use createTestApp() from './test-app' instead. To be deleted.
 */
export async function dispatchFor() {
  const app = createTestApp('fs-zg-');
  const signIn = async () => {
    await app.initialise({ username: 'sup', displayName: 'Sup', passphrase: 'long passphrase' });
  };
  return { dispatch: app.dispatch, signIn, dir: app.root };
}
