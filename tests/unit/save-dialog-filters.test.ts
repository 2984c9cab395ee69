import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/main/i18n/translator';
import {
  englishFilterLabel,
  type FileKind,
  saveDialogFilters,
} from '../../src/main/services/save-dialog-filters';
import { LOCALES } from '../../src/shared/i18n/locales';

describe('save dialog filters follow the kind of file being saved', () => {
  it('offers exactly the one kind the extension names', () => {
    expect(saveDialogFilters('referral-FS-2026-0001.pdf')).toEqual([
      { name: 'PDF document', extensions: ['pdf'] },
    ]);
    expect(saveDialogFilters('fieldscreen-backup-20260521T081500Z.db')).toEqual([
      { name: 'FieldScreen backup', extensions: ['db'] },
    ]);
    expect(saveDialogFilters('strings-th.xlf')).toEqual([
      { name: 'XLIFF translation file', extensions: ['xlf', 'xliff'] },
    ]);
    expect(saveDialogFilters('strings-th.xliff')).toEqual([
      { name: 'XLIFF translation file', extensions: ['xlf', 'xliff'] },
    ]);
    expect(saveDialogFilters('passport.png')).toEqual([{ name: 'PNG image', extensions: ['png'] }]);
    expect(saveDialogFilters('passport.jpeg')).toEqual([{ name: 'JPEG image', extensions: ['jpg', 'jpeg'] }]);
    expect(saveDialogFilters('passport.JPG')).toEqual([{ name: 'JPEG image', extensions: ['jpg', 'jpeg'] }]);
    expect(saveDialogFilters('scan.TIFF')).toEqual([{ name: 'TIFF image', extensions: ['tif', 'tiff'] }]);
  });

  it('falls back to all files for anything else (no extension, unknown, dot files, a trailing dot)', () => {
    for (const name of ['notes', 'data.csv', '.db', 'archive.tar.gz', 'report.pdf.', ''])
      expect(saveDialogFilters(name), name).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });

  it('only the extension of the last path part counts, whatever comes before it', () => {
    fc.assert(
      fc.property(fc.string(), (stem) => {
        const name = `${stem.replace(/[/\\.]/g, '_')}x.pdf`;
        expect(saveDialogFilters(name)[0]?.extensions).toEqual(['pdf']);
      }),
    );
  });

  it('uses the label it is given, in every locale, with the image format filled in', () => {
    for (const lng of LOCALES) {
      const t = translatorFor(lng);
      const label = (kind: FileKind, format?: string) => t(`fileDialog.${kind}`, { format });
      const [backup] = saveDialogFilters('x.db', label);
      expect(backup?.name).toBe(t('fileDialog.backup'));
      expect(backup?.name).not.toMatch(/fileDialog/);
      const [image] = saveDialogFilters('x.png', label);
      expect(image?.name).toContain('PNG');
      expect(image?.name).not.toContain('{{');
    }
    expect(englishFilterLabel('image', 'WebP')).toBe('WebP image');
  });
});
