import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import { readKeyring, writeKeyring } from '../../src/main/keys/keyring';
import type { AppContext } from '../../src/main/services/context';
import { getCase } from '../../src/main/store/cases';
import { log } from '../../src/main/util/log';
import { MAX_JSON_DEPTH } from '../../src/shared/domain/common';
import { ERROR_CODES } from '../../src/shared/errors';
import { CHANNEL_NAMES, type ChannelName, contract } from '../../src/shared/ipc/contract';
import { replySchema } from '../../src/shared/ipc/reply';
import {
  deepNest,
  describePayload,
  malformedPayload,
  PATH_STRINGS,
  requestJsonSchema,
  SQL_STRINGS,
  shapedPayload,
} from '../helpers/fuzz-payloads';
import { dbContentHash, filesState, quickState } from '../helpers/fuzz-state';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Fuzzes every channel of the contract (CHANNEL_NAMES, so new channels are covered without edits) as
 * a signed-in supervisor, over a store with real cases, interviews, answers and a referral:
 * - at least 200 malformed payloads per channel (wrong types, missing/extra keys, __proto__ and
 *   constructor keys, SQL and path-traversal strings, lone surrogates, NaN/Infinity/out-of-range
 *   numbers, huge strings and arrays, deep nesting, structured-clone-only values): each is answered
 *   VALIDATION, nothing in the database or the data folder changes, and the process carries on;
 * - shaped payloads with hostile text (often valid): a valid one gets a reply that matches the
 *   channel's response schema or a typed error; an invalid one changes nothing.
 * Set FUZZ_SEED to replay a run; the seed is in every failure message.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_521);
const MALFORMED_RUNS = 200;
const SHAPED_RUNS = 25;
const SUPERVISOR = {
  username: 'fuzz.supervisor',
  displayName: 'Fuzz Supervisor',
  passphrase: 'fuzzing passphrase 1',
};

let app: TestApp;
let root: string;
let ctx: AppContext;
let dispatch: Dispatch;
let ids: string[] = [];
const logLines: string[] = [];
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * Signs the supervisor in again after a fuzzed session.lock. Fuzzed 'account.changePassphrase' calls
 * prove wrong current passphrases, which count against the account like wrong sign-ins (and make it
 * wait): that back-off is the defence working, so the fuzz clears it in the keyring before signing in.
 */
async function ensureSignedIn(): Promise<void> {
  if (ctx.session()) return;
  const keyring = readKeyring(app.dataDir);
  if (keyring)
    writeKeyring(app.dataDir, {
      ...keyring,
      accounts: keyring.accounts.map((a) => ({ ...a, failedAttempts: 0, nextAttemptAt: null })),
    });
  await ctx.sessions.unlock(SUPERVISOR.username, SUPERVISOR.passphrase);
}

/** Everything a call could change: table contents, and the files beside the live database. */
function snapshot(): { db: string; files: Record<string, string> } {
  return { db: dbContentHash(ctx.sessions.require().db), files: filesState(root) };
}

/** Per call: any row written by the session's connection, any file added, resized or touched. */
const quick = () => quickState(ctx.sessions.require().db, root);

beforeAll(async () => {
  app = createTestApp('fs-fuzz-', { appVersion: 'fuzz' });
  ({ root, ctx, dispatch } = app);
  log.setSink((line) => logLines.push(line));
  const init = await dispatch('vault.initialise', SUPERVISOR);
  expect(init, 'vault.initialise during setup').toMatchObject({ ok: true });
  // Real rows through the real services, so handlers reach the database with something to find.
  const session = ctx.sessions.require();
  seedDemoAgency(session);
  // Consent recorded before receivers were recorded with it: the officer confirms the receiver named.
  const seeded = seedDemoCases(session, DEMO_SCENARIOS.slice(0, 2), { consentReceiver: null });
  for (const { caseId } of seeded) {
    const detail = getCase(session, caseId);
    ids.push(caseId, ...detail.persons.map((p) => p.id), ...detail.interviews.map((i) => i.id));
  }
  const exported = await dispatch('referral.export', {
    caseId: seeded[0]?.caseId,
    receivingAgency: 'Songkhla shelter',
    officerPosition: 'Labour inspector',
    confirmReceiverNamed: true,
  });
  expect(exported, 'referral.export during setup').toMatchObject({ ok: true });
  ids = [...new Set(ids)];
}, 120_000);

afterAll(() => {
  log.setSink((line) => process.stderr.write(`${line}\n`));
  app.close();
});

/**
 * What the channel's request schema says about a payload. 'unparseable': zod itself threw (a value
 * nested deeper than its recursive JSON schema can walk overflows the stack); the dispatcher must
 * still answer with a typed error.
 */
