import type {
  GatewayListener,
  GatewayObj,
  HTTPRouteBackendRef,
  HTTPRouteMatch,
  HTTPRouteObj,
  LabelMap,
} from '../../model/topology';
import { labelSelectorMatches } from '../../kubernetes/labels';
import { matchHost } from './hostMatch';
import { ingressPathMatches } from './ingressMatch';

/** The parts of a request a Gateway looks at. */
export type GatewayRequest = {
  scheme: string;
  host: string;
  port: number;
  path: string;
  method: string;
  /** lower-case names */
  headers: Record<string, string>;
  query: [string, string][];
};

/** Where a Gateway sends a request. */
export type GatewayRoute =
  | {
      kind: 'routed';
      gateway: GatewayObj;
      listener: GatewayListener;
      route: HTTPRouteObj;
      ruleIndex: number;
      match: HTTPRouteMatch;
      backendRefs: HTTPRouteBackendRef[];
    }
  | { kind: 'no-listener'; gateway: GatewayObj }
  | {
      kind: 'no-route';
      gateway: GatewayObj;
      listener: GatewayListener;
      /** routes whose parentRefs name this listener, refused by its `allowedRoutes` (and why) */
      notAllowed: { route: HTTPRouteObj; why: string }[];
    };

/** The implicit match of a rule without matches: every path. */
const MATCH_ALL: HTTPRouteMatch = {
  path: { type: 'PathPrefix', value: '/' },
  headers: [],
  queryParams: [],
  method: undefined,
};

function protocolServes(protocol: string, scheme: string): boolean {
  const p = protocol.toUpperCase();
  return scheme === 'https' ? p === 'HTTPS' : p === 'HTTP';
}

/** A Gateway's listeners that accept the request's scheme, port and host (most specific hostname first). */
function matchingListeners(
  gateway: GatewayObj,
  request: Pick<GatewayRequest, 'scheme' | 'host' | 'port'>,
): GatewayListener[] {
  return gateway.listeners
    .filter(
      (l) =>
        l.port === request.port && protocolServes(l.protocol, request.scheme) && matchHost(l.hostname, request.host),
    )
    .sort((a, b) => (a.hostname ? 0 : 1) - (b.hostname ? 0 : 1));
}

/** Whether one of an HTTPRoute's parentRefs names this Gateway listener. */
function routeNamesListener(route: HTTPRouteObj, gateway: GatewayObj, listener: GatewayListener): boolean {
  return route.parentRefs.some(
    (ref) =>
      (ref.kind ?? 'Gateway') === 'Gateway' &&
      ref.name === gateway.name &&
      (ref.namespace ?? route.namespace ?? 'default') === (gateway.namespace ?? 'default') &&
      (ref.sectionName === undefined || ref.sectionName === listener.name) &&
      (ref.port === undefined || ref.port === listener.port),
  );
}

/**
 * Why a listener's `allowedRoutes` refuses an HTTPRoute, or undefined when it admits it. The
 * defaults are the spec's: routes of the Gateway's own namespace (`from: Same`), of the kinds the
 * protocol supports (HTTPRoute for HTTP and HTTPS).
 */
export function allowedRoutesRefusal(
  listener: GatewayListener,
  gateway: GatewayObj,
  route: HTTPRouteObj,
  labelsOfNamespace: (namespace: string) => LabelMap,
): string | undefined {
  const allowed = listener.allowedRoutes;
  if (allowed?.kinds && !allowed.kinds.includes('HTTPRoute')) {
    return `listener ${listener.name} allows only ${allowed.kinds.join(', ') || 'no'} routes`;
  }
  const routeNamespace = route.namespace ?? 'default';
  const gatewayNamespace = gateway.namespace ?? 'default';
  const from = allowed?.from ?? 'Same';
  if (from === 'Same' && routeNamespace !== gatewayNamespace) {
    return `listener ${listener.name} allows routes from its own namespace ${gatewayNamespace} only (allowedRoutes.namespaces.from: Same${allowed ? '' : ', the default'}), and the route is in ${routeNamespace}`;
  }
  if (
    from === 'Selector' &&
    !(allowed?.selector && labelSelectorMatches(allowed.selector, labelsOfNamespace(routeNamespace)))
  ) {
    return `listener ${listener.name} allows routes from namespaces matching its selector only, and namespace ${routeNamespace} does not match`;
  }
  return undefined;
}

function valueMatches(type: 'Exact' | 'RegularExpression', expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (type === 'Exact') return expected === actual;
  try {
    return new RegExp(`^(?:${expected})$`).test(actual);
  } catch {
    return false;
  }
}

