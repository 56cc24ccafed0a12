/**
 * A small builder of hand-made Kubernetes topologies for the trace tests (test-only; the real
 * model comes from src/core/kubernetes). Endpoints are computed at build time from selectors.
 */
import { objectId, type ObjectId } from '../../model/ids';
import type {
  Container,
  ContainerPort,
  GatewayObj,
  HTTPRouteObj,
  IngressBackend,
  IngressClassObj,
  IngressObj,
  IngressRule,
  LabelMap,
  LabelSelector,
  NetworkPolicyObj,
  NetworkPolicyRule,
  NodeObj,
  PodObj,
  ServiceObj,
  ServicePort,
  Topology,
  TopologyObject,
  WorkloadObj,
} from '../../model/topology';
import { selectorMatches } from '../../kubernetes/labels';

type ContainerSpec = { name: string; ports?: (Partial<ContainerPort> & { containerPort: number })[] };

export function sel(matchLabels: LabelMap = {}): LabelSelector {
  return { matchLabels, matchExpressions: [] };
}

export function backend(name: string, port: number | string): IngressBackend {
  return { service: { name, port: typeof port === 'number' ? { number: port } : { name: port } } };
}

export class TopologyBuilder {
  objects: TopologyObject[] = [];
  nodes: NodeObj[] = [];
  private placed = 0;

  constructor(nodeCount = 3) {
    for (let i = 1; i <= nodeCount; i++) {
      const node: NodeObj = {
        id: objectId(`node:node-${i}`),
        kind: 'Node',
        name: `node-${i}`,
        role: 'node',
        simulated: true,
        index: i,
        taints: [],
        components: [],
      };
      this.nodes.push(node);
      this.objects.push(node);
    }
  }

  namespace(name: string, labels: LabelMap = {}): this {
    this.objects.push({ id: objectId(`Namespace/${name}`), kind: 'Namespace', name, labels, role: 'generic' });
    return this;
  }

  /** A Deployment (or StatefulSet) and its pods; pods of one template may be given per-pod containers. */
  workload(
    name: string,
    options: {
      labels: LabelMap;
      containers: ContainerSpec[] | ContainerSpec[][];
      replicas?: number;
      namespace?: string;
      kind?: WorkloadObj['kind'];
      serviceName?: string;
      unschedulable?: boolean;
    },
  ): this {
    const namespace = options.namespace ?? 'default';
    const kind = options.kind ?? 'Deployment';
    const replicas = options.replicas ?? 1;
    const perPod = Array.isArray(options.containers[0]) ? (options.containers as ContainerSpec[][]) : undefined;
    const containersOf = (i: number): Container[] =>
      (perPod ? perPod[i % perPod.length]! : (options.containers as ContainerSpec[])).map((c) => ({
        name: c.name,
        ports: (c.ports ?? []).map((p) => ({ protocol: 'TCP', ...p })),
        env: [],
        command: [],
        args: [],
        envFrom: [],
      }));
    const template = (i: number) => ({
      labels: options.labels,
      containers: containersOf(i),
      initContainers: [],
      nodeSelector: {},
      tolerations: [],
      requiredNodeAffinity: [],
      volumes: [],
      hostNetwork: false,
    });
    const id = objectId(`${kind}/${namespace}/${name}`);
    const pods: PodObj[] = [];
    for (let i = 0; i < replicas; i++) {
      const podName = kind === 'StatefulSet' ? `${name}-${i}` : `${name}-7c9f-${'abcdefgh'[i]}${i}`;
      const node = this.nodes[this.placed++ % this.nodes.length]!;
      pods.push({
        id: objectId(`pod:${namespace}/${podName}`),
        kind: 'Pod',
        role: 'pod',
        name: podName,
        namespace,
        labels: options.labels,
        template: template(i),
        owner: id,
        ...(options.unschedulable ? { unschedulable: 'no node fits' } : { node: node.id, parent: node.id }),
        ...(kind === 'StatefulSet' ? { ordinal: i } : {}),
      });
    }
    const workload: WorkloadObj = {
      id,
      kind: kind as Exclude<WorkloadObj['kind'], never>,
      role: 'workload',
      name,
      namespace,
      replicas,
      selector: sel(options.labels),
      template: template(0),
      pods: pods.map((p) => p.id),
      ...(options.serviceName ? { serviceName: options.serviceName } : {}),
    };
    this.objects.push(workload, ...pods);
    return this;
  }

