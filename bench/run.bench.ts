import { test } from 'vitest';
import { printFigure } from './figures';

// Each suite prints its own figures; a failing suite is reported and the others still run.
const suites: Array<[string, () => Promise<{ run: (print: typeof printFigure) => Promise<void> }>]> = [
  ['store', () => import('./store.bench')],
  ['referral', () => import('./referral.bench')],
  ['caseList', () => import('./case-list.bench')],
  ['rendererSize', () => import('./renderer-size.bench')],
  ['handover', () => import('./handover.bench')],
];

test('benchmarks', async () => {
  // BENCH=referral npm run bench runs one suite only.
  const only = process.env.BENCH?.split(',');
  for (const [name, load] of suites) {
    if (only && !only.includes(name)) continue;
    try {
      const suite = await load();
      await suite.run(printFigure);
    } catch (err) {
      process.stdout.write(
        `${JSON.stringify({ name: `${name}_failed`, value: 1, unit: 'error', error: String(err) })}\n`,
      );
    }
  }
});
