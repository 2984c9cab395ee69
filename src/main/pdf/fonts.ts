import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors';
import type { Lang } from './model';

/**
 * Which font file draws which language. Only bundled fonts are used (never a system font), so every
 * machine produces the same glyphs: Noto Sans for each script, Sarabun (the open successor of the
 * Thai government's TH Sarabun) for Thai official documents, and Noto Sans Arabic and Devanagari as
 * fallbacks for names in those scripts.
 */
export type FontFamily = 'sans' | 'thai' | 'sarabun' | 'lao' | 'khmer' | 'myanmar' | 'arabic' | 'devanagari';
export type FontWeight = 'regular' | 'bold';
/** The face of Thai text: Sarabun (official letters) or Noto Sans Thai (a supervisor's choice). */
export type ThaiFace = 'sarabun' | 'noto';

export const FONT_FAMILIES: readonly FontFamily[] = [
  'sans',
  'thai',
  'sarabun',
  'lao',
  'khmer',
  'myanmar',
  'arabic',
  'devanagari',
];

const FAMILY_FILES: Record<FontFamily, { npmPackage: string; baseName: string }> = {
  sans: { npmPackage: 'noto-sans', baseName: 'NotoSans' },
  thai: { npmPackage: 'noto-sans-thai', baseName: 'NotoSansThai' },
  sarabun: { npmPackage: 'sarabun', baseName: 'Sarabun' },
  lao: { npmPackage: 'noto-sans-lao', baseName: 'NotoSansLao' },
  khmer: { npmPackage: 'noto-sans-khmer', baseName: 'NotoSansKhmer' },
  myanmar: { npmPackage: 'noto-sans-myanmar', baseName: 'NotoSansMyanmar' },
  arabic: { npmPackage: 'noto-sans-arabic', baseName: 'NotoSansArabic' },
  devanagari: { npmPackage: 'noto-sans-devanagari', baseName: 'NotoSansDevanagari' },
};

const WEIGHT_NAMES: Record<FontWeight, { style: string; npmFolder: string }> = {
  regular: { style: 'Regular', npmFolder: '400Regular' },
  bold: { style: 'Bold', npmFolder: '700Bold' },
};

export const LANG_FAMILY: Record<Lang, FontFamily> = {
  th: 'thai',
  lo: 'lao',
  km: 'khmer',
  my: 'myanmar',
  vi: 'sans',
  en: 'sans',
};

/** The font that draws most of a language's text. */
export function ownFamily(lang: Lang, thaiFace: ThaiFace = 'noto'): FontFamily {
  return lang === 'th' && thaiFace === 'sarabun' ? 'sarabun' : LANG_FAMILY[lang];
}

/**
 * Fonts tried in order for a language: its own script font, then Noto Sans (Latin, Vietnamese,
 * symbols), then the other script fonts, so a Thai name inside an English paragraph still finds a font.
 * Sarabun draws Thai only where chosen: elsewhere Thai falls back to Noto Sans Thai.
 */
export function fallbackChain(lang: Lang, thaiFace: ThaiFace = 'noto'): FontFamily[] {
  const own = ownFamily(lang, thaiFace);
  return [own, ...FONT_FAMILIES.filter((family) => family !== own && family !== 'sarabun')];
}

/** File name inside resources/fonts (flat layout written by scripts/copy-fonts.mjs). */
export function fontFileName(family: FontFamily, weight: FontWeight): string {
  return `${FAMILY_FILES[family].baseName}-${WEIGHT_NAMES[weight].style}.ttf`;
}

/** Path inside node_modules/@expo-google-fonts (the npm layout). */
function npmFontPath(family: FontFamily, weight: FontWeight): string {
  const { npmPackage, baseName } = FAMILY_FILES[family];
  const { npmFolder } = WEIGHT_NAMES[weight];
  return join(npmPackage, npmFolder, `${baseName}_${npmFolder}.ttf`);
}

/**
 * The font file for a family and weight under `fontDir`, which may be either resources/fonts (flat) or
 * node_modules/@expo-google-fonts (one package per family).
 */
export function resolveFontFile(fontDir: string, family: FontFamily, weight: FontWeight): string {
  const candidates = [
    join(fontDir, fontFileName(family, weight)),
    join(fontDir, npmFontPath(family, weight)),
  ];
  for (const candidate of candidates) {
    if (existsSync(candidate)) return resolve(candidate);
  }
  throw new AppError('INTERNAL', { messageKey: 'errors.internal' });
}

function hasFonts(dir: string): boolean {
  try {
    resolveFontFile(dir, 'sans', 'regular');
    return true;
  } catch {
    return false;
  }
}

function ancestors(start: string): string[] {
  const dirs: string[] = [];
  let dir = resolve(start);
  for (;;) {
    dirs.push(dir);
    const parent = dirname(dir);
    if (parent === dir) return dirs;
    dir = parent;
  }
}

function moduleDir(): string | undefined {
  // CommonJS builds have __dirname; ES modules have import.meta.url.
  if (typeof __dirname === 'string') return __dirname;
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}

let cachedDefault: string | undefined;

/**
 * Finds resources/fonts by walking up from this module and from the working directory; falls back to
 * node_modules/@expo-google-fonts (development before the fonts were copied). The packaged app should
 * pass its own fontDir (process.resourcesPath is an Electron concept and stays in the shell).
 */
export function defaultFontDir(): string {
  cachedDefault ??= findFontDir();
  return cachedDefault;
}

function findFontDir(): string {
  const starts = [moduleDir(), process.cwd()].filter((dir): dir is string => dir !== undefined);
  for (const start of starts) {
    for (const dir of ancestors(start)) {
      const resources = join(dir, 'resources', 'fonts');
      if (hasFonts(resources)) return resources;
    }
  }
  for (const start of starts) {
    for (const dir of ancestors(start)) {
      const npm = join(dir, 'node_modules', '@expo-google-fonts');
      if (hasFonts(npm)) return npm;
    }
  }
  throw new AppError('INTERNAL', { messageKey: 'errors.internal' });
}
