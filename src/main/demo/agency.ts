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
