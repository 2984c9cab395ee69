import { readFileSync } from 'node:fs';
import {
  FONT_FAMILIES,
  type FontFamily,
  fontFileName,
  ownFamily,
  resolveFontFile,
} from '../src/main/pdf/fonts';
import { A4 } from '../src/main/pdf/layout';
import { type Block, type DocModel, LANGS, type Lang, type LangText } from '../src/main/pdf/model';

/**
 * The same document model as a self-contained HTML page (fonts inlined, the same bundled files the
 * PDF embeds, with the same fallbacks), so Chromium prints the same content for the comparison
 * benchmark: the blocks, and on every page the confidentiality mark (top and bottom), the page notes,
 * the footer and "n / N" (CSS page-margin boxes, Chromium 131+). Only used by `npm run bench`.
 */
const familyName = (family: FontFamily) => fontFileName(family, 'regular').replace(/-Regular\.ttf$/, '');
/** A language's font stack, as the PDF's fallbackChain (Sarabun for Thai). */
const stack = (lang: Lang) => {
  const own = ownFamily(lang, 'sarabun');
  return [own, ...FONT_FAMILIES.filter((f) => f !== own && f !== 'sarabun')].map(familyName).join(',');
};

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const span = (text: string, lang: Lang) => `<span lang="${lang}" class="l-${lang}">${esc(text)}</span>`;
/** A CSS string literal (for `content:` in a page-margin box). */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${span(b.text, b.lang)}${b.secondary ? `<br><small>${span(b.secondary.text, b.secondary.lang)}</small>` : ''}</h1>`;
    case 'heading':
      return `<h2>${span(b.text, b.lang)}${b.secondary ? `<br><small>${span(b.secondary.text, b.secondary.lang)}</small>` : ''}</h2>`;
    case 'paragraph':
      return `<p>${span(b.text, b.lang)}</p>`;
    case 'subheading':
      return `<h3>${span(b.text, b.lang)}</h3>`;
    case 'field':
      return `<div class="f"><b>${span(b.label, b.lang)}</b><span>${span(b.value, b.valueLang ?? b.lang)}</span></div>`;
    case 'bilingual':
      return `<div class="bi"><p>${span(b.primary.text, b.primary.lang)}</p><p>${span(b.secondary.text, b.secondary.lang)}</p></div>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li${i.marker ? ` style="list-style:'${esc(i.marker)} '"` : ''}>${span(i.text, i.lang)}</li>`).join('')}</ul>`;
    case 'fieldGrid':
      return `<div class="g" style="grid-template-columns:repeat(${b.columns},1fr)">${b.cells
        .map(
          (c) =>
            `<div style="grid-column:span ${c.span ?? 1}"><small>${span(c.label, c.lang)}</small><br>${span(c.value, c.valueLang ?? c.lang)}</div>`,
        )
        .join('')}</div>`;
    case 'checklist':
      return `<div class="g" style="grid-template-columns:repeat(${b.columns},1fr)">${b.items
        .map(
          (i) => `<div><span class="box">${i.checked ? '&#x2713;' : ''}</span> ${span(i.text, i.lang)}</div>`,
        )
        .join('')}</div>`;
    case 'row':
      return `<div class="row">${b.cells.map((c) => `<div style="text-align:${c.align}">${span(c.text, c.lang)}</div>`).join('')}</div>`;
    case 'signatureLines':
      return `<div class="row">${b.entries
        .map(
          (e) =>
            `<div style="text-align:center"><b>${span(e.role.text, e.role.lang)}</b><div class="sign"></div>(${span(e.name.text, e.name.lang)})${e.lines.map((l) => `<br><small>${span(l.text, l.lang)}</small>`).join('')}</div>`,
        )
        .join('')}</div>`;
    case 'signatureBlock':
      return `<div class="sig">${b.lines.map((l) => `<div class="f"><b>${span(l.label, l.lang)}</b><span>${esc(l.value)}</span></div>`).join('')}</div>`;
    case 'spacer':
      return '<div style="height:1em"></div>';
  }
}

/** The page's margins, its marks, notes, footer and page numbers as CSS page-margin boxes. */
function pageCss(model: DocModel): string {
  const text = (parts: LangText[]) => cssString(parts.map((p) => p.text).join('   '));
  const box = (where: string, content: string, style: string) => `@${where}{content:${content};${style}}`;
  const mark = model.pageMark;
  const notes = (model.pageNotes ?? []).map(text).join(' " \\A " ');
  const boxes = [
    mark ? box('top-center', cssString(mark.text), `font:bold 12pt ${stack(mark.lang)}`) : '',
    notes ? box('top-left', notes, `font:7pt ${stack(model.lang)};white-space:pre-wrap;color:#737373`) : '',
    model.footer
      ? box('bottom-left', cssString(model.footer.text), `font:8pt ${stack(model.footer.lang)};color:#737373`)
      : '',
    mark ? box('bottom-center', cssString(mark.text), `font:bold 12pt ${stack(mark.lang)}`) : '',
    box('bottom-right', 'counter(page) " / " counter(pages)', `font:8pt ${stack('en')};color:#737373`),
  ];
  return `@page{size:A4;margin:${A4.marginTop}pt ${A4.marginRight}pt ${A4.marginBottom}pt ${A4.marginLeft}pt;${boxes.join('')}}`;
}

export function docToHtml(model: DocModel, fontDir: string): string {
  const faces = FONT_FAMILIES.map((f) => {
    // Regular and bold of each family, as the PDF embeds them.
    const face = (weight: 'regular' | 'bold') =>
      `@font-face{font-family:${familyName(f)};font-weight:${weight === 'bold' ? 700 : 400};src:url(data:font/ttf;base64,${readFileSync(resolveFontFile(fontDir, f, weight)).toString('base64')})}`;
    return `${face('regular')}${face('bold')}`;
  }).join('\n');
  const langs = LANGS.map((l) => `.l-${l}{font-family:${stack(l)}}`);
  return `<!doctype html><html lang="${model.lang}"><head><meta charset="utf-8"><style>${faces}
${langs.join('')}${pageCss(model)}
body{font:10pt ${stack('en')};margin:0}h1{font-size:16pt}h2{font-size:12pt;border-bottom:1px solid #999}
.f{display:grid;grid-template-columns:40% 60%;border-bottom:1px solid #ddd;padding:2pt 0}.bi{display:grid;grid-template-columns:1fr 1fr;gap:8pt}
.sig{border:1px solid #333;padding:6pt}.g{display:grid;gap:2pt 8pt;border-bottom:1px solid #ddd}
.row{display:flex;justify-content:space-between}.row>div{flex:1}.sign{height:20pt;border-bottom:1px dotted #000;margin:0 8pt}
.box{display:inline-block;width:7pt;height:7pt;border:1px solid #000;font-size:7pt;line-height:7pt}</style></head><body>${model.blocks.map(block).join('\n')}</body></html>`;
}
