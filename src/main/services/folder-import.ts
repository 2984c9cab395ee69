import { lstatSync, readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { IMPORT_EXTENSIONS, type ImportCandidate, type ImportKind, type ImportSource } from './import-source';

/** At most this many files are listed, newest first (a folder of years of backups stays usable). */
export const MAX_LISTED_FILES = 200;

/**
 * Offers the files of one folder to import (the preview and tests; the desktop app asks with an open
 * dialog instead). The renderer chooses by name from the list made here; a chosen name must be a plain
 * file name that is in a fresh listing, so no path, `..` or link can reach outside the folder.
 */
export function folderImportSource(folder: string): ImportSource {
  const list = (kind: ImportKind): ImportCandidate[] => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return [];
    }
    const extensions = IMPORT_EXTENSIONS[kind];
    const out: ImportCandidate[] = [];
    for (const name of names) {
      if (name.startsWith('.') || !extensions.includes(extname(name).slice(1).toLowerCase())) continue;
      try {
        // lstat: a symbolic link is not followed out of the folder, it is left out.
        const info = lstatSync(join(folder, name));
        if (!info.isFile()) continue;
        out.push({ name, bytes: info.size, modifiedAt: info.mtime.toISOString() });
      } catch {
        // Gone meanwhile: not offered.
      }
    }
    out.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name));
    return out.slice(0, MAX_LISTED_FILES);
  };
  return {
    mode: 'list',
    list: async (kind) => list(kind),
    async pick(kind, name) {
      if (name === null || !isPlainFileName(name)) return null;
      const found = list(kind).find((f) => f.name === name);
      return found ? { ...found, path: join(folder, found.name) } : null;
    },
  };
}

/** A bare file name: no folder part in either separator style, not `.` or `..`, no NUL. */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    name !== '.' &&
    name !== '..' &&
    !/[/\\\0]/.test(name) &&
    basename(name) === name
  );
}
