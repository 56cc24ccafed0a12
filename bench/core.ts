/**
 * The core in Node: analyze() against the `yaml` parser alone on the same text (the floor, so
 * the ratio holds on a noisy machine), one keystroke re-analysed, 100 traces, and the layout.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import { analyze, createAnalyzer, type AnalyzeOptions } from '../src/core/analyze';
import { loadKubeSchemas } from '../src/core/kubernetes/schema/loadKubeSchemas';
import { DEFAULT_KUBE_VERSION } from '../src/core/kubernetes/schema/versions';
import type { SourceFile } from '../src/core/model/source';
import { traceRequest } from '../src/core/trace';
import { buildViewGraph } from '../src/layout/viewGraph';
import { composeCorpus, composeProject, kubeCluster, kubeCorpus, onlineBoutique, seed, sizeOf } from './inputs';
import { layoutForBench } from './layoutForBench';
import { row, sample, type Budget, type Row } from './measure';

type Input = {
  input: string;
  workspaces: SourceFile[][];
  runs: number;
  /** budgets of this input's rows, where the issue sets one */
  budgets?: Partial<Record<'analyze' | 'ratio' | 'edit' | 'trace' | 'layout', Budget>>;
  /** the 100 URLs to trace (Kubernetes inputs) */
  traces?: { url: string; from?: string }[];
};

const NONE: Budget = { kind: 'none' };

/** 100 requests over a generated cluster: from outside through its Ingresses, and between pods. */
function clusterTraces(objects: number): { url: string; from?: string }[] {
  const apps = Math.max(1, Math.round((objects * 20) / 61));
  return Array.from({ length: 100 }, (_, k) => {
    const app = (k * 37) % apps;
    const ns = `team-${Math.floor(app / 20)}`;
    const first = app - (app % 20);
    if (k % 2 === 0) return { url: `https://app-${first + (k % 4)}.${ns}.example.com/${k % 4 ? 'cart' : 'status'}` };
    return { url: `http://app-${app}.${ns}:80/api/${k}`, from: `${ns}/app-${first}` };
  });
}

const BOUTIQUE_TRACES = Array.from({ length: 100 }, (_, k) =>
  k % 2 ? { url: `http://cartservice:7070/cart/${k}`, from: 'frontend' } : { url: `http://frontend-external/${k}` },
);

function inputs(): Input[] {
  return [
    { input: 'seed (3 files)', workspaces: [seed()], runs: 15, budgets: { edit: { kind: 'p95', max: 20 } } },
    { input: 'Online Boutique', workspaces: [onlineBoutique()], runs: 9, traces: BOUTIQUE_TRACES },
    { input: 'k8s 10 objects', workspaces: [kubeCluster(10)], runs: 9, traces: clusterTraces(10) },
    { input: 'k8s 100 objects', workspaces: [kubeCluster(100)], runs: 7, traces: clusterTraces(100) },
    {
      input: 'k8s 1,000 objects',
      workspaces: [kubeCluster(1000)],
      runs: 5,
      traces: clusterTraces(1000),
      budgets: {
        ratio: { kind: 'max', max: 2 },
        edit: { kind: 'p95', max: 150 },
        trace: { kind: 'max', max: 200 },
        layout: { kind: 'max', max: 2000 },
      },
    },
    {
      input: 'k8s 5,000 objects',
      workspaces: [kubeCluster(5000)],
      runs: 3,
      traces: clusterTraces(5000),
      budgets: { layout: { kind: 'max', max: 5000 } },
    },
    { input: 'Compose 10 services', workspaces: [composeProject(10)], runs: 9 },
    { input: 'Compose 100 services', workspaces: [composeProject(100)], runs: 7 },
    { input: 'Compose 500 services', workspaces: [composeProject(500)], runs: 5 },
    { input: `k8s corpus (${kubeCorpus().length} files)`, workspaces: kubeCorpus(), runs: 5 },
    { input: `Compose corpus (${composeCorpus().length} files)`, workspaces: composeCorpus(), runs: 5 },
  ];
}

