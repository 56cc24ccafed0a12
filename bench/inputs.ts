/**
 * The benchmark's inputs, generated deterministically (no randomness: the same text every run,
 * so two runs compare): Kubernetes clusters of a given number of objects in a realistic mix, and
 * Compose projects of a given number of services. The real files come from the fixtures the
 * tests already use (each with its provenance line there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { SourceFile } from '../src/core/model/source';

const ROOT = new URL('../', import.meta.url);

/** One application of the generated cluster: how many objects it adds and its YAML. */
function kubeApp(i: number, namespace: string, apps: number): { objects: number; text: string } {
  const name = `app-${i}`;
  const replicas = 1 + ((i * 7) % 5); // 1–5, spread evenly
  const named = i % 3 === 0; // a third of the Services target a named port
  // The next application of the same namespace (20 a namespace), as a call chain.
  const upstream = `app-${i % 20 === 19 || i + 1 === apps ? i - (i % 20) : i + 1}`;
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    app: ${name}
    tier: ${i % 4 === 0 ? 'frontend' : 'backend'}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: ${i % 4 === 0 ? 'frontend' : 'backend'}
    spec:
      containers:
        - name: server
          image: registry.example.com/${name}:1.${i % 10}.0
          ports:
            - name: http
              containerPort: ${8000 + (i % 100)}
            - name: metrics
              containerPort: 9090
          env:
            - name: UPSTREAM_URL
              value: http://${upstream}:80/
            - name: LOG_LEVEL
              value: info
          envFrom:
            - configMapRef:
                name: ${name}-config
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: ${named ? 'http' : 8000 + (i % 100)}
`;
  const config = `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${namespace}
data:
  FEATURE_FLAGS: "search,checkout"
  CACHE_TTL: "${30 + (i % 60)}"
`;
  return { objects: 3, text: [deployment, service, config].join('---\n') };
}

/** One Ingress for a namespace's first `count` apps: a host each, Prefix and Exact paths. */
function kubeIngress(namespace: string, first: number, count: number): string {
  const rules = Array.from({ length: count }, (_, k) => {
    const app = `app-${first + k}`;
    return `    - host: ${app}.${namespace}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${app}
                port:
                  number: 80
          - path: /status
            pathType: Exact
            backend:
              service:
                name: ${app}
                port:
                  name: http
`;
  }).join('');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${namespace}-ingress
  namespace: ${namespace}
spec:
  ingressClassName: nginx
  rules:
${rules}`;
}

/**
 * A cluster of about `objects` Kubernetes objects: per application a Deployment (1–5 replicas),
 * a Service and a ConfigMap, 20 applications to a namespace, one Ingress per namespace routing
 * to its first four applications. One file per namespace, as a repository would hold them.
 */
export function kubeCluster(objects: number): SourceFile[] {
  // 20 apps of 3 objects and one Ingress: 61 objects a namespace.
  const apps = Math.max(1, Math.round((objects * 20) / 61));
  const files: SourceFile[] = [];
  for (let first = 0, ns = 0; first < apps; first += 20, ns++) {
    const namespace = `team-${ns}`;
    const count = Math.min(20, apps - first);
    const docs = Array.from({ length: count }, (_, k) => kubeApp(first + k, namespace, apps).text);
    docs.push(kubeIngress(namespace, first, Math.min(4, count)));
    files.push({ name: `${namespace}.yaml`, text: docs.join('---\n') });
  }
  return files;
}

/**
 * A Compose project of `services` services: web front ends publishing host ports, APIs,
 * workers, Postgres and Redis, on a front and a back network, with depends_on and volumes.
 */
export function composeProject(services: number): SourceFile[] {
  const lines = ['name: bench', 'services:'];
  for (let i = 0; i < services; i++) {
    const kind = ['web', 'api', 'worker', 'db', 'cache'][i % 5]!;
    const name = `${kind}-${i}`;
    lines.push(`  ${name}:`);
    if (kind === 'db')
      lines.push(
        '    image: postgres:16',
        '    expose:',
        '      - "5432"',
        '    volumes:',
        `      - db-${i}:/var/lib/postgresql/data`,
      );
    else if (kind === 'cache') lines.push('    image: redis:7');
    else lines.push(`    image: registry.example.com/${name}:latest`);
    if (kind === 'web')
      lines.push('    ports:', `      - "${10000 + i}:8080"`, `      - "127.0.0.1:${20000 + i}:9090"`);
    if (kind === 'api') lines.push('    expose:', '      - "3000"');
    lines.push('    networks:', `      - ${kind === 'web' ? 'front' : 'back'}`);
    if (kind === 'web') lines.push('      - back');
    if (i >= 5 && kind !== 'db' && kind !== 'cache') {
      const base = i - (i % 5);
      lines.push('    depends_on:', `      - db-${base - 2}`, `      - cache-${base - 1}`);
      lines.push('    environment:', `      DATABASE_URL: postgres://app@db-${base - 2}:5432/app`);
    }
  }
  const volumes = Array.from({ length: services }, (_, i) => i).filter((i) => i % 5 === 3);
  lines.push('networks:', '  front: {}', '  back: {}', volumes.length ? 'volumes:' : 'volumes: {}');
  for (const i of volumes) lines.push(`  db-${i}: {}`);
  return [{ name: 'compose.yaml', text: lines.join('\n') + '\n' }];
}

/** The seed sample: the three manifests a first-time user sees. */
export function seed(): SourceFile[] {
  return readFolder('src/samples/go-backend-k8s', /\.yaml$/);
}

/** Online Boutique, as the sample ships it. */
export function onlineBoutique(copies = 1): SourceFile[] {
  const text = readFileSync(new URL('src/samples/online-boutique/kubernetes-manifests.yaml', ROOT), 'utf8');
  if (copies === 1) return [{ name: 'kubernetes-manifests.yaml', text }];
  return Array.from({ length: copies }, (_, i) => ({
    name: `shop-${i}.yaml`,
    text: text.replace(/^metadata:\n/gm, `metadata:\n  namespace: shop-${i}\n`),
  }));
}

/** The real Kubernetes files of the corpus (copied into the tests' fixtures), each its own workspace. */
export function kubeCorpus(): SourceFile[][] {
  return readFolder('src/core/kubernetes/fixtures', /\.ya?ml$/).map((file) => [file]);
}

/** The real Compose files of the corpus, each its own project. */
export function composeCorpus(): SourceFile[][] {
  return readFolder('src/core/compose/fixtures', /\.ya?ml$/).map((file) => [file]);
}

function readFolder(folder: string, pattern: RegExp): SourceFile[] {
  const url = new URL(`${folder}/`, ROOT);
  return readdirSync(url)
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, url), 'utf8') }));
}

/** How many bytes a workspace holds. */
export function sizeOf(files: readonly SourceFile[]): number {
  return files.reduce((n, f) => n + f.text.length, 0);
}
