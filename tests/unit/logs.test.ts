import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AGENCY } from '../../src/main/demo/agency';
import type { Dispatch } from '../../src/main/ipc/dispatch';
import {
  buildDiagnosticReport,
  DIAGNOSTIC_LOG_LINES,
  formatDiagnosticReport,
  redactLogLine,
} from '../../src/main/services/diagnostics';
import { log, REDACTED, safeLogValue } from '../../src/main/util/log';
import { installFileLog, logFileName, readLogTail, rotatingFileSink } from '../../src/main/util/log-file';
import { INSTRUMENT } from '../../src/shared/instrument';
import { tempDir } from '../helpers/disk';
import { createTestApp } from '../helpers/test-app';

/**
 * Logs and diagnostics hold no personal data and no key material. A realistic session runs through
 * the dispatcher with the rotating file log installed, then every log file, every file in the data
 * folder except the encrypted database, and every entry created in the system temp folder meanwhile
 * are searched (UTF-8 and UTF-16) for the person's name, the answers, the officer's name, username,
 * passphrases and the recovery key.
 */

afterEach(() => log.resetSink());

/** The agency the referral goes to: a shelter, the kind of agency the person consented to. */
const RANONG_SHELTER = {
  id: '5d0c1b7e-7a0e-4c55-9a57-2f0f3e8d1a01',
  name: 'Ranong shelter',
  kind: 'shelter',
  province: 'Ranong',
} as const;
const LIVE_DB = /(^|[\\/])fieldscreen\.db(-wal|-shm|-journal)?$/;
const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/** Every regular file under dir (skipping what vanishes or cannot be read: other tests share /tmp). */
function filesUnder(dir: string, skip: (p: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (skip(p)) continue;
    try {
      const st = statSync(p);
      if (st.isDirectory()) out.push(...filesUnder(p, skip));
      else if (st.isFile() && st.size <= MAX_SCAN_BYTES) out.push(p);
    } catch {
      // gone
    }
  }
  return out;
}

function hits(files: string[], markers: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const m of markers) {
      if (bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le'))) {
        found.push(`${file}: ${m}`);
      }
    }
  }
  return found;
}

async function unlockWaitingOutBackoff(dispatch: Dispatch, username: string, passphrase: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const reply = await dispatch('session.unlock', { username, passphrase });
    if (reply.ok || reply.error.code !== 'TOO_MANY_ATTEMPTS') return reply;
    await new Promise((r) => setTimeout(r, (reply.error.retryAfterSeconds ?? 1) * 1000 + 100));
  }
  throw new Error('still backing off');
}

