import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xliff2js } from 'xliff';
import { stringsCommands } from '../../src/main/cli/commands/strings-commands';
import type { CliIo } from '../../src/main/cli/types';
import {
  checkCompleteness,
  exportStrings,
  importStrings,
  isStringsError,
  type StringsError,
  type StringsErrorReason,
} from '../../src/main/strings';
import { LOCALES } from '../../src/shared/i18n/locales';
import { reviewStateOf, reviewStatusFileSchema } from '../../src/shared/i18n/review';

// A small but complete set of locales: placeholders, markup, plurals, child wording, officer guidance.
const EN = {
  common: {
    app: { name: 'FieldScreen', welcome: 'Welcome, {{name}}' },
    home: {
      intro: 'Read the <0>rules</0> first.',
      cases_one: '{{count}} case',
      cases_other: '{{count}} cases',
      bold: 'A <b>bold</b> word<br/>',
    },
  },
  instrument: {
    questions: {
      q_safe: {
        text: 'Is it safe to talk here?',
        textChild: 'Do you feel OK here?',
        guidance: 'Ask quietly.',
      },
    },
    options: { no_one: 'No one' },
  },
};
const TH = {
  common: {
    app: { name: 'ฟิลด์สกรีน', welcome: 'ยินดีต้อนรับ {{name}}' },
    home: {
      intro: 'อ่าน<0>กฎ</0>ก่อน',
      cases_other: '{{count}} กรณี',
      bold: 'คำ<b>ตัวหนา</b><br/>',
    },
  },
  instrument: {
    questions: { q_safe: { text: 'ที่นี่ปลอดภัยไหม', textChild: 'หนูรู้สึกโอเคไหม', guidance: 'ถามเบาๆ' } },
    options: { no_one: 'ไม่มีใคร' },
  },
};
/** Draft text for the other locales: the language code in front of the English keeps placeholders intact. */
function draft(lng: string, tree: unknown): unknown {
  if (typeof tree === 'string') return `${lng}: ${tree}`;
  // th, my, km, lo and vi have only the plural form "other" (CLDR).
  const entries = Object.entries(tree as object).filter(([k]) => k !== 'cases_one');
  return Object.fromEntries(entries.map(([k, v]) => [k, draft(lng, v)]));
}

const NOW = new Date('2025-03-01T10:00:00.000Z');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

let dir: string;
let work: string;

function writeLocales(root: string): void {
  for (const lng of LOCALES) {
    mkdirSync(join(root, lng), { recursive: true });
    for (const ns of ['common', 'instrument'] as const) {
      const tree = lng === 'en' ? EN[ns] : lng === 'th' ? TH[ns] : draft(lng, EN[ns]);
      writeFileSync(join(root, lng, `${ns}.json`), json(tree));
    }
  }
  writeFileSync(join(root, 'review-status.json'), json({ version: 1, entries: {} }));
}

/** Every file under the locales folder with its content, to prove a refused import changed nothing. */
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

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const statuses = () => reviewStatusFileSchema.parse(readJson(join(dir, 'review-status.json')));

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What a translator's tool does: replace the <target> of one unit. */
function editTarget(xml: string, ns: string, key: string, text: string): string {
  const unit = unitSpan(xml, ns, key);
  const edited = unit.text.replace(
    /<target>[\s\S]*?<\/target>|<target\/>/,
    `<target>${xmlEscape(text)}</target>`,
  );
  expect(edited).not.toBe(unit.text);
  return xml.slice(0, unit.start) + edited + xml.slice(unit.end);
}

/** The translator approves a unit without changing it. */
function markSegment(
  xml: string,
  ns: string,
  key: string,
  state: 'final' | 'reviewed' | 'translated',
): string {
  const unit = unitSpan(xml, ns, key);
  return (
    xml.slice(0, unit.start) +
    unit.text.replace('<segment>', `<segment state="${state}">`) +
    xml.slice(unit.end)
  );
}

