import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStringsError } from '../../src/main/strings/errors';
import { hostileString } from '../helpers/fuzz-payloads';
import { confirmUnit, exportXml, importXml, runStrings, snapshot, tempLocales } from './strings-fixture';

/**
 * `strings import` takes files from outside (a translator's CAT tool): a size limit checked before
 * reading, and whatever the file holds, a refusal that says why (a StringsError: VALIDATION or
 * CONFLICT) with every locale file left byte-identical, or an import. Never an internal error.
 */

let dir: string;
let cleanUp: () => void;
beforeAll(() => {
  ({ dir, cleanUp } = tempLocales());
});
afterAll(() => cleanUp());

describe('strings import on the command line', () => {
  it('refuses a file over 32 MiB before reading it, and changes nothing', async () => {
    const file = join(dirname(dir), 'huge.xlf');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 32 * 1024 * 1024 + 1);
    closeSync(fd);
    const before = snapshot(dir);
    const refused = await runStrings(['import', file, '--translator', 'Sokha Chan', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`error: ${file} is larger than 32 MiB; it is not a strings file`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses elements nested deeper than any XLIFF as not XLIFF, not an internal error', () => {
    const xml = exportXml(dir, 'km', 'xliff12');
    const deep = `${'<g>'.repeat(50_000)}x${'</g>'.repeat(50_000)}`;
    const nested = xml.replace(/(<target[^>]*>)/, `$1${deep}`);
    const before = snapshot(dir);
    let err: unknown;
    try {
      importXml(dir, nested);
    } catch (e) {
      err = e;
    }
    expect(isStringsError(err), String(err)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('strings import over damaged files (fuzz)', () => {
  const damage = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.oneof(
        hostileString,
        fc.constantFrom('<', '>', '&', '&#0;', '&bogus;', ']]>', '<!--', '<![CDATA[', '"', "'", '</target>'),
        fc.constantFrom('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>', '<?xml version="1.0"?>', '<unit id="x">'),
      ),
    }),
    fc.record({
      kind: fc.constant('drop' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      length: fc.integer({ min: 1, max: 200 }),
    }),
  );

  it.each(['xliff12', 'xliff20'] as const)(
    '%s: imported, or refused with a reason and nothing changed',
    (format) => {
      const base = confirmUnit(exportXml(dir, 'km', format), 'common', 'app.welcome');
      fc.assert(
        fc.property(damage, (d) => {
          const at = Math.floor(d.at * base.length);
          const xml =
            d.kind === 'cut'
              ? base.slice(0, at)
              : d.kind === 'insert'
                ? base.slice(0, at) + d.text + base.slice(at)
                : base.slice(0, at) + base.slice(at + d.length);
          const before = snapshot(dir);
          let err: unknown;
          try {
            importXml(dir, xml);
          } catch (e) {
            err = e;
          }
          if (err === undefined) return; // still a valid file: imported
          expect(isStringsError(err), String(err)).toBe(true);
          expect(snapshot(dir)).toEqual(before);
        }),
        { numRuns: 150, seed: 1717 },
      );
    },
  );
});
