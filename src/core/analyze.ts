import { compareDiagnostics, diagnosticAt, type Diagnostic } from './model/diagnostics';
import type { SourceFile } from './model/source';
import type { Topology } from './model/topology';
import { buildComposeTopology } from './compose/buildComposeTopology';
import { isDotenvFile, parseDotenv } from './compose/dotenv';
import { isNginxConfigFile } from './compose/nginxConfig';
import { PROFILES_VARIABLE, profilesFromVariable } from './compose/variables';
import { buildKubernetesTopology } from './kubernetes/buildKubernetesTopology';
import { createCachingChunkParser, parseChunkUncached, type ChunkParser } from './parse/parseChunk';
import { parseFile, type ParsedDocument } from './parse/parseFile';
import { oversize, summarizeWorkspace, type SummaryRow } from './summary';
import type { KubeValidation } from './kubernetes/schema/checkDocument';
import type { KubeSchemaData } from './kubernetes/schema/schemaTypes';
import { DEFAULT_KUBE_VERSION } from './kubernetes/schema/versions';
import { DEFAULT_NODE_COUNT, MAX_NODE_COUNT } from './nodeCount';

export type AnalyzeOptions = {
  /** simulated worker nodes when the input has no `kind: Node` (1–20, default 3) */
  nodes?: number;
  /** Compose interpolation variables (the variables panel); they win over `.env` tabs, as the shell does */
  variables?: Readonly<Record<string, string>>;
  /** Compose profiles to activate; services behind other profiles are hidden */
  profiles?: readonly string[];
  /** the Kubernetes `major.minor` to check against (default: the newest offered, or kubeSchemas') */
  kubeVersion?: string;
  /** that version's schemas, from `await loadKubeSchemas(version)`; without them only removed APIs are checked */
  kubeSchemas?: KubeSchemaData;
};

export type Analysis = {
  topology: Topology;
  diagnostics: Diagnostic[];
  documents: ParsedDocument[];
  /** set when the input was over the size limits: counts instead of a topology */
  summary?: SummaryRow[];
};

export { DEFAULT_NODE_COUNT } from './nodeCount';

/** Analyses workspaces one after the other, re-parsing only the documents that changed. */
export type Analyzer = { analyze(files: readonly SourceFile[], options?: AnalyzeOptions): Analysis };

/**
 * An analyzer with its own parse cache: the analysis worker keeps one between edits. The cache
 * is the analyzer's, not the module's, so the CLI, tests and workers never share hidden state.
 */
export function createAnalyzer(): Analyzer {
  const parseChunk = createCachingChunkParser();
  return { analyze: (files, options = {}) => analyzeWith(parseChunk, files, options) };
}

/** Files → topology and diagnostics: the one entry point of the core (no cache kept). */
export function analyze(files: readonly SourceFile[], options: AnalyzeOptions = {}): Analysis {
  return analyzeWith(parseChunkUncached, files, options);
}

function analyzeWith(parseChunk: ChunkParser, files: readonly SourceFile[], options: AnalyzeOptions): Analysis {
  const size = oversize(files);
  if (size) {
    const { rows, diagnostics } = summarizeWorkspace(files, size);
    return { topology: { world: 'empty', objects: [], edges: [] }, diagnostics, documents: [], summary: rows };
  }
  const nodes = Math.min(MAX_NODE_COUNT, Math.max(1, Math.round(options.nodes ?? DEFAULT_NODE_COUNT)));
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  const variables = new Map<string, string>();
  const nginxConfigs: SourceFile[] = [];
  for (const file of files) {
    // `.env` tabs feed interpolation and `*.conf` tabs the reverse-proxy routes: neither is YAML.
    if (isDotenvFile(file.name)) {
      for (const [key, value] of parseDotenv(file.text)) variables.set(key, value);
      continue;
    }
    if (isNginxConfigFile(file.name)) {
      nginxConfigs.push(file);
      continue;
    }
    const parsed = parseFile(file, parseChunk);
    diagnostics.push(...parsed.diagnostics);
    documents.push(...parsed.documents);
  }

  const kubernetesDocs = documents.filter((doc) => doc.kind === 'kubernetes');
  const composeDocs = documents.filter((doc) => doc.kind === 'compose');
  let topology: Topology = { world: 'empty', objects: [], edges: [] };
  if (kubernetesDocs.length > 0) {
    const built = buildKubernetesTopology(kubernetesDocs, { nodes, validation: kubeValidation(options) });
    topology = built.topology;
    diagnostics.push(...built.diagnostics);
    for (const doc of composeDocs) {
      diagnostics.push(
        diagnosticAt(
          doc.span,
          'warning',
          'INPUT-MIXED-WORLDS',
          `${doc.file} is a Compose file, but this workspace holds Kubernetes manifests; it is not drawn. Open it in a workspace of its own.`,
        ),
      );
    }
  } else if (composeDocs.length > 0) {
    for (const [key, value] of Object.entries(options.variables ?? {})) variables.set(key, value);
    // As `docker compose` does: profiles asked for explicitly, else those COMPOSE_PROFILES names.
    const profiles = options.profiles ?? profilesFromVariable(variables.get(PROFILES_VARIABLE));
    const built = buildComposeTopology(composeDocs, { variables, profiles, nginxConfigs });
    topology = built.topology;
    diagnostics.push(...built.diagnostics);
  }
  diagnostics.sort(compareDiagnostics);
  return { topology, diagnostics, documents };
}

/** The version to check against; schemas of another version are not used. */
function kubeValidation(options: AnalyzeOptions): KubeValidation {
  const version = options.kubeVersion ?? options.kubeSchemas?.version ?? DEFAULT_KUBE_VERSION;
  return options.kubeSchemas?.version === version ? { version, schemas: options.kubeSchemas } : { version };
}
