/**
 * The benchmark's vocabulary: a measure is a row with its input, its median and p95 over runs,
 * and the budget it is held to. Rows print as a table and are written to bench/results.json.
 */
import { performance } from 'node:perf_hooks';

export type Budget =
  /** the median (or the one value) must not exceed `max` */
  | { kind: 'max'; max: number }
  /** the p95 must not exceed `max` */
  | { kind: 'p95'; max: number }
  /** a measured fact, printed for the record */
  | { kind: 'none' };

export type Row = {
  section: string;
  name: string;
  input: string;
  unit: 'ms' | 's' | 'KB' | '×' | 'count' | 'MB';
  median: number;
  p95: number;
  runs: number;
  budget: Budget;
  pass: boolean | null;
  note?: string;
};

/** The median and the p95 (nearest rank) of samples. */
export function stats(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, p95: NaN };
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p95: rank(0.95) };
}

/** Runs `work` `runs` times and gives the milliseconds of each run. */
export async function sample(work: () => unknown, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

/** A row from samples, judged against its budget. */
export function row(fields: Omit<Row, 'median' | 'p95' | 'runs' | 'pass'> & { samples: readonly number[] }): Row {
  const { samples, ...rest } = fields;
  const { median, p95 } = stats(samples);
  return { ...rest, median, p95, runs: samples.length, pass: judge(rest.budget, median, p95) };
}

export function judge(budget: Budget, median: number, p95: number): boolean | null {
  switch (budget.kind) {
    case 'max':
      return Number.isFinite(median) && median <= budget.max;
    case 'p95':
      return Number.isFinite(p95) && p95 <= budget.max;
    case 'none':
      return null;
  }
}

function formatNumber(value: number, unit: Row['unit']): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'count') return String(Math.round(value));
  if (unit === 's' || unit === '×') return value.toFixed(2);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function formatBudget(budget: Budget, unit: Row['unit']): string {
  switch (budget.kind) {
    case 'max':
      return `≤ ${formatNumber(budget.max, unit)} ${unit}`;
    case 'p95':
      return `p95 ≤ ${formatNumber(budget.max, unit)} ${unit}`;
    case 'none':
      return '—';
  }
}

/** The rows as a Markdown table (the README's Performance section is one of these). */
export function table(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.section,
    r.name,
    r.input,
    `${formatNumber(r.median, r.unit)} ${r.unit}`,
    `${formatNumber(r.p95, r.unit)} ${r.unit}`,
    String(r.runs),
    formatBudget(r.budget, r.unit),
    r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const head = ['section', 'measure', 'input', 'median', 'p95', 'runs', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    '| ' + c.map((x, i) => (i >= 3 && i <= 5 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...cells.map(line)].join('\n');
}
