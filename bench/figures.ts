/** One benchmark figure, printed as a JSON line. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  [extra: string]: string | number | boolean;
}

export type Print = (figure: Figure) => void;

export const printFigure: Print = (figure) => {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
};

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

export const median = (samples: number[]) => percentile(samples, 50);
export const round = (v: number, digits = 3) => Number(v.toFixed(digits));
