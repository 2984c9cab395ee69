import { describe, expect, it } from 'vitest';
import { type Answers, answer as a, findQuestion, INSTRUMENT } from '../../src/shared/instrument';
import { evaluate, planInterview, type ScreeningResult } from '../../src/shared/screening';

/** Issue 15, point 1: the gaps named in the review, each closed and pinned. */

const started: Answers = {
  safety_others_present: a.no(),
  safety_safe_to_talk: a.yes(),
  consent_screening: a.yes(),
  id_age: a.number(30),
  id_possibly_under_18: a.single('clearly_adult'),
};
const thaiCodes = (r: ScreeningResult) =>
  [
    ...r.thaiLaw.s6.act.findings,
    ...r.thaiLaw.s6.means.findings,
    ...r.thaiLaw.s6.purpose.findings,
    ...r.thaiLaw.s6_1.means.findings,
    ...r.thaiLaw.s6_1.involuntary.findings,
  ].map((f) => f.code);
const indicatorCodes = (r: ScreeningResult) => r.indicators.map((i) => i.code);
const codes = (r: ScreeningResult) => [...thaiCodes(r), ...indicatorCodes(r)];
const screen = (answers: Answers) => evaluate(INSTRUMENT, { ...started, ...answers });

describe('acts of s.6', () => {
  it.each([
    'friend_family',
    'partner',
    'broker_agent',
    'employer_direct',
    'online_contact',
    'licensed_agency',
    'unknown_person',
    'other',
  ])('a job found through "%s" is a recruitment act', (how) =>
    expect(thaiCodes(screen({ rec_how_found: a.single(how) }))).toContain('s6.act.recruit'),
  );

  it('"nobody, I found the job myself" is an answer, and no recruitment act', () => {
    expect(thaiCodes(screen({ rec_how_found: a.single('found_myself') }))).not.toContain('s6.act.recruit');
  });

  it('receiving, harbouring or keeping a person at the destination is an act', () => {
    for (const arrival of ['taken_there', 'handed_over'])
      expect(thaiCodes(screen({ trav_arrival: a.single(arrival) })), arrival).toContain(
        's6.act.harbour_receive',
      );
    expect(thaiCodes(screen({ trav_arrival: a.single('went_myself') }))).not.toContain(
      's6.act.harbour_receive',
    );
    expect(thaiCodes(screen({ live_conditions: a.multi('employer_housing') }))).toContain(
      's6.act.harbour_receive',
    );
    // The employer keeps the person's papers and will not give them back: keeping the person.
    const papers = screen({ doc_where_now: a.single('employer_or_boat'), doc_can_get_back: a.no() });
    expect(thaiCodes(papers)).toContain('s6.act.harbour_receive');
    const withBroker = screen({ doc_where_now: a.single('broker_agent'), doc_can_get_back: a.no() });
    expect(thaiCodes(withBroker)).not.toContain('s6.act.harbour_receive');
  });

  it('a person a relative recruited and an employer received and keeps is referred to the MDT, not only for forced labour', () => {
    const r = screen({
      rec_how_found: a.single('friend_family'),
      rec_job_as_promised: a.no(),
      trav_arrival: a.single('handed_over'),
      doc_where_now: a.single('employer_or_boat'),
      doc_can_get_back: a.no(),
      work_type: a.single('domestic_work'),
      work_hours_per_day: a.number(15),
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('papers_kept'),
    });
    expect(r.thaiLaw.s6.met).toBe(true);
    expect(r.recommendations.map((x) => x.code)).toEqual(['refer_mdt', 'refer_forced_labour']);
  });
});

