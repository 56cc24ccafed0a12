import type { ObjectId } from '../model/ids';
import type { AllowedRoutes, GatewayObj, HTTPRouteBackendRef, HTTPRouteMatch, HTTPRouteObj } from '../model/topology';
import { readLabelSelector } from './labels';
import type { ParsedDocument } from '../parse/parseFile';
import type { ObjectMeta } from './metadata';
import { readPortNumber } from './ports';
import { asInteger, asRecord, asString, listOf, recordOf, stringList } from './read';

/** A listener's `allowedRoutes`, when it says anything (absent: routes of the Gateway's namespace). */
function readAllowedRoutes(raw: unknown): AllowedRoutes | undefined {
  const record = asRecord(raw);
  if (!record) return undefined;
  const namespaces = recordOf(record.namespaces);
  const from = namespaces.from === 'All' || namespaces.from === 'Selector' ? namespaces.from : 'Same';
  const selector = readLabelSelector(namespaces.selector);
  const kinds =
    record.kinds === undefined ? undefined : listOf(record.kinds).flatMap((k) => asString(recordOf(k).kind) ?? []);
  return { from, ...(selector ? { selector } : {}), ...(kinds ? { kinds } : {}) };
}

/** Reads a Gateway (gateway.networking.k8s.io): class and listeners. */
export function readGateway(doc: ParsedDocument, meta: ObjectMeta, id: ObjectId, name: string): GatewayObj {
  const spec = recordOf(doc.value.spec);
  const listeners: GatewayObj['listeners'] = [];
  for (const item of listOf(spec.listeners)) {
    const record = recordOf(item);
    const port = readPortNumber(record.port);
    if (port === undefined) continue;
    const hostname = asString(record.hostname);
    const allowedRoutes = readAllowedRoutes(record.allowedRoutes);
    listeners.push({
      name: asString(record.name) ?? `port-${port}`,
      ...(hostname !== undefined ? { hostname } : {}),
      port,
      protocol: asString(record.protocol) ?? 'HTTP',
      ...(allowedRoutes ? { allowedRoutes } : {}),
    });
  }
  const gatewayClassName = asString(spec.gatewayClassName);
  return {
    id,
    role: 'gateway',
    kind: 'Gateway',
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    source: doc.span,
    ...(gatewayClassName !== undefined ? { gatewayClassName } : {}),
    listeners,
  };
}

const MATCH_TYPES = ['Exact', 'RegularExpression'] as const;

function readNameValueMatches(raw: unknown): HTTPRouteMatch['headers'] {
  return listOf(raw).flatMap((item) => {
    const record = recordOf(item);
    const name = asString(record.name);
    const value = asString(record.value);
    if (name === undefined || value === undefined) return [];
    return [{ name, value, type: MATCH_TYPES.find((t) => t === record.type) ?? 'Exact' }];
  });
}

function readMatch(raw: unknown): HTTPRouteMatch {
  const record = recordOf(raw);
  const path = asRecord(record.path);
  const method = asString(record.method);
  const pathType = path?.type === 'Exact' || path?.type === 'RegularExpression' ? path.type : 'PathPrefix';
  return {
    // A match without a path matches PathPrefix `/` (the CRD's default).
    path: { type: pathType, value: asString(path?.value) ?? '/' },
    headers: readNameValueMatches(record.headers),
    queryParams: readNameValueMatches(record.queryParams),
    ...(method !== undefined ? { method } : {}),
  };
}

/** Reads an HTTPRoute: parentRefs (default kind Gateway), hostnames, rules with matches and backendRefs. */
export function readHTTPRoute(doc: ParsedDocument, meta: ObjectMeta, id: ObjectId, name: string): HTTPRouteObj {
  const spec = recordOf(doc.value.spec);
  const parentRefs: HTTPRouteObj['parentRefs'] = [];
  for (const item of listOf(spec.parentRefs)) {
    const record = recordOf(item);
    const refName = asString(record.name);
    if (refName === undefined) continue;
    const namespace = asString(record.namespace);
    const sectionName = asString(record.sectionName);
    const port = readPortNumber(record.port);
    parentRefs.push({
      kind: asString(record.kind) ?? 'Gateway',
      name: refName,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(sectionName !== undefined ? { sectionName } : {}),
      ...(port !== undefined ? { port } : {}),
    });
  }
  const rules = listOf(spec.rules).map((item, index) => {
    const record = recordOf(item);
    const backendRefs: HTTPRouteBackendRef[] = [];
    for (const ref of listOf(record.backendRefs)) {
      const refRecord = recordOf(ref);
      const refName = asString(refRecord.name);
      if (refName === undefined) continue;
      const group = asString(refRecord.group) ?? '';
      const kind = asString(refRecord.kind) ?? 'Service';
      const namespace = asString(refRecord.namespace);
      const port = readPortNumber(refRecord.port);
      backendRefs.push({
        // A backend of another API group is a custom kind, even when it is called Service.
        kind: group === '' || group === 'core' ? kind : `${kind}.${group}`,
        name: refName,
        ...(namespace !== undefined ? { namespace } : {}),
        ...(port !== undefined ? { port } : {}),
        weight: Math.max(0, asInteger(refRecord.weight) ?? 1),
      });
    }
    const matches = listOf(record.matches).map(readMatch);
    return {
      // No matches means one match of PathPrefix `/`.
      matches:
        matches.length > 0
          ? matches
          : [{ path: { type: 'PathPrefix' as const, value: '/' }, headers: [], queryParams: [] }],
      backendRefs,
      span: doc.locate(['spec', 'rules', index]),
    };
  });
  return {
    id,
    role: 'httpRoute',
    kind: 'HTTPRoute',
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    source: doc.span,
    parentRefs,
    hostnames: stringList(spec.hostnames),
    rules,
  };
}
