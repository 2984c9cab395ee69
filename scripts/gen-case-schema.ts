/**
 * Regenerates docs/case-document.schema.json from the zod schema in src/shared/domain/case-document.ts.
 *
 *   node --experimental-strip-types scripts/gen-case-schema.ts
 *
 * The sources import siblings without file extensions (Bundler resolution); the small resolve hook
 * below lets plain Node load them. tests/unit/store-case-document.test.ts fails when the committed
 * file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (err) {
      if (!specifier.startsWith('.')) throw err;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});

const { caseDocumentJsonSchemaText } = await import('../src/shared/domain/case-document');
const target = join(import.meta.dirname, '..', 'docs', 'case-document.schema.json');
writeFileSync(target, caseDocumentJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
