// The "Done when" round trip with Debian's translate-toolkit, run for real (scripts/ensure-test-tools.mjs
// installs it before `npm test`): export Khmer as XLIFF 1.2, convert to PO with xliff2po, change one
// translation as a PO editor does, convert back with po2xliff, import as translator, then as reviewer.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStrings, snapshot } from './strings-fixture';

const real = join(__dirname, '..', '..', 'resources', 'locales');
const KEY = 'instrument:questions.safety_safe_to_talk.text';
const NEW_TEXT = 'តើអ្នកមានអារម្មណ៍ថាមានសុវត្ថិភាពក្នុងការនិយាយនៅទីនេះទេ?';

let work: string;
let dir: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fieldscreen-tt-'));
  dir = join(work, 'locales');
  cpSync(real, dir, { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tool(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new Error(
        `${command} is missing: install Debian's translate-toolkit (sudo apt-get install translate-toolkit)`,
      );
    throw new Error(`${command} failed: ${e.stderr ?? e.message}`);
  }
}

/** What Poedit and other PO editors do: new msgstr, and the "fuzzy" (needs work) flag cleared. */
function editPo(po: string, location: string, text: string): string {
  const entries = po.split('\n\n');
  const index = entries.findIndex((e) => e.split('\n').includes(`#: ${location}`));
  expect(index, location).toBeGreaterThan(0);
  const entry = entries[index] ?? '';
  const lines = entry.split('\n').filter((l) => l !== '#, fuzzy');
  const msgstr = lines.findIndex((l) => l.startsWith('msgstr '));
  entries[index] = [...lines.slice(0, msgstr), `msgstr ${JSON.stringify(text)}`].join('\n');
  return entries.join('\n\n');
}

describe('a translation agency round trip through translate-toolkit (XLIFF 1.2 ↔ PO)', () => {
  let units = 0;

  it('exports Khmer as XLIFF 1.2 that pocount and xliff2po read whole, with the context notes', async () => {
    const exported = await runStrings(
      ['export', '--lang', 'km', '--format', 'xliff12', '--out', 'km.xlf', '--dir', dir],
      work,
    );
    expect(exported.code, exported.err).toBe(0);
    units = Number(/: (\d+) strings for km/.exec(exported.out)?.[1]);
    expect(units).toBeGreaterThan(1000);

    const count = tool('pocount', ['km.xlf']);
    expect(Number(/^Total:\s+(\d+)/m.exec(count)?.[1])).toBe(units);

    tool('xliff2po', ['km.xlf', 'km.po']);
    const po = readFileSync(join(work, 'km.po'), 'utf8');
    expect(po.match(/^#: \w+:/gm)).toHaveLength(units);
    const entry = po.split('\n\n').find((e) => e.includes(`#: ${KEY}`)) ?? '';
    expect(entry).toContain('#. Audience: person');
    expect(entry).toContain('#. Answer: yes or no');
    expect(entry).toMatch(/#\. Officer guidance \(not shown to the interviewee\): \S/);
    expect(entry).toMatch(/#\. Thai reference \(draft, not yet reviewed\): \p{Script=Thai}/u);
    expect(entry).toContain('#, fuzzy');
    writeFileSync(join(work, 'km.po'), editPo(po, KEY, NEW_TEXT));
  });

  it('imports what po2xliff writes: as translator (translated), then as reviewer (reviewed)', async () => {
    const before = snapshot(dir);
    tool('po2xliff', ['-t', 'km.xlf', 'km.po', 'km-back.xlf']);
    const back = readFileSync(join(work, 'km-back.xlf'), 'utf8');
    // po2xliff -t appends the PO's units in a second <file>, keyed by location only.
    const files = [...back.matchAll(/<file original="([^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(['common.json', 'instrument.json', 'referral.json', 'km.po']);

    const translated = await runStrings(
      ['import', 'km-back.xlf', '--translator', 'Sokha Chan', '--dir', dir],
      work,
    );
    expect(translated.code, translated.err).toBe(0);
    expect(translated.out).toContain(
      `km: 1 string(s) recorded as translated by Sokha Chan (1 with new text), ${units - 1} left as they were`,
    );
    const after = snapshot(dir);
    const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
    expect(changed.sort()).toEqual(['/km/instrument.json', '/review-status.json']);
    const km = JSON.parse(after['/km/instrument.json'] ?? '{}');
    expect(km.questions.safety_safe_to_talk.text).toBe(NEW_TEXT);

    const listTranslated = await runStrings(
      ['report', '--lang', 'km', '--list', 'translated', '--dir', dir],
      work,
    );
    expect(listTranslated.out).toContain(`km: 1 translated string(s)\n  ${KEY} — translated by Sokha Chan`);

    const reviewed = await runStrings(
      ['import', 'km-back.xlf', '--reviewer', 'Dara Keo', '--dir', dir],
      work,
    );
    expect(reviewed.code, reviewed.err).toBe(0);
    expect(reviewed.out).toContain('km: 1 string(s) recorded as reviewed by Dara Keo (0 with new text)');
    const listReviewed = await runStrings(
      ['report', '--lang', 'km', '--list', 'reviewed', '--dir', dir],
      work,
    );
    expect(listReviewed.out).toContain(
      `km: 1 reviewed string(s)\n  ${KEY} — translated by Sokha Chan, reviewed by Dara Keo`,
    );
    expect(
      (await runStrings(['report', '--lang', 'km', '--list', 'translated', '--dir', dir], work)).out,
    ).toContain('km: 0 translated string(s)');
  });

  it('imports po2xliff without a template too: it needs --lang, and says the FieldScreen marks were dropped', async () => {
    tool('po2xliff', ['km.po', 'km-plain.xlf']);
    const before = snapshot(dir);
    const refused = await runStrings(
      ['import', 'km-plain.xlf', '--translator', 'Sokha Chan', '--dir', dir],
      work,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/does not say which language.*--lang/);
    expect(snapshot(dir)).toEqual(before);
    const imported = await runStrings(
      ['import', 'km-plain.xlf', '--translator', 'Sokha Chan', '--lang', 'km', '--dir', dir],
      work,
    );
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain(
      "note: the tool that saved this file dropped FieldScreen's own attributes (fs:…)",
    );
    // The text is already there (reviewed); the translator confirming it again keeps it reviewed.
    expect(imported.out).toContain('km: 1 string(s) recorded as translated by Sokha Chan (0 with new text)');
    const list = await runStrings(['report', '--lang', 'km', '--list', 'reviewed', '--dir', dir], work);
    expect(list.out).toContain(`  ${KEY} — translated by Sokha Chan, reviewed by Dara Keo`);
  });
});
