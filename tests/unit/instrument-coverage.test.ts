import { describe, expect, it } from 'vitest';
import { instrumentCommand } from '../../src/main/cli/commands/instrument-command';
import {
  type EvidenceRule,
  ILO_EC_LISTS,
  ILO_FL_INDICATORS,
  INSTRUMENT,
  INSTRUMENT_V1_DATA,
  type InstrumentInput,
  indicatorsOfList,
  parseInstrument,
  THAI_S6_1_MEANS,
  THAI_S6_ACTS,
  THAI_S6_MEANS,
  THAI_S6_PURPOSES,
} from '../../src/shared/instrument';
import { type CoverageRow, coverageMatrix, isCovered } from '../../src/shared/screening';
import { captureIo } from '../helpers/cli-io';

/**
 * Issue 15, point 1: every ILO/EC operational indicator (adult and child lists, labour and sexual
 * exploitation), every Thai s.6 act, means and purpose, every s.6/1 means and every ILO forced-labour
 * indicator can be evidenced by at least one answer, proven with the real engine.
 */
const matrix = coverageMatrix(INSTRUMENT);
const uncovered = (rows: readonly CoverageRow[]) => rows.filter((r) => !isCovered(r)).map((r) => r.code);

describe('coverage matrix', () => {
  it('lists every code of every framework the screening serves', () => {
    const codes = new Set(matrix.map((r) => r.code));
    for (const code of [
      ...ILO_FL_INDICATORS,
      ...THAI_S6_ACTS,
      ...THAI_S6_MEANS,
      ...THAI_S6_PURPOSES,
      ...THAI_S6_1_MEANS,
    ])
      expect(codes.has(code), code).toBe(true);
    for (const list of ILO_EC_LISTS)
      for (const code of indicatorsOfList(list)) expect(codes.has(code), code).toBe(true);
    expect(ILO_FL_INDICATORS).toHaveLength(11);
    // The adult labour list has 67 indicators in six elements; the child lists lack two of them.
    expect(indicatorsOfList('adult_labour')).toHaveLength(67);
    expect(indicatorsOfList('child_labour')).toHaveLength(65);
    expect(indicatorsOfList('adult_sexual')).toHaveLength(67);
    expect(indicatorsOfList('child_sexual')).toHaveLength(65);
  });

  it("reaches every one of them through the answers, children's lists on the child path", () => {
    expect(uncovered(matrix)).toEqual([]);
    for (const row of matrix) expect(row.sources.length, row.code).toBeGreaterThan(0);
    const childRows = matrix.filter((r) => r.grades?.child_labour ?? r.grades?.child_sexual);
    expect(childRows.length).toBe(65);
    for (const row of childRows) expect(row.reachable.child, row.code).toBe(true);
  });

  it('fails when an indicator loses its only answer', () => {
    const data: InstrumentInput = structuredClone(INSTRUMENT_V1_DATA);
    for (const section of data.sections)
      for (const q of section.questions)
        q.evidence = ((q.evidence ?? []) as EvidenceRule[]).filter(
          (rule) => !rule.iloEc?.includes('ilo_ec.dr.marriage_adoption'),
        );
    expect(uncovered(coverageMatrix(parseInstrument(data)))).toEqual(['ilo_ec.dr.marriage_adoption']);
  });

  it('fails when the only question that reaches a code can never be shown', () => {
    const data: InstrumentInput = structuredClone(INSTRUMENT_V1_DATA);
    const school = data.sections.flatMap((s) => s.questions).find((q) => q.id === 'child_school');
    if (!school) throw new Error('child_school');
    // Shown only to a child who is also clearly an adult: never.
    school.showIf = {
      all: [
        { flag: 'child' },
        { q: 'id_possibly_under_18', equals: 'clearly_adult' },
        { q: 'id_age', atLeast: 18 },
      ],
    };
    expect(uncovered(coverageMatrix(parseInstrument(data)))).toEqual(['ilo_ec.ex.no_access_to_education']);
  });

  it('fails when a code is only reachable on the adult path but a child list has it', () => {
    const data: InstrumentInput = structuredClone(INSTRUMENT_V1_DATA);
    const journey = data.sections.flatMap((s) => s.questions).find((q) => q.id === 'trav_journey_events');
    if (!journey) throw new Error('trav_journey_events');
    journey.showIf = { q: 'id_age', atLeast: 18 };
    const gaps = uncovered(coverageMatrix(parseInstrument(data)));
    expect(gaps).toContain('ilo_ec.rv.cultural_religious_beliefs');
    expect(gaps).toContain('ilo_ec.cr.threats_to_inform');
  });
});

describe('npm run cli -- instrument coverage', () => {
  const run = async (args: string[]) => {
    const io = captureIo();
    const code = await instrumentCommand.run(args, io);
    return { code, out: io.out.join('\n'), err: io.err.join('\n') };
  };

  it('lists each code with the answers that reach it and exits 0 when all are reachable', async () => {
    const { code, out } = await run(['coverage']);
    expect(code).toBe(0);
    expect(out).toContain(`All ${matrix.length} reachable.`);
    expect(out).toMatch(
      /ok {10}ilo_ec\.dr\.marriage_adoption \[M M M M; reached on the adult and child path\]\n {6}rec_what_differed includes diff_marriage/,
    );
    expect(out).toMatch(
      /ok {10}s6\.act\.harbour_receive\n(?: {6}.+\n)* {6}trav_arrival in \{taken_there, handed_over\}/,
    );
    expect(out).toContain(
      'ctrl_movement in {only_with_someone, only_with_permission, not_allowed_out}, when the person may be a child and work_paid_how = paid_to_someone_else',
    );
  });

  it('gives the matrix as JSON on request and refuses other sub-commands', async () => {
    const { code, out } = await run(['coverage', '--json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { rows: CoverageRow[]; version: string };
    expect(parsed.rows).toHaveLength(matrix.length);
    expect(parsed.version).toBe(INSTRUMENT.version);
    expect((await run(['list'])).code).toBe(2);
    expect((await run(['coverage', '--html'])).code).toBe(2);
  });
});
