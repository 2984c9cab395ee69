import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { addPlaceholder } from '../../src/main/pdf/placeholder';
import { renderPdf } from '../../src/main/pdf/render';
import { fixStartXref } from '../../src/main/pdf/sign';
import { bilingualSample, singleLanguageModel } from '../fixtures/pdf/samples';

const FIELDS = {
  reason: 'FieldScreen referral FS-1',
  location: 'LLLLLLLLLLLLLLLLLLLLLLLLLLLLLL',
  name: 'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN',
  contactInfo: 'CCCCCCCCCCCCCCCCCCCCCCCCCC',
  signingTime: new Date('2026-03-15T03:30:00Z'),
  signatureLength: 8192,
  subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  appName: 'FieldScreen',
};

/** What signing wrote before placeholder.ts: placeholder-plain, then startxref pointed at `xref`. */
const throughPlaceholderPlain = (pdf: Buffer) =>
  fixStartXref(plainAddPlaceholder({ pdfBuffer: Buffer.from(pdf), ...FIELDS }));

function pdfkitDocument(build: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Buffer> {
  const doc = new PDFDocument({ creationDate: FIELDS.signingTime } as never);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  build(doc);
  doc.end();
  return done;
}

describe('the signature placeholder written from one byte-string reading of the file', () => {
  let samples: Buffer[];
  beforeAll(async () => {
    samples = [
      await renderPdf(bilingualSample(), { creationDate: FIELDS.signingTime }),
      await renderPdf(singleLanguageModel('my'), { creationDate: FIELDS.signingTime, thaiFace: 'sarabun' }),
      // An existing /Annots array on the first page (a link) gets the widget appended.
      await pdfkitDocument((doc) => doc.text('a link').link(10, 10, 50, 20, 'https://example.org')),
      await pdfkitDocument((doc) => {
        doc.text('two pages');
        doc.addPage().text('second');
      }),
    ];
  });

  it('is byte for byte what placeholder-plain writes (startxref at the xref keyword)', () => {
    for (const pdf of samples) {
      const fast = addPlaceholder(pdf, FIELDS);
      expect(fast).not.toBeNull();
      expect(fast?.equals(throughPlaceholderPlain(pdf))).toBe(true);
    }
  });

  it('leaves to placeholder-plain a file it does not read the same way (an earlier update, /Prev)', () => {
    const updated = throughPlaceholderPlain(samples[0] ?? Buffer.alloc(0));
    expect(addPlaceholder(updated, FIELDS)).toBeNull();
  });

  it('refuses what is not a PDF ending in %%EOF, as placeholder-plain does', () => {
    expect(() => addPlaceholder(Buffer.from('not a pdf'), FIELDS)).toThrow();
  });
});
