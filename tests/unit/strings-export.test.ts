import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportStrings, type StringsError } from '../../src/main/strings';
import { readXliff } from '../../src/main/strings/xliff-read';
import { EN, exportXml, json, localeTree, readJson, sha256, tempLocales, unitSpan } from './strings-fixture';

let dir: string;
let cleanUp: () => void;
beforeEach(() => ({ dir, cleanUp } = tempLocales()));
afterEach(() => cleanUp());

const notes12 = (unit: string) =>
  [...unit.matchAll(/<note from="developer">([\s\S]*?)<\/note>/g)].map((m) => m[1]);

describe('strings export as XLIFF 1.2', () => {
  it('writes one <file original="ns.json"> per namespace and units translate-toolkit can key back', () => {
    const xml = exportXml(dir, 'km', 'xliff12');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"')).toBe(true);
    expect(xml).toContain('xmlns="urn:oasis:names:tc:xliff:document:1.2"');
    const files = [...xml.matchAll(/<file ([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/original="common\.json" source-language="en" target-language="km"/);
    expect(files[1]).toMatch(/original="instrument\.json"/);
    for (const f of files) expect(f).toMatch(/fs:stringsVersion="[0-9a-f]{64}"/);

    const welcome = unitSpan(xml, 'common', 'app.welcome').text;
    expect(welcome).toMatch(
      /^<trans-unit id="common:app\.welcome" resname="app\.welcome" xml:space="preserve"/,
    );
    expect(welcome).toContain(`fs:targetHash="${sha256(localeTree('km').common.app.welcome)}"`);
    expect(welcome).toContain('<source>Welcome, {{name}}</source>');
    // Exported as not yet confirmed: a confirmed state in a returned file is the translator's own act.
    expect(welcome).toContain('<target state="needs-review-translation">សូមស្វាគមន៍ {{name}}</target>');
    expect(welcome).not.toContain('approved=');
    expect(notes12(welcome)).toEqual([
      "Where: common › app.welcome — Officer's user interface",
      'Audience: officer — the officer only',
      'Keep exactly, in any order the language needs: {{name}}',
      'Thai reference (draft, not yet reviewed): ยินดีต้อนรับ {{name}}',
      'Status: draft — written by developers, not yet checked by a qualified translator',
    ]);
    expect(unitSpan(xml, 'common', 'home.intro').text).toContain(
      '<source>Read the &lt;0&gt;rules&lt;/0&gt; first.</source>',
    );
  });

  it('gives question units the audience, the kind of answer and the officer guidance', () => {
    const xml = exportXml(dir, 'km', 'xliff12');
    const question = notes12(unitSpan(xml, 'instrument', 'questions.safety_safe_to_talk.text').text);
    expect(question).toContain(
      'Audience: person — read to or by the interviewee, who may be frightened: plain, gentle, neutral words',
    );
    expect(question.some((n) => n?.startsWith('Answer: yes or no'))).toBe(true);
    expect(question).toContain('Officer guidance (not shown to the interviewee): Ask quietly.');
    const child = notes12(unitSpan(xml, 'instrument', 'questions.safety_safe_to_talk.textChild').text);
    expect(child[0]).toMatch(/wording for a child/);
    const guidance = notes12(unitSpan(xml, 'instrument', 'questions.safety_safe_to_talk.guidance').text);
    expect(guidance).toContain('Audience: officer — the officer only');
  });

  it('asks Khmer translators for one plural form, and leaves out the English _one', () => {
    const xml = exportXml(dir, 'km', 'xliff12');
    expect(xml).not.toContain('home.cases_one');
    const cases = unitSpan(xml, 'common', 'home.cases_other').text;
    expect(cases).toContain('<source>{{count}} cases</source>');
    expect(notes12(cases)).toContain(
      'Number-dependent text: this language uses one form for every number ({{count}} is the number)',
    );
  });

  it('exports a string the language lacks without <target>, marked as having none', () => {
    const km = localeTree('km');
    const { welcome: _w, ...app } = km.common.app;
    writeFileSync(join(dir, 'km', 'common.json'), json({ ...km.common, app }));
    const unit = unitSpan(exportXml(dir, 'km', 'xliff12'), 'common', 'app.welcome').text;
    expect(unit).not.toContain('<target');
    expect(unit).toContain('fs:targetHash="none"');
    expect(unit).toContain('fs:status="missing"');
  });
});

describe('strings export as XLIFF 2.0', () => {
  it('puts original on every <file>, the context in one note and every segment in state initial', () => {
    const xml = exportXml(dir, 'my', 'xliff20');
    expect(xml).toMatch(
      /<xliff version="2\.0" xmlns="urn:oasis:names:tc:xliff:document:2\.0" xmlns:fs="[^"]+" srcLang="en" trgLang="my">/,
    );
    const files = [...xml.matchAll(/<file ([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(files.map((f) => f.match(/^id="([^"]+)" original="([^"]+)"/)?.slice(1))).toEqual([
      ['common', 'common.json'],
      ['instrument', 'instrument.json'],
    ]);
    const unit = unitSpan(xml, 'instrument', 'questions.safety_safe_to_talk.text').text;
    expect(unit).toMatch(
      /^<unit id="questions\.safety_safe_to_talk\.text" name="questions\.safety_safe_to_talk\.text" canResegment="no"/,
    );
    const notes = [...unit.matchAll(/<note[^>]*>([\s\S]*?)<\/note>/g)].map((m) => m[1] ?? '');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.split('\n')).toEqual(
      expect.arrayContaining([
        'Thai reference (draft, not yet reviewed): ที่นี่ปลอดภัยที่จะคุยไหม',
        'Officer guidance (not shown to the interviewee): Ask quietly.',
      ]),
    );
    expect(unit).toContain('<segment state="initial">');
    expect(unit).toContain('<target xml:space="preserve">ဒီမှာ စကားပြောဖို့ ဘေးကင်းလား</target>');
  });

  it('gives Thai translators no Thai reference', () => {
    expect(exportXml(dir, 'th', 'xliff20')).not.toContain('Thai reference');
    expect(exportXml(dir, 'th', 'xliff12')).not.toContain('Thai reference');
  });
});

describe('strings export, both formats', () => {
  it.each(['xliff12', 'xliff20'] as const)(
    '%s reads back to the same sources and targets, line breaks and all',
    (format) => {
      const km = localeTree('km');
      km.common.app.welcome = 'សូមស្វាគមន៍\n{{name}}\n';
      writeFileSync(join(dir, 'km', 'common.json'), json(km.common));
      const doc = readXliff(exportXml(dir, 'km', format));
      expect(doc.srcLang).toBe('en');
      expect(doc.trgLang).toBe('km');
      expect(doc.hasExportMarks).toBe(true);
      expect(doc.structureProblems).toEqual([]);
      const read = new Map(doc.units.map((u) => [`${u.ns}:${u.key}`, u]));
      expect(read.get('common:app.welcome')).toMatchObject({
        source: EN.common.app.welcome,
        target: 'សូមស្វាគមន៍\n{{name}}\n',
        confirmed: false,
        exportTargetHash: sha256('សូមស្វាគមន៍\n{{name}}\n'),
      });
      expect(read.get('instrument:options.no_one')?.target).toBe(km.instrument.options.no_one);
      expect(doc.units).toHaveLength(9);
    },
  );

  it('refuses English, unknown languages, namespaces and formats', () => {
    const refused = (options: Partial<Parameters<typeof exportStrings>[0]>) => {
      try {
        exportStrings({ dir, lng: 'km', format: 'xliff12', appVersion: 'x', ...options });
      } catch (err) {
        return (err as StringsError).reason;
      }
      return 'exported';
    };
    expect(refused({ lng: 'en' })).toBe('WRONG_LANGUAGE');
    expect(refused({ lng: 'fr' })).toBe('WRONG_LANGUAGE');
    expect(refused({ namespaces: ['referral'] })).toBe('UNKNOWN_KEYS');
    expect(refused({ format: 'xliff21' })).toBe('USAGE');
    rmSync(join(dir, 'km', 'common.json'));
    expect(refused({})).toBe('exported');
    writeFileSync(join(dir, 'km', 'common.json'), '{');
    expect(refused({})).toBe('INVALID_LOCALES');
    expect(readJson(join(dir, 'en', 'common.json'))).toEqual(EN.common);
  });
});