function unitSpan(xml: string, ns: string, key: string): { start: number; end: number; text: string } {
  const fileStart = xml.indexOf(`<file id="${ns}">`);
  const start = xml.indexOf(`<unit id="${key}"`, fileStart);
  expect(fileStart, ns).toBeGreaterThanOrEqual(0);
  expect(start, key).toBeGreaterThan(fileStart);
  const end = xml.indexOf('</unit>', start) + '</unit>'.length;
  return { start, end, text: xml.slice(start, end) };
}

async function exportXml(lng = 'my'): Promise<string> {
  return (await exportStrings({ dir, lng, appVersion: '0.1.0-test', now: NOW })).xml;
}

async function importXml(xml: string, extra: { expectLanguage?: string; reviewer?: string } = {}) {
  return importStrings({ dir, xml, reviewer: extra.reviewer ?? 'Daw Aye', now: NOW, ...extra });
}

/** The import must fail with this reason, and leave every file exactly as it was. */
async function expectRefused(
  xml: string,
  reason: StringsErrorReason,
  extra: { expectLanguage?: string } = {},
) {
  const before = snapshot(dir);
  const err = await importXml(xml, extra).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isStringsError(err), String(err)).toBe(true);
  const error = err as StringsError;
  expect(error.reason, `${error.summary}\n${error.details.join('\n')}`).toBe(reason);
  expect(error.summary.length).toBeGreaterThan(10);
  expect(snapshot(dir)).toEqual(before);
  return error;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'fieldscreen-strings-'));
  dir = join(work, 'locales');
  writeLocales(dir);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('strings export (XLIFF 2.0 for translators)', () => {
  it('has every English string as source, the current translation as target, and the Thai reference', async () => {
    const xml = await exportXml('my');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const js = await xliff2js(xml);
    expect(js.sourceLanguage).toBe('en');
    expect(js.targetLanguage).toBe('my');
    expect(xml).toMatch(/<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/);

    const group = js.resources?.instrument?._fieldscreen;
    expect(group?.additionalAttributes?.['fs:stringsVersion']).toMatch(/^[0-9a-f]{64}$/);
    expect(group?.additionalAttributes?.['fs:appVersion']).toBe('0.1.0-test');
    const units = group?.groupUnits ?? {};
    expect(Object.keys(units)).toEqual([
      'questions.q_safe.text',
      'questions.q_safe.textChild',
      'questions.q_safe.guidance',
      'options.no_one',
    ]);
    const question = units['questions.q_safe.text'];
    expect(question?.source).toBe('Is it safe to talk here?');
    expect(question?.target).toBe('my: Is it safe to talk here?');
    const notes = [question?.note ?? []].flat();
    expect(notes).toContain('Thai reference (draft, not yet reviewed): ที่นี่ปลอดภัยไหม');
    expect(notes.some((n) => n.startsWith('Where: instrument › questions.q_safe.text'))).toBe(true);
    expect(notes.some((n) => n.startsWith('Read by: the interviewee'))).toBe(true);
    expect(notes).toContain('Status: draft — not yet reviewed by a qualified translator');
    expect([units['questions.q_safe.guidance']?.note ?? []].flat()).toContain('Read by: the officer only');
    expect(units['questions.q_safe.textChild']?.additionalAttributes?.['fs:audience']).toBe('person');

    const common = js.resources?.common?._fieldscreen?.groupUnits ?? {};
    expect(Object.keys(common)).toHaveLength(5);
    expect([common['app.welcome']?.note ?? []].flat()).toContain(
      'Keep exactly, in any order the language needs: {{name}}',
    );
    // Burmese has one plural form (CLDR): no cases_one to translate.
    expect([common['home.cases_other']?.note ?? []].flat().join('\n')).toMatch(/one form for every number/);
    expect(common['home.intro']?.source).toBe('Read the <0>rules</0> first.');
    expect(xml).toContain('<source>Read the &lt;0&gt;rules&lt;/0&gt; first.</source>');
  });

  it('gives Thai translators no Thai reference, and refuses English or unknown languages and namespaces', async () => {
    expect(await exportXml('th')).not.toContain('Thai reference');
    for (const lng of ['en', 'fr', '']) {
      const err = await exportXml(lng).catch((e: unknown) => e);
      expect((err as StringsError).reason).toBe('WRONG_LANGUAGE');
    }
    const err = await exportStrings({ dir, lng: 'my', namespaces: ['referral'], appVersion: 'x' }).catch(
      (e) => e,
    );
    expect((err as StringsError).reason).toBe('UNKNOWN_KEYS');
  });

  it('refuses strings ending with a line break, which XLIFF readers drop', async () => {
    const my = readJson(join(dir, 'my', 'common.json'));
    my.app.name = 'my: FieldScreen\n';
    writeFileSync(join(dir, 'my', 'common.json'), json(my));
    const err = (await exportXml('my').catch((e: unknown) => e)) as StringsError;
    expect(err.reason).toBe('INVALID_LOCALES');
    expect(err.details).toEqual(['common:app.name']);
  });
});

