import type { ObjectId } from '../model/ids';
import type { PodObj, TopologyEdge } from '../model/topology';
import { recordOf, listOf, asString } from './read';
import { lookup, type Catalog } from './catalog';
import type { PodReference } from './podTemplate';
import { describeObject, type Reporter } from './report';
import type { WorkloadEntry } from './workloads';

const CONSEQUENCE: Record<PodReference['kind'], string> = {
  ConfigMap: 'its pods will not start (CreateContainerConfigError or stuck in ContainerCreating) until it exists',
  Secret: 'its pods will not start (CreateContainerConfigError or stuck in ContainerCreating) until it exists',
  PersistentVolumeClaim: 'its pods stay Pending until the claim exists',
  ServiceAccount: 'the API server refuses to create its pods until it exists',
};

/** The Job or CronJob of the files that creates this Secret at run time (named in its args or env), if any. */
function secretMaker(catalog: Catalog, namespace: string | undefined, name: string): WorkloadEntry | undefined {
  return catalog.workloads.find((entry) => {
    const object = entry.object;
    if (object.kind !== 'Job' && object.kind !== 'CronJob') return false;
    if (object.namespace !== namespace) return false;
    return [...object.template.containers, ...object.template.initContainers].some((container) =>
      [...container.args, ...container.command, ...container.env.map((e) => e.value ?? '')].some((text) =>
        new RegExp(`(^|[=\\s"',])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s"',])`).test(text),
      ),
    );
  });
}

/**
 * `uses` edges from each workload (or bare Pod) to the ConfigMaps, Secrets, PVCs and
 * ServiceAccount it references, and K8S-REF-MISSING for the ones the files lack (quiet when
 * `optional: true`, or for the `default` ServiceAccount that every namespace has).
 */
export function linkReferences(catalog: Catalog, report: Reporter, edges: TopologyEdge[]): void {
  for (const entry of catalog.workloads) {
    const object = entry.object;
    const linked = new Set<ObjectId>();
    const reported = new Set<string>();
    const claimTemplates = claimTemplateNames(entry);
    for (const reference of entry.references) {
      // A StatefulSet's volumeClaimTemplates make the claims (`datadir-web-0`): not a missing PVC.
      if (reference.kind === 'PersistentVolumeClaim' && claimTemplates.has(reference.name)) continue;
      const target = lookup(catalog, reference.kind, object.namespace, reference.name);
      if (target) {
        if (!linked.has(target.id)) edges.push({ from: object.id, to: target.id, kind: 'uses' });
        linked.add(target.id);
        continue;
      }
      if (reference.optional) continue;
      if (reference.kind === 'ServiceAccount' && reference.name === 'default') continue;
      const key = `${reference.kind}/${reference.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const what = describeObject(object.kind, object.namespace, object.name);
      const maker = reference.kind === 'Secret' ? secretMaker(catalog, object.namespace, reference.name) : undefined;
      if (maker) {
        report(
          entry.doc,
          [...entry.specPath, ...reference.path],
          'info',
          'K8S-REF-MISSING',
          `${what} uses Secret ${reference.name}, which is not in these files; ${maker.object.kind} ${maker.object.name} ` +
            'appears to create it at run time, so its pods wait until that has run.',
          object.id,
        );
        continue;
      }
      const optionalHint =
        reference.kind === 'ConfigMap' || reference.kind === 'Secret' ? ', or mark the reference `optional: true`' : '';
      markNotStarting(catalog, entry, `${reference.kind} ${reference.name} is missing`);
      report(
        entry.doc,
        [...entry.specPath, ...reference.path],
        'warning',
        'K8S-REF-MISSING',
        `${what} uses ${reference.kind} ${reference.name}, which is not in namespace ${object.namespace} in these files; ` +
          `${CONSEQUENCE[reference.kind]}. Add it to the files${optionalHint}.`,
        object.id,
      );
    }
  }
}

/** The names of a StatefulSet's volumeClaimTemplates. */
function claimTemplateNames(entry: WorkloadEntry): Set<string> {
  if (entry.object.kind !== 'StatefulSet') return new Set();
  const templates = listOf(recordOf(entry.doc.value.spec).volumeClaimTemplates);
  return new Set(templates.map((t) => asString(recordOf(recordOf(t).metadata).name)).filter((n): n is string => !!n));
}

/** Marks the pods of a workload as unable to start: they are never ready endpoints. */
function markNotStarting(catalog: Catalog, entry: WorkloadEntry, why: string): void {
  const podIds = entry.object.role === 'pod' ? [entry.object.id] : entry.object.pods;
  for (const id of podIds) {
    const pod = catalog.byId.get(id) as PodObj | undefined;
    if (pod?.role === 'pod' && pod.notStarting === undefined) pod.notStarting = why;
  }
}
