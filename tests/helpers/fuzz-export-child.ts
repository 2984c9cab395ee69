/**
 * Child process for the crash-during-export test (tests/unit/fault-crash-export.test.ts). Signs in,
 * then repeats what a referral export does: the signed PDF goes through folderExportTarget (atomic
 * write-then-rename) and is then recorded in the store (recordReferral, with its encrypted copy), and
 * a large bulk file goes through the same target. The parent SIGKILLs it at random points.
 * (exportReferral itself is not imported: its module pulls in the Vite-only translation loader.)
 *
 * argv: <dataDir> <username> <exportDir> <preparedJson> <bulkMiB> <rounds>; passphrase in
 * FIELDSCREEN_PASSPHRASE. Prints "ready <pdfSha256> <bulkSha256>", then "pdf <name>" / "bulk <name>"
 * after each completed step.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeSync } from 'node:fs';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { recordReferral } from '../../src/main/store/referrals';
import { Vault } from '../../src/main/store/vault';

const [dir, username, exportDir, preparedJson, bulkMiB, roundsText] = process.argv.slice(2);
if (!dir || !username || !exportDir || !preparedJson || !bulkMiB || !roundsText) {
  throw new Error('usage: dataDir username exportDir preparedJson bulkMiB rounds');
}

interface Prepared {
  caseId: string;
  receivingAgency: string;
  pdfFile: string;
  sha256: string;
  signerFingerprint: string;
  signerName: string;
  signedAt: string;
  suggestedFileName: string;
}
const prepared = JSON.parse(readFileSync(preparedJson, 'utf8')) as Prepared;
const pdf = readFileSync(prepared.pdfFile);

// Every 4-byte word holds its own index: any truncation or tear changes the hash.
const bulk = Buffer.alloc(Number(bulkMiB) * 1024 * 1024);
for (let i = 0; i < bulk.length / 4; i++) bulk.writeUInt32LE(i, i * 4);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const session = await new Vault(dir, { kdfProfile: 'test' }).unlock(
  username,
  process.env.FIELDSCREEN_PASSPHRASE ?? '',
);
const target = folderExportTarget(exportDir);
writeSync(1, `ready ${sha(pdf)} ${sha(bulk)}\n`);

for (let round = 0; round < Number(roundsText); round++) {
  const name = await target.write(prepared.suggestedFileName, pdf);
  if (name === null) throw new Error('folder target cancelled');
  recordReferral(session, {
    caseId: prepared.caseId,
    receivingAgency: prepared.receivingAgency,
    fileName: name,
    fileSha256: prepared.sha256,
    signerFingerprint: prepared.signerFingerprint,
    signerName: prepared.signerName,
    signedAt: prepared.signedAt,
    pdf: new Uint8Array(pdf),
  });
  writeSync(1, `pdf ${name}\n`);
  const bulkName = await target.write('bulk.bin', bulk);
  writeSync(1, `bulk ${bulkName}\n`);
}
session.lock();
writeSync(1, 'done\n');
