import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../src/main/demo/seed';
import { verifyPdf } from '../../src/main/pdf/verify';
import { REFERRAL_FORM_V2, referralFormSchema } from '../../src/main/referral/form-layout';
import { type ExportTarget, exportReferral, prepareReferral } from '../../src/main/referral/service';
import { listAudit } from '../../src/main/store/audit';
import { listReferrals } from '../../src/main/store/referrals';
import type { Session } from '../../src/main/store/session';
import { Vault } from '../../src/main/store/vault';

let dir: string;
let out: string;
let session: Session;
let cases: { caseId: string; lang: string }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fs-ref-'));
  out = mkdtempSync(join(tmpdir(), 'fs-ref-out-'));
  await Vault.initialise(
    dir,
    { username: 'officer', displayName: 'Officer Malee', passphrase: 'referral passphrase' },
    { kdfProfile: 'test' },
  );
  session = await new Vault(dir, { kdfProfile: 'test' }).unlock('officer', 'referral passphrase');
  cases = seedDemoCases(session);
}, 120_000);
afterAll(() => {
  session.lock('manual');
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const toFolder = (folder: string): ExportTarget => ({
  async write(name, bytes) {
    writeFileSync(join(folder, name), bytes);
    return name;
  },
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
const NFC = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

describe('signed bilingual referral', () => {
  it('the form layout is data that validates', () => {
    expect(referralFormSchema.parse(REFERRAL_FORM_V2).sections.map((s) => s.kind)).toContain('signature');
  });

  it.each(['my', 'km', 'lo', 'vi', 'th'])(
    'Thai plus %s: signed, verifiable, text extractable, fonts embedded',
    async (lang) => {
      const caseId = cases.find((c) => c.lang === lang)?.caseId ?? '';
      const prepared = await prepareReferral(session, {
        caseId,
        receivingAgency: 'Provincial Social Development Office (demo)',
      });
      const record = await exportReferral(session, prepared, toFolder(out));
      expect(record?.fileSha256).toBe(prepared.sha256);
      const file = join(out, prepared.suggestedFileName);
      expect(readFileSync(file).equals(prepared.pdf)).toBe(true);

      const sig = run('pdfsig', [file]);
      expect(sig).toContain('Signature is Valid');
      expect(sig).toContain('Total document signed');
      const verified = await verifyPdf(prepared.pdf);
      expect(verified.valid && verified.coversWholeDocument).toBe(true);

      const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
      run('qpdf', ['--check', file]);

      const text = NFC(run('pdftotext', ['-enc', 'UTF-8', file, '-']));
      expect(text).toContain(NFC('หนังสือส่งต่อเพื่อการคัดแยกและการช่วยเหลือ'));
      const script: Record<string, RegExp> = {
        my: /[\u1000-\u109F]{4}/,
        km: /[\u1780-\u17FF]{4}/,
        lo: /[\u0E80-\u0EFF]{4}/,
        vi: /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệọỏốồổỗộớờởỡợụủứừửữự]/,
        th: /[\u0E00-\u0E7F]{4}/,
      };
      expect(text).toMatch(script[lang] as RegExp);

      // Recorded in the store with an encrypted copy, and in the audit trail.
      expect(listReferrals(session, caseId).map((r) => r.fileSha256)).toContain(prepared.sha256);
      const audit = listAudit(session, { action: 'referral.record' });
      expect(JSON.stringify(audit)).toContain(prepared.sha256);
    },
  );

  it('a byte flipped in the signed PDF is detected', async () => {
    const caseId = cases.find((c) => c.lang === 'my')?.caseId ?? '';
    const prepared = await prepareReferral(session, { caseId, receivingAgency: 'Shelter (demo)' });
    const tampered = Buffer.from(prepared.pdf);
    const at = Math.floor(tampered.length / 3);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const file = join(out, 'tampered.pdf');
    writeFileSync(file, tampered);
    expect(run('pdfsig', [file])).not.toContain('Signature is Valid');
    expect((await verifyPdf(tampered)).valid).toBe(false);
  });
});