  service(
    name: string,
    options: {
      selector?: LabelMap;
      ports?: (Partial<ServicePort> & { port: number })[];
      type?: ServiceObj['serviceType'];
      namespace?: string;
      headless?: boolean;
      sessionAffinity?: 'None' | 'ClientIP';
      externalName?: string;
      loadBalancerIP?: string;
      externalIPs?: string[];
    },
  ): this {
    const namespace = options.namespace ?? 'default';
    this.objects.push({
      id: objectId(`Service/${namespace}/${name}`),
      kind: 'Service',
      role: 'service',
      name,
      namespace,
      serviceType: options.type ?? 'ClusterIP',
      headless: options.headless ?? false,
      ...(options.selector ? { selector: options.selector } : {}),
      servicePorts: (options.ports ?? []).map((p) => ({ protocol: 'TCP', targetPort: p.port, ...p })),
      ...(options.externalName ? { externalName: options.externalName } : {}),
      sessionAffinity: options.sessionAffinity ?? 'None',
      externalIPs: options.externalIPs ?? [],
      ...(options.loadBalancerIP ? { loadBalancerIP: options.loadBalancerIP } : {}),
      endpoints: [],
    });
    return this;
  }

  ingress(
    name: string,
    options: {
      rules?: IngressRule[];
      className?: string;
      tls?: IngressObj['tls'];
      defaultBackend?: IngressBackend;
      namespace?: string;
    },
  ): this {
    const namespace = options.namespace ?? 'default';
    this.objects.push({
      id: objectId(`Ingress/${namespace}/${name}`),
      kind: 'Ingress',
      role: 'ingress',
      name,
      namespace,
      ...(options.className ? { ingressClassName: options.className } : {}),
      rules: options.rules ?? [],
      ...(options.defaultBackend ? { defaultBackend: options.defaultBackend } : {}),
      tls: options.tls ?? [],
      legacy: false,
    });
    return this;
  }

  ingressClass(name: string, options: { controller?: string; isDefault?: boolean } = {}): this {
    const object: IngressClassObj = {
      id: objectId(`IngressClass/${name}`),
      kind: 'IngressClass',
      role: 'ingressClass',
      name,
      isDefault: options.isDefault ?? false,
      ...(options.controller ? { controller: options.controller } : {}),
    };
    this.objects.push(object);
    return this;
  }

  policy(
    name: string,
    options: {
      podSelector: LabelSelector;
      namespace?: string;
      ingress?: NetworkPolicyRule[];
      egress?: NetworkPolicyRule[];
      policyTypes?: ('Ingress' | 'Egress')[];
    },
  ): this {
    const namespace = options.namespace ?? 'default';
    const object: NetworkPolicyObj = {
      id: objectId(`NetworkPolicy/${namespace}/${name}`),
      kind: 'NetworkPolicy',
      role: 'networkPolicy',
      name,
      namespace,
      podSelector: options.podSelector,
      policyTypes: options.policyTypes ?? ['Ingress'],
      ingress: options.ingress ?? [],
      egress: options.egress ?? [],
    };
    this.objects.push(object);
    return this;
  }

  gateway(name: string, listeners: GatewayObj['listeners'], namespace = 'default'): this {
    this.objects.push({
      id: objectId(`Gateway/${namespace}/${name}`),
      kind: 'Gateway',
      role: 'gateway',
      name,
      namespace,
      listeners,
    });
    return this;
  }

  route(name: string, options: Omit<HTTPRouteObj, 'id' | 'kind' | 'role' | 'name'>): this {
    this.objects.push({
      id: objectId(`HTTPRoute/${options.namespace ?? 'default'}/${name}`),
      kind: 'HTTPRoute',
      role: 'httpRoute',
      name,
      ...options,
    });
    return this;
  }

  build(): Topology {
    const pods = this.objects.filter((o): o is PodObj => o.role === 'pod');
    const objects = this.objects.map((o) => {
      if (o.role !== 'service' || o.selector === undefined) return o;
      const endpoints: ObjectId[] = pods
        .filter(
          (p) =>
            (p.namespace ?? 'default') === (o.namespace ?? 'default') && selectorMatches(o.selector, p.template.labels),
        )
        .map((p) => p.id);
      return { ...o, endpoints };
    });
    return { world: 'kubernetes', objects, edges: [] };
  }
}

/** The seed example by hand: 2 pods of golang-backend-api behind a ClusterIP Service and a TLS Ingress. */
export function seedTopology(): TopologyBuilder {
  return new TopologyBuilder()
    .workload('golang-backend-api-deployment', {
      labels: { app: 'golang-backend-api' },
      replicas: 2,
      containers: [{ name: 'golang-backend-api', ports: [{ containerPort: 8080 }] }],
    })
    .service('golang-backend-api-service', {
      selector: { app: 'golang-backend-api' },
      ports: [{ port: 80, targetPort: 8080 }],
    })
    .ingressClass('nginx', { controller: 'k8s.io/ingress-nginx' })
    .ingress('golang-backend-api-ingress', {
      className: 'nginx',
      rules: [
        {
          host: 'api.hwangbogyumin.com',
          paths: [{ path: '/', pathType: 'Prefix', backend: backend('golang-backend-api-service', 80) }],
        },
      ],
      tls: [{ hosts: ['api.hwangbogyumin.com'], secretName: 'hwangbogyumin-api.cert' }],
    });
}
