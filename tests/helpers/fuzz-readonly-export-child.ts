/**
 * Child process for the read-only export folder test (tests/unit/fault-readonly-export.test.ts): tries
 * one export into the folder through folderExportTarget and prints the outcome as one JSON line.
 * Run as an unprivileged user when the tests run as root (root ignores file permissions).
 *
 * argv: <exportDir>
 */
import { writeSync } from 'node:fs';
import { folderExportTarget } from '../../src/main/services/folder-export';
import { isAppError } from '../../src/shared/errors';

const [exportDir] = process.argv.slice(2);
if (!exportDir) throw new Error('usage: exportDir');

try {
  const name = await folderExportTarget(exportDir).write(
    'referral-FS-READONLY.pdf',
    Buffer.alloc(64 * 1024, 7),
  );
  writeSync(1, `${JSON.stringify({ written: name })}\n`);
} catch (err) {
  writeSync(
    1,
    `${JSON.stringify(isAppError(err) ? { code: err.code, messageKey: err.messageKey } : { error: String(err) })}\n`,
  );
}
