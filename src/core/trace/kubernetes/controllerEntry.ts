import type { PodObj } from '../../model/topology';
import { fail } from '../context';
import { namespaceOf, type KubeContext } from './kubeContext';
import { ingressControllerOf, routeIngress } from './ingressRoute';
import { controllerFlags, isIngressControllerPod, podServes } from './ingressController';
import { throughIngressRules } from './outsideEntry';
import type { TrafficSource } from './serviceResolve';
import type { Trace } from '../types';
import type { RequestUrl } from '../url';

/** Whether a controller pod's port speaks https (named `https`, or 443) or http (`http`, or 80); else neither. */
function controllerPortScheme(pod: PodObj, port: number): 'http' | 'https' | undefined {
  const declared = pod.template.containers.flatMap((c) => c.ports).find((p) => p.containerPort === port);
  const name = declared?.name?.toLowerCase();
  if (name === 'https' || (name === undefined && port === 443)) return 'https';
  if (name === 'http' || (name === undefined && port === 80)) return 'http';
  return undefined;
}

/**
 * A request that reached an Ingress controller's own pod — through its Service, a NodePort, a
 * hostPort, or from inside — carries on through the Ingress rules that controller serves, routed
 * by the Host header (the `host` header when the request gives one, else the URL's host). Other
 * traces, and the controller's other ports (its admission webhook), are returned as they are.
 */
export function continueThroughController(ctx: KubeContext, trace: Trace, url: RequestUrl, affinityKey: string): Trace {
  const last = trace.hops[trace.hops.length - 1];
  if (!trace.ok || last?.kind !== 'container' || last.port === undefined || url.scheme === 'tcp') return trace;
  const pod = ctx.byId.get(last.objectId!);
  if (pod?.role !== 'pod' || !isIngressControllerPod(pod)) return trace;
  const scheme = controllerPortScheme(pod, last.port);
  if (!scheme) return trace;

  const hops = trace.hops.slice(0, -1);
  const container = { ...last };
  if (scheme !== url.scheme) {
    return fail(
      [...hops, container],
      'TRACE-NO-LISTENER',
      scheme === 'https'
        ? `400 Bad Request: the plain HTTP request was sent to the HTTPS port of ingress controller ${pod.name} (port ${last.port}). Use https:// for this port.`
        : `The TLS handshake fails: port ${last.port} of ingress controller ${pod.name} speaks plain http. Use http:// for this port.`,
      { object: pod.id, ...(scheme === 'https' ? { status: 400 } : {}) },
    );
  }
  const header = ctx.headers.host?.trim().toLowerCase().replace(/:\d+$/, '');
  const host = header || url.host;
  const flags = controllerFlags(pod);
  const served = ctx.ingresses.filter((i) => podServes(pod, ingressControllerOf(i, ctx.ingressClasses)));
  container.caption += `; it is ${namespaceOf(pod)}/${pod.name}, an ingress controller (controller-class ${flags.controllerClass}), so it routes by the Host header${header ? '' : " (the URL's host)"}: ${host}`;
  if (served.length === 0) {
    return fail(
      [...hops, container],
      'TRACE-NO-RULE',
      `404 Not Found: ingress controller ${pod.name} serves IngressClass ${flags.ingressClass} (controller ${flags.controllerClass}), and no Ingress in these files is of that class. Set ingressClassName on the Ingress.`,
      { object: pod.id, status: 404 },
    );
  }
  const route = routeIngress(served, ctx.ingressClasses, { host, path: url.path })!;
  const source: TrafficSource = { peer: { kind: 'external', ip: affinityKey }, affinityKey };
  const hint = header
    ? ''
    : ` The controller routes by the Host header, here ${host} (the URL's host): trace the Ingress host itself, or send a Host header.`;
  return throughIngressRules(ctx, [...hops, container], route, { ...url, host }, source, hint);
}
