import { extname } from 'node:path';

/** One entry of an Electron file dialog's `filters` (kept here without importing Electron). */
export interface DialogFilter {
  name: string;
  extensions: string[];
}

/** The kinds of file FieldScreen writes or reads, each with its filter label. */
export type FileKind = 'pdf' | 'backup' | 'xliff' | 'image' | 'agencyKey' | 'handover' | 'receipt' | 'all';

/** Label of a kind in the dialog; `format` is the image format (PNG, JPEG…) for 'image'. */
export type FilterLabel = (kind: FileKind, format?: string) => string;

const ENGLISH: Record<FileKind, string> = {
  pdf: 'PDF document',
  backup: 'FieldScreen backup',
  xliff: 'XLIFF translation file',
  image: '{{format}} image',
  agencyKey: 'FieldScreen agency key',
  handover: 'FieldScreen handover package',
  receipt: 'FieldScreen handover receipt',
  all: 'All files',
};

export const englishFilterLabel: FilterLabel = (kind, format) =>
  ENGLISH[kind].replace('{{format}}', format ?? '');

/** Image formats by extension: the label's format name and every extension of that format. */
const IMAGES: Record<string, { format: string; extensions: string[] }> = {
  png: { format: 'PNG', extensions: ['png'] },
  jpg: { format: 'JPEG', extensions: ['jpg', 'jpeg'] },
  jpeg: { format: 'JPEG', extensions: ['jpg', 'jpeg'] },
  gif: { format: 'GIF', extensions: ['gif'] },
  webp: { format: 'WebP', extensions: ['webp'] },
  tif: { format: 'TIFF', extensions: ['tif', 'tiff'] },
  tiff: { format: 'TIFF', extensions: ['tif', 'tiff'] },
  heic: { format: 'HEIC', extensions: ['heic'] },
};

/**
 * The filters of a save (or open) dialog for a file named like `fileName`: the one kind the name's
 * extension says (PDF, FieldScreen backup, XLIFF, an image format), else all files. Pure, so the shell
 * stays thin and this is tested without Electron.
 */
export function saveDialogFilters(fileName: string, label: FilterLabel = englishFilterLabel): DialogFilter[] {
  const ext = extname(fileName).slice(1).toLowerCase();
  if (ext === 'pdf') return [{ name: label('pdf'), extensions: ['pdf'] }];
  if (ext === 'db') return [{ name: label('backup'), extensions: ['db'] }];
  if (ext === 'fskey') return [{ name: label('agencyKey'), extensions: ['fskey'] }];
  if (ext === 'fshandover') return [{ name: label('handover'), extensions: ['fshandover'] }];
  if (ext === 'fsreceipt') return [{ name: label('receipt'), extensions: ['fsreceipt'] }];
  if (ext === 'xlf' || ext === 'xliff') return [{ name: label('xliff'), extensions: ['xlf', 'xliff'] }];
  const image = IMAGES[ext];
  if (image) return [{ name: label('image', image.format), extensions: [...image.extensions] }];
  return [{ name: label('all'), extensions: ['*'] }];
}
