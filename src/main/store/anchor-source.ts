import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isAppError } from '../../shared/errors';
import { ANCHOR_PDF_INFO_KEY, type AuditAnchor, parseAnchor } from '../audit/anchor';
import { readBackupAnchor } from './backup';

/**
 * The audit anchor a file carries, for `audit-verify --anchor FILE`: a referral PDF (its Info entry
 * /FieldScreenAuditAnchor) or a backup (its backup_meta, opened read-only with the store's key).
 * Never throws: a file that carries no usable anchor gives the reason in words.
 */
export type AnchorSource =
  | { ok: true; anchor: AuditAnchor; kind: 'referral' | 'backup' }
  | { ok: false; reason: string };

/** A referral is well under this; anything bigger is not read into memory. */
const MAX_PDF_BYTES = 160 * 1024 * 1024;
/** The Info entry, as a direct string or (as pdfkit writes it) a reference to a string object. */
const PDF_ENTRY = new RegExp(
  `/${ANCHOR_PDF_INFO_KEY}\\s*(?:\\(([^()\\\\]{1,400})\\)|(\\d{1,10})\\s+(\\d{1,5})\\s+R)`,
  'g',
);
const STRING_OBJECT = (num: string, gen: string) =>
  new RegExp(`(?:^|\\s)${num}\\s+${gen}\\s+obj\\s*\\(([^()\\\\]{1,400})\\)\\s*endobj`, 'g');

function startsWithPdf(file: string): boolean {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === '%PDF-';
}

/** Every anchor entry in the PDF's bytes (an incremental update could add a second one). */
export function anchorsInPdf(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const found = new Set<string>();
  for (const m of text.matchAll(PDF_ENTRY)) {
    const [, direct, num, gen] = m;
    if (direct) found.add(direct);
    else if (num && gen) for (const o of text.matchAll(STRING_OBJECT(num, gen))) if (o[1]) found.add(o[1]);
  }
  return [...found];
}

export function readAnchorSource(file: string, dbKey: Buffer): AnchorSource {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { ok: false, reason: 'the anchor file cannot be read' };
  }
  if (startsWithPdf(file)) {
    if (size > MAX_PDF_BYTES) return { ok: false, reason: 'the PDF is too large to be a referral' };
    const texts = anchorsInPdf(readFileSync(file));
    if (texts.length === 0) return { ok: false, reason: 'the PDF carries no audit anchor' };
    if (texts.length > 1) return { ok: false, reason: 'the PDF carries more than one audit anchor' };
    const anchor = parseAnchor(texts[0] ?? '');
    return anchor
      ? { ok: true, anchor, kind: 'referral' }
      : { ok: false, reason: 'the PDF audit anchor is malformed' };
  }
  try {
    const text = readBackupAnchor(file, dbKey);
    if (text === null)
      return { ok: false, reason: 'the backup carries no audit anchor (made before anchors)' };
    const anchor = parseAnchor(text);
    return anchor
      ? { ok: true, anchor, kind: 'backup' }
      : { ok: false, reason: 'the backup audit anchor is malformed' };
  } catch (err) {
    if (isAppError(err) && err.code === 'WRONG_RECOVERY_KEY')
      return {
        ok: false,
        reason: "the backup does not open with this store's key (made before a key rotation?)",
      };
    return { ok: false, reason: 'the file is neither a referral PDF nor a FieldScreen backup' };
  }
}
