import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ExportTarget } from '../referral/service';
import { writeFileAtomic } from '../util/atomic-file';

/**
 * Saves exports into one folder (the preview, the CLI and tests; the desktop app asks with a save
 * dialog instead). Never overwrites: a name already taken gets a counter. Written atomically, so a
 * crash leaves no half-written file under the final name.
 */
export function folderExportTarget(folder: string): ExportTarget {
  return {
    async write(suggestedFileName, bytes) {
      mkdirSync(folder, { recursive: true });
      const safe = basename(suggestedFileName).replace(/[^\p{L}\p{N}._-]/gu, '_') || 'export';
      const ext = extname(safe);
      const stem = safe.slice(0, safe.length - ext.length);
      let name = safe;
      for (let n = 2; existsSync(join(folder, name)); n++) name = `${stem}-${n}${ext}`;
      writeFileAtomic(join(folder, name), bytes);
      return name;
    },
  };
}
