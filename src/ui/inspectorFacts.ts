import type { Diagnostic } from '../core/model/diagnostics';
import type { ObjectId } from '../core/model/ids';
import { sourceOf, type TopologyIndex } from '../core/model/topology';
import { containersSection, labelRows, roleFacts, specOf, type Inspection, type InspectorSection } from '../roles';

export type { Inspection, InspectorLink, InspectorRow, InspectorSection } from '../roles';

/**
 * What the inspector says about one selected box, as plain data. This is the frame: an object's
 * labels, its role's own sections (the role registry's `facts`), its problems; a stack of pods;
 * a namespace. Pure, so the panel only renders.
 */

/**
 * Facts about the box `id`: a Topology object, a stack of pods (`members` are its pods) or a
 * namespace group (`ns:<name>`). Undefined when the id no longer stands for anything.
 */
export function inspect(
  index: TopologyIndex,
  diagnostics: readonly Diagnostic[],
  id: string,
  members?: readonly string[],
): Inspection | undefined {
  if (members) return inspectStack(index, diagnostics, members);
  if (id.startsWith('ns:')) return inspectNamespace(index, id.slice(3));
  const object = index.byId.get(id as ObjectId);
  if (!object) return undefined;
  const sections = [{ title: 'Labels', rows: labelRows(object.labels) }, ...roleFacts(index, object)].filter(
    (section: InspectorSection) => section.rows?.length || section.links?.length,
  );
  // A pod shows its workload's problems too: they share its template.
  const inherited = specOf(object).inherits?.(object);
  const owner = inherited ? index.byId.get(inherited) : undefined;
  const own = diagnostics.filter((d) => d.objectId === object.id || (owner && d.objectId === owner.id));
  const span = sourceOf(index, object.id);
  return {
    kind: object.kind,
    name: object.name,
    ...(object.namespace ? { namespace: object.namespace } : {}),
    ...(span ? { span } : {}),
    sections,
    diagnostics: own,
  };
}

function inspectStack(
  index: TopologyIndex,
  diagnostics: readonly Diagnostic[],
  members: readonly string[],
): Inspection | undefined {
  const pods = members.map((id) => index.byId.get(id as ObjectId)).filter((p) => p?.role === 'pod');
  const first = pods[0];
  if (!first) return undefined;
  const owner = first.owner ? index.byId.get(first.owner) : undefined;
  const ids = new Set<string>([...members, ...(owner ? [owner.id] : [])]);
  const span = owner?.source;
  return {
    kind: 'Pods',
    name: `${owner?.name ?? 'pods'} ×${pods.length}`,
    ...(first.namespace ? { namespace: first.namespace } : {}),
    ...(span ? { span } : {}),
    sections: [
      ...(owner ? [{ title: 'Owner', links: [{ id: owner.id, label: `${owner.kind} ${owner.name}` }] }] : []),
      containersSection(first.template),
      {
        title: 'Pods',
        links: pods.map((pod) => ({
          id: pod.id,
          label: pod.name,
          ...(pod.node ? { detail: index.byId.get(pod.node)?.name ?? '' } : {}),
        })),
      },
    ],
    diagnostics: diagnostics.filter((d) => d.objectId !== undefined && ids.has(d.objectId)),
  };
}

function inspectNamespace(index: TopologyIndex, namespace: string): Inspection {
  const inside = [...index.byId.values()].filter(
    (o) => o.namespace === namespace && specOf(o).listedInNamespace !== false,
  );
  const declared = [...index.byId.values()].find((o) => o.kind === 'Namespace' && o.name === namespace);
  return {
    kind: 'Namespace',
    name: namespace,
    ...(declared?.source ? { span: declared.source } : {}),
    sections: [{ title: 'Objects', links: inside.map((o) => ({ id: o.id, label: `${o.kind} ${o.name}` })) }],
    diagnostics: [],
  };
}