describe('facts that were not recorded before', () => {
  it('a debt imposed or inflated by the employer or broker', () => {
    const r = screen({ ctrl_debt: a.yes(), ctrl_debt_origin: a.multi('debt_added_without_agreement') });
    expect(indicatorCodes(r)).toEqual(
      expect.arrayContaining(['ilo.debt_bondage', 'ilo_ec.ex.wage_manipulation']),
    );
  });

  it('a wage advance is recorded apart from a debt, and is no indicator on its own', () => {
    const r = screen({
      ctrl_debt: a.yes(),
      ctrl_debt_origin: a.multi('debt_advance'),
      ctrl_debt_bound: a.yes(),
    });
    expect(indicatorCodes(r)).toEqual([]);
  });

  it('threats to denounce the person, also outside "when the boss is unhappy"', () => {
    const r = screen({ ctrl_other_pressure: a.multi('p_threat_report') });
    expect(codes(r)).toEqual(
      expect.arrayContaining([
        'ilo_ec.cd.threat_of_denunciation',
        's6.means.abuse_of_power',
        's6_1.intimidation',
      ]),
    );
    const atRecruitment = screen({ trav_journey_events: a.multi('j_threat_report') });
    expect(indicatorCodes(atRecruitment)).toContain('ilo_ec.cr.threat_of_denunciation');
  });

  it('being taken to another country than the one promised', () => {
    const r = screen({ rec_job_as_promised: a.no(), rec_what_differed: a.multi('diff_country') });
    expect(codes(r)).toEqual(
      expect.arrayContaining(['ilo_ec.dr.nature_of_job', 's6.means.fraud_deception', 's6.act.transport']),
    );
  });

  it('forced criminal work in a scam compound is forced labour when the person cannot refuse or leave', () => {
    const tasks = { work_unagreed_tasks: a.yes(), work_unagreed_kind: a.multi('cheating_people_online') };
    const r = screen(tasks);
    expect(codes(r)).toEqual(
      expect.arrayContaining(['ilo_ec.cd.forced_illicit_activities', 's6.purpose.forced_labour']),
    );
  });

  it('late wages, and how long the person went unpaid', () => {
    expect(indicatorCodes(screen({ work_paid_how: a.single('paid_late') }))).toContain(
      'ilo.withholding_of_wages',
    );
    const months = (n: number) =>
      screen({ work_paid_how: a.single('paid_late'), work_months_unpaid: a.number(n) });
    expect(indicatorCodes(months(2))).not.toContain('ilo_ec.cd.withholding_of_wages');
    const four = months(4);
    expect(indicatorCodes(four)).toContain('ilo_ec.cd.withholding_of_wages');
    expect(four.indicators.find((i) => i.code === 'ilo.withholding_of_wages')?.strength).toBe('strong');
  });

  it('whether the rights card was handed over: the officer records it, in the short screen too', () => {
    const card = findQuestion(INSTRUMENT, 'close_card_given');
    expect(card).toMatchObject({ kind: 'yesNo', audience: 'officer', tiers: ['short', 'full'] });
  });

  it('the kind of work and the nationality are in the short screen', () => {
    for (const id of ['work_type', 'id_nationality'])
      expect(findQuestion(INSTRUMENT, id)?.tiers, id).toContain('short');
  });

  it('schooling is asked of a child only, and school given up for work is exploitation of a child', () => {
    const status = (answers: Answers) =>
      planInterview(INSTRUMENT, { ...started, ...answers }, 'full').items.find(
        (i) => i.questionId === 'child_school',
      )?.status;
    expect(status({})).toBe('hidden');
    const child = { id_age: a.number(14), id_possibly_under_18: a.single('possibly_under_18') };
    expect(status(child)).toBe('to_ask');
    const r = screen({ ...child, child_school: a.single('school_stopped_for_work') });
    expect(indicatorCodes(r)).toContain('ilo_ec.ex.no_access_to_education');
  });
});

describe('the ILO definition of forced labour, both ways', () => {
  const threatened: Answers = {
    rec_how_found: a.single('broker_agent'),
    rec_own_choice: a.single('own_decision'),
    rec_job_as_promised: a.yes(),
    work_type: a.single('construction'),
    work_hours_per_day: a.number(9),
    work_paid_how: a.single('paid_monthly'),
    ctrl_when_unhappy: a.multi('threat_to_hurt'),
  };

  it('one threat against a person who is paid, free to leave and working by choice is one indicator, not forced labour', () => {
    const r = screen({ ...threatened, exit_could_leave: a.yes(), exit_tried: a.no() });
    expect(indicatorCodes(r)).toContain('ilo.intimidation_threats');
    expect(r.thaiLaw.s6_1.met).toBe(false);
    expect(r.thaiLaw.s6.met).toBe(false);
    expect(r.recommendations.map((x) => x.code)).toContain('labour_rights_follow_up');
    expect(r.recommendations.map((x) => x.code)).not.toContain('refer_forced_labour');
  });

  it('the same threat against a person who cannot leave is forced labour (menace of penalty and involuntariness)', () => {
    const r = screen({
      ...threatened,
      exit_could_leave: a.no(),
      exit_what_would_happen: a.multi('hurt_or_killed'),
    });
    expect(r.thaiLaw.s6_1.met).toBe(true);
    expect(r.thaiLaw.s6_1.involuntary.findings.map((f) => f.code)).toEqual(['s6_1.involuntary']);
    expect(r.recommendations.map((x) => x.code)).toContain('refer_forced_labour');
  });

  it('"not sure" whether they could leave never stands in for "no"', () => {
    const r = screen({ ...threatened, exit_could_leave: a.notSure() });
    expect(r.thaiLaw.s6_1.met).toBe(false);
  });

  it("for a child: work for others' benefit, wages paid to someone else and movement restricted is an exploitation purpose", () => {
    const facts: Answers = {
      rec_how_found: a.single('friend_family'),
      work_type: a.single('agriculture'),
      work_hours_per_day: a.number(9),
      work_paid_how: a.single('paid_to_someone_else'),
      ctrl_movement: a.single('only_with_permission'),
      ctrl_when_unhappy: a.multi('nothing_like_this'),
      exit_could_leave: a.yes(),
    };
    const child = screen({
      ...facts,
      id_age: a.number(15),
      id_possibly_under_18: a.single('possibly_under_18'),
    });
    expect(child.thaiLaw.s6.purpose.findings.map((f) => f.code)).toEqual(['s6.purpose.forced_labour']);
    expect(child.thaiLaw.s6.met).toBe(true);
    const adult = screen(facts);
    expect(adult.thaiLaw.s6.purpose.present).toBe(false);
    expect(adult.thaiLaw.s6.met).toBe(false);
  });
});
