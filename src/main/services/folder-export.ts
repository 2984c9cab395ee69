import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { ExportTarget } from '../referral/service';
import { fsyncDir, writeFileAtomic } from '../util/atomic-file';

/**
 * Saves exports into one folder (the preview, the CLI and tests; the desktop app asks with a save
 * dialog instead). Never overwrites: a name already taken gets a counter. Written atomically, so a
 * crash leaves no half-written file under the final name.
 */
export function folderExportTarget(folder: string): ExportTarget {
  const freeName = (suggestedFileName: string) => {
    mkdirSync(folder, { recursive: true });
    const safe = basename(suggestedFileName).replace(/[^\p{L}\p{N}._-]/gu, '_') || 'export';
    const ext = extname(safe);
    const stem = safe.slice(0, safe.length - ext.length);
    let name = safe;
    for (let n = 2; existsSync(join(folder, name)); n++) name = `${stem}-${n}${ext}`;
    return name;
  };
  return {
    async write(suggestedFileName, bytes) {
      const name = freeName(suggestedFileName);
      writeFileAtomic(join(folder, name), bytes);
      return name;
    },
    async writeFile(suggestedFileName, sourcePath) {
      const name = freeName(suggestedFileName);
      copyFileAtomic(sourcePath, join(folder, name));
      return name;
    },
  };
}

/** Copy to a temporary name beside the target, fsync, rename: never a half-written file under the name. */
export function copyFileAtomic(source: string, target: string): void {
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    copyFileSync(source, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    fsyncDir(dirname(target));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
