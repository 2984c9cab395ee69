import type { CaseCreateInput } from '../../shared/domain/cases';
import type { AnswerValue } from '../../shared/instrument';
import { answer } from '../../shared/instrument';

/**
 * Fictional training cases, one per interviewee language. Every name, vessel and story is invented;
 * the situations follow the patterns in the domain brief so trainees meet realistic screenings.
 */
export interface DemoScenario {
  lang: 'th' | 'my' | 'km' | 'lo' | 'vi';
  case: CaseCreateInput;
  interpreter: { name: string; language: string } | null;
  /** Answers that differ from the neutral defaults. */
  answers: Record<string, AnswerValue>;
  assessment: string;
}

const { yes, no, single, multi, number, text } = answer;

export const DEMO_SCENARIOS: DemoScenario[] = [
  {
    lang: 'my',
    case: {
      place: { kind: 'pipo_centre', name: 'PIPO Samut Sakhon (training)', province: 'Samut Sakhon' },
      vessel: { name: 'Training Star 7', registration: 'TR-0007', flag: 'Thailand' },
      screeningDate: '2026-10-03',
      person: {
        nameOrAlias: 'ကိုအောင် (demo)',
        sex: 'male',
        ageYears: 29,
        minor: 'adult',
        ageAssessment: 'self_reported',
        nationality: 'Myanmar',
        languages: ['my'],
      },
    },
    interpreter: { name: 'Ma Hnin (demo)', language: 'my' },
    answers: {
      id_age: number(29),
      rec_how_found: single('broker_agent'),
      rec_job_as_promised: no(),
      rec_pay_as_promised: no(),
      rec_paid_fee: yes(),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_hours_per_day: number(18),
      work_paid_how: single('paid_only_at_end'),
      work_type: single('fishing_vessel'),
      sea_longest_months: number(8),
      ctrl_debt: yes(),
      ctrl_debt_bound: yes(),
      ctrl_debt_grows: single('debt_went_up'),
      ctrl_when_unhappy: multi('threat_to_hurt', 'fines_or_pay_cut'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('debt_follows', 'papers_kept'),
      close_opinion: text('ပွဲစားကို အကြွေးဆပ်ပြီးမှ ပြန်ခွင့်ရမယ်လို့ ပြောတယ်။ ကျွန်တော် အိမ်ပြန်ချင်တယ်။'),
    },
    assessment: 'Training case: deception about pay, debt to the broker and documents held on the vessel.',
  },
  {
    lang: 'km',
    case: {
      place: { kind: 'port', name: 'Songkhla fishing port (training)', province: 'Songkhla' },
      vessel: { name: 'Training Ocean 12', registration: 'TR-0012', flag: 'Thailand' },
      screeningDate: '2026-10-05',
      person: {
        nameOrAlias: 'សុខា (demo)',
        sex: 'male',
        ageYears: 34,
        minor: 'adult',
        ageAssessment: 'document',
        nationality: 'Cambodia',
        languages: ['km'],
      },
    },
    interpreter: { name: 'Dara (demo)', language: 'km' },
    answers: {
      id_age: number(34),
      rec_how_found: single('broker_agent'),
      rec_pay_as_promised: no(),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      work_hours_per_day: number(20),
      work_paid_how: single('not_paid'),
      work_type: single('fishing_vessel'),
      sea_longest_months: number(14),
      sea_transshipped: yes(),
      ctrl_contact_family: single('no_signal_at_sea'),
      ctrl_movement: single('at_sea_most_of_time'),
      ctrl_when_unhappy: multi('hitting_or_hurting'),
      exit_could_leave: no(),
      exit_what_would_happen: multi('no_way_off_boat'),
      close_opinion: text('ខ្ញុំនៅលើទូកអស់រយៈពេលជាងមួយឆ្នាំ ហើយមិនដែលបានប្រាក់ខែទេ។'),
    },
    assessment: 'Training case: months at sea with transshipment, no pay, violence, no way off the vessel.',
  },
  {
    lang: 'lo',
    case: {
      place: { kind: 'other', name: 'Workplace inspection, Nong Khai (training)', province: 'Nong Khai' },
      screeningDate: '2026-10-07',
      person: {
        nameOrAlias: 'ນ້ອຍ (demo)',
        sex: 'female',
        ageYears: 16,
        minor: 'minor',
        ageAssessment: 'self_reported',
        nationality: 'Laos',
        languages: ['lo'],
      },
    },
    interpreter: { name: 'Khamla (demo)', language: 'lo' },
    answers: {
      id_age: number(16),
      id_possibly_under_18: single('possibly_under_18'),
      rec_how_found: single('friend_family'),
      rec_promised_job: single('restaurant_bar'),
      rec_job_as_promised: no(),
      work_type: single('entertainment_venue'),
      work_hours_per_day: number(12),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      ctrl_movement: single('only_with_someone'),
      ctrl_debt: yes(),
      ctrl_debt_bound: yes(),
      exit_could_leave: no(),
      exit_what_would_happen: multi('debt_follows'),
      sex_willing_to_talk: single('talk_now'),
      sex_asked: yes(),
      sex_could_refuse: no(),
      sex_money_kept_by_others: single('someone_kept_all'),
      close_opinion: text('ຂ້ອຍຢາກກັບບ້ານ ແລະ ຢາກໂທຫາແມ່.'),
    },
    assessment: 'Training case: a girl of 16 in a karaoke bar; child path applies.',
  },
  {
    lang: 'vi',
    case: {
      place: { kind: 'other', name: 'Border screening point, Mae Sot (training)', province: 'Tak' },
      screeningDate: '2026-10-09',
      person: {
        nameOrAlias: 'Anh Minh (demo)',
        sex: 'male',
        ageYears: 24,
        minor: 'adult',
        ageAssessment: 'document',
        nationality: 'Vietnam',
        languages: ['vi'],
      },
    },
    interpreter: { name: 'Chị Lan (demo)', language: 'vi' },
    answers: {
      id_age: number(24),
      rec_how_found: single('online_contact'),
      rec_promised_job: single('office_online_work'),
      rec_job_as_promised: no(),
      rec_false_info: yes(),
      work_type: single('office_online_work'),
      work_unagreed_tasks: yes(),
      work_unagreed_kind: multi('cheating_people_online'),
      doc_where_now: single('employer_or_boat'),
      doc_can_get_back: no(),
      ctrl_movement: single('not_allowed_out'),
      ctrl_when_unhappy: multi('hitting_or_hurting', 'locked_up_or_no_food'),
      ctrl_violence_seen: yes(),
      exit_could_leave: no(),
      exit_what_would_happen: multi('hurt_or_killed'),
      close_opinion: text('Tôi bị ép lừa đảo người khác qua mạng và không được ra ngoài.'),
    },
    assessment: 'Training case: online recruitment into a scam compound, confinement and violence.',
  },
  {
    lang: 'th',
    case: {
      place: { kind: 'pipo_centre', name: 'PIPO Ranong (training)', province: 'Ranong' },
      vessel: { name: 'Training Wave 3', registration: 'TR-0003', flag: 'Thailand' },
      screeningDate: '2026-10-11',
      person: {
        nameOrAlias: 'สมศักดิ์ (demo)',
        sex: 'male',
        ageYears: 41,
        minor: 'adult',
        ageAssessment: 'document',
        nationality: 'Thailand',
        languages: ['th'],
      },
    },
    interpreter: null,
    answers: {
      id_age: number(41),
      id_nationality: single('thailand'),
      rec_how_found: single('employer_direct'),
      rec_pay_as_promised: no(),
      doc_where_now: single('with_me'),
      work_hours_per_day: number(10),
      work_paid_how: single('paid_irregularly'),
      work_type: single('fishing_vessel'),
      sea_longest_months: number(1),
      close_opinion: text('นายจ้างจ่ายค่าจ้างช้าไปสองเดือน แต่ผมลาออกได้และกลับบ้านได้ตามต้องการ'),
    },
    assessment:
      'Training case: a wage dispute only; the person is free to leave (no trafficking indicators).',
  },
];
