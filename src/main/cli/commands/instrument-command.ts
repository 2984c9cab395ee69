import { parseArgs } from 'node:util';
import { type Condition, INSTRUMENT, type ValueTest } from '../../../shared/instrument';
import { type CoverageRow, type CoverageSource, coverageMatrix, isCovered } from '../../../shared/screening';
import type { CliCommand, CliIo } from '../types';

/**
 * `instrument coverage [--json]`: the coverage matrix of the screening instrument. Every ILO/EC
 * operational indicator (grades on the four lists), every Thai s.6 act, means and purpose, every s.6/1
 * means and every ILO forced-labour indicator, with the answers that reach it. Exits 1 when one is
 * unreachable, so CI and reviewers see a gap at once.
 */
export const instrumentCommand: CliCommand = {
  name: 'instrument',
  summary: 'report which answers reach each indicator and legal element (coverage matrix)',
  usage: 'instrument coverage [--json]',
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub !== 'coverage') {
      io.stderr(`usage: ${this.usage}`);
      return 2;
    }
    let json = false;
    try {
      json = parseArgs({ args: rest, options: { json: { type: 'boolean' } } }).values.json === true;
    } catch {
      io.stderr(`usage: ${this.usage}`);
      return 2;
    }
    const rows = coverageMatrix(INSTRUMENT);
    if (json)
      io.stdout(JSON.stringify({ instrument: INSTRUMENT.id, version: INSTRUMENT.version, rows }, null, 2));
    else printReport(rows, io);
    return rows.every(isCovered) ? 0 : 1;
  },
};

const GROUP_TITLES: Record<CoverageRow['group'], string> = {
  ilo_fl: 'ILO indicators of forced labour (11)',
  ilo_ec:
    'ILO/EC operational indicators of trafficking (grades: adult labour, adult sexual, child labour, child sexual)',
  's6.act': 'Thai s.6: acts',
  's6.means': 'Thai s.6: means (not required for a child)',
  's6.purpose': 'Thai s.6 with s.4: purposes of exploitation',
  's6_1.means': 'Thai s.6/1: means of compelling work',
  's6_1.context': 'Thai s.6/1: work exacted, not offered voluntarily',
};

function printReport(rows: readonly CoverageRow[], io: CliIo): void {
  io.stdout(`Coverage of ${INSTRUMENT.id} ${INSTRUMENT.version}`);
  for (const group of Object.keys(GROUP_TITLES) as CoverageRow['group'][]) {
    const inGroup = rows.filter((r) => r.group === group);
    io.stdout('');
    io.stdout(`${GROUP_TITLES[group]}: ${inGroup.filter(isCovered).length}/${inGroup.length} reachable`);
    for (const row of inGroup) {
      const mark = isCovered(row) ? 'ok' : 'UNREACHABLE';
      const grades = row.grades ? ` [${gradeColumns(row)}]` : '';
      io.stdout(`  ${mark.padEnd(11)} ${row.code}${grades}`);
      for (const source of row.sources) io.stdout(`      ${describeSource(source)}`);
    }
  }
  const gaps = rows.filter((r) => !isCovered(r));
  io.stdout('');
  io.stdout(
    gaps.length === 0 ? `All ${rows.length} reachable.` : `${gaps.length} of ${rows.length} unreachable.`,
  );
}

function gradeColumns(row: CoverageRow): string {
  const g = row.grades ?? {};
  const letter = (s: string | undefined) => (s ? (s[0] ?? '-').toUpperCase() : '-');
  const paths = [row.reachable.adult ? 'adult' : '', row.reachable.child ? 'child' : ''].filter(Boolean);
  const grades = [g.adult_labour, g.adult_sexual, g.child_labour, g.child_sexual].map(letter).join(' ');
  return `${grades}; reached on the ${paths.join(' and ') || 'no'} path`;
}

function describeSource(source: CoverageSource): string {
  const base = `${source.questionId} ${describeTest(source.when)}`;
  return source.requires ? `${base}, when ${describeCondition(source.requires)}` : base;
}

function describeTest(test: ValueTest): string {
  if ('equals' in test) return `= ${test.equals}`;
  if ('in' in test) return `in {${test.in.join(', ')}}`;
  if ('includes' in test) return `includes ${test.includes}`;
  if ('includesAny' in test) return `includes any of {${test.includesAny.join(', ')}}`;
  if ('atLeast' in test) return `>= ${test.atLeast}`;
  if ('below' in test) return `< ${test.below}`;
  if ('answered' in test) return 'answered';
  return 'declined';
}

function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  if ('not' in condition) return `not ${describeCondition(condition.not)}`;
  if ('flag' in condition) return 'the person may be a child';
  return `${condition.q} ${describeTest(condition)}`;
}
