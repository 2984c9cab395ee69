import { can } from '../../shared/domain/permissions';
import {
  SETTING_KEYS,
  SETTING_PERMISSIONS,
  type SettingKey,
  type Settings,
  type SettingsPatch,
  settingsPatch,
  settingsSchema,
} from '../../shared/domain/settings';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/driver';
import { checkDirectoryCertificates } from './directory-certificates';
import type { Session } from './session';
import { parseInput } from './validate';

/** Stored values that no longer parse (e.g. after a schema change) fall back to the default, never crash. */
export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value_json FROM settings').all() as {
    key: string;
    value_json: string;
  }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) {
    if (!(SETTING_KEYS as string[]).includes(r.key)) continue;
    try {
      const value = JSON.parse(r.value_json) as unknown;
      const ok = settingsSchema.shape[r.key as SettingKey].safeParse(value);
      if (ok.success) stored[r.key] = ok.data;
    } catch {
      // keep the default
    }
  }
  return settingsSchema.parse(stored);
}

export function getSettings(session: Session): Settings {
  if (session.kind === 'user') session.requireUser();
  return session.read((db) => readSettings(db));
}

/** Every setting, for the supervisor's device settings screen ('settings.device'). */
export function getDeviceSettings(session: Session): Settings {
  session.require('settings.device');
  return getSettings(session);
}

/** Only the referral directory, for whoever writes referrals: the other settings stay the supervisor's. */
export function getReferralDirectory(session: Session): Settings['referralDirectory'] {
  session.require('referrals.write');
  return getSettings(session).referralDirectory;
}

/** Changes settings; each key needs its permission (device-wide policy: supervisors). Audits old/new. */
export function updateSettings(session: Session, patch: SettingsPatch): Settings {
  const user = session.requireUser();
  const p = parseInput(settingsPatch, patch);
  const keys = Object.keys(p) as SettingKey[];
  for (const key of keys) {
    if (!can(user.role, SETTING_PERMISSIONS[key])) throw new AppError('FORBIDDEN_ROLE');
  }
  if (p.referralDirectory) checkDirectoryCertificates(p.referralDirectory);
  session.write((db, now) => {
    const before = readSettings(db);
    for (const key of keys) {
      const value = p[key];
      if (value === undefined || JSON.stringify(before[key]) === JSON.stringify(value)) continue;
      db.prepare(
        `INSERT INTO settings (key, value_json, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      ).run(key, JSON.stringify(value), now.toISOString(), user.id);
      session.audit(db, now, {
        action: 'settings.update',
        entityType: 'setting',
        entityId: key,
        details: { old: before[key], new: value },
      });
    }
  });
  return getSettings(session);
}
