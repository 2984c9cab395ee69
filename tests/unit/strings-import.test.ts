import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZawgyiConverter } from 'myanmar-tools';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCompleteness, listStale } from '../../src/main/strings';
import {
  hashText,
  isReviewedState,
  localeReviewState,
  reviewStatusFileSchema,
} from '../../src/shared/i18n/review';
import {
  confirmUnit,
  EN,
  editTarget,
  expectRefused,
  exportXml,
  importXml,
  json,
  LATER,
  localeTree,
  NOW,
  readJson,
  reviewer,
  sha256,
  snapshot,
  statusesIn,
  tempLocales,
  translator,
  unitSpan,
} from './strings-fixture';

let dir: string;
let cleanUp: () => void;
beforeEach(() => ({ dir, cleanUp } = tempLocales()));
afterEach(() => cleanUp());

const counts = (lng: string, ns: string) =>
  checkCompleteness(dir).counts.find((c) => c.lng === lng && c.ns === ns);
const stateOf = (lng: string, ns: 'common' | 'instrument', key: string) => {
  const en = new Map(Object.entries(flat(EN[ns])));
  const target = flat(readJson(join(dir, lng, `${ns}.json`)))[key];
  return localeReviewState(statusesIn(dir), lng, ns, key, en.get(key) ?? '', target);
};
function flat(tree: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flat(v, `${prefix}${k}.`)),
    ),
  );
}

