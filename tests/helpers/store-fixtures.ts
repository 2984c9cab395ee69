import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Session } from '../../src/main/store/session';
import { Vault, type VaultOptions } from '../../src/main/store/vault';

/** Every store test gets its own temporary data folder, removed after the test. */
const made: string[] = [];

export function tempDir(prefix = 'fieldscreen-store-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const SUPERVISOR = {
  username: 'somchai',
  displayName: 'Somchai P.',
  passphrase: 'correct horse battery staple',
};

export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function testClock(start = Date.parse('2026-05-21T08:00:00.000Z')): TestClock {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export interface TestStore {
  dir: string;
  vault: Vault;
  recoveryKey: string;
  recoveryKeyHex: string;
  options: VaultOptions;
  clock: TestClock;
  /** Signs the first supervisor in. */
  unlock: () => Promise<Session>;
}

/** A fresh store with cheap Argon2 parameters (the 'test' profile) and a controllable clock. */
export async function createTestStore(dir = tempDir()): Promise<TestStore> {
  const clock = testClock();
  const options: VaultOptions = { kdfProfile: 'test', now: clock.now };
  const issued = await Vault.initialise(dir, SUPERVISOR, options);
  const vault = new Vault(dir, options);
  return {
    dir,
    vault,
    options,
    clock,
    recoveryKey: issued.recoveryKey,
    recoveryKeyHex: issued.recoveryKeyHex,
    unlock: () => vault.unlock(SUPERVISOR.username, SUPERVISOR.passphrase),
  };
}

/** All regular files under dir (recursively), e.g. to scan what the app wrote. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Which of the markers occur in the file's raw bytes (UTF-8 and UTF-16LE). */
export function markersIn(file: string, markers: string[]): string[] {
  const bytes = readFileSync(file);
  return markers.filter(
    (m) => bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le')),
  );
}

export const CASE_INPUT = {
  place: { kind: 'pipo_centre' as const, name: 'Songkhla PIPO', province: 'Songkhla' },
  vessel: { name: 'Sea Star 7', registration: 'SK-1234', flag: 'Thailand' },
  screeningDate: '2026-05-21',
  person: { nameOrAlias: 'Ko Aung', sex: 'male' as const, languages: ['my'] },
};

export const INTERVIEW_INPUT = {
  instrumentId: 'fieldscreen-core',
  instrumentVersion: '1.0.0',
  tier: 'short',
  intervieweeLanguage: 'my',
};