/** What the `yaml` package alone does with the text: every document parsed and turned into values. */
function yamlFloor(files: readonly SourceFile[]): void {
  for (const file of files) {
    for (const doc of parseAllDocuments(file.text, { lineCounter: new LineCounter() }) as ReturnType<
      typeof parseAllDocuments
    > &
      unknown[]) {
      doc.toJS({ maxAliasCount: 100 });
    }
  }
}

/** The core's rows. */
export async function benchCore(log: (line: string) => void): Promise<Row[]> {
  const options: AnalyzeOptions = { kubeSchemas: await loadKubeSchemas(DEFAULT_KUBE_VERSION) };
  const rows: Row[] = [];
  // Warm the JIT once, so the first row measures the work and not the compiler.
  for (const files of [onlineBoutique(), composeProject(10)]) {
    for (let i = 0; i < 3; i++) {
      analyze(files, options);
      yamlFloor(files);
    }
  }
  for (const { input, workspaces, runs, budgets = {}, traces } of inputs()) {
    log(`core: ${input}`);
    const bytes = workspaces.reduce((n, files) => n + sizeOf(files), 0);
    const label = `${input}, ${Math.round(bytes / 1024)} KB`;
    const analyzeAll = () => workspaces.map((files) => analyze(files, options));
    const analyzeTimes = await sample(analyzeAll, runs);
    const floorTimes = await sample(() => workspaces.forEach(yamlFloor), runs);
    const section = 'core';
    rows.push(
      row({
        section,
        name: 'analyze()',
        input: label,
        unit: 'ms',
        samples: analyzeTimes,
        budget: budgets.analyze ?? NONE,
      }),
    );
    rows.push(
      row({ section, name: 'yaml parser alone (floor)', input: label, unit: 'ms', samples: floorTimes, budget: NONE }),
    );
    // Ratio of medians, computed run by run so a noisy run shows in the p95.
    const ratios = analyzeTimes.map((t, i) => t / floorTimes[i]!);
    rows.push(
      row({
        section,
        name: 'analyze() ÷ yaml floor',
        input: label,
        unit: '×',
        samples: ratios,
        budget: budgets.ratio ?? NONE,
      }),
    );

    const analyses = analyzeAll();
    if (workspaces.length === 1) {
      // One keystroke in one document: the analyzer's cache keeps the untouched documents.
      const files = workspaces[0]!;
      const analyzer = createAnalyzer();
      analyzer.analyze(files, options);
      let n = 0;
      const keystroke = () => {
        const edited = files.map((f, i) => (i === 0 ? { ...f, text: f.text.replace(/\n/, `\n# edit ${n++}\n`) } : f));
        return analyzer.analyze(edited, options);
      };
      for (let i = 0; i < 5; i++) keystroke(); // a user types many keys: time the steady state
      const editTimes = await sample(keystroke, Math.max(runs, 9));
      rows.push(
        row({
          section,
          name: 'analyze after one keystroke',
          input: label,
          unit: 'ms',
          samples: editTimes,
          budget: budgets.edit ?? NONE,
        }),
      );
    }
    if (traces) {
      const topology = analyses[0]!.topology;
      const traceTimes = await sample(() => traces.forEach((t) => traceRequest(topology, t)), runs);
      rows.push(
        row({
          section,
          name: 'trace 100 URLs',
          input: label,
          unit: 'ms',
          samples: traceTimes,
          budget: budgets.trace ?? NONE,
        }),
      );
    }
    if (workspaces.length === 1 && !process.env.BENCH_NO_LAYOUT) {
      const { topology, diagnostics } = analyses[0]!;
      const layoutTimes = await sample(() => layoutForBench(buildViewGraph(topology, diagnostics)), Math.min(runs, 5));
      rows.push(
        row({
          section,
          name: 'view + layout',
          input: label,
          unit: 'ms',
          samples: layoutTimes,
          budget: budgets.layout ?? NONE,
        }),
      );
    }
  }
  return rows;
}
