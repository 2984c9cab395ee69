import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCompleteness, exportStrings, importStrings } from '../../src/main/strings';
import { TARGET_LOCALES } from '../../src/main/strings/catalog';

// The real resources/locales are only ever read here; the round trip runs on a temporary copy.
const real = join(__dirname, '..', '..', 'resources', 'locales');
const work = mkdtempSync(join(tmpdir(), 'fieldscreen-real-locales-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[full.slice(root.length)] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return out;
}

describe('the real resources/locales', () => {
  it('have no missing keys, placeholder or markup mismatches, orphan keys or unreadable files', () => {
    const report = checkCompleteness(real);
    const listed = report.problems.map(
      (p) => `${p.kind} ${p.lng}/${p.ns}${p.key ? `:${p.key}` : ''}: ${p.detail}`,
    );
    expect(listed).toEqual([]);
    expect(report.unusedReviewEntries).toEqual([]);
  });

  it('survive an export and an approve-everything import unchanged, with every present string reviewed', async () => {
    const before = snapshot(real);
    const copy = join(work, 'locales');
    cpSync(real, copy, { recursive: true });
    const now = new Date('2025-03-01T10:00:00.000Z');
    for (const lng of TARGET_LOCALES) {
      const { xml } = await exportStrings({ dir: copy, lng, appVersion: 'test', now });
      const approved = xml.replace(/<segment>/g, '<segment state="final">');
      const result = await importStrings({ dir: copy, xml: approved, reviewer: 'Round Trip', now });
      expect(result.changed, lng).toBe(0);
    }
    const after = snapshot(copy);
    for (const [path, text] of Object.entries(before))
      if (!path.endsWith('review-status.json')) expect(after[path], path).toBe(text);

    const report = checkCompleteness(copy);
    for (const row of report.counts) {
      expect(row.draft + row.stale, `${row.lng}/${row.ns}`).toBe(0);
      expect(row.reviewed + row.missing, `${row.lng}/${row.ns}`).toBe(row.total);
    }
    expect(snapshot(real)).toEqual(before);
  });
});
