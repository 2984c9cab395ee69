// XLIFF 2.0 checked with a second, independent implementation: npm's ilib-xliff (dev dependency only).

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Xliff } from 'ilib-xliff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TARGET_LOCALES } from '../../src/main/strings';
import { exportXml, importXml, readJson, tempLocales, translator } from './strings-fixture';

let dir: string;
let cleanUp: () => void;
beforeEach(() => ({ dir, cleanUp } = tempLocales()));
afterEach(() => cleanUp());

describe('XLIFF 2.0 through ilib-xliff', () => {
  it('reads every unit of the real export of each language, with its file, key and the whole context note', () => {
    const work = mkdtempSync(join(tmpdir(), 'fieldscreen-ilib-'));
    try {
      const copy = join(work, 'locales');
      cpSync(join(__dirname, '..', '..', 'resources', 'locales'), copy, { recursive: true });
      for (const lng of TARGET_LOCALES) {
        const xml = exportXml(copy, lng, 'xliff20');
        const xliff = new Xliff({ version: '2.0' });
        xliff.deserialize(xml);
        const units = xliff.getTranslationUnits();
        expect(units.length, lng).toBe((xml.match(/<unit /g) ?? []).length);
        expect(new Set(units.map((u) => u.file))).toEqual(
          new Set(['common.json', 'instrument.json', 'referral.json']),
        );
        const question = units.find((u) => u.key === 'questions.safety_safe_to_talk.text');
        expect(question?.file).toBe('instrument.json');
        expect(question?.comment).toMatch(/^Where: instrument › questions\.safety_safe_to_talk\.text/);
        expect(question?.comment).toContain('Audience: person');
        expect(question?.comment).toContain('Officer guidance (not shown to the interviewee):');
        if (lng !== 'th') expect(question?.comment).toMatch(/Thai reference \([^)]*\): \p{Script=Thai}/u);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('imports a file ilib-xliff wrote back (no file ids, no FieldScreen marks, state on <target>)', () => {
    const xliff = new Xliff({ version: '2.0' });
    xliff.deserialize(exportXml(dir, 'km', 'xliff20'));
    const units = xliff.getTranslationUnits();
    const welcome = units.find((u) => u.key === 'app.welcome');
    const noOne = units.find((u) => u.key === 'options.no_one');
    if (!welcome || !noOne) throw new Error('units not found');
    welcome.target = 'សូមស្វាគមន៍ លោក {{name}}';
    noOne.state = 'translated';
    const written = xliff.serialize();
    expect(written).not.toContain('fs:');

    const result = importXml(dir, written, translator());
    expect(result).toMatchObject({ lng: 'km', recorded: 2, changed: 1, skipped: [] });
    expect(result.notices[0]).toMatch(/dropped FieldScreen's own attributes/);
    expect(readJson(join(dir, 'km', 'common.json')).app.welcome).toBe('សូមស្វាគមន៍ លោក {{name}}');
  });
});