/** Whether one HTTPRoute match accepts the request (path, headers, query parameters and method ANDed). */
function httpRouteMatches(match: HTTPRouteMatch, request: GatewayRequest): boolean {
  const path = match.path ?? MATCH_ALL.path!;
  const pathOk =
    path.type === 'Exact'
      ? path.value === request.path
      : path.type === 'PathPrefix'
        ? ingressPathMatches({ path: path.value, pathType: 'Prefix' }, request.path)
        : valueMatches('RegularExpression', path.value, request.path);
  if (!pathOk) return false;
  if (match.method && match.method.toUpperCase() !== request.method) return false;
  if (!match.headers.every((h) => valueMatches(h.type, h.value, request.headers[h.name.toLowerCase()]))) return false;
  const query = new Map(request.query);
  return match.queryParams.every((q) => valueMatches(q.type, q.value, query.get(q.name)));
}

/** Gateway API precedence: Exact path, then longest prefix, then method, then most headers, then most query params. */
function precedence(match: HTTPRouteMatch): number[] {
  const path = match.path ?? MATCH_ALL.path!;
  return [
    path.type === 'Exact' ? 1 : 0,
    path.value.length,
    match.method ? 1 : 0,
    match.headers.length,
    match.queryParams.length,
  ];
}

function compareDesc(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
  return 0;
}

/**
 * Routes a request through the Gateways: a listener must accept the scheme, port and host; among
 * the HTTPRoutes attached to it (parentRefs) whose hostnames accept the host, the most precise
 * match wins (ties: route namespace/name, then rule order). A listener's `allowedRoutes` decides
 * which routes may attach (default: the Gateway's namespace); `labelsOfNamespace` serves its selector.
 */
export function routeGateway(
  gateways: readonly GatewayObj[],
  routes: readonly HTTPRouteObj[],
  request: GatewayRequest,
  labelsOfNamespace: (namespace: string) => LabelMap = (namespace) => ({ 'kubernetes.io/metadata.name': namespace }),
): GatewayRoute | undefined {
  if (gateways.length === 0) return undefined;
  const sortedRoutes = [...routes].sort(
    (a, b) => (a.namespace ?? '').localeCompare(b.namespace ?? '') || a.name.localeCompare(b.name),
  );
  let fallback: GatewayRoute | undefined;
  for (const gateway of gateways) {
    const listeners = matchingListeners(gateway, request);
    if (listeners.length === 0) {
      fallback ??= { kind: 'no-listener', gateway };
      continue;
    }
    for (const listener of listeners) {
      let best: { route: HTTPRouteObj; ruleIndex: number; match: HTTPRouteMatch; key: number[] } | undefined;
      const notAllowed: { route: HTTPRouteObj; why: string }[] = [];
      for (const route of sortedRoutes) {
        if (!routeNamesListener(route, gateway, listener)) continue;
        const refusal = allowedRoutesRefusal(listener, gateway, route, labelsOfNamespace);
        if (refusal) {
          notAllowed.push({ route, why: refusal });
          continue;
        }
        if (route.hostnames.length > 0 && !route.hostnames.some((h) => matchHost(h, request.host))) continue;
        route.rules.forEach((rule, ruleIndex) => {
          const matches = rule.matches.length > 0 ? rule.matches : [MATCH_ALL];
          for (const match of matches) {
            if (!httpRouteMatches(match, request)) continue;
            const key = precedence(match);
            if (!best || compareDesc(key, best.key) < 0) best = { route, ruleIndex, match, key };
          }
        });
      }
      if (best) {
        return {
          kind: 'routed',
          gateway,
          listener,
          route: best.route,
          ruleIndex: best.ruleIndex,
          match: best.match,
          backendRefs: best.route.rules[best.ruleIndex]!.backendRefs,
        };
      }
      if (
        !fallback ||
        fallback.kind === 'no-listener' ||
        (fallback.kind === 'no-route' && fallback.notAllowed.length === 0 && notAllowed.length > 0)
      )
        fallback = { kind: 'no-route', gateway, listener, notAllowed };
    }
  }
  return fallback;
}

/** A match as text, e.g. `PathPrefix /login, header version=v2, GET`. */
export function describeHttpRouteMatch(match: HTTPRouteMatch): string {
  const path = match.path ?? MATCH_ALL.path!;
  const parts = [`${path.type} ${path.value}`];
  for (const h of match.headers) parts.push(`header ${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of match.queryParams) parts.push(`query ${q.name}${q.type === 'Exact' ? '=' : '~'}${q.value}`);
  if (match.method) parts.push(match.method);
  return parts.join(', ');
}

/** Hostnames a Gateway claims explicitly (listener and attached route hostnames), for host dispatch. */
export function gatewayClaimsHost(
  gateways: readonly GatewayObj[],
  routes: readonly HTTPRouteObj[],
  host: string,
): boolean {
  return (
    gateways.some((g) => g.listeners.some((l) => l.hostname && matchHost(l.hostname, host))) ||
    routes.some((r) => r.hostnames.some((h) => matchHost(h, host)))
  );
}
