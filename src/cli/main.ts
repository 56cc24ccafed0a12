import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze';
import { loadKubeSchemas } from '../core/kubernetes/schema/loadKubeSchemas';
import { DEFAULT_KUBE_VERSION, isKubeVersion, KUBE_VERSIONS } from '../core/kubernetes/schema/versions';
import type { SourceFile } from '../core/model/source';
import { diagnosticsJson, topologyJson } from './contract';
import { runRender } from './renderCommand';
import { runTrace } from './traceCommand';

const USAGE = `usage: portolan <command> FILE... [options]

commands:
  check FILE...                 diagnostics as JSON; exit 1 when any is an error
  graph FILE... [--nodes N]     the topology as JSON (N simulated worker nodes, default 3)
  trace FILE... --url URL [--from NAME] [--nodes N] [--request I] [--client-ip IP]
        [--method M] [--header NAME:VALUE]
                                a request followed hop by hop, as JSON: from the Internet, or
                                from the pod of workload NAME; exit 0 when a trace was printed
                                (see "ok"), 2 on a usage error
  Compose options (check, graph, trace): --profile NAME[,NAME] activates profiles;
        --var KEY=VALUE[,KEY=VALUE] sets interpolation variables (a FILE named .env or *.env is
        read as a dotenv file, a FILE named *.conf as an nginx config)
  render FILE... [-o out.svg] [--trace URL] [--from NAME] [--nodes N] [--theme light|dark]
                                the cluster picture as a standalone SVG (stdout without -o),
                                animated with the trace of URL; exit 0 when written, 2 on a
                                usage error

options of every command:
  --kube-version X.Y            the Kubernetes version whose API server checks the files
                                (${KUBE_VERSIONS.join(', ')}; default ${DEFAULT_KUBE_VERSION})
`;

type Parsed = { command: string; files: string[]; options: Map<string, string> };

/** Splits argv into a command, files, and `--name value` options. */
export function parseArgs(argv: readonly string[]): Parsed {
  const [command = '', ...rest] = argv;
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq !== -1) options.set(arg.slice(2, eq), arg.slice(eq + 1));
      else options.set(arg.slice(2), rest[++i] ?? '');
    } else if (arg === '-o') {
      options.set('output', rest[++i] ?? '');
    } else {
      files.push(arg);
    }
  }
  return { command, files, options };
}

function readSources(files: readonly string[]): SourceFile[] {
  return files.map((name) => ({ name, text: readFileSync(name, 'utf8') }));
}

/** Runs the CLI; returns the exit code (a promise of it for `render`, which lays out with ELK). */
export function run(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): number | Promise<number> {
  const { command, files, options } = parseArgs(argv);
  if (!['check', 'graph', 'trace', 'render'].includes(command) || files.length === 0) {
    err(USAGE);
    return 2;
  }
  let sources: SourceFile[];
  try {
    sources = readSources(files);
  } catch (error) {
    err(`portolan: ${(error as Error).message}\n`);
    return 2;
  }
  const nodes = options.has('nodes') ? Number(options.get('nodes')) : undefined;
  if (nodes !== undefined && !(Number.isInteger(nodes) && nodes >= 1 && nodes <= 20)) {
    err('portolan: --nodes takes a whole number from 1 to 20\n');
    return 2;
  }
  const kubeVersion = options.get('kube-version') ?? DEFAULT_KUBE_VERSION;
  if (!isKubeVersion(kubeVersion)) {
    err(
      `portolan: Kubernetes ${kubeVersion} is not offered; --kube-version takes one of ${KUBE_VERSIONS.join(', ')}\n`,
    );
    return 2;
  }
  if (command === 'render') {
    return loadKubeSchemas(kubeVersion).then((kubeSchemas) =>
      runRender(sources, nodes, options, out, err, { kubeVersion, kubeSchemas }),
    );
  }
  const compose = composeOptions(options);
  if ('error' in compose) {
    err(`portolan: ${compose.error}\n`);
    return 2;
  }
  return loadKubeSchemas(kubeVersion).then((kubeSchemas) => {
    const analysis = analyze(sources, {
      ...(nodes !== undefined ? { nodes } : {}),
      ...compose,
      kubeVersion,
      kubeSchemas,
    });
    return report(command, analysis, options, out, err);
  });
}

function report(
  command: string,
  analysis: ReturnType<typeof analyze>,
  options: ReadonlyMap<string, string>,
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  if (command === 'check') {
    out(JSON.stringify(diagnosticsJson(analysis.diagnostics), null, 2) + '\n');
    return analysis.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  if (command === 'trace') return runTrace(analysis.topology, options, out, err);
  out(JSON.stringify(topologyJson(analysis.topology), null, 2) + '\n');
  return 0;
}

/** `--profile a,b` and `--var K=V,K2=V2` → the Compose part of AnalyzeOptions. */
export function composeOptions(
  options: ReadonlyMap<string, string>,
): { profiles?: string[]; variables?: Record<string, string> } | { error: string } {
  const out: { profiles?: string[]; variables?: Record<string, string> } = {};
  const profiles = options.get('profile');
  if (profiles !== undefined)
    out.profiles = profiles
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  const vars = options.get('var');
  if (vars !== undefined) {
    out.variables = {};
    for (const pair of vars.split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 1) return { error: '--var takes KEY=VALUE (several separated by commas)' };
      out.variables[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
    }
  }
  return out;
}

const isMain = process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  void Promise.resolve(
    run(
      process.argv.slice(2),
      (text) => process.stdout.write(text),
      (text) => process.stderr.write(text),
    ),
  ).then((code) => {
    process.exitCode = code;
  });
}
