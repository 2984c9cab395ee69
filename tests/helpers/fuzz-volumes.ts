import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Folders that fail like real hardware for the fault tests:
 * - a real, nearly full tmpfs (needs root and mount; used where available),
 * - /dev/full, where every write fails with ENOSPC: the export's temp file name is predictable while
 *   Date is frozen (writeFileAtomic names it <file>.<pid>.<Date.now()>.tmp), so a symlink placed at
 *   that name turns the real write into a real ENOSPC from the kernel. Works anywhere on Linux.
 * - read-only folders (see readOnlyFolder).
 */

export type VolumeKind = 'tmpfs' | 'dev-full';

export interface FullVolume {
  kind: VolumeKind;
  dir: string;
  /** Call right before the write that must fail (sets up /dev/full; the tmpfs is already full). */
  arm(finalName: string, now: number): void;
  /** Files other than the filler: must stay empty after a failed export. */
  leftovers(): string[];
  dispose(): void;
}

const FILLER = '.filler';

function tryMount(dir: string, options: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}

/** Which full-volume kinds this machine can provide (dev-full always, tmpfs when mounting works). */
export function availableFullVolumes(): VolumeKind[] {
  const probe = mkdtempSync(join(tmpdir(), 'fs-probe-'));
  const ok = tryMount(probe, 'size=64k');
  if (ok) unmount(probe);
  rmSync(probe, { recursive: true, force: true });
  return ok ? ['dev-full', 'tmpfs'] : ['dev-full'];
}

/** A folder where the next write of more than `freeBytes` runs out of space part-way. */
export function fullVolume(kind: VolumeKind, freeBytes = 48 * 1024): FullVolume {
  const dir = mkdtempSync(join(tmpdir(), `fs-full-${kind}-`));
  if (kind === 'tmpfs') {
    if (!tryMount(dir, 'size=1m')) throw new Error('cannot mount tmpfs here');
    // Fill it, then leave `freeBytes`: the next big write gets a first chunk in, then ENOSPC.
    const fd = openSync(join(dir, FILLER), 'w');
    const chunk = Buffer.alloc(4096, 0x55);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // full
    } finally {
      closeSync(fd);
    }
    const filler = join(dir, FILLER);
    truncateSync(filler, Math.max(0, statSync(filler).size - freeBytes));
  }
  return {
    kind,
    dir,
    arm(finalName, now) {
      if (kind === 'dev-full') symlinkSync('/dev/full', join(dir, `${finalName}.${process.pid}.${now}.tmp`));
    },
    leftovers: () => readdirSync(dir).filter((n) => n !== FILLER),
    dispose() {
      if (kind === 'tmpfs') unmount(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A folder this process cannot write into, the strongest way available:
 * - not root: an ordinary folder with mode 0555 (EACCES);
 * - root: a read-only tmpfs mount (EROFS), or, where mounting is not allowed, /sys, which refuses new
 *   files even to root (EACCES).
 */
export function readOnlyFolder(): { dir: string; how: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'fs-readonly-'));
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return {
      dir,
      how: 'mode 0555',
      dispose() {
        chmodSync(dir, 0o700);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (tryMount(dir, 'ro,size=64k')) {
    return {
      dir,
      how: 'read-only tmpfs',
      dispose() {
        unmount(dir);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  return { dir: '/sys', how: 'sysfs', dispose() {} };
}