describe('strings import (round trip)', () => {
  it('writes edited translations, marks edited and approved units reviewed, and leaves the rest alone', async () => {
    const before = snapshot(dir);
    let xml = await exportXml('my');
    xml = editTarget(xml, 'common', 'app.welcome', '{{name}} ကြိုဆိုပါတယ်');
    xml = editTarget(xml, 'common', 'home.intro', '<0>စည်းမျဉ်း</0>ကို အရင်ဖတ်ပါ။ & "quotes"');
    xml = editTarget(xml, 'instrument', 'questions.q_safe.text', 'ဒီမှာ စကားပြောဖို့ ဘေးကင်းလား။');
    xml = markSegment(xml, 'instrument', 'options.no_one', 'final');
    xml = markSegment(xml, 'common', 'app.name', 'reviewed');
    xml = markSegment(xml, 'common', 'home.bold', 'translated'); // not approved: stays draft

    const result = await importXml(xml);
    expect(result).toMatchObject({ lng: 'my', changed: 3, reviewed: 5, untouched: 4 });

    const common = readJson(join(dir, 'my', 'common.json'));
    expect(common.app.welcome).toBe('{{name}} ကြိုဆိုပါတယ်');
    expect(common.home.intro).toBe('<0>စည်းမျဉ်း</0>ကို အရင်ဖတ်ပါ။ & "quotes"');
    expect(common.app.name).toBe('my: FieldScreen');
    // Key order and formatting are the file's own: only the changed lines differ.
    const expectedCommon = draft('my', EN.common) as typeof EN.common;
    expectedCommon.app.welcome = '{{name}} ကြိုဆိုပါတယ်';
    expectedCommon.home.intro = '<0>စည်းမျဉ်း</0>ကို အရင်ဖတ်ပါ။ & "quotes"';
    expect(readFileSync(join(dir, 'my', 'common.json'), 'utf8')).toBe(json(expectedCommon));
    expect(readJson(join(dir, 'my', 'instrument.json')).questions.q_safe.text).toBe(
      'ဒီမှာ စကားပြောဖို့ ဘေးကင်းလား။',
    );

    // Other languages and English are untouched.
    const after = snapshot(dir);
    for (const path of Object.keys(before).filter((p) => !p.includes('/my/') && !p.includes('review-status')))
      expect(after[path], path).toBe(before[path]);

    const entries = statuses().entries;
    expect(Object.keys(entries).sort()).toEqual([
      'my/common:app.name',
      'my/common:app.welcome',
      'my/common:home.intro',
      'my/instrument:options.no_one',
      'my/instrument:questions.q_safe.text',
    ]);
    expect(entries['my/common:app.welcome']).toEqual({
      status: 'reviewed',
      reviewer: 'Daw Aye',
      reviewedAt: NOW.toISOString(),
      sourceHash: sha256('Welcome, {{name}}'),
      targetHash: sha256('{{name}} ကြိုဆိုပါတယ်'),
    });
    expect(entries['my/instrument:options.no_one']?.targetHash).toBe(sha256('my: No one'));

    const report = checkCompleteness(dir);
    expect(report.problems).toEqual([]);
    expect(report.counts.find((c) => c.lng === 'my' && c.ns === 'common')).toMatchObject({
      total: 5,
      reviewed: 3,
      draft: 2,
      stale: 0,
    });

    // A new export tells the next translator who reviewed what.
    const again = await exportXml('my');
    expect(again).toContain('Status: reviewed by Daw Aye on 2025-03-01');
  });

  it('imports an unchanged file as a no-op', async () => {
    const before = snapshot(dir);
    const result = await importXml(await exportXml('km'));
    expect(result).toMatchObject({ changed: 0, reviewed: 0, written: [] });
    expect(snapshot(dir)).toEqual(before);
  });

  it('marks a review stale when the English source or the translation changes afterwards', async () => {
    let xml = await exportXml('my');
    xml = editTarget(xml, 'common', 'app.welcome', '{{name}} ကြိုဆိုပါတယ်');
    xml = markSegment(xml, 'instrument', 'questions.q_safe.text', 'final');
    await importXml(xml);
    const reviewed = (lng: string, ns: string) =>
      checkCompleteness(dir).counts.find((c) => c.lng === lng && c.ns === ns);
    expect(reviewed('my', 'common')).toMatchObject({ reviewed: 1, stale: 0 });

    // The instrument author rewords the English question: the Burmese review no longer vouches for it.
    const en = structuredClone(EN.instrument);
    en.questions.q_safe.text = 'Is it safe for you to talk here, now?';
    writeFileSync(join(dir, 'en', 'instrument.json'), json(en));
    expect(reviewed('my', 'instrument')).toMatchObject({ reviewed: 0, stale: 1 });
    const entry = statuses().entries['my/instrument:questions.q_safe.text'];
    expect(reviewStateOf(entry, en.questions.q_safe.text, 'my: Is it safe to talk here?')).toBe('stale');

    // Someone edits the reviewed Burmese text by hand: stale as well.
    const my = readJson(join(dir, 'my', 'common.json'));
    my.app.welcome = '{{name}} ကြိုဆိုပါ';
    writeFileSync(join(dir, 'my', 'common.json'), json(my));
    expect(reviewed('my', 'common')).toMatchObject({ reviewed: 0, stale: 1 });

    const fresh = await exportXml('my');
    expect(fresh).toMatch(/Status: stale — reviewed by Daw Aye on 2025-03-01, but the English source/);
  });

  it('creates a namespace file the language does not have yet, in English key order', async () => {
    rmSync(join(dir, 'lo', 'instrument.json'));
    let xml = await exportXml('lo');
    expect(xml).toContain('Status: missing — there is no translation yet');
    for (const key of ['options.no_one', 'questions.q_safe.guidance', 'questions.q_safe.text'])
      xml = xml.replace(
        new RegExp(`(<unit id="${key.replace(/\./g, '\\.')}"[\\s\\S]*?<source>[^<]*</source>)`),
        `$1<target>lo ${key}</target>`,
      );
    const result = await importXml(xml);
    expect(result).toMatchObject({ changed: 3, reviewed: 3 });
    expect(readFileSync(join(dir, 'lo', 'instrument.json'), 'utf8')).toBe(
      json({
        questions: { q_safe: { text: 'lo questions.q_safe.text', guidance: 'lo questions.q_safe.guidance' } },
        options: { no_one: 'lo options.no_one' },
      }),
    );
    const missing = checkCompleteness(dir).problems.filter((p) => p.lng === 'lo');
    expect(missing).toEqual([
      {
        kind: 'missing',
        lng: 'lo',
        ns: 'instrument',
        key: 'questions.q_safe.textChild',
        detail: 'no such key',
      },
    ]);
  });
});

