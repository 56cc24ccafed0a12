import { analyze, type AnalyzeOptions } from '../core/analyze';
import { loadKubeSchemas } from '../core/kubernetes/schema/loadKubeSchemas';
import { DEFAULT_KUBE_VERSION, isKubeVersion, KUBE_VERSIONS } from '../core/kubernetes/schema/versions';
import type { SourceFile } from '../core/model/source';
import { escapeControls, parseCommandLine } from './args';
import { readInputs } from './readInputs';
import { diagnosticsJson, topologyJson } from './contract';
import { runRender } from './renderCommand';
import { runTrace } from './traceCommand';

/** Runs the CLI; returns the exit code (a promise of it for `render`). */
export function run(
  argv: readonly string[],
  out: (text: string) => void,
  printError: (text: string) => void,
  readStdin?: () => Uint8Array,
): number | Promise<number> {
  // Messages quote names from the files: their control characters never reach the terminal.
  const err = (text: string) => printError(escapeControls(text));
  const line = parseCommandLine(argv);
  if (line.kind === 'help') {
    out(line.text);
    return 0;
  }
  if (line.kind === 'error') {
    err(`portolan: ${line.message}\n`);
    return 2;
  }
  const { command, files, options } = line;
  const read = readInputs(files, readStdin);
  if ('error' in read) {
    err(`portolan: ${read.error}\n`);
    return 2;
  }
  for (const note of read.notes) err(`portolan: ${note}\n`);
  const sources: SourceFile[] = read.files;
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
  const compose = composeOptions(options);
  if ('error' in compose) {
    err(`portolan: ${compose.error}\n`);
    return 2;
  }
  return loadKubeSchemas(kubeVersion).then((kubeSchemas) => {
    const analyzeOptions: AnalyzeOptions = {
      ...(nodes !== undefined ? { nodes } : {}),
      ...compose,
      kubeVersion,
      kubeSchemas,
    };
    if (command === 'render') return runRender(sources, analyzeOptions, options, out, err);
    return report(command, analyze(sources, analyzeOptions), options, out, err);
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
      (text) => process.stdout.write(process.stdout.isTTY ? escapeControls(text) : text),
      (text) => process.stderr.write(text),
    ),
  ).then((code) => {
    process.exitCode = code;
  });
}
