import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Preferences, preferencesSchema } from '../../shared/ipc/channels/app';
import { writeFileAtomic } from '../util/atomic-file';

const FILE = 'preferences.json';
const DEFAULTS: Preferences = { uiLanguage: 'th', intervieweeLanguage: 'my' };

/**
 * Device-level language choices, needed before anyone signs in (the unlock screen must already
 * speak the officer's language). Only locale codes live here — no personal data — so this small
 * file sits beside the encrypted database rather than inside it.
 */
export class PreferencesStore {
  private readonly file: string;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, FILE);
  }

  get(): Preferences {
    try {
      const parsed = preferencesSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : { ...DEFAULTS };
    } catch {
      return { ...DEFAULTS };
    }
  }

  set(patch: Partial<Preferences>): Preferences {
    const next = preferencesSchema.parse({ ...this.get(), ...patch });
    writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }
}
