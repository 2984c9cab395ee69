import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCompleteness, exportStrings, importStrings } from '../../src/main/strings';
import { TARGET_LOCALES } from '../../src/main/strings/catalog';
import { snapshot } from './strings-fixture';

// The real resources/locales are only ever read here; the round trip runs on a temporary copy.
const real = join(__dirname, '..', '..', 'resources', 'locales');
const work = mkdtempSync(join(tmpdir(), 'fieldscreen-real-locales-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the real resources/locales', () => {
  it('have no missing keys, placeholder or markup mismatches, orphan keys or unreadable files', () => {
    const report = checkCompleteness(real);
    const listed = report.problems.map(
      (p) => `${p.kind} ${p.lng}/${p.ns}${p.key ? `:${p.key}` : ''}: ${p.detail}`,
    );
    expect(listed).toEqual([]);
    expect(report.unusedReviewEntries).toEqual([]);
  });

  it('pass every import check when a translator and then a reviewer confirm every string unchanged', () => {
    const before = snapshot(real);
    const copy = join(work, 'locales');
    cpSync(real, copy, { recursive: true });
    const now = new Date('2026-03-01T10:00:00.000Z');
    const confirmAll = (xml: string) =>
      xml
        .replace(/<segment state="initial">/g, '<segment state="final">')
        .replace(/<trans-unit /g, '<trans-unit approved="yes" ');
    TARGET_LOCALES.forEach((lng, i) => {
      // Both formats, alternating, so each reader and writer sees every script.
      const [first, second] = i % 2 ? (['xliff12', 'xliff20'] as const) : (['xliff20', 'xliff12'] as const);
      const translated = confirmAll(
        exportStrings({ dir: copy, lng, format: first, appVersion: 'test', now }).xml,
      );
      const t = importStrings({
        dir: copy,
        xml: translated,
        role: { kind: 'translator', name: 'Round Trip' },
        now,
      });
      expect(t.changed, lng).toBe(0);
      expect(t.skipped, lng).toEqual([]);
      const reviewed = confirmAll(
        exportStrings({ dir: copy, lng, format: second, appVersion: 'test', now }).xml,
      );
      const r = importStrings({
        dir: copy,
        xml: reviewed,
        role: { kind: 'reviewer', name: 'Second Person', both: false },
        now,
      });
      expect(r.recorded, lng).toBe(t.recorded);
    });
    const after = snapshot(copy);
    for (const [path, text] of Object.entries(before))
      if (!path.endsWith('review-status.json')) expect(after[path], path).toBe(text);

    const report = checkCompleteness(copy);
    for (const row of report.counts) {
      expect(row.draft + row.translated + row.stale, `${row.lng}/${row.ns}`).toBe(0);
      expect(row.reviewed + row.missing, `${row.lng}/${row.ns}`).toBe(row.total);
    }
    expect(snapshot(real)).toEqual(before);
  });
});
