/**
 * Child process for the read-only folder test: signs in and tries to save one answer, printing the
 * outcome as one JSON line. Run as an unprivileged user so file permissions apply (root ignores them).
 *
 * argv: <dataDir> <username> <interviewId>; passphrase in FIELDSCREEN_PASSPHRASE.
 */
import { writeSync } from 'node:fs';
import { saveAnswer } from '../../src/main/store/interviews';
import { Vault } from '../../src/main/store/vault';
import { isAppError } from '../../src/shared/errors';

const [dir, username, interviewId] = process.argv.slice(2);
if (!dir || !username || !interviewId) throw new Error('usage: dir username interviewId');

let stage = 'unlock';
try {
  const session = await new Vault(dir, { kdfProfile: 'test' }).unlock(
    username,
    process.env.FIELDSCREEN_PASSPHRASE ?? '',
  );
  stage = 'save';
  saveAnswer(session, { interviewId, questionId: 'q.readonly', value: 'x', clientSeq: 1 });
  stage = 'saved';
  session.lock();
  writeSync(1, `${JSON.stringify({ stage })}\n`);
} catch (err) {
  writeSync(1, `${JSON.stringify({ stage, code: isAppError(err) ? err.code : String(err) })}\n`);
}
