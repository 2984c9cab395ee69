import { randomUUID } from 'node:crypto';
import type { Session } from '../store/session';
import { getSettings, updateSettings } from '../store/settings';

/**
 * A fictional referring agency for training stores, so their referrals can be signed (a referral
 * names its sender). Set only where no agency is set yet: a real agency's details are never replaced.
 */
export const DEMO_AGENCY = {
  name: 'ศูนย์ฝึกอบรม FieldScreen (สาธิต)',
  unit: 'กลุ่มงานคัดกรอง (สาธิต)',
  province: 'สมุทรสาคร',
  address: '99 ถนนสาธิต ตำบลมหาชัย อำเภอเมือง จังหวัดสมุทรสาคร 74000',
  phone: '034-000-000',
  letterPrefix: 'สาธิต 0001',
};

export function seedDemoAgency(session: Session): void {
  if (getSettings(session).agency.name.trim()) return;
  updateSettings(session, { agency: DEMO_AGENCY });
}

/**
 * A fictional multidisciplinary team in the referral directory: the demo cases' consent names "any
 * agency of kind mdt", so without one a training store could not export a referral at all. Added only
 * where the directory has no team yet; returns the id of the team a trainer can refer to.
 */
export const DEMO_MDT = {
  name: 'ทีมสหวิชาชีพจังหวัดสมุทรสาคร (สาธิต)',
  kind: 'mdt' as const,
  province: 'สมุทรสาคร',
  phone: '034-000-001',
  email: '',
  address: '99 ถนนสาธิต ตำบลมหาชัย อำเภอเมือง จังหวัดสมุทรสาคร 74000',
};

export function seedDemoDirectory(session: Session): string {
  const directory = getSettings(session).referralDirectory;
  const team = directory.find((entry) => entry.kind === 'mdt');
  if (team) return team.id;
  const id = randomUUID();
  updateSettings(session, {
    referralDirectory: [...directory, { id, ...DEMO_MDT, trustedCertificates: [], trustedStores: [] }],
  });
  return id;
}