describe('logs and diagnostics carry no personal data or key material', () => {
  it('after setup, wrong and right unlock, a case with answers, a failing call and an export', async () => {
    const tmpBefore = new Set(readdirSync(tmpdir()));
    const app = createTestApp('fs-logs-', { appVersion: 'logs-test' });
    const { root, dataDir, exportDir, ctx, dispatch } = app;
    const logDir = join(root, 'logs');
    // Small files so the session also rotates the logs.
    const fileLog = installFileLog(logDir, { maxBytes: 400, files: 3 });

    const OFFICER = {
      username: 'zzmarkeruser',
      displayName: 'Zzmarker Officer',
      passphrase: 'ZZ passphrase marker 4711',
    };
    const WRONG = 'ZZ wrong passphrase marker 0815';
    const PERSON = 'Zzmarker Mya Htun';
    const ANSWER = 'ZZANSWERMARKER they kept my papers on the boat';
    const ASSESSMENT = 'ZZASSESSMENTMARKER signs of debt bondage';

    const recoveryKey = await app.initialise(OFFICER);
    const recoveryHex = recoveryKey.replaceAll('-', '');

    expect(await dispatch('session.lock', { reason: 'manual' })).toMatchObject({ ok: true });
    const wrong = await dispatch('session.unlock', { username: OFFICER.username, passphrase: WRONG });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await unlockWaitingOutBackoff(dispatch, OFFICER.username, OFFICER.passphrase)).toMatchObject({
      ok: true,
    });

    const created = await dispatch('cases.create', {
      place: { kind: 'port', name: 'Ranong fishing port', province: 'Ranong' },
      screeningDate: '2026-05-21',
      person: { nameOrAlias: PERSON, sex: 'female', languages: ['my'] },
    });
    if (!created.ok) throw new Error(`cases.create: ${created.error.code}`);
    const c = created.value as { id: string; revision: number; persons: { id: string }[] };
    const started = await dispatch('interview.start', {
      caseId: c.id,
      personId: c.persons[0]?.id,
      instrumentId: INSTRUMENT.id,
      instrumentVersion: INSTRUMENT.version,
      tier: 'full',
      intervieweeLanguage: 'my',
    });
    if (!started.ok) throw new Error(`interview.start: ${started.error.code}`);
    const interviewId = (started.value as { id: string }).id;
    const saves = [
      // Consent to referral names its receiver (a kind of agency here).
      {
        questionId: 'consent_referral',
        value: { kind: 'choice', value: 'yes' },
        receiver: { agencyKind: 'shelter' },
      },
      { questionId: 'close_opinion', value: { kind: 'text', text: ANSWER } },
    ];
    for (const [i, s] of saves.entries()) {
      const saved = await dispatch('interview.saveAnswer', { interviewId, ...s, clientSeq: i + 1 });
      expect(saved, s.questionId).toMatchObject({ ok: true });
    }
    const current = await dispatch('cases.get', { id: c.id });
    if (!current.ok) throw new Error(`cases.get: ${current.error.code}`);
    const updated = await dispatch('cases.update', {
      id: c.id,
      expectedRevision: (current.value as { revision: number }).revision,
      officerAssessment: ASSESSMENT,
    });
    expect(updated).toMatchObject({ ok: true });

    // Failing calls: a typed error, and an unexpected failure whose message quotes personal data.
    expect(await dispatch('cases.get', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const leaky = app.dispatchWith({
      'cases.places': () => {
        throw new Error(`driver failed near '${PERSON}' with ${OFFICER.passphrase} and key ${recoveryHex}`);
      },
    });
    expect(await leaky('cases.places', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', messageKey: 'errors.internal' },
    });
    // A caller that breaks the logging rule by mistake is redacted, not obeyed.
    log.error('test.careless_caller', { person: PERSON, passphrase: OFFICER.passphrase, key: recoveryHex });

    expect(
      await dispatch('admin.settings.update', { agency: DEMO_AGENCY, referralDirectory: [RANONG_SHELTER] }),
    ).toMatchObject({ ok: true });
    const exported = await dispatch('referral.export', {
      caseId: c.id,
      receivingAgency: RANONG_SHELTER.name,
      contactId: RANONG_SHELTER.id,
      officerPosition: 'Labour inspector',
    });
    expect(exported).toMatchObject({ ok: true });
    for (let i = 0; i < 8; i++) log.info('test.filler', { i });

    const markers = [
      PERSON,
      ANSWER,
      ASSESSMENT,
      OFFICER.displayName,
      OFFICER.username,
      OFFICER.passphrase,
      WRONG,
      recoveryKey,
      recoveryHex,
      recoveryHex.toUpperCase(),
      Buffer.from(recoveryHex, 'hex').toString('base64'),
    ];

    // The log files exist, rotated, small, private, and hold the events but none of the markers.
    const logs = fileLog.files();
    expect(logs.length).toBe(3);
    for (const f of logs) {
      expect(statSync(f).size).toBeLessThanOrEqual(400);
      if (process.platform !== 'win32') expect(statSync(f).mode & 0o077).toBe(0);
    }
    const allLogText = logs.map((f) => readFileSync(f, 'utf8')).join('');
    expect(allLogText).toContain('"event":"ipc.unexpected_error"');
    expect(allLogText).toContain(`"person":"${REDACTED}"`);
    expect(hits(logs, markers)).toEqual([]);

    // The data folder, apart from the encrypted database, holds none either.
    expect(
      hits(
        filesUnder(dataDir, (p) => LIVE_DB.test(p)),
        markers,
      ),
    ).toEqual([]);

    // Nor does anything created in the system temp folder during the test. The exported referral is
    // the one file meant to carry the person's data (the officer chose where to save it): skipped.
    const newInTmp = readdirSync(tmpdir()).filter((n) => !tmpBefore.has(n));
    expect(newInTmp).toContain(relative(tmpdir(), root));
    const tmpFiles = newInTmp.flatMap((n) =>
      filesUnder(join(tmpdir(), n), (p) => p === exportDir || LIVE_DB.test(p)),
    );
    expect(tmpFiles.length).toBeGreaterThan(0);
    expect(hits(tmpFiles, markers)).toEqual([]);

    // The scan itself finds a marker where there is one (positive control).
    const control = join(root, 'control.txt');
    writeFileSync(control, `x${PERSON}x`, 'utf16le');
    expect(hits([control], markers)).toEqual([`${control}: ${PERSON}`]);

    // The diagnostic report: versions, counts and redacted log lines, nothing else.
    const report = buildDiagnosticReport(ctx, { logDir });
    expect(report.app.version).toBe('logs-test');
    expect(report.versions.node).toBe(process.versions.node);
    expect(report.store.initialised).toBe(true);
    expect(report.store.schemaVersion).toBe(report.store.appSchemaVersion);
    expect(report.store.cases?.total).toBe(1);
    expect(report.log.length).toBeGreaterThan(0);
    expect(report.log.length).toBeLessThanOrEqual(DIAGNOSTIC_LOG_LINES);
    const text = formatDiagnosticReport(report);
    for (const m of markers) expect(text).not.toContain(m);
    expect(text).not.toContain(dataDir);
    expect(text).not.toContain(OFFICER.username);

    fileLog.close();
    app.close();
  });
});

describe('copying the diagnostic report', () => {
  it('hands the report to the shell to copy where there is one, and says whether it did', async () => {
    const copied: string[] = [];
    const app = createTestApp('fs-diag-', {
      copyText: (text) => {
        copied.push(text);
        return true;
      },
    });
    await app.initialise();
    const reply = await app.ok<{ text: string; copied: boolean }>('app.diagnostics', {});
    expect(reply.copied).toBe(true);
    expect(copied).toEqual([reply.text]);
    expect(reply.text).toContain('FieldScreen');
    const noShell = createTestApp('fs-diag-preview-');
    expect(await noShell.ok<{ copied: boolean }>('app.diagnostics', {})).toMatchObject({ copied: false });
    app.close();
    noShell.close();
  });
});

describe('the rotating log file', () => {
  it('keeps at most N files of at most maxBytes, newest lines in the current file', () => {
    const dir = join(tempDir('fs-logrot-'), 'logs');
    const sink = rotatingFileSink(dir, { maxBytes: 1000, files: 3 });
    for (let i = 0; i < 500; i++) sink(`{"event":"line","i":${i}}`);
    const names = readdirSync(dir).sort();
    expect(names).toEqual([logFileName(1), logFileName(2), logFileName(0)].sort());
    for (const n of names) expect(statSync(join(dir, n)).size).toBeLessThanOrEqual(1000);
    const tail = readLogTail(dir, 1000);
    // In order, ending with the last line, and the oldest lines are gone.
    const numbers = tail.map((l) => (JSON.parse(l) as { i: number }).i);
    expect(numbers.at(-1)).toBe(499);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBeGreaterThan(0);
    expect(new Set(numbers.slice(1).map((n, k) => n - (numbers[k] ?? 0)))).toEqual(new Set([1]));
  });

  it('never throws when the folder disappears or a line is huge', () => {
    const dir = join(tempDir('fs-loggone-'), 'logs');
    const sink = rotatingFileSink(dir, { maxBytes: 300, files: 2 });
    sink('x'.repeat(10_000));
    expect(statSync(join(dir, logFileName(0))).size).toBeLessThanOrEqual(300);
    rmSync(dir, { recursive: true, force: true });
    expect(() => sink('after the folder was removed')).not.toThrow();
  });

  it('installFileLog routes log lines to the files and close() puts the previous sink back', () => {
    const dir = join(tempDir('fs-loginst-'), 'logs');
    const seen: string[] = [];
    log.setSink((l) => seen.push(l));
    const fileLog = installFileLog(dir);
    log.warn('test.to_file', { code: 'E1' });
    fileLog.close();
    log.warn('test.after_close');
    expect(readFileSync(join(dir, logFileName(0)), 'utf8')).toContain('"event":"test.to_file","code":"E1"');
    expect(seen.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['test.after_close']);
  });
});

describe('log field redaction', () => {
  it('keeps codes and counts, redacts text, names, paths with spaces and anything key-like', () => {
    for (const ok of ['ipc.unexpected_error', 'cases.list', 'RangeError', 'SQLITE_FULL', 'E42', 'en-US'])
      expect(safeLogValue(ok), ok).toBe(ok);
    for (const bad of [
      'Ko Aung',
      'ผู้เสียหาย',
      'ကိုအောင်',
      'correct horse battery staple',
      'a'.repeat(65),
      '494c-ffa1-23f1-f8e7-929d-02d7-f7e7-d00f-84e6-913d-ed09-f590-7df9-1c04-858a-98cf',
      'deadbeefdeadbeefdeadbeefdeadbeef',
      'q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8',
      '/home/malee/Documents/referral FS-1.pdf',
      '',
    ]) {
      expect(safeLogValue(bad), bad).toBe(REDACTED);
    }
  });

  it('diagnostic log lines keep time, level and event, and strip every other quoted string', () => {
    const line = JSON.stringify({
      t: '2026-05-21T08:00:00.000Z',
      level: 'error',
      event: 'ipc.unexpected_error',
      channel: 'cases.get',
      n: 3,
    });
    expect(JSON.parse(redactLogLine(line))).toEqual({
      t: '2026-05-21T08:00:00.000Z',
      level: 'error',
      event: 'ipc.unexpected_error',
      channel: '',
      n: 3,
    });
    expect(redactLogLine('plain text with "Ko Aung" and \'secret\' inside')).toBe(
      'plain text with "" and "" inside',
    );
    expect(redactLogLine(JSON.stringify({ event: 'Ko Aung was here', nested: { a: 'b' } }))).toBe(
      '{"event":"","nested":""}',
    );
  });
});
