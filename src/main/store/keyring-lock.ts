/**
 * Serialises read-modify-write of one folder's keyring within this process (sign-in attempts, passphrase
 * changes, new accounts). Another process (the CLI) writing at the same moment is not covered: each
 * write is atomic, so the worst case is a lost back-off counter, never a torn file.
 */
const queues = new Map<string, Promise<unknown>>();

export async function withKeyringLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(dir, settled);
  try {
    return await run;
  } finally {
    if (queues.get(dir) === settled) queues.delete(dir);
  }
}