function verdict(channel: ChannelName, payload: unknown): 'valid' | 'invalid' | 'unparseable' {
  try {
    return contract[channel].request.safeParse(payload).success ? 'valid' : 'invalid';
  } catch {
    return 'unparseable';
  }
}
const unparseable: { channel: ChannelName; code: string }[] = [];

function expectTypedError(reply: unknown, why: string): string {
  const r = reply as { ok: boolean; error?: { code: string; messageKey: string } };
  expect(r.ok, why).toBe(false);
  expect(ERROR_CODES as readonly string[], why).toContain(r.error?.code);
  expect(r.error?.messageKey, why).toMatch(/^errors\./);
  expect(Object.keys(r).sort(), why).toEqual(['error', 'ok']);
  return r.error?.code ?? '';
}

describe('IPC fuzzing, every channel of the contract', () => {
  it('covers every channel (the list comes from the contract itself)', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(10);
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it.each(CHANNEL_NAMES)(
    '%s: malformed payloads get VALIDATION and change nothing; shaped ones get a valid reply',
    async (channel: ChannelName) => {
      const spec = contract[channel];
      const schema = requestJsonSchema(spec.request);
      const reply = replySchema(spec.response);
      const isValid = (p: unknown) => verdict(channel, p) === 'valid';
      await ensureSignedIn();

      // 1. Malformed: exactly MALFORMED_RUNS payloads the request schema rejects. Each call is checked
      // with the cheap detector, the whole batch with the full content hashes.
      let baseline = snapshot();
      const quickBaseline = quick();
      let malformed = 0;
      await fc.assert(
        fc.asyncProperty(
          malformedPayload(schema, ids).filter((p) => !isValid(p)),
          async (payload) => {
            const why = `${channel} seed=${SEED} payload=${describePayload(payload)}`;
            const answer = await dispatch(channel, payload);
            const code = expectTypedError(answer, why);
            if (verdict(channel, payload) === 'invalid') expect(code, why).toBe('VALIDATION');
            else unparseable.push({ channel, code });
            expect(quick(), why).toBe(quickBaseline);
            malformed++;
          },
        ),
        { numRuns: MALFORMED_RUNS, seed: SEED, endOnFailure: true },
      );
      expect(malformed).toBeGreaterThanOrEqual(MALFORMED_RUNS);
      expect(snapshot(), `${channel}: a malformed payload changed the store`).toEqual(baseline);

      // 2. Shaped, hostile text: valid ones may change state legitimately (then re-baseline).
      await fc.assert(
        fc.asyncProperty(shapedPayload(schema, ids), async (payload) => {
          const why = `${channel} seed=${SEED} payload=${describePayload(payload)}`;
          const valid = isValid(payload);
          baseline = snapshot();
          const answer = await dispatch(channel, payload);
          if ((answer as { ok: boolean }).ok) {
            expect(valid, why).toBe(true);
            expect(reply.safeParse(answer).success, why).toBe(true);
          } else {
            const code = expectTypedError(answer, why);
            if (!valid) expect(code, why).toBe('VALIDATION');
          }
          await ensureSignedIn();
          if (!valid) expect(snapshot(), why).toEqual(baseline);
        }),
        { numRuns: SHAPED_RUNS, seed: SEED, endOnFailure: true },
      );

      // The process is alive and still answers.
      await ensureSignedIn();
      const info = await dispatch('app.info', {});
      expect(info.ok).toBe(true);
    },
  );

  it('nothing was polluted, and no hostile payload text reached a log line', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    const text = logLines.join('\n');
    for (const s of [...SQL_STRINGS, ...PATH_STRINGS]) expect(text).not.toContain(s);
  });

  it('an answer nested deeper than the limit gets VALIDATION (not INTERNAL) and changes nothing', async () => {
    await ensureSignedIn();
    const before = snapshot();
    for (const depth of [MAX_JSON_DEPTH + 1, 2_000, 20_000]) {
      const payload = {
        interviewId: ids[0],
        questionId: 'close_opinion',
        value: deepNest(depth, depth % 2 === 0),
        clientSeq: 1,
      };
      // The schema refuses it outright: the depth is checked before anything walks the value.
      expect(verdict('interview.saveAnswer', payload)).toBe('invalid');
      expect(expectTypedError(await dispatch('interview.saveAnswer', payload), `depth ${depth}`)).toBe(
        'VALIDATION',
      );
    }
    expect(snapshot()).toEqual(before);
    for (const u of unparseable) expect(['VALIDATION', 'INTERNAL'], u.channel).toContain(u.code);
  });
});
