import type { Diagnostic } from '../core/model/diagnostics';
import type { ObjectId } from '../core/model/ids';
import type { SourceSpan } from '../core/model/source';
import type { EdgeKind, LabelMap, TopologyEdge, TopologyIndex } from '../core/model/topology';

/**
 * What the inspector says about one selected box, as plain data: key/value rows, and sections of
 * links to the objects it connects to. Each role says its own sections (`RoleSpec.facts`); the
 * inspector's frame (ui/inspectorFacts) adds labels and problems, stacks and namespaces.
 */

export type InspectorLink = { id: string; label: string; detail?: string };
export type InspectorRow = { key: string; value: string; mono?: boolean };
export type InspectorSection = { title: string; rows?: InspectorRow[]; links?: InspectorLink[] };
export type Inspection = {
  kind: string;
  name: string;
  namespace?: string;
  /** where its YAML starts, for a "show YAML" link */
  span?: SourceSpan;
  sections: InspectorSection[];
  diagnostics: Diagnostic[];
};

/** What a role's facts may ask about the topology around an object. */
export type FactContext = {
  index: TopologyIndex;
  /** a link to the object `target` (`Service web`), undefined when it does not exist */
  link: (target: string, detail?: string) => InspectorLink | undefined;
  /** the edges of one kind that end at `target` */
  incoming: (target: string, kind: EdgeKind) => TopologyEdge[];
  /** the edges of one kind that start at `source` */
  outgoing: (source: string, kind: EdgeKind) => TopologyEdge[];
};

/** The fact context of one topology. */
export function factContext(index: TopologyIndex): FactContext {
  return {
    index,
    link: (target, detail) => {
      const found = index.byId.get(target as ObjectId);
      return found ? { id: found.id, label: `${found.kind} ${found.name}`, ...(detail ? { detail } : {}) } : undefined;
    },
    incoming: (target, kind) => (index.incoming.get(target as ObjectId) ?? []).filter((e) => e.kind === kind),
    outgoing: (source, kind) => (index.outgoing.get(source as ObjectId) ?? []).filter((e) => e.kind === kind),
  };
}

/** A row per label: `app = web`. */
export function labelRows(labels: LabelMap | undefined): InspectorRow[] {
  return Object.entries(labels ?? {}).map(([key, value]) => ({ key, value, mono: true }));
}

/** The links that exist, each target and detail once, in order. */
export function uniqueLinks(list: readonly (InspectorLink | undefined)[]): InspectorLink[] {
  const seen = new Set<string>();
  const result: InspectorLink[] = [];
  for (const link of list) {
    if (!link) continue;
    const key = `${link.id}|${link.detail ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(link);
  }
  return result;
}