describe('strings import refuses a bad file and changes nothing', () => {
  it('refuses a dropped placeholder', async () => {
    const xml = editTarget(await exportXml('my'), 'common', 'app.welcome', 'ကြိုဆိုပါတယ်');
    const err = await expectRefused(xml, 'INVALID_TARGETS');
    expect(err.details).toEqual(['my/common:app.welcome: missing {{name}}']);
  });

  it('refuses broken markup', async () => {
    let xml = await exportXml('my');
    xml = editTarget(xml, 'common', 'home.intro', '<0>စည်းမျဉ်း ကို အရင်ဖတ်ပါ။');
    xml = editTarget(xml, 'common', 'home.bold', '<b>စာလုံး</b>');
    const err = await expectRefused(xml, 'INVALID_TARGETS');
    expect(err.details).toEqual([
      'my/common:home.intro: missing markup </0>; broken markup: <0> is never closed',
      'my/common:home.bold: missing markup <br/>',
    ]);
  });

  it('refuses an empty translation', async () => {
    const xml = editTarget(await exportXml('my'), 'common', 'app.name', '');
    const err = await expectRefused(xml, 'INVALID_TARGETS');
    expect(err.details).toEqual(['my/common:app.name: the translation is empty']);
  });

  it('refuses a file exported from other English text, and says how many units changed', async () => {
    const xml = editTarget(await exportXml('my'), 'common', 'app.welcome', '{{name}} ကြိုဆိုပါတယ်');
    const en = structuredClone(EN.common);
    en.app.welcome = 'Hello, {{name}}';
    en.home.intro = 'Please read the <0>rules</0> first.';
    writeFileSync(join(dir, 'en', 'common.json'), json(en));
    const err = await expectRefused(xml, 'WRONG_VERSION');
    expect(err.summary).toContain('2 changed unit(s)');
    expect(err.details[0]).toMatch(
      /^common: file version [0-9a-f]{12}, current [0-9a-f]{12}: 2 unit\(s\) with changed/,
    );
  });

  it('refuses a file without a FieldScreen strings version', async () => {
    const xml = (await exportXml('my')).replace(/ fs:stringsVersion="[0-9a-f]+"/g, '');
    const err = await expectRefused(xml, 'WRONG_VERSION');
    expect(err.details.join('\n')).toContain('no FieldScreen strings version');
  });

  it('refuses a file for another language, for English, or for an unknown language', async () => {
    const km = editTarget(await exportXml('km'), 'common', 'app.name', 'ហ្វៀលស្គ្រីន');
    const err = await expectRefused(km, 'WRONG_LANGUAGE', { expectLanguage: 'my' });
    expect(err.summary).toBe('the file is for "km", not "my"');
    await expectRefused(km.replace('trgLang="km"', 'trgLang="fr"'), 'WRONG_LANGUAGE');
    await expectRefused(km.replace('trgLang="km"', 'trgLang="en"'), 'WRONG_LANGUAGE');
    await expectRefused(km.replace('srcLang="en"', 'srcLang="th"'), 'WRONG_LANGUAGE');
  });

  it('refuses malformed XML and XML that is not XLIFF 2.0', async () => {
    const xml = editTarget(await exportXml('my'), 'common', 'app.welcome', '{{name}} ကြိုဆိုပါတယ်');
    const err = await expectRefused(xml.slice(0, Math.floor(xml.length / 2)), 'NOT_XLIFF');
    expect(err.summary).toContain('not well-formed XML');
    await expectRefused(xml.replace('</source>', '</sourc>'), 'NOT_XLIFF');
    await expectRefused('<html><body>hello</body></html>', 'NOT_XLIFF');
    await expectRefused('<?xml version="1.0"?><xliff version="1.2"><file/></xliff>', 'NOT_XLIFF');
  });

  it('refuses unknown keys and namespaces', async () => {
    const xml = await exportXml('my');
    const unit = unitSpan(xml, 'common', 'app.name');
    const extra = unit.text.replace('id="app.name"', 'id="app.unknown"');
    const err = await expectRefused(xml.slice(0, unit.end) + extra + xml.slice(unit.end), 'UNKNOWN_KEYS');
    expect(err.details).toEqual(['common:app.unknown']);
    await expectRefused(xml.replace('<file id="common">', '<file id="referral">'), 'UNKNOWN_KEYS');
  });

  it('refuses an edited English source, a split segment and inline codes', async () => {
    const xml = await exportXml('my');
    await expectRefused(
      xml.replace('<source>FieldScreen</source>', '<source>Field Screen</source>'),
      'SOURCE_EDITED',
    );
    const split = xml.replace(
      /(<unit id="app\.name"[\s\S]*?<\/segment>)/,
      '$1<segment><source> </source><target> </target></segment>',
    );
    await expectRefused(split, 'INVALID_UNITS');
    const inline = xml.replace(
      /<target>my: Welcome, \{\{name\}\}<\/target>/,
      '<target>A <ph id="1"/> B</target>',
    );
    await expectRefused(inline, 'INVALID_UNITS');
  });

  it('refuses to overwrite a translation changed in the repository after the export', async () => {
    const xml = editTarget(await exportXml('my'), 'common', 'app.welcome', '{{name}} ကြိုဆိုပါတယ်');
    const my = readJson(join(dir, 'my', 'common.json'));
    my.app.welcome = 'ကြိုဆိုပါတယ် {{name}}';
    writeFileSync(join(dir, 'my', 'common.json'), json(my));
    const err = await expectRefused(xml, 'CONFLICT');
    expect(err.details).toEqual([
      'my/common:app.welcome: the translation was changed in the repository after this file was exported',
    ]);
  });

  it('refuses a missing reviewer name', async () => {
    const xml = editTarget(await exportXml('my'), 'common', 'app.welcome', '{{name}} ကြိုဆိုပါတယ်');
    const before = snapshot(dir);
    const err = await importXml(xml, { reviewer: '   ' }).catch((e: unknown) => e);
    expect((err as StringsError).reason).toBe('USAGE');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('checkCompleteness on fixtures', () => {
  it('finds missing, orphan, placeholder and unreadable strings, and whole missing or extra files', () => {
    const vi = readJson(join(dir, 'vi', 'common.json'));
    delete vi.app.name;
    vi.app.extra = 'vi: not in English';
    vi.app.welcome = 'Xin chào';
    vi.home.intro = '<0>Đọc quy tắc';
    writeFileSync(join(dir, 'vi', 'common.json'), json(vi));
    writeFileSync(join(dir, 'km', 'instrument.json'), '{ "questions": ');
    rmSync(join(dir, 'lo', 'common.json'));
    writeFileSync(join(dir, 'th', 'referral.json'), json({ a: 'b' }));
    const my = readJson(join(dir, 'my', 'instrument.json'));
    my.options.no_one = ' ';
    writeFileSync(join(dir, 'my', 'instrument.json'), json(my));

    const report = checkCompleteness(dir);
    const brief = report.problems.map((p) => `${p.kind} ${p.lng}/${p.ns}${p.key ? `:${p.key}` : ''}`);
    expect(brief.sort()).toEqual(
      [
        'missing vi/common:app.name',
        'orphan vi/common:app.extra',
        'placeholder vi/common:app.welcome',
        'placeholder vi/common:home.intro',
        'invalid km/instrument',
        'missing lo/common',
        'orphan th/referral',
        'missing my/instrument:options.no_one',
      ].sort(),
    );
    expect(report.problems.find((p) => p.key === 'app.welcome')?.detail).toBe('missing {{name}}');
    expect(report.counts.find((c) => c.lng === 'vi' && c.ns === 'common')).toMatchObject({
      total: 5,
      draft: 4,
      missing: 1,
      orphan: 1,
      placeholder: 2,
    });
  });

  it('reports review entries for strings that no longer exist without failing', async () => {
    await importXml(markSegment(await exportXml('vi'), 'common', 'app.name', 'final'));
    const en = structuredClone(EN.common) as Partial<typeof EN.common>;
    en.app = { welcome: EN.common.app.welcome } as typeof EN.common.app;
    writeFileSync(join(dir, 'en', 'common.json'), json(en));
    const report = checkCompleteness(dir);
    expect(report.unusedReviewEntries).toEqual(['vi/common:app.name']);
    expect(report.problems.every((p) => p.kind === 'orphan' && p.key === 'app.name')).toBe(true);
  });
});

describe('npm run cli -- strings', () => {
  const command = stringsCommands.find((c) => c.name === 'strings');
  function fakeIo() {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      env: {},
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
      promptSecret: () => Promise.reject(new Error('no secrets here')),
    };
    return { io, out, err };
  }
  const run = async (args: string[]) => {
    const f = fakeIo();
    const code = await command?.run(args, f.io);
    return { code, out: f.out.join('\n'), err: f.err.join('\n') };
  };

  it('is one command named strings', () => {
    expect(stringsCommands.map((c) => c.name)).toEqual(['strings']);
  });

  it('exports, imports and reports', async () => {
    const file = join(work, 'my.xlf');
    const exported = await run(['export', '--lang', 'my', '--out', file, '--dir', dir]);
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toContain(
      `wrote ${file}: 9 strings for my (draft 9, reviewed 0, stale 0, missing 0)`,
    );

    writeFileSync(file, editTarget(readFileSync(file, 'utf8'), 'common', 'app.welcome', '{{name}} ကြိုဆိုပါ'));
    const dry = await run(['import', file, '--reviewer', 'Daw Aye', '--dir', dir, '--dry-run']);
    expect(dry.out).toContain(
      'dry run, nothing written: my: 1 translation(s) changed, 1 marked reviewed by Daw Aye',
    );
    expect(statuses().entries).toEqual({});

    const imported = await run(['import', file, '--reviewer=Daw Aye', '--lang', 'my', '--dir', dir]);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toContain(
      'my: 1 translation(s) changed, 1 marked reviewed by Daw Aye, 8 left as they were',
    );
    expect(Object.keys(statuses().entries)).toEqual(['my/common:app.welcome']);

    const report = await run(['report', '--dir', dir]);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/^my\s+common\s+5\s+4\s+1\s+0\s+0\s+0\s+0$/m);
    expect(report.out).toMatch(/^th\s+instrument\s+4\s+4\s+0\s+0\s+0\s+0\s+0$/m);
    expect(report.out).toContain('no missing keys, placeholder mismatches or orphan keys');
  });

  it('prints a clear error and exits 1 when an import is refused', async () => {
    const file = join(work, 'my.xlf');
    await run(['export', '--lang', 'my', '--out', file, '--dir', dir]);
    writeFileSync(file, editTarget(readFileSync(file, 'utf8'), 'common', 'app.welcome', 'ကြိုဆိုပါ'));
    const refused = await run(['import', file, '--reviewer', 'Daw Aye', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: 1 translation(s) cannot be used');
    expect(refused.err).toContain('  - my/common:app.welcome: missing {{name}}');
    expect(refused.err).toContain('nothing was changed');
    const unreadable = await run(['import', join(work, 'nope.xlf'), '--reviewer', 'A', '--dir', dir]);
    expect(unreadable).toMatchObject({ code: 1 });
    expect(unreadable.err).toContain('cannot read');
  });

  it('exits 1 from report when there are problems, and 2 on usage errors', async () => {
    rmSync(join(dir, 'vi', 'instrument.json'));
    const report = await run(['report', '--dir', dir]);
    expect(report.code).toBe(1);
    expect(report.out).toContain('missing     vi/instrument — vi/instrument.json does not exist (4 strings)');
    expect((await run([])).code).toBe(2);
    expect((await run(['translate'])).code).toBe(2);
    expect((await run(['export', '--lang', 'my'])).code).toBe(2);
    expect((await run(['import', 'x.xlf'])).code).toBe(2);
    expect((await run(['report', '--bogus'])).code).toBe(2);
  });
});
