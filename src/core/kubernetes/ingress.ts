import type { ObjectId } from '../model/ids';
import type {
  IngressBackend,
  IngressClassObj,
  IngressObj,
  IngressPath,
  IngressRule,
  PathType,
} from '../model/topology';
import type { ParsedDocument, PathSegment } from '../parse/parseFile';
import { checkIngressFields } from './ingressFields';
import type { ObjectMeta } from './metadata';
import { readIntOrStringPort } from './ports';
import { asBoolean, asRecord, asString, listOf, recordOf, stringList } from './read';
import { describeObject, type Reporter } from './report';

/** One backend of an Ingress with where it is written, for the routing checks. */
type IngressBackendSite = {
  backend: IngressBackend;
  path: PathSegment[];
  /** `host/path` as the edge label shows it */
  route: string;
};

export type IngressEntry = { object: IngressObj; backends: IngressBackendSite[] };

const PATH_TYPES: readonly PathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** Reads an Ingress (networking.k8s.io/v1, and the legacy serviceName/servicePort form). */
export function readIngress(
  doc: ParsedDocument,
  meta: ObjectMeta,
  id: ObjectId,
  name: string,
  report: Reporter,
): IngressEntry {
  const spec = recordOf(doc.value.spec);
  const what = describeObject('Ingress', meta.namespace, name);
  const backends: IngressBackendSite[] = [];
  let legacy = false;
  const legacyApi = /v1beta1$/.test(meta.apiVersion);

  const readBackend = (raw: unknown, path: PathSegment[], route: string): IngressBackend | undefined => {
    const record = asRecord(raw);
    if (!record) return undefined;
    const span = doc.locate(path);
    let backend: IngressBackend | undefined;
    const service = asRecord(record.service);
    const resource = asRecord(record.resource);
    if (service) {
      const port = recordOf(service.port);
      const number = readIntOrStringPort(port.number);
      const portName = asString(port.name);
      backend = {
        service: {
          name: asString(service.name) ?? '',
          port: {
            ...(typeof number === 'number' ? { number } : {}),
            ...(portName !== undefined ? { name: portName } : {}),
          },
        },
        span,
      };
    } else if (record.serviceName !== undefined) {
      legacy = true;
      const port = readIntOrStringPort(record.servicePort);
      backend = {
        service: {
          name: asString(record.serviceName) ?? '',
          port: typeof port === 'number' ? { number: port } : port !== undefined ? { name: port } : {},
        },
        span,
      };
    } else if (resource) {
      backend = { resource: { kind: asString(resource.kind) ?? '', name: asString(resource.name) ?? '' }, span };
    }
    if (backend) backends.push({ backend, path, route });
    return backend;
  };

  const rules: IngressRule[] = [];
  listOf(spec.rules).forEach((rawRule, ruleIndex) => {
    const rule = recordOf(rawRule);
    const host = asString(rule.host);
    const paths: IngressPath[] = [];
    listOf(recordOf(rule.http).paths).forEach((rawPath, pathIndex) => {
      const at: PathSegment[] = ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex];
      const record = recordOf(rawPath);
      const httpPath = asString(record.path) ?? '/';
      const rawPathType = asString(record.pathType);
      const pathType = PATH_TYPES.find((type) => type === rawPathType);
      if (rawPathType === undefined && !legacyApi) {
        report(
          doc,
          at,
          'error',
          'K8S-MISSING-FIELD',
          `${what}: path ${httpPath} has no pathType; networking.k8s.io/v1 requires one. Add \`pathType: Prefix\` (or Exact).`,
          id,
        );
      } else if (rawPathType !== undefined && !pathType) {
        report(
          doc,
          [...at, 'pathType'],
          'error',
          'K8S-INGRESS-PATHTYPE',
          `${what}: pathType "${rawPathType}" is not one of Exact, Prefix, ImplementationSpecific.`,
          id,
        );
      }
      const backend = readBackend(record.backend, [...at, 'backend'], `${host ?? '*'}${httpPath}`);
      if (!backend) return;
      paths.push({ path: httpPath, pathType: pathType ?? 'ImplementationSpecific', backend, span: doc.locate(at) });
    });
    rules.push({ ...(host !== undefined ? { host } : {}), paths, span: doc.locate(['spec', 'rules', ruleIndex]) });
  });

  checkIngressFields(doc, rules, what, id, report);

  const defaultKey = spec.defaultBackend !== undefined ? 'defaultBackend' : 'backend';
  const defaultBackend = readBackend(spec[defaultKey], ['spec', defaultKey], '*');
  if (legacy) {
    report(
      doc,
      ['apiVersion'],
      'info',
      'K8S-INGRESS-LEGACY',
      `${what} uses the old serviceName/servicePort backend form of ${meta.apiVersion || 'v1beta1'}, removed in ` +
        'Kubernetes 1.22. Write `backend: {service: {name: …, port: {number: …}}}` with apiVersion networking.k8s.io/v1.',
      id,
    );
  }

  const tls = listOf(spec.tls).map((item) => {
    const record = recordOf(item);
    const secretName = asString(record.secretName);
    return { hosts: stringList(record.hosts), ...(secretName !== undefined ? { secretName } : {}) };
  });
  // Controllers still honour the annotation that preceded ingressClassName.
  const ingressClassName = asString(spec.ingressClassName) ?? meta.annotations[LEGACY_CLASS_ANNOTATION];
  // ingress-nginx redirects http to https for TLS hosts unless ssl-redirect is "false";
  // force-ssl-redirect redirects even without TLS.
  const sslRedirect =
    asBoolean(meta.annotations['nginx.ingress.kubernetes.io/force-ssl-redirect']) === true
      ? 'force'
      : asBoolean(meta.annotations['nginx.ingress.kubernetes.io/ssl-redirect']) === false
        ? 'off'
        : undefined;
  const object: IngressObj = {
    id,
    role: 'ingress',
    kind: 'Ingress',
    name,
    namespace: meta.namespace,
    labels: meta.labels,
    source: doc.span,
    ...(ingressClassName !== undefined ? { ingressClassName } : {}),
    rules,
    ...(defaultBackend ? { defaultBackend } : {}),
    tls,
    legacy,
    ...(sslRedirect !== undefined ? { sslRedirect } : {}),
  };
  return { object, backends };
}

/** Reads an IngressClass; the is-default-class annotation makes it the default. */
export function readIngressClass(doc: ParsedDocument, meta: ObjectMeta, id: ObjectId, name: string): IngressClassObj {
  const controller = asString(recordOf(doc.value.spec).controller);
  return {
    id,
    role: 'ingressClass',
    kind: 'IngressClass',
    name,
    labels: meta.labels,
    source: doc.span,
    ...(controller !== undefined ? { controller } : {}),
    isDefault: asBoolean(meta.annotations[DEFAULT_CLASS_ANNOTATION]) ?? false,
  };
}
