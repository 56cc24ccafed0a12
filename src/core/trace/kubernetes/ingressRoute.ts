import type {
  IngressBackend,
  IngressClassObj,
  IngressObj,
  IngressPath,
  IngressRule,
  PathType,
} from '../../model/topology';
import { hostMatchRank, matchHost, type HostMatch } from './hostMatch';
import { looksLikeRegexPath } from '../../kubernetes/ingressFields';
import { matchIngressPath } from './ingressMatch';

/** The controller an Ingress belongs to: its IngressClass (named, or the default one). */
export type IngressController = {
  /** `ingressClassName`, or the default class's name; undefined for an unclassed Ingress with no default class */
  className?: string;
  /** the IngressClass object, when it is in the files */
  ingressClass?: IngressClassObj;
  /** e.g. `k8s.io/ingress-nginx` */
  controller?: string;
};

/** Where the Ingress controller sends a request. */
export type IngressRoute =
  | {
      kind: 'routed';
      ingress: IngressObj;
      /** the rule and path that applied; both absent when the defaultBackend answered */
      rule?: IngressRule;
      path?: IngressPath;
      backend: IngressBackend;
      hostMatch?: HostMatch;
      controller: IngressController;
      /** the host is listed in the Ingress's `tls` */
      tls: boolean;
      notes: string[];
    }
  | {
      kind: 'no-rule';
      controller: IngressController;
      /** an Ingress whose rule host matched, when one did (no path matched) */
      hostIngress?: IngressObj;
      notes: string[];
    };

type PathItem = { path: string; pathType: PathType; entry: IngressPath; rule: IngressRule; ingress: IngressObj };

/** The controller (IngressClass) that serves an Ingress: `ingressClassName`, else the default class. */
export function ingressControllerOf(ingress: IngressObj, classes: readonly IngressClassObj[]): IngressController {
  const name = ingress.ingressClassName ?? classes.find((c) => c.isDefault)?.name;
  if (name === undefined) return {};
  const ingressClass = classes.find((c) => c.name === name);
  return {
    className: name,
    ...(ingressClass ? { ingressClass } : {}),
    ...(ingressClass?.controller ? { controller: ingressClass.controller } : {}),
  };
}

/** A human name for a controller, e.g. `IngressClass nginx (k8s.io/ingress-nginx)`. */
export function describeController(controller: IngressController): string {
  if (controller.className === undefined) return 'the Ingress controller (no IngressClass)';
  return `IngressClass ${controller.className}${controller.controller ? ` (${controller.controller})` : controller.ingressClass ? '' : ', not in these files'}`;
}

function byName(a: IngressObj, b: IngressObj): number {
  return (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name);
}

function routeWithinController(
  ingresses: readonly IngressObj[],
  controller: IngressController,
  host: string,
  path: string,
): IngressRoute & { rank: number } {
  // Host first: only the most specific host that matches competes (exact, then wildcard, then none).
  let bestRank = Infinity;
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) {
      const match = matchHost(rule.host, host);
      if (match) bestRank = Math.min(bestRank, hostMatchRank(match));
    }
  }
  const items: PathItem[] = [];
  const hostIngresses: IngressObj[] = [];
  for (const ingress of ingresses) {
    for (const rule of ingress.rules) {
      const match = matchHost(rule.host, host);
      if (!match || hostMatchRank(match) !== bestRank) continue;
      if (!hostIngresses.includes(ingress)) hostIngresses.push(ingress);
      for (const entry of rule.paths) items.push({ path: entry.path, pathType: entry.pathType, entry, rule, ingress });
    }
  }
  const notes: string[] = [];
  const winner = matchIngressPath(items, path);
  if (winner && looksLikeRegexPath(winner.path)) {
    notes.push(
      `Path ${winner.path} reads as a regular expression; Portolan matched it literally as ${winner.pathType}` +
        (winner.pathType === 'ImplementationSpecific'
          ? ' (ingress-nginx in regex mode would match it as a regex).'
          : '.'),
    );
  }
  if (winner) {
    return {
      kind: 'routed',
      ingress: winner.ingress,
      rule: winner.rule,
      path: winner.entry,
      backend: winner.entry.backend,
      hostMatch: matchHost(winner.rule.host, host)!,
      controller,
      tls: tlsCovers(winner.ingress, host),
      notes,
      rank: bestRank,
    };
  }
  // No path: the defaultBackend of an Ingress whose host matched, else of any Ingress of this class.
  const withDefault = [...hostIngresses, ...ingresses].find((ingress) => ingress.defaultBackend);
  if (withDefault?.defaultBackend) {
    return {
      kind: 'routed',
      ingress: withDefault,
      backend: withDefault.defaultBackend,
      controller,
      tls: tlsCovers(withDefault, host),
      notes,
      rank: 3,
    };
  }
  return {
    kind: 'no-rule',
    controller,
    ...(hostIngresses[0] ? { hostIngress: hostIngresses[0] } : {}),
    notes,
    rank: 4,
  };
}

/** True when the host is listed in one of the Ingress's `tls` entries (an entry without hosts covers all). */
export function tlsCovers(ingress: IngressObj, host: string): boolean {
  return ingress.tls.some(
    (entry) => entry.hosts.length === 0 || entry.hosts.some((h) => matchHost(h, host) !== undefined && h !== ''),
  );
}

/**
 * Routes a request through the Ingresses, as their controllers would: Ingresses are grouped by
 * IngressClass (each controller serves its own); within a class the rules of all Ingresses merge
 * (most specific host, then longest path, Exact over Prefix, then defaultBackend). When several
 * classes could answer, the best match wins and the others are noted.
 */
export function routeIngress(
  ingresses: readonly IngressObj[],
  classes: readonly IngressClassObj[],
  request: { host: string; path: string },
): IngressRoute | undefined {
  if (ingresses.length === 0) return undefined;
  const groups = new Map<string, { controller: IngressController; ingresses: IngressObj[] }>();
  for (const ingress of [...ingresses].sort(byName)) {
    const controller = ingressControllerOf(ingress, classes);
    const key = controller.className ?? '';
    const group = groups.get(key);
    if (group) group.ingresses.push(ingress);
    else groups.set(key, { controller, ingresses: [ingress] });
  }
  const results = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => routeWithinController(group.ingresses, group.controller, request.host, request.path));
  const best = results.reduce((a, b) => (b.rank < a.rank ? b : a));
  const { rank: _rank, ...route } = best;
  if (groups.size > 1) {
    const others = results
      .filter((r) => r !== best && r.kind === 'routed')
      .map((r) => describeController(r.controller));
    route.notes.push(
      `Served by ${describeController(route.controller)}` +
        (others.length > 0
          ? `; ${others.join(', ')} would also route it — which one answers depends on where DNS points.`
          : '.'),
    );
  }
  return route;
}
