/**
 * The browser's rows: bench/browser.ts measures (Playwright, Debian's chromium, the built app
 * under `vite preview`); this gives each measure the budget issue 12 sets for it.
 */
import { measureBrowser } from './browser';
import { judge, type Budget, type Row } from './measure';

const PORT = Number(process.env.BENCH_PORT ?? 4390);

/** The budget of a browser measure, by its name and input. */
function budgetOf(name: string, input: string): Budget {
  const big = !input.startsWith('the seed');
  switch (name) {
    case 'initial JS (page, before first graph)':
      return { kind: 'max', max: 200 };
    case 'ELK copies fetched at start':
      return { kind: 'max', max: 1 };
    case 'cold load → first graph':
      return { kind: 'max', max: 1000 };
    case 'keystroke → updated graph':
      return { kind: 'p95', max: big ? 250 : 50 };
    case 'layout runs after comment and env edits':
      return { kind: 'max', max: 0 };
    case 'longest task while typing':
      return { kind: 'max', max: 50 };
    case 'longest task while pasting':
      return { kind: 'max', max: 100 };
    case 'trace animation frame':
      return { kind: 'p95', max: 17 };
    case 'trace animation worst frame':
      return { kind: 'max', max: 50 };
    default:
      return { kind: 'none' };
  }
}

export async function benchBrowser(log: (line: string) => void): Promise<Row[]> {
  log(`browser: vite preview on port ${PORT}, Playwright`);
  const measured = await measureBrowser({ port: PORT, onRow: (r) => log(`browser: ${r.name}, ${r.input}`) });
  return measured.map((m) => {
    const budget = budgetOf(m.name, m.input);
    const unit = m.unit.startsWith('KB') ? 'KB' : m.unit === 'count' ? 'count' : 'ms';
    return { section: 'browser', ...m, unit, budget, pass: m.runs === 0 ? false : judge(budget, m.median, m.p95) };
  });
}
