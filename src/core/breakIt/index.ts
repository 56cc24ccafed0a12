import type { SourceFile } from '../model/source';
import {
  indexTopology,
  objectsOfRole,
  type ComposeContainerObj,
  type IngressObj,
  type ServiceObj,
  type Topology,
} from '../model/topology';
import type { Trace } from '../trace/types';
import { unpublishedPort } from './composeBreaks';
import { deletedIngressRule, podPortsOf, removedLabel, wrongTargetPort } from './kubernetesBreaks';
import type { Breakage } from './types';

export type { BreakId, Breakage } from './types';

/** The host a trace's URL asks for, lower-cased, or undefined. */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url.includes('://') ? url : `http://${url}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The mistakes worth making on these files, each already made on a copy: aimed at the objects
 * the trace passes through (so its outcome changes), else at the first object that has what
 * the mistake needs. A mistake with nothing to aim at is not offered.
 */
export function breakagesFor(
  files: readonly SourceFile[],
  topology: Topology,
  trace: Trace | null,
  url?: string,
): Breakage[] {
  const { byId } = indexTopology(topology);
  const onPath = <T>(kind: string, role: string) =>
    trace?.hops
      .filter((h) => h.kind === kind && h.objectId)
      .map((h) => ({ hop: h, object: byId.get(h.objectId!) }))
      .find((x) => x.object?.role === role) as { hop: Trace['hops'][number]; object: T } | undefined;

  const breakages: (Breakage | undefined)[] = [];
  if (topology.world === 'kubernetes') {
    const traced = onPath<ServiceObj>('service', 'service');
    const service =
      traced?.object ??
      objectsOfRole(topology, 'service').find((s) => s.source && s.selector && s.servicePorts.length > 0);
    if (service) {
      const portIndex = Math.max(
        0,
        service.servicePorts.findIndex((p) => p.port === traced?.hop.port),
      );
      breakages.push(wrongTargetPort(files, service, portIndex, podPortsOf(service, byId)));
      breakages.push(removedLabel(files, service, byId));
    }
    const ingress =
      onPath<IngressObj>('ingress', 'ingress')?.object ??
      objectsOfRole(topology, 'ingress').find((i) => i.source && i.rules.length > 0);
    if (ingress) {
      const host = hostOf(url);
      const ruleIndex = Math.max(
        0,
        ingress.rules.findIndex((r) => r.host?.toLowerCase() === host),
      );
      breakages.push(deletedIngressRule(files, ingress, ruleIndex));
    }
  }
  if (topology.world === 'compose') {
    const traced = onPath<ComposeContainerObj>('container', 'container');
    const container =
      (traced?.object.published.length ? traced.object : undefined) ??
      objectsOfRole(topology, 'container').find((c) => c.published.length > 0);
    if (container) {
      // The port the trace came in through, when it came from the host.
      const hostPort = trace?.hops.find((h) => h.kind === 'host')?.port;
      const portIndex = Math.max(
        0,
        container.published.findIndex((p) => p.published === hostPort),
      );
      breakages.push(unpublishedPort(files, container, portIndex));
    }
  }
  return breakages.filter((b): b is Breakage => !!b);
}
