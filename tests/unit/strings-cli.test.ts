import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringsCommands } from '../../src/main/cli/commands/strings-commands';
import { checkCompleteness } from '../../src/main/strings';
import {
  confirmUnit,
  EN,
  editTarget,
  json,
  localeTree,
  readJson,
  runStrings,
  statusesIn,
  tempLocales,
} from './strings-fixture';

let dir: string;
let work: string;
let cleanUp: () => void;
beforeEach(() => {
  ({ dir, cleanUp } = tempLocales());
  work = dirname(dir);
});
afterEach(() => cleanUp());

describe('npm run cli -- strings', () => {
  it('is one command named strings', () => {
    expect(stringsCommands.map((c) => c.name)).toEqual(['strings']);
  });

  it('exports, imports as translator then reviewer, and reports each step', async () => {
    const exported = await runStrings(
      ['export', '--lang', 'my', '--format', 'xliff20', '--out', 'my.xlf', '--dir', dir],
      work,
    );
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toContain(
      `wrote ${join(work, 'my.xlf')}: 9 strings for my as xliff20 (draft 9, translated 0, reviewed 0, stale 0, missing 0)`,
    );
    const file = join(work, 'my.xlf');
    writeFileSync(file, editTarget(readFileSync(file, 'utf8'), 'common', 'app.welcome', 'မင်္ဂလာပါ {{name}}'));

    const dry = await runStrings(['import', file, '--translator', 'Daw Aye', '--dir', dir, '--dry-run']);
    expect(dry.out).toContain(
      'dry run, nothing written: my: 1 string(s) recorded as translated by Daw Aye (1 with new text), 8 left as they were',
    );
    expect(statusesIn(dir).entries).toEqual({});

    const translated = await runStrings([
      'import',
      file,
      '--translator=Daw Aye',
      '--lang',
      'my',
      '--dir',
      dir,
    ]);
    expect(translated).toMatchObject({ code: 0, err: '' });
    expect(translated.out).toContain(
      'my: 1 string(s) recorded as translated by Daw Aye (1 with new text), 8 left as they were',
    );
    const report = await runStrings(['report', '--dir', dir, '--lang', 'my', '--list', 'translated']);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(
      /^lng\s+namespace\s+strings\s+draft\s+translated\s+reviewed\s+stale\s+missing\s+placeholder\s+orphan$/m,
    );
    expect(report.out).toMatch(/^my\s+common\s+5\s+4\s+1\s+0\s+0\s+0\s+0\s+0$/m);
    expect(report.out).toContain('my: 1 translated string(s)\n  common:app.welcome — translated by Daw Aye');

    const reviewFile = join(work, 'my-review.xlf');
    await runStrings(['export', '--lang', 'my', '--format', 'xliff12', '--out', reviewFile, '--dir', dir]);
    writeFileSync(reviewFile, confirmUnit(readFileSync(reviewFile, 'utf8'), 'common', 'app.welcome'));
    const reviewed = await runStrings(['import', reviewFile, '--reviewer', 'U Min', '--dir', dir]);
    expect(reviewed.out).toContain('my: 1 string(s) recorded as reviewed by U Min (0 with new text)');
    const after = await runStrings(['report', '--dir', dir, '--lang', 'my', '--list', 'reviewed']);
    expect(after.out).toMatch(/^my\s+common\s+5\s+4\s+0\s+1\s+0\s+0\s+0\s+0$/m);
    expect(after.out).toContain('  common:app.welcome — translated by Daw Aye, reviewed by U Min');
  });

  it('report --stale names each stale string with the English approved and the English now', async () => {
    const file = join(work, 'km.xlf');
    await runStrings(['export', '--lang', 'km', '--format', 'xliff12', '--out', file, '--dir', dir]);
    let xml = confirmUnit(readFileSync(file, 'utf8'), 'common', 'app.welcome');
    xml = confirmUnit(xml, 'common', 'home.bold');
    writeFileSync(file, xml);
    await runStrings(['import', file, '--reviewer', 'Dara Keo', '--both', '--dir', dir]);
    const en = structuredClone(EN.common);
    en.app.welcome = 'Hello, {{name}}';
    writeFileSync(join(dir, 'en', 'common.json'), json(en));
    const km = localeTree('km');
    km.common.home.bold = 'ពាក្យ<b>ដិតៗ</b><br/>';
    writeFileSync(join(dir, 'km', 'common.json'), json(km.common));

    const report = await runStrings(['report', '--dir', dir, '--stale']);
    // The CLI stamps the real date; only its place matters here.
    expect(report.out.replace(/on \d{4}-\d{2}-\d{2}/g, 'on DATE')).toContain(
      [
        '2 stale string(s):',
        '  km/common:app.welcome — reviewed by Dara Keo on DATE',
        '    English then: "Welcome, {{name}}"',
        '    English now:  "Hello, {{name}}"',
        '  km/common:home.bold — reviewed by Dara Keo on DATE',
        '    English unchanged; the translation was edited after that',
      ].join('\n'),
    );
    expect(report.out).toMatch(/^km\s+common\s+5\s+3\s+0\s+0\s+2\s+0\s+0\s+0$/m);
  });

  it('prints a clear error, exits 1 and changes nothing when an import is refused', async () => {
    const file = join(work, 'my.xlf');
    await runStrings(['export', '--lang', 'my', '--format', 'xliff20', '--out', file, '--dir', dir]);
    writeFileSync(file, editTarget(readFileSync(file, 'utf8'), 'common', 'app.welcome', 'ကြိုဆိုပါ'));
    const refused = await runStrings(['import', file, '--translator', 'Daw Aye', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: 1 translation(s) cannot be recorded');
    expect(refused.err).toContain('  - my/common:app.welcome: missing {{name}}');
    expect(refused.err).toContain('nothing was changed');
    const unreadable = await runStrings([
      'import',
      join(work, 'nope.xlf'),
      '--translator',
      'A',
      '--dir',
      dir,
    ]);
    expect(unreadable).toMatchObject({ code: 1 });
    expect(unreadable.err).toContain('cannot read');
  });

  it('exits 2 on usage errors: no format, no or two roles, --both for a translator', async () => {
    const usage = async (args: string[]) => (await runStrings(args)).code;
    expect(await usage([])).toBe(2);
    expect(await usage(['translate'])).toBe(2);
    expect(await usage(['export', '--lang', 'my', '--out', 'x.xlf'])).toBe(2);
    expect(await usage(['export', '--lang', 'my', '--format', 'po', '--out', 'x.xlf', '--dir', dir])).toBe(2);
    expect(await usage(['import', 'x.xlf'])).toBe(2);
    expect(await usage(['import', 'x.xlf', '--translator', 'A', '--reviewer', 'B'])).toBe(2);
    expect(await usage(['import', 'x.xlf', '--translator', 'A', '--both'])).toBe(2);
    expect(await usage(['import', 'x.xlf', '--reviewer'])).toBe(2);
    expect(await usage(['report', '--bogus'])).toBe(2);
    expect(await usage(['report', '--list', 'approved'])).toBe(2);
    expect(await usage(['report', '--lang', 'en'])).toBe(2);
  });
});

describe('strings report (completeness)', () => {
  it('finds missing, orphan, placeholder and unreadable strings, extra plural forms and whole missing or extra files', () => {
    const vi = localeTree('vi').common as { app: Record<string, string>; home: Record<string, string> };
    delete vi.app.name;
    vi.app.extra = 'Không có trong tiếng Anh';
    vi.app.welcome = 'Xin chào';
    vi.home.intro = '<0>Đọc quy tắc';
    vi.home.cases_one = 'một trường hợp';
    writeFileSync(join(dir, 'vi', 'common.json'), json(vi));
    writeFileSync(join(dir, 'km', 'instrument.json'), '{ "questions": ');
    rmSync(join(dir, 'lo', 'common.json'));
    writeFileSync(join(dir, 'th', 'referral.json'), json({ a: 'b' }));
    const my = localeTree('my').instrument;
    my.options.no_one = ' ';
    writeFileSync(join(dir, 'my', 'instrument.json'), json(my));

    const report = checkCompleteness(dir);
    const brief = report.problems.map((p) => `${p.kind} ${p.lng}/${p.ns}${p.key ? `:${p.key}` : ''}`);
    expect(brief.sort()).toEqual(
      [
        'missing vi/common:app.name',
        'orphan vi/common:app.extra',
        'orphan vi/common:home.cases_one',
        'placeholder vi/common:app.welcome',
        'placeholder vi/common:home.intro',
        'invalid km/instrument',
        'missing lo/common',
        'orphan th/referral',
        'missing my/instrument:options.no_one',
      ].sort(),
    );
    expect(report.problems.find((p) => p.key === 'app.welcome')?.detail).toBe('missing {{name}}');
    expect(report.problems.find((p) => p.key === 'home.cases_one')?.detail).toBe(
      'plural form "one" does not exist in vi (CLDR: other)',
    );
    expect(report.counts.find((c) => c.lng === 'vi' && c.ns === 'common')).toMatchObject({
      total: 5,
      draft: 4,
      missing: 1,
      orphan: 2,
      placeholder: 2,
    });
  });

  it('reports status entries for strings that no longer exist without failing', async () => {
    const file = join(work, 'vi.xlf');
    await runStrings(['export', '--lang', 'vi', '--format', 'xliff20', '--out', file, '--dir', dir]);
    writeFileSync(file, confirmUnit(readFileSync(file, 'utf8'), 'common', 'app.name'));
    await runStrings(['import', file, '--translator', 'Nguyen Lan', '--dir', dir]);
    const en = structuredClone(EN.common) as Partial<typeof EN.common>;
    en.app = { welcome: EN.common.app.welcome } as typeof EN.common.app;
    writeFileSync(join(dir, 'en', 'common.json'), json(en));
    const report = checkCompleteness(dir);
    expect(report.unusedReviewEntries).toEqual(['vi/common:app.name']);
    expect(report.problems.every((p) => p.kind === 'orphan' && p.key === 'app.name')).toBe(true);
    expect(readJson(join(dir, 'review-status.json')).version).toBe(2);
  });
});
