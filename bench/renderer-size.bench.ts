import { readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Print, round } from './figures';

/**
 * renderer_initial_js_gz_kb: the JavaScript the first screen needs, gzipped: the entry script of the
 * built renderer, every chunk it imports statically (transitively), and the texts loaded at start for
 * the default languages (Thai officer, Burmese interviewee, English fallback: locale-<lng>-* chunks).
 * Not counted: chunks loaded later with import() (the signed-in app, administration, other languages).
 * Also printed: all renderer JS, and the largest chunks left out. Needs a built renderer (`npm run
 * build`; `npm run bench` builds first).
 */
const RENDERER = join(__dirname, '..', 'out', 'renderer');

const gzKb = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).byteLength / 1024;

/** The chunk and those it imports statically (`import … from "./x.js"`, not `import("./x.js")`). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(RENDERER, file), 'utf8');
    // Minified code puts statements on one line: any `from"./x.js"` or bare `import"./x.js"` counts.
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) {
      visit(normalize(join(file, '..', m[1] ?? '')));
    }
  };
  visit(entry);
  return seen;
}

export async function run(print: Print): Promise<void> {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in out/renderer/index.html');
  const all = readdirSync(join(RENDERER, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join('assets', f));
  const startTexts = all.filter((f) => /\/locale-(th|my|en)-/.test(f));
  const initial = new Set([...staticClosure(normalize(entry)), ...startTexts]);
  const initialKb = [...initial].reduce((sum, f) => sum + gzKb(readFileSync(join(RENDERER, f))), 0);
  print({ name: 'renderer_initial_js_gz_kb', value: round(initialKb, 1), unit: 'kB', chunks: initial.size });

  const lazy = all
    .filter((f) => !initial.has(f))
    .map((f) => ({ f, kb: gzKb(readFileSync(join(RENDERER, f))) }));
  const totalKb = all.reduce((sum, f) => sum + gzKb(readFileSync(join(RENDERER, f))), 0);
  print({ name: 'renderer_all_js_gz_kb', value: round(totalKb, 1), unit: 'kB', chunks: all.length });
  for (const { f, kb } of lazy.sort((a, b) => b.kb - a.kb).slice(0, 5)) {
    print({
      name: 'renderer_lazy_chunk_gz_kb',
      value: round(kb, 1),
      unit: 'kB',
      chunk: f.replace(/-[\w-]{8}\.js$/, ''),
    });
  }
}
