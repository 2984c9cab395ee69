import { createHash } from 'node:crypto';
import { type FSWatcher, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemoAgency } from '../../src/main/demo/agency';
import { DEMO_SCENARIOS } from '../../src/main/demo/scenarios';
import { seedDemoCases } from '../../src/main/demo/seed';
import { prepareReferral } from '../../src/main/referral/service';
import { listReferrals } from '../../src/main/store/referrals';
import { tempDir } from '../helpers/disk';
import { SUPERVISOR } from '../helpers/samples';
import { spawnStoreChild, watchLines } from '../helpers/store-child';
import { createTestStore } from '../helpers/test-app';

/**
 * SIGKILL during referral export. A child process (plain Node running the TypeScript sources) keeps
 * exporting: the signed PDF through folderExportTarget + recordReferral, then a 4 MiB bulk file
 * through the same target. The parent kills it at random moments, and also the instant a temp file
 * appears (mid-write). After every kill: no file under a final name is partial (each is byte-for-byte
 * the PDF or the bulk file; only *.tmp leftovers may be incomplete); at the end the database opens,
 * passes integrity_check, and every referral it records has its complete file on disk.
 */

const BULK_MIB = 4;
const ROUNDS_PER_CHILD = 12;

/** transform-types: the store sources use TypeScript syntax that strip-only mode refuses. */
const spawnChild = (args: string[]) =>
  spawnStoreChild('fuzz-export-child.ts', args, {
    env: { FIELDSCREEN_PASSPHRASE: SUPERVISOR.passphrase },
    transformTypes: true,
  });

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

type KillAt = { kind: 'delay'; ms: number } | { kind: 'tmp-appears'; nth: number };

describe('a crash (SIGKILL) during referral export', () => {
  it('never leaves a partial file under a final name, and the store opens with every recorded file whole', async () => {
    const store = await createTestStore();
    const exportDir = tempDir('fs-crash-export-');
    const work = tempDir('fs-crash-prepared-');
    const setup = await store.unlock();
    seedDemoAgency(setup);
    // Consent recorded before receivers were recorded with it: the officer confirms the receiver named.
    const [seeded] = seedDemoCases(setup, DEMO_SCENARIOS.slice(0, 1), { consentReceiver: null });
    if (!seeded) throw new Error('no demo case');
    const prepared = await prepareReferral(setup, {
      caseId: seeded.caseId,
      receivingAgency: 'Songkhla shelter',
      officerPosition: 'Labour inspector',
      confirmReceiverNamed: true,
    });
    setup.lock();
    const pdfFile = join(work, 'prepared.pdf');
    writeFileSync(pdfFile, prepared.pdf);
    const preparedJson = join(work, 'prepared.json');
    writeFileSync(preparedJson, JSON.stringify({ ...prepared, pdf: undefined, pdfFile }));

    // Random moments, and the instant a temp file shows up (the write is under way).
    const kills: KillAt[] = [
      { kind: 'delay', ms: Math.floor(Math.random() * 400) },
      { kind: 'tmp-appears', nth: 1 },
      { kind: 'delay', ms: Math.floor(Math.random() * 1500) },
      { kind: 'tmp-appears', nth: 2 + Math.floor(Math.random() * 6) },
      { kind: 'delay', ms: Math.floor(Math.random() * 800) },
    ];
    let expected: { pdf: string; bulk: string } | null = null;
    let killedMidWrite = 0;

    for (const killAt of kills) {
      const why = JSON.stringify(killAt);
      const child = spawnChild([
        store.dir,
        SUPERVISOR.username,
        exportDir,
        preparedJson,
        String(BULK_MIB),
        String(ROUNDS_PER_CHILD),
      ]);
      let watcher: FSWatcher | null = null;
      let timer: NodeJS.Timeout | null = null;
      let tmpSeen = 0;
      const kill = () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      const exit = await watchLines(child, (line) => {
        const ready = /^ready (\w+) (\w+)$/.exec(line);
        if (!ready) return;
        expected = { pdf: ready[1] ?? '', bulk: ready[2] ?? '' };
        if (killAt.kind === 'delay') timer = setTimeout(kill, killAt.ms);
        else {
          watcher = watch(exportDir, (_event, name) => {
            if (name?.endsWith('.tmp') && ++tmpSeen >= killAt.nth) {
              killedMidWrite++;
              kill();
            }
          });
        }
      });
      if (timer) clearTimeout(timer);
      (watcher as FSWatcher | null)?.close();
      expect(exit.stderr, why).toBe('');
      expect(exit.signal === 'SIGKILL' || exit.code === 0, why).toBe(true);

      // After every kill: each file under a final name is complete.
      const want = expected as { pdf: string; bulk: string } | null;
      expect(want, why).not.toBeNull();
      for (const name of readdirSync(exportDir)) {
        if (name.endsWith('.tmp')) continue; // a temp file the kill interrupted: never under a final name
        const digest = sha(join(exportDir, name));
        if (name.startsWith('referral-')) expect(digest, `${why} ${name}`).toBe(want?.pdf);
        else if (name.startsWith('bulk')) expect(digest, `${why} ${name}`).toBe(want?.bulk);
        else throw new Error(`unexpected file ${name}`);
      }
    }
    expect(killedMidWrite).toBeGreaterThan(0);

    // The store opens after all those kills, intact, and each recorded referral's file is whole.
    const after = await store.unlock();
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const recorded = listReferrals(after, seeded.caseId);
    expect(recorded.length).toBeGreaterThan(0);
    const onDisk = new Set(readdirSync(exportDir));
    for (const r of recorded) {
      expect(onDisk.has(r.fileName), r.fileName).toBe(true);
      expect(sha(join(exportDir, r.fileName))).toBe(r.fileSha256);
    }
    after.lock();
  }, 180_000);
});
