// Copies the bundled TTFs (all OFL) from their npm packages into resources/fonts/ so the renderer,
// the PDF engine and the packaged app all use the same files without any system font: Noto Sans for
// each script, Sarabun for Thai official documents, Noto Sans Arabic and Devanagari as fallbacks.
// Font binaries are never committed; this runs on install and before every build.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fontsDir = join(root, 'resources', 'fonts');
const families = [
  ['noto-sans', 'NotoSans'],
  ['noto-sans-thai', 'NotoSansThai'],
  ['noto-sans-lao', 'NotoSansLao'],
  ['noto-sans-khmer', 'NotoSansKhmer'],
  ['noto-sans-myanmar', 'NotoSansMyanmar'],
  ['sarabun', 'Sarabun'],
  ['noto-sans-arabic', 'NotoSansArabic'],
  ['noto-sans-devanagari', 'NotoSansDevanagari'],
];
const weights = [
  ['400Regular', 'Regular'],
  ['700Bold', 'Bold'],
];

mkdirSync(fontsDir, { recursive: true });
let copied = 0;
for (const [pkg, family] of families) {
  const pkgDir = join(root, 'node_modules', '@expo-google-fonts', pkg);
  if (!existsSync(pkgDir)) {
    console.error(`copy-fonts: missing npm package @expo-google-fonts/${pkg}; run npm install`);
    process.exit(1);
  }
  for (const [folder, style] of weights) {
    const src = join(pkgDir, folder, `${family}_${folder}.ttf`);
    const dest = join(fontsDir, `${family}-${style}.ttf`);
    copyFileSync(src, dest);
    copied++;
  }
}
// Every family is under the SIL Open Font License 1.1; each package's copyright notice is kept.
const notices = families.map(([pkg, family]) => {
  const text = readFileSync(join(root, 'node_modules', '@expo-google-fonts', pkg, 'LICENSE_FONT'), 'utf8');
  return `==== ${family} (@expo-google-fonts/${pkg}) ====\n\n${text.trim()}\n`;
});
writeFileSync(
  join(fontsDir, 'OFL.txt'),
  `Fonts in this folder, copied from the @expo-google-fonts npm packages, all under the SIL Open Font License 1.1.\n\n${notices.join('\n')}`,
);
console.log(`copy-fonts: ${copied} font files and OFL.txt in resources/fonts`);
