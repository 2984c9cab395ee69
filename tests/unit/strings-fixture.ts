// Shared by the strings tests: a small but complete set of locales written in each language's own script
// (the import checks the script), with placeholders, markup, a plural, child wording and officer guidance.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { stringsCommands } from '../../src/main/cli/commands/strings-commands';
import {
  exportStrings,
  type ImportRole,
  importStrings,
  isStringsError,
  type StringsError,
  type StringsErrorReason,
} from '../../src/main/strings';
import { reviewStatusFileSchema } from '../../src/shared/i18n/review';
import { captureIo, commandNamed } from '../helpers/cli-io';

type Texts = {
  welcome: string;
  intro: string;
  cases: string;
  bold: string;
  text: string;
  textChild: string;
  guidance: string;
  noOne: string;
};

const TEXTS: Record<'th' | 'my' | 'km' | 'lo' | 'vi', Texts> = {
  th: {
    welcome: 'ยินดีต้อนรับ {{name}}',
    intro: 'อ่าน<0>กฎ</0>ก่อน',
    cases: '{{count}} กรณี',
    bold: 'คำ<b>ตัวหนา</b><br/>',
    text: 'ที่นี่ปลอดภัยที่จะคุยไหม',
    textChild: 'หนูรู้สึกโอเคที่นี่ไหม',
    guidance: 'ถามเบาๆ',
    noOne: 'ไม่มีใคร',
  },
  my: {
    welcome: 'ကြိုဆိုပါတယ် {{name}}',
    intro: '<0>စည်းမျဉ်း</0>ကို အရင်ဖတ်ပါ',
    cases: 'ကိစ္စ {{count}} ခု',
    bold: '<b>စာလုံးထူ</b> စကားလုံး<br/>',
    text: 'ဒီမှာ စကားပြောဖို့ ဘေးကင်းလား',
    textChild: 'ဒီမှာ အဆင်ပြေလား',
    guidance: 'တိုးတိုး မေးပါ',
    noOne: 'ဘယ်သူမှ မရှိ',
  },
  km: {
    welcome: 'សូមស្វាគមន៍ {{name}}',
    intro: 'អាន<0>ច្បាប់</0>ជាមុនសិន',
    cases: 'ករណី {{count}}',
    bold: 'ពាក្យ<b>ដិត</b><br/>',
    text: 'តើនៅទីនេះមានសុវត្ថិភាពក្នុងការនិយាយទេ?',
    textChild: 'តើប្អូនស្រួលទេនៅទីនេះ?',
    guidance: 'សួរដោយស្ងាត់ៗ',
    noOne: 'គ្មាននរណាម្នាក់ទេ',
  },
  lo: {
    welcome: 'ຍິນດີຕ້ອນຮັບ {{name}}',
    intro: 'ອ່ານ<0>ກົດລະບຽບ</0>ກ່ອນ',
    cases: '{{count}} ກໍລະນີ',
    bold: 'ຄຳ<b>ໂຕໜາ</b><br/>',
    text: 'ຢູ່ນີ້ປອດໄພທີ່ຈະລົມບໍ່?',
    textChild: 'ເຈົ້າຮູ້ສຶກດີຢູ່ນີ້ບໍ່?',
    guidance: 'ຖາມຄ່ອຍໆ',
    noOne: 'ບໍ່ມີໃຜ',
  },
  vi: {
    welcome: 'Chào mừng {{name}}',
    intro: 'Hãy đọc <0>quy tắc</0> trước.',
    cases: '{{count}} trường hợp',
    bold: 'Một từ <b>đậm</b><br/>',
    text: 'Ở đây có an toàn để nói chuyện không?',
    textChild: 'Em thấy ổn ở đây không?',
    guidance: 'Hỏi nhẹ nhàng.',
    noOne: 'Không có ai',
  },
};

export const EN = {
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
      safety_safe_to_talk: {
        text: 'Is it safe to talk here?',
        textChild: 'Do you feel OK here?',
        guidance: 'Ask quietly.',
      },
    },
    options: { no_one: 'No one' },
  },
};

/** The locale's own files: th/my/km/lo/vi have only the plural form "other" (CLDR). */
export function localeTree(lng: keyof typeof TEXTS) {
  const t = TEXTS[lng];
  return {
    common: {
      app: { name: 'FieldScreen', welcome: t.welcome },
      home: { intro: t.intro, cases_other: t.cases, bold: t.bold },
    },
    instrument: {
      questions: { safety_safe_to_talk: { text: t.text, textChild: t.textChild, guidance: t.guidance } },
      options: { no_one: t.noOne },
    },
  };
}

export const NOW = new Date('2026-03-01T10:00:00.000Z');
export const LATER = new Date('2026-03-08T09:30:00.000Z');
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

