/**
 * Child process for the crash test (tests/unit/store-crash.test.ts). Runs the real saveAnswer service
 * from the TypeScript sources (node --experimental-strip-types + store-ts-hooks.ts) in a loop and
 * prints "ack <questionId> <revision>" only after each save has returned, i.e. after COMMIT. The parent
 * kills it with SIGKILL somewhere in the loop.
 *
 * argv: <dataDir> <username> <interviewId> <count>; passphrase in FIELDSCREEN_PASSPHRASE.
 */
import { writeSync } from 'node:fs';
import { saveAnswer } from '../../src/main/store/interviews';
import { Vault } from '../../src/main/store/vault';

const [dir, username, interviewId, countText] = process.argv.slice(2);
if (!dir || !username || !interviewId || !countText) throw new Error('usage: dir username interviewId count');
const passphrase = process.env.FIELDSCREEN_PASSPHRASE ?? '';

const session = await new Vault(dir, { kdfProfile: 'test' }).unlock(username, passphrase);
writeSync(1, 'ready\n');
for (let i = 0; i < Number(countText); i++) {
  const questionId = `q${i}`;
  const result = saveAnswer(session, {
    interviewId,
    questionId,
    value: { kind: 'text', text: `answer number ${i}` },
    clientSeq: i,
  });
  // Synchronous write: the line leaves this process before the next save starts.
  writeSync(1, `ack ${questionId} ${result.revision}\n`);
}
session.lock();
writeSync(1, 'done\n');
