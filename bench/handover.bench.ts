import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_SCENARIOS } from '../src/main/demo/scenarios';
import { seedDemoCases } from '../src/main/demo/seed';
import { exportReferral, prepareReferral } from '../src/main/referral/service';
import { folderExportTarget } from '../src/main/services/folder-export';
import { exportAgencyKey, importAgencyKey } from '../src/main/store/agency-keys';
import { addAttachment } from '../src/main/store/attachments';
import { deleteCase } from '../src/main/store/case-deletion';
import { receiveHandover } from '../src/main/store/handover-receive';
import { sealHandover } from '../src/main/store/handover-send';
import type { Session } from '../src/main/store/session';
import { updateSettings } from '../src/main/store/settings';
import { Vault } from '../src/main/store/vault';
import { median, type Print, round } from './figures';

/**
 * A case with 20 MB of attachments (two incompressible files of 10,000,000 bytes, the case document's
 * largest), handed over from a team's store to a shelter's (real stores, cheap Argon2):
 *
 * - handover_seal_ms: sealHandover (case document, attachments read one at a time from the store,
 *   AES-256-GCM frames, sealed key, signature, fsync); median of 3;
 * - handover_receive_ms: receiveHandover (signature over every byte, then decrypt, check like an
 *   import, insert with each attachment checked); median of 3 (the case is deleted between runs);
 * - handover_seal_peak_mb / handover_receive_peak_mb: the built CLI (out/main/cli.js) doing the same in
 *   a child process, its peak resident set (VmHWM, bench/max-rss.cjs) above that of the same CLI signing in and
 *   listing the directory (the idle process). The bound: below 150 MB.
 */
const PASS = 'handover bench passphrase';
const FILE_BYTES = 10_000_000;
/** HANDOVER_FILES=10 measures 100 MB (default 2: 20 MB). */
const FILES = Number(process.env.HANDOVER_FILES ?? 2);

async function store(root: string, name: string): Promise<{ dir: string; user: string; session: Session }> {
  const dir = join(root, name);
  const user = `sup-${name}`;
  await Vault.initialise(
    dir,
    { username: user, displayName: `Supervisor ${name}`, passphrase: PASS },
    { kdfProfile: 'test' },
  );
  const session = await new Vault(dir).unlock(user, PASS);
  updateSettings(session, {
    agency: {
      name: `Agency ${name}`,
      unit: 'Unit',
      province: 'Songkhla',
      address: '1 Road',
      phone: '074-000-000',
      letterPrefix: '',
    },
  });
  return { dir, user, session };
}

/** Peak resident set (MiB) of the built CLI running `args`, and its exit code. */
function cliPeak(args: string[]): { mb: number; code: number; err: string } {
  const r = spawnSync(
    process.execPath,
    ['-r', resolve('bench', 'max-rss.cjs'), resolve('out', 'main', 'cli.js'), ...args],
    {
      env: { ...process.env, FIELDSCREEN_PASSPHRASE: PASS, FIELDSCREEN_LANG: 'en' },
      encoding: 'utf8',
    },
  );
  const kb = Number(/max-rss-kb: (\d+)/.exec(r.stderr)?.[1] ?? Number.NaN);
  return { mb: kb / 1024, code: r.status ?? -1, err: r.stderr };
}

export async function run(print: Print): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fs-bench-handover-'));
  try {
    const team = await store(root, 'team');
    const shelter = await store(root, 'shelter');
    const shelterEntry = importAgencyKey(team.session, exportAgencyKey(shelter.session).bytes, {
      kind: 'shelter',
    }).agencyId;
    importAgencyKey(shelter.session, exportAgencyKey(team.session).bytes, { kind: 'mdt' });
    const scenario = DEMO_SCENARIOS.find((d) => d.lang === 'my') ?? DEMO_SCENARIOS[0];
    const caseId =
      seedDemoCases(team.session, scenario ? [scenario] : undefined, {
        consentReceiver: { contactId: shelterEntry },
      })[0]?.caseId ?? '';
    const prepared = await prepareReferral(team.session, {
      caseId,
      receivingAgency: '',
      contactId: shelterEntry,
      contactPerson: '',
      officerPosition: 'Labour inspector',
      team: [],
      confirmReceiverNamed: false,
    });
    await exportReferral(team.session, prepared, folderExportTarget(join(root, 'referrals')));
    for (const name of Array.from({ length: FILES }, (_, i) => `photos-${i + 1}.bin`))
      addAttachment(team.session, {
        caseId,
        fileName: name,
        mediaType: 'application/octet-stream',
        content: randomBytes(FILE_BYTES),
      });

    const seal: number[] = [];
    const receive: number[] = [];
    for (let i = 0; i < 3; i++) {
      const file = join(root, `case-${i}.fshandover`);
      let t = performance.now();
      await sealHandover(team.session, { caseId, agencyId: shelterEntry }, file);
      seal.push(performance.now() - t);
      t = performance.now();
      await receiveHandover(shelter.session, file);
      receive.push(performance.now() - t);
      deleteCase(shelter.session, { caseId, reason: 'bench: received again next round' });
    }
    print({
      name: 'handover_seal_ms',
      value: round(median(seal), 1),
      unit: 'ms',
      attachments_mb: (FILES * FILE_BYTES) / 1e6,
      samples: 3,
    });
    print({
      name: 'handover_receive_ms',
      value: round(median(receive), 1),
      unit: 'ms',
      attachments_mb: (FILES * FILE_BYTES) / 1e6,
      samples: 3,
    });
    team.session.lock('manual');
    shelter.session.lock('manual');

    // The same through the built CLI, each in its own process, for the peak memory.
    const idle = cliPeak(['directory-trust', '--data', team.dir, '--user', team.user]);
    const out = join(root, 'cli.fshandover');
    const sealed = cliPeak([
      'handover',
      '--data',
      team.dir,
      '--user',
      team.user,
      caseId,
      '--to',
      shelterEntry,
      '--out',
      out,
    ]);
    const received = cliPeak(['receive', '--data', shelter.dir, '--user', shelter.user, out]);
    if (sealed.code !== 0 || received.code !== 0)
      throw new Error(`cli failed: ${sealed.err} ${received.err}`);
    print({ name: 'handover_idle_cli_rss_mb', value: round(idle.mb, 1), unit: 'MiB' });
    print({
      name: 'handover_seal_peak_mb',
      value: round(sealed.mb - idle.mb, 1),
      unit: 'MiB',
      above: 'idle CLI',
      total: round(sealed.mb, 1),
    });
    print({
      name: 'handover_receive_peak_mb',
      value: round(received.mb - idle.mb, 1),
      unit: 'MiB',
      above: 'idle CLI',
      total: round(received.mb, 1),
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