export function writeLocales(root: string): void {
  for (const lng of ['en', 'th', 'my', 'km', 'lo', 'vi'] as const) {
    mkdirSync(join(root, lng), { recursive: true });
    for (const ns of ['common', 'instrument'] as const)
      writeFileSync(join(root, lng, `${ns}.json`), json(lng === 'en' ? EN[ns] : localeTree(lng)[ns]));
  }
  writeFileSync(join(root, 'review-status.json'), json({ version: 2, entries: {}, sourceTexts: {} }));
}

/** A fresh copy of the fixture locales in a temporary folder, and a way to remove it. */
export function tempLocales(): { dir: string; cleanUp: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'fieldscreen-strings-'));
  const dir = join(work, 'locales');
  writeLocales(dir);
  return { dir, cleanUp: () => rmSync(work, { recursive: true, force: true }) };
}

/** Every file under the folder with its exact content, to prove a refused import changed nothing. */
export function snapshot(root: string): Record<string, string> {
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

export const statusesIn = (dir: string) =>
  reviewStatusFileSchema.parse(readJson(join(dir, 'review-status.json')));

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text of one unit in an exported file: 1.2 `<trans-unit id="ns:key">`, 2.0 `<unit id="key">` in `<file id="ns">`. */
export function unitSpan(xml: string, ns: string, key: string): { start: number; end: number; text: string } {
  const is12 = xml.includes('version="1.2"');
  const from = is12 ? 0 : xml.indexOf(`<file id="${ns}"`);
  const open = is12 ? `<trans-unit id="${ns}:${key}"` : `<unit id="${key}"`;
  const close = is12 ? '</trans-unit>' : '</unit>';
  const start = xml.indexOf(open, from);
  expect(start, `${ns}:${key}`).toBeGreaterThanOrEqual(0);
  const end = xml.indexOf(close, start) + close.length;
  return { start, end, text: xml.slice(start, end) };
}

function editUnit(xml: string, ns: string, key: string, edit: (unit: string) => string): string {
  const unit = unitSpan(xml, ns, key);
  const edited = edit(unit.text);
  expect(edited, `${ns}:${key} edited`).not.toBe(unit.text);
  return xml.slice(0, unit.start) + edited + xml.slice(unit.end);
}

/** What a translator's tool does: replace (or add) the <target> of one unit. */
export function editTarget(xml: string, ns: string, key: string, text: string): string {
  return editUnit(xml, ns, key, (unit) => {
    const target = unit.match(/<target[^>]*>[\s\S]*?<\/target>/)?.[0];
    const attrs = target?.match(/^<target([^>]*)>/)?.[1] ?? '';
    const replacement = `<target${attrs}>${xmlEscape(text)}</target>`;
    if (target) return unit.replace(target, replacement);
    return unit.replace(/(<source[^>]*>[\s\S]*?<\/source>)/, `$1<target>${xmlEscape(text)}</target>`);
  });
}

/** The person confirms a unit (1.2: approved="yes"; 2.0: a segment state). */
export function confirmUnit(xml: string, ns: string, key: string, state = 'final'): string {
  return editUnit(xml, ns, key, (unit) =>
    unit.includes('<segment')
      ? unit.replace(/<segment state="[^"]*">/, `<segment state="${state}">`)
      : unit.replace('<trans-unit ', '<trans-unit approved="yes" '),
  );
}

export function exportXml(dir: string, lng: string, format: 'xliff12' | 'xliff20' = 'xliff20'): string {
  return exportStrings({ dir, lng, format, appVersion: '0.1.0-test', now: NOW }).xml;
}

export const translator = (name = 'Sokha Chan'): ImportRole => ({ kind: 'translator', name });
export const reviewer = (name = 'Dara Keo', both = false): ImportRole => ({ kind: 'reviewer', name, both });

export function importXml(
  dir: string,
  xml: string,
  role: ImportRole = translator(),
  extra: { expectLanguage?: string; now?: Date } = {},
) {
  return importStrings({ dir, xml, role, now: extra.now ?? NOW, expectLanguage: extra.expectLanguage });
}

/** The import must be refused with this reason, and leave every file under the folder byte-identical. */
export function expectRefused(
  dir: string,
  xml: string,
  reason: StringsErrorReason,
  role: ImportRole = translator(),
  extra: { expectLanguage?: string } = {},
): StringsError {
  const before = snapshot(dir);
  let err: unknown;
  try {
    importXml(dir, xml, role, extra);
  } catch (e) {
    err = e;
  }
  expect(isStringsError(err), String(err)).toBe(true);
  const error = err as StringsError;
  expect(error.reason, `${error.summary}\n${error.details.join('\n')}`).toBe(reason);
  expect(error.summary.length).toBeGreaterThan(10);
  expect(snapshot(dir)).toEqual(before);
  return error;
}

/** `npm run cli -- strings …` as a user types it, with output captured. */
export async function runStrings(args: string[], cwd?: string) {
  const io = captureIo(cwd ? { INIT_CWD: cwd } : {});
  const code = await commandNamed(stringsCommands, 'strings').run(args, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}