describe('import as translator, then as reviewer', () => {
  it("records the translator's changed and confirmed strings as translated, still drafts on screen", () => {
    const km = localeTree('km');
    let xml = exportXml(dir, 'km', 'xliff20');
    xml = editTarget(xml, 'common', 'app.welcome', 'សូមស្វាគមន៍ លោក {{name}}');
    xml = editTarget(
      xml,
      'instrument',
      'questions.safety_safe_to_talk.text',
      'តើនៅទីនេះ មានសុវត្ថិភាពដើម្បីនិយាយទេ?',
    );
    xml = confirmUnit(xml, 'instrument', 'options.no_one', 'translated');

    const result = importXml(dir, xml, translator());
    expect(result).toMatchObject({ lng: 'km', recorded: 3, changed: 2, untouched: 6, skipped: [] });

    // Only the changed lines differ, in the file's own order and format.
    const expected = structuredClone(km.common);
    expected.app.welcome = 'សូមស្វាគមន៍ លោក {{name}}';
    expect(readFileSync(join(dir, 'km', 'common.json'), 'utf8')).toBe(json(expected));

    const statuses = statusesIn(dir);
    expect(statuses.entries['km/common:app.welcome']).toEqual({
      translated: {
        by: 'Sokha Chan',
        at: NOW.toISOString(),
        sourceHash: sha256('Welcome, {{name}}'),
        targetHash: sha256('សូមស្វាគមន៍ លោក {{name}}'),
      },
    });
    expect(statuses.entries['km/instrument:options.no_one']?.translated?.targetHash).toBe(
      sha256(km.instrument.options.no_one),
    );
    expect(statuses.sourceTexts[sha256('Welcome, {{name}}')]).toBe('Welcome, {{name}}');
    expect(Object.keys(statuses.entries)).toHaveLength(3);

    expect(counts('km', 'common')).toMatchObject({ total: 5, draft: 4, translated: 1, reviewed: 0 });
    expect(counts('km', 'instrument')).toMatchObject({ draft: 2, translated: 2 });
    // The app's draft marker: translated is not reviewed.
    expect(stateOf('km', 'common', 'app.welcome')).toBe('translated');
    expect(isReviewedState(stateOf('km', 'common', 'app.welcome'))).toBe(false);
  });

  it("records the reviewer's confirmed and corrected strings as reviewed, keeping the translator's step", () => {
    let xml = editTarget(exportXml(dir, 'km', 'xliff20'), 'common', 'app.welcome', 'សូមស្វាគមន៍ លោក {{name}}');
    xml = confirmUnit(xml, 'instrument', 'options.no_one', 'translated');
    importXml(dir, xml, translator());

    let review = exportXml(dir, 'km', 'xliff12');
    expect(unitSpan(review, 'common', 'app.welcome').text).toContain(
      'Status: translated (translated by Sokha Chan on 2026-03-01) — waiting for a reviewer',
    );
    review = confirmUnit(review, 'common', 'app.welcome');
    review = editTarget(review, 'instrument', 'options.no_one', 'គ្មាននរណាទេ');
    const result = importXml(dir, review, reviewer(), { now: LATER });
    expect(result).toMatchObject({ recorded: 2, changed: 1 });

    const entries = statusesIn(dir).entries;
    expect(entries['km/common:app.welcome']).toEqual({
      translated: expect.objectContaining({ by: 'Sokha Chan', at: NOW.toISOString() }),
      reviewed: {
        by: 'Dara Keo',
        at: LATER.toISOString(),
        sourceHash: sha256('Welcome, {{name}}'),
        targetHash: sha256('សូមស្វាគមន៍ លោក {{name}}'),
      },
    });
    // The reviewer's correction is what was reviewed; the translator's step still names the text they wrote.
    expect(entries['km/instrument:options.no_one']?.reviewed?.targetHash).toBe(sha256('គ្មាននរណាទេ'));
    expect(entries['km/instrument:options.no_one']?.translated?.by).toBe('Sokha Chan');
    expect(stateOf('km', 'common', 'app.welcome')).toBe('reviewed');
    expect(stateOf('km', 'instrument', 'options.no_one')).toBe('reviewed');
    expect(counts('km', 'common')).toMatchObject({ translated: 0, reviewed: 1 });

    // A translator changing a reviewed string makes it "translated" again: the new text needs a review.
    importXml(
      dir,
      editTarget(exportXml(dir, 'km', 'xliff20'), 'common', 'app.welcome', 'សូមស្វាគមន៍ {{name}} ម្តងទៀត'),
    );
    expect(stateOf('km', 'common', 'app.welcome')).toBe('translated');
  });

  it('refuses a review of strings no translator translated, unless the reviewer did both (recorded twice)', () => {
    let xml = confirmUnit(exportXml(dir, 'km', 'xliff12'), 'common', 'app.welcome');
    xml = confirmUnit(xml, 'common', 'home.bold');
    const err = expectRefused(dir, xml, 'NOT_TRANSLATED', reviewer());
    expect(err.details).toEqual(['km/common:app.welcome', 'km/common:home.bold']);
    expect(err.summary).toMatch(/--both/);

    importXml(dir, xml, reviewer('Dara Keo', true));
    const entry = statusesIn(dir).entries['km/common:app.welcome'];
    expect(entry?.translated?.by).toBe('Dara Keo');
    expect(entry?.reviewed?.by).toBe('Dara Keo');
    expect(stateOf('km', 'common', 'app.welcome')).toBe('reviewed');
  });

  it('reads XLIFF 1.2 confirmations: approved="yes" or a translated / signed-off / final state', () => {
    let xml = exportXml(dir, 'vi', 'xliff12');
    xml = confirmUnit(xml, 'common', 'app.welcome');
    xml = xml.replace(
      /(<trans-unit id="common:home\.intro"[\s\S]*?<target state=")needs-review-translation/,
      '$1signed-off',
    );
    xml = xml.replace(
      /(<trans-unit id="common:home\.bold"[\s\S]*?<target state=")needs-review-translation/,
      '$1needs-adaptation',
    );
    expect(importXml(dir, xml, translator())).toMatchObject({ recorded: 2, changed: 0 });
    expect(Object.keys(statusesIn(dir).entries).sort()).toEqual([
      'vi/common:app.welcome',
      'vi/common:home.intro',
    ]);
  });

  it('leaves an unchanged, unconfirmed file as it was', () => {
    const before = snapshot(dir);
    for (const format of ['xliff12', 'xliff20'] as const)
      expect(importXml(dir, exportXml(dir, 'lo', format))).toMatchObject({
        recorded: 0,
        untouched: 9,
        written: [],
      });
    expect(snapshot(dir)).toEqual(before);
  });

  it('upgrades a version 1 status file (reviews only) when it reads it', () => {
    const v1 = {
      version: 1,
      entries: {
        'km/common:app.welcome': {
          status: 'reviewed',
          reviewer: 'Old Reviewer',
          reviewedAt: '2025-01-01T00:00:00.000Z',
          sourceHash: hashText('Welcome, {{name}}'),
          targetHash: hashText(localeTree('km').common.app.welcome),
        },
      },
    };
    writeFileSync(join(dir, 'review-status.json'), json(v1));
    expect(stateOf('km', 'common', 'app.welcome')).toBe('reviewed');
    importXml(dir, editTarget(exportXml(dir, 'km', 'xliff20'), 'common', 'home.bold', 'ពាក្យ<b>ដិតៗ</b><br/>'));
    const written = readJson(join(dir, 'review-status.json'));
    expect(written.version).toBe(2);
    expect(reviewStatusFileSchema.parse(written).entries['km/common:app.welcome']?.reviewed?.by).toBe(
      'Old Reviewer',
    );
  });
});

describe('import when the English or the repository changed since the export', () => {
  it('imports the strings whose English is unchanged and lists the others; report --stale names both Englishes', () => {
    // A reviewed string whose English is then edited becomes stale, with the approved English kept.
    importXml(
      dir,
      confirmUnit(exportXml(dir, 'km', 'xliff20'), 'common', 'app.welcome'),
      reviewer('Dara Keo', true),
    );
    let xml = editTarget(exportXml(dir, 'km', 'xliff20'), 'common', 'app.welcome', 'សួស្តី {{name}}');
    xml = editTarget(xml, 'common', 'home.bold', 'ពាក្យ<b>ដិតៗ</b><br/>');
    const en = structuredClone(EN.common);
    en.app.welcome = 'Hello, {{name}}';
    writeFileSync(join(dir, 'en', 'common.json'), json(en));

    const result = importXml(dir, xml, translator());
    expect(result.recorded).toBe(1);
    expect(result.skipped).toEqual([
      {
        ns: 'common',
        key: 'app.welcome',
        reason: 'the English text changed since the export; translate the new English from a new export',
      },
    ]);
    expect(result.notices).toEqual([
      'common: the English changed since this file was exported; changed strings are listed below',
    ]);
    expect(readJson(join(dir, 'km', 'common.json')).home.bold).toBe('ពាក្យ<b>ដិតៗ</b><br/>');
    expect(readJson(join(dir, 'km', 'common.json')).app.welcome).toBe(localeTree('km').common.app.welcome);

    expect(listStale({ dir, lng: 'km' })).toEqual([
      {
        lng: 'km',
        ns: 'common',
        key: 'app.welcome',
        step: 'reviewed',
        by: 'Dara Keo',
        at: NOW.toISOString(),
        englishThen: 'Welcome, {{name}}',
        englishNow: 'Hello, {{name}}',
        onlyTranslationChanged: false,
      },
    ]);
  });

  it('lists an English <source> edited in the file, and a translation changed in the repository meanwhile', () => {
    let xml = editTarget(exportXml(dir, 'my', 'xliff20'), 'common', 'app.welcome', 'မင်္ဂလာပါ {{name}}');
    xml = xml.replace(
      '<source xml:space="preserve">Welcome, {{name}}</source>',
      '<source xml:space="preserve">Hi, {{name}}</source>',
    );
    xml = editTarget(xml, 'common', 'home.bold', '<b>စာလုံးထူ</b> စာ<br/>');
    xml = editTarget(xml, 'instrument', 'options.no_one', 'ဘယ်သူမှ မရှိပါ');
    const my = localeTree('my');
    my.common.home.bold = '<b>စာလုံး</b> ထူ<br/>';
    writeFileSync(join(dir, 'my', 'common.json'), json(my.common));

    const result = importXml(dir, xml);
    expect(result.recorded).toBe(1);
    expect(result.skipped.map((s) => `${s.key}: ${s.reason}`)).toEqual([
      'app.welcome: the English <source> was edited in the file (only <target> may change)',
      'home.bold: the translation was changed in the repository after the export; export again and re-apply',
    ]);
    expect(readJson(join(dir, 'my', 'common.json')).home.bold).toBe('<b>စာလုံး</b> ထူ<br/>');
    expect(readJson(join(dir, 'my', 'instrument.json')).options.no_one).toBe('ဘယ်သူမှ မရှိပါ');
  });

  it('says so when a tool dropped the FieldScreen attributes, and asks for --lang when the language went too', () => {
    const stripped = editTarget(exportXml(dir, 'lo', 'xliff12'), 'common', 'app.welcome', 'ສະບາຍດີ {{name}}')
      .replace(/ fs:[A-Za-z]+="[^"]*"/g, '')
      .replace(/ target-language="lo"/g, '');
    const err = expectRefused(dir, stripped, 'WRONG_LANGUAGE');
    expect(err.summary).toMatch(/does not say which language.*--lang/);
    const result = importXml(dir, stripped, translator(), { expectLanguage: 'lo' });
    expect(result.recorded).toBe(1);
    expect(result.notices[0]).toMatch(/dropped FieldScreen's own attributes \(fs:…\)/);
    expect(readJson(join(dir, 'lo', 'common.json')).app.welcome).toBe('ສະບາຍດີ {{name}}');
  });
});

describe('imports that protect the interviewee text (each refusal leaves every file byte-identical)', () => {
  const refusedTarget = (
    lng: string,
    ns: string,
    key: string,
    text: string,
    format: 'xliff12' | 'xliff20' = 'xliff20',
  ) => expectRefused(dir, editTarget(exportXml(dir, lng, format), ns, key, text), 'INVALID_TARGETS');

  it('refuses a target identical to the English where the English has letters (not the product name)', () => {
    const err = refusedTarget(
      'km',
      'instrument',
      'questions.safety_safe_to_talk.text',
      'Is it safe to talk here?',
      'xliff12',
    );
    expect(err.details).toEqual([
      'km/instrument:questions.safety_safe_to_talk.text: the translation is the English source text unchanged',
    ]);
    const name = confirmUnit(exportXml(dir, 'km', 'xliff12'), 'common', 'app.name');
    expect(importXml(dir, name).recorded).toBe(1);
  });

  it('refuses text in another script: Thai in the Khmer file, English in the Lao file, Khmer in the Burmese file', () => {
    expect(refusedTarget('km', 'instrument', 'options.no_one', 'ไม่มีใคร').details).toEqual([
      'km/instrument:options.no_one: the translation is written in Thai script, not Khmer',
    ]);
    expect(refusedTarget('lo', 'instrument', 'options.no_one', 'Nobody at all').details).toEqual([
      'lo/instrument:options.no_one: the translation has no Lao letters (is it English?)',
    ]);
    expect(refusedTarget('my', 'common', 'app.welcome', 'សូមស្វាគមន៍ {{name}}').details).toEqual([
      'my/common:app.welcome: the translation is written in Khmer script, not Myanmar (Burmese)',
    ]);
    expect(refusedTarget('th', 'common', 'app.welcome', 'ຍິນດີຕ້ອນຮັບ {{name}}').details[0]).toMatch(
      /Lao script, not Thai/,
    );
  });

  it('refuses Vietnamese without Vietnamese letters, or in another script', () => {
    expect(refusedTarget('vi', 'instrument', 'options.no_one', 'Nobody is here').details).toEqual([
      'vi/instrument:options.no_one: the translation has no Vietnamese letters or tone marks (is it English?)',
    ]);
    expect(refusedTarget('vi', 'instrument', 'options.no_one', 'ไม่มีใคร').details[0]).toMatch(
      /not written in Vietnamese/,
    );
  });

  it('refuses Burmese in the Zawgyi encoding', () => {
    const zawgyi = new ZawgyiConverter().unicodeToZawgyi('ဒီမှာ စကားပြောဖို့ ဘေးကင်းလား');
    const err = refusedTarget('my', 'instrument', 'questions.safety_safe_to_talk.text', zawgyi);
    expect(err.details[0]).toMatch(
      /^my\/instrument:questions\.safety_safe_to_talk\.text: the Burmese is in the Zawgyi encoding \(detector 1\.000\)/,
    );
  });

  it('refuses missing placeholders and broken or missing markup, listing every unit', () => {
    let xml = editTarget(exportXml(dir, 'th', 'xliff12'), 'common', 'app.welcome', 'ยินดีต้อนรับ');
    xml = editTarget(xml, 'common', 'home.intro', '<0>กฎ ก่อน');
    xml = editTarget(xml, 'common', 'home.bold', '<b>ตัวหนา</b>');
    const err = expectRefused(dir, xml, 'INVALID_TARGETS');
    expect(err.details).toEqual([
      'th/common:app.welcome: missing {{name}}',
      'th/common:home.intro: missing markup </0>; broken markup: <0> is never closed',
      'th/common:home.bold: missing markup <br/>',
    ]);
  });

  it('refuses unknown and __proto__ ids, of units and of files, in both formats', () => {
    const x20 = exportXml(dir, 'km', 'xliff20');
    const unknownUnit = x20.replace(
      '<unit id="app.name" name="app.name"',
      '<unit id="__proto__" name="__proto__"',
    );
    expect(expectRefused(dir, unknownUnit, 'UNKNOWN_KEYS').details).toEqual(['common:__proto__']);
    const unknownFile = x20.replace(
      '<file id="common" original="common.json"',
      '<file id="__proto__" original="__proto__.json"',
    );
    expect(expectRefused(dir, unknownFile, 'UNKNOWN_KEYS').details[0]).toMatch(/^namespace "__proto__"/);
    const x12 = exportXml(dir, 'km', 'xliff12');
    const typo = x12.replace(
      'id="common:app.name" resname="app.name"',
      'id="common:app.nmae" resname="app.nmae"',
    );
    expect(expectRefused(dir, typo, 'UNKNOWN_KEYS').details).toEqual(['common:app.nmae']);
    const proto = x12.replace('id="common:app.name"', 'id="__proto__:app.name"');
    expect(expectRefused(dir, proto, 'UNKNOWN_KEYS').details[0]).toMatch(/^namespace "__proto__"/);
    // A plural form Khmer does not have is not a Khmer string.
    const one = x12.replace(
      'id="common:home.cases_other" resname="home.cases_other"',
      'id="common:home.cases_one" resname="home.cases_one"',
    );
    expect(expectRefused(dir, one, 'UNKNOWN_KEYS').details).toEqual(['common:home.cases_one']);
  });

  it('refuses files that are not XLIFF, are for another language, or break the one-segment structure', () => {
    const x20 = exportXml(dir, 'km', 'xliff20');
    expect(expectRefused(dir, 'not xml', 'NOT_XLIFF').summary).toMatch(/well-formed/);
    expect(expectRefused(dir, x20.slice(0, x20.length / 2), 'NOT_XLIFF').summary).toMatch(/well-formed/);
    expect(expectRefused(dir, '<?xml version="1.0"?><html/>', 'NOT_XLIFF').summary).toMatch(
      /root element is <html>/,
    );
    expect(
      expectRefused(dir, '<!DOCTYPE x [<!ENTITY a "b">]><xliff version="2.0"/>', 'NOT_XLIFF').details,
    ).toEqual(['a DOCTYPE is not allowed']);
    expect(expectRefused(dir, x20, 'WRONG_LANGUAGE', translator(), { expectLanguage: 'my' }).summary).toBe(
      'the file is for "km", not "my"',
    );
    expect(expectRefused(dir, x20.replace('srcLang="en"', 'srcLang="th"'), 'WRONG_LANGUAGE').summary).toMatch(
      /translates from "th"/,
    );
    expect(expectRefused(dir, x20.replace('trgLang="km"', 'trgLang="en"'), 'WRONG_LANGUAGE').summary).toMatch(
      /English is the source/,
    );

    const split = x20.replace(
      /(<unit id="app\.name"[\s\S]*?<\/segment>)/,
      '$1<segment><source>x</source></segment>',
    );
    expect(expectRefused(dir, split, 'INVALID_UNITS').details).toEqual([
      'common:app.name has 2 segments; a string must stay one segment (join them)',
    ]);
    const inline = editTarget(x20, 'common', 'app.welcome', 'x').replace(
      '<target xml:space="preserve">x</target>',
      '<target>សូម <ph id="1"/> {{name}}</target>',
    );
    expect(expectRefused(dir, inline, 'INVALID_UNITS').details[0]).toMatch(
      /^common:app\.welcome: contains XLIFF inline codes \(<ph>\)/,
    );
    const unit = unitSpan(x20, 'common', 'app.name').text;
    expect(expectRefused(dir, x20.replace(unit, unit + unit), 'INVALID_UNITS').details).toEqual([
      'common:app.name appears more than once',
    ]);
  });

  it('refuses an import without a proper name', () => {
    const xml = confirmUnit(exportXml(dir, 'km', 'xliff20'), 'common', 'app.welcome');
    expect(expectRefused(dir, xml, 'USAGE', translator('  ')).summary).toMatch(
      /--translator must be the name/,
    );
    expect(expectRefused(dir, xml, 'USAGE', reviewer('a\u0007b')).summary).toMatch(
      /--reviewer must be the name/,
    );
  });
});
