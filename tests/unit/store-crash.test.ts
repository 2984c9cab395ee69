import { describe, expect, it } from 'vitest';
import { createCase } from '../../src/main/store/cases';
import { getInterview, startInterview } from '../../src/main/store/interviews';
import { CASE_INPUT, INTERVIEW_INPUT, SUPERVISOR } from '../helpers/samples';
import { spawnStoreChild, watchLines } from '../helpers/store-child';
import { createTestStore } from '../helpers/test-app';

/**
 * SIGKILL in the middle of 1,000 answer saves. The child (plain Node running the real saveAnswer from
 * the TypeScript sources) prints each question id only after its save returned (after COMMIT). The
 * parent kills it mid-loop, then reopens: the database must pass integrity_check and hold every
 * acknowledged answer.
 */
describe('crash safety', () => {
  it.each([137, 611])(
    'keeps every acknowledged answer when killed after %i acknowledgements',
    async (killAfter) => {
      const store = await createTestStore();
      const setup = await store.unlock();
      const c = createCase(setup, CASE_INPUT);
      const interview = startInterview(setup, { ...INTERVIEW_INPUT, caseId: c.id });
      setup.lock();

      const child = spawnStoreChild(
        'store-kill-child.ts',
        [store.dir, SUPERVISOR.username, interview.id, '1000'],
        {
          env: { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase },
        },
      );
      const acked = new Map<string, number>();
      let killed = false;
      const exit = await watchLines(child, (line) => {
        const m = /^ack (\S+) (\d+)$/.exec(line);
        if (!m?.[1]) return;
        acked.set(m[1], Number(m[2]));
        if (!killed && acked.size >= killAfter) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      expect(exit.stderr).toBe('');
      expect(exit.signal).toBe('SIGKILL');
      expect(acked.size).toBeGreaterThanOrEqual(killAfter);
      expect(acked.size).toBeLessThan(1000);

      const after = await store.unlock();
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const answers = new Map(getInterview(after, interview.id).answers.map((a) => [a.questionId, a]));
      for (const [questionId, revision] of acked) {
        const saved = answers.get(questionId);
        expect({ questionId, value: saved?.value, revision: saved?.revision }).toEqual({
          questionId,
          value: { kind: 'text', text: `answer number ${questionId.slice(1)}` },
          revision,
        });
      }
      // At most the one save in flight at the kill may have committed without being acknowledged.
      expect(answers.size - acked.size).toBeLessThanOrEqual(1);
      after.lock();
    },
  );
});
