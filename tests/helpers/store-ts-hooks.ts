/**
 * Lets a plain `node --experimental-strip-types` child process run the store's TypeScript sources
 * directly (used by the crash test): the sources import siblings without extensions (Bundler
 * resolution), so this resolve hook retries a failed relative import with `.ts` or `/index.ts`.
 * Loaded with `--import`; registerHooks runs the hook in-thread (Node 22.15+).
 */
import { registerHooks } from 'node:module';

type Resolve = Parameters<typeof registerHooks>[0]['resolve'];

const resolve: Resolve = (specifier, context, nextResolve) => {
  try {
    return nextResolve(specifier, context);
  } catch (err) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    const code = (err as { code?: string }).code;
    if (!relative || (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_UNSUPPORTED_DIR_IMPORT')) throw err;
    for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
      try {
        return nextResolve(candidate, context);
      } catch {
        // try the next form
      }
    }
    throw err;
  }
};

registerHooks({ resolve });
