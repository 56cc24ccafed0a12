import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';

/** Diagnostics of one YAML text, as `CODE severity` plus the full list. */
function check(text: string) {
  const { diagnostics } = analyze([{ name: 'test.yaml', text }]);
  return diagnostics;
}

function deployment({
  name = 'web',
  namespace = 'default',
  selector = 'app: web',
  labels = 'app: web',
  container = 'name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 8080\n              name: http',
  extraSpec = '',
} = {}) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  replicas: 2
  selector:
    matchLabels:
      ${selector}
  template:
    metadata:
      labels:
        ${labels}
    spec:${extraSpec}
      containers:
        - ${container}
`;
}

function service({
  name = 'web',
  namespace = 'default',
  spec = 'selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080',
} = {}) {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  ${spec}
`;
}

function ingress(backend: string, extra = '') {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:${extra}
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              ${backend}
`;
}

const join = (...docs: string[]) => docs.join('---\n');

type Case = {
  name: string;
  yaml: string;
  code: string;
  severity?: 'error' | 'warning' | 'info';
  fires: boolean;
  message?: RegExp;
};

const cases: Case[] = [
  // selector vs template
  {
    name: 'selector not matching template',
    yaml: deployment({ selector: 'app: api' }),
    code: 'K8S-SELECTOR-MISMATCH',
    severity: 'error',
    fires: true,
    message: /selector app=api does not match its template's labels \(app=web\)/,
  },
  { name: 'selector matching template', yaml: deployment(), code: 'K8S-SELECTOR-MISMATCH', fires: false },
  {
    name: 'RC without selector defaults to template labels',
    yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  template:\n    metadata: {labels: {app: rc}}\n    spec: {containers: [{name: c, image: i}]}\n',
    code: 'K8S-SELECTOR-MISMATCH',
    fires: false,
  },
  {
    name: 'apps/v1 Deployment without selector',
    yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: c, image: i}]}\n',
    code: 'K8S-MISSING-FIELD',
    severity: 'error',
    fires: true,
    message: /spec.selector/,
  },

  // Service endpoints
  {
    name: 'Service selecting no pod',
    yaml: join(
      deployment({ labels: 'app: web', selector: 'app: web' }),
      service({ spec: 'selector:\n    app: wbe\n  ports:\n    - port: 80' }),
    ),
    code: 'K8S-SVC-NO-ENDPOINTS',
    severity: 'error',
    fires: true,
    message: /app=wbe.*Pods in namespace default have: app=web \(Deployment web\)/,
  },
  {
    name: 'Service selecting no pod, with no pods of its namespace in the files',
    yaml: service({ spec: 'selector:\n    app: elsewhere\n  ports:\n    - port: 80' }),
    code: 'K8S-SVC-NO-ENDPOINTS',
    severity: 'warning',
    fires: true,
    message: /No pods run in namespace default/,
  },
  {
    name: 'Service whose pods are in another namespace',
    yaml: join(deployment({ namespace: 'shop' }), service()),
    code: 'K8S-SVC-NO-ENDPOINTS',
    fires: true,
    message: /run in namespace shop/,
  },
  { name: 'Service selecting pods', yaml: join(deployment(), service()), code: 'K8S-SVC-NO-ENDPOINTS', fires: false },
  {
    name: 'ExternalName Service',
    yaml: service({ spec: 'type: ExternalName\n  externalName: db.example.com' }),
    code: 'K8S-SVC-NO-ENDPOINTS',
    fires: false,
  },
  {
    name: 'selector-less Service with Endpoints',
    yaml: join(
      service({ spec: 'ports:\n    - port: 5432' }),
      'apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets:\n  - addresses: [{ip: 10.0.0.5}]\n    ports: [{port: 5432}]\n',
    ),
    code: 'K8S-SVC-NO-ENDPOINTS',
    fires: false,
  },
  {
    name: 'selector-less Service with Endpoints (no info either)',
    yaml: join(
      service({ spec: 'ports:\n    - port: 5432' }),
      'apiVersion: v1\nkind: Endpoints\nmetadata: {name: web}\nsubsets:\n  - addresses: [{ip: 10.0.0.5}]\n',
    ),
    code: 'K8S-SVC-NO-SELECTOR',
    fires: false,
  },
  {
    name: 'selector-less Service without Endpoints',
    yaml: service({ spec: 'ports:\n    - port: 5432' }),
    code: 'K8S-SVC-NO-SELECTOR',
    severity: 'info',
    fires: true,
  },

  // targetPort
  {
    name: 'named targetPort nobody declares',
    yaml: join(
      deployment(),
      service({ spec: 'selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: web-http' }),
    ),
    code: 'K8S-SVC-TARGETPORT-UNKNOWN',
    severity: 'error',
    fires: true,
    message: /Declared port names: http/,
  },
  {
    name: 'named targetPort declared',
    yaml: join(
      deployment(),
      service({ spec: 'selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: http' }),
    ),
    code: 'K8S-SVC-TARGETPORT-UNKNOWN',
    fires: false,
  },
  {
    name: 'numeric targetPort not declared',
    yaml: join(
      deployment(),
      service({ spec: 'selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 9090' }),
    ),
    code: 'K8S-SVC-TARGETPORT-UNDECLARED',
    severity: 'warning',
    fires: true,
  },
  {
    name: 'numeric targetPort with no ports declared at all',
    yaml: join(deployment({ container: 'name: web\n          image: nginx' }), service()),
    code: 'K8S-SVC-TARGETPORT-UNDECLARED',
    fires: false,
  },

  // nodePort
  {
    name: 'nodePort outside range',
    yaml: service({ spec: 'type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 8080' }),
    code: 'K8S-NODEPORT-RANGE',
    severity: 'error',
    fires: true,
  },
  {
    name: 'nodePort in range',
    yaml: service({ spec: 'type: NodePort\n  selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 30080' }),
    code: 'K8S-NODEPORT-RANGE',
    fires: false,
  },
  {
    name: 'nodePort on ClusterIP',
    yaml: service({ spec: 'selector: {app: web}\n  ports:\n    - port: 80\n      nodePort: 30080' }),
    code: 'K8S-NODEPORT-CLUSTERIP',
    severity: 'error',
    fires: true,
  },

  // Ingress
  {
    name: 'Ingress backend missing',
    yaml: ingress('service: {name: api, port: {number: 80}}'),
    code: 'K8S-INGRESS-BACKEND-MISSING',
    severity: 'error',
    fires: true,
  },
  {
    name: 'Ingress backend in another namespace',
    yaml: join(ingress('service: {name: web, port: {number: 80}}'), service({ namespace: 'other' })),
    code: 'K8S-INGRESS-BACKEND-MISSING',
    fires: true,
    message: /exists in namespace other/,
  },
  {
    name: 'Ingress backend present',
    yaml: join(ingress('service: {name: web, port: {number: 80}}'), service()),
    code: 'K8S-INGRESS-BACKEND-MISSING',
    fires: false,
  },
  {
    name: 'Ingress backend port number the Service lacks',
    yaml: join(ingress('service: {name: web, port: {number: 8080}}'), service()),
    code: 'K8S-INGRESS-BACKEND-PORT',
    severity: 'error',
    fires: true,
    message: /which has 80/,
  },
  {
    name: 'Ingress backend port name the Service lacks',
    yaml: join(ingress('service: {name: web, port: {name: http}}'), service()),
    code: 'K8S-INGRESS-BACKEND-PORT',
    fires: true,
  },
  {
    name: 'Ingress backend port name the Service has',
    yaml: join(
      ingress('service: {name: web, port: {name: http}}'),
      service({ spec: 'selector: {app: web}\n  ports:\n    - name: http\n      port: 80' }),
    ),
    code: 'K8S-INGRESS-BACKEND-PORT',
    fires: false,
  },
  {
    name: 'ingressClassName without IngressClass',
    yaml: join(ingress('service: {name: web, port: {number: 80}}', '\n  ingressClassName: nginx'), service()),
    code: 'K8S-INGRESS-CLASS-UNKNOWN',
    severity: 'info',
    fires: true,
  },
  {
    name: 'ingressClassName with IngressClass',
    yaml: join(
      ingress('service: {name: web, port: {number: 80}}', '\n  ingressClassName: nginx'),
      service(),
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n',
    ),
    code: 'K8S-INGRESS-CLASS-UNKNOWN',
    fires: false,
  },
  {
    name: 'legacy serviceName/servicePort',
    yaml: join(
      'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend: {serviceName: web, servicePort: 80}\n',
      service(),
    ),
    code: 'K8S-API-REMOVED',
    severity: 'error',
    fires: true,
    message: /removed in Kubernetes 1\.22.*Use apiVersion: networking\.k8s\.io\/v1/,
  },
  {
    name: 'legacy serviceName/servicePort under networking.k8s.io/v1',
    yaml: join(
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: old}\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: {serviceName: web, servicePort: 80}\n',
      service(),
    ),
    code: 'K8S-INGRESS-LEGACY',
    severity: 'info',
    fires: true,
  },
  {
    name: 'TLS secret missing is never a warning',
    yaml: join(
      ingress('service: {name: web, port: {number: 80}}', '\n  tls: [{hosts: [example.com], secretName: web-tls}]'),
      service(),
    ),
    code: 'K8S-REF-MISSING',
    fires: false,
  },

  // names and fields
  {
    name: 'duplicate name',
    yaml: join(service(), service()),
    code: 'K8S-DUPLICATE-NAME',
    severity: 'error',
    fires: true,
  },
  {
    name: 'same name in two namespaces',
    yaml: join(service(), service({ namespace: 'b' })),
    code: 'K8S-DUPLICATE-NAME',
    fires: false,
  },
  { name: 'same name, two kinds', yaml: join(service(), deployment()), code: 'K8S-DUPLICATE-NAME', fires: false },
  {
    name: 'no containers',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n',
    code: 'K8S-MISSING-FIELD',
    severity: 'error',
    fires: true,
    message: /no containers/,
  },
  {
    name: 'container without image',
    yaml: deployment({ container: 'name: web' }),
    code: 'K8S-MISSING-FIELD',
    fires: true,
    message: /has no image/,
  },
  {
    name: 'service port without port',
    yaml: service({ spec: 'selector: {app: web}\n  ports:\n    - targetPort: 80' }),
    code: 'K8S-MISSING-FIELD',
    fires: true,
  },
  {
    name: 'no metadata.name',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n',
    code: 'K8S-MISSING-FIELD',
    fires: true,
  },
  { name: 'complete objects', yaml: join(deployment(), service()), code: 'K8S-MISSING-FIELD', fires: false },

  // labels
  {
    name: 'label key starting with -',
    yaml: deployment({ labels: 'app: web\n        -bad: x' }),
    code: 'K8S-LABEL-INVALID',
    severity: 'error',
    fires: true,
  },
  {
    name: 'label value with a space',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {team: "a b"}\n',
    code: 'K8S-LABEL-INVALID',
    fires: true,
  },
  {
    name: 'label value YAML reads as a number',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {version: 1.0}\n',
    code: 'K8S-LABEL-INVALID',
    fires: true,
    message: /quote it/,
  },
  {
    name: 'valid prefixed labels',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {app.kubernetes.io/name: web, empty: ""}\n',
    code: 'K8S-LABEL-INVALID',
    fires: false,
  },

  // references
  {
    name: 'missing ConfigMap volume',
    yaml: deployment({ extraSpec: '\n      volumes:\n        - name: cfg\n          configMap: {name: web-config}' }),
    code: 'K8S-REF-MISSING',
    severity: 'warning',
    fires: true,
    message: /ConfigMap web-config/,
  },
  {
    name: 'optional missing Secret',
    yaml: deployment({
      extraSpec: '\n      volumes:\n        - name: s\n          secret: {secretName: maybe, optional: true}',
    }),
    code: 'K8S-REF-MISSING',
    fires: false,
  },
  {
    name: 'present ConfigMap',
    yaml: join(
      deployment({ extraSpec: '\n      volumes:\n        - name: cfg\n          configMap: {name: web-config}' }),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config}\ndata: {a: b}\n',
    ),
    code: 'K8S-REF-MISSING',
    fires: false,
  },
  {
    name: 'default ServiceAccount',
    yaml: deployment({ extraSpec: '\n      serviceAccountName: default' }),
    code: 'K8S-REF-MISSING',
    fires: false,
  },
  {
    name: 'missing envFrom Secret',
    yaml: deployment({
      container: 'name: web\n          image: nginx\n          envFrom:\n            - secretRef: {name: creds}',
    }),
    code: 'K8S-REF-MISSING',
    fires: true,
  },
  {
    name: 'missing secretKeyRef',
    yaml: deployment({
      container:
        'name: web\n          image: nginx\n          env:\n            - name: PW\n              valueFrom: {secretKeyRef: {name: db, key: pw}}',
    }),
    code: 'K8S-REF-MISSING',
    fires: true,
  },

  // inferred hosts
  {
    name: 'URL naming a missing Service',
    yaml: deployment({
      container:
        'name: web\n          image: nginx\n          env:\n            - name: DB_SOURCE\n              value: postgresql://root:secret@postgres:5432/db',
    }),
    code: 'K8S-INFERRED-HOST-MISSING',
    severity: 'warning',
    fires: true,
    message: /^DB_SOURCE points at host "postgres", and no Service named postgres is in these files/,
  },
  {
    name: 'boolean value',
    yaml: deployment({
      container:
        'name: web\n          image: nginx\n          env:\n            - name: CACHE_SERVICE\n              value: "true"',
    }),
    code: 'K8S-INFERRED-HOST-MISSING',
    fires: false,
  },
  {
    name: 'external host',
    yaml: deployment({
      container:
        'name: web\n          image: nginx\n          env:\n            - name: API_URL\n              value: https://api.example.com:443/v1',
    }),
    code: 'K8S-INFERRED-HOST-MISSING',
    fires: false,
  },
  {
    name: 'localhost and IPs',
    yaml: deployment({
      container:
        'name: web\n          image: nginx\n          args: ["--listen=0.0.0.0:8080", "--peer=localhost:9000", "--db=10.0.0.4:5432"]',
    }),
    code: 'K8S-INFERRED-HOST-MISSING',
    fires: false,
  },
  {
    name: 'image-like arg',
    yaml: deployment({
      container: 'name: web\n          image: nginx\n          args: ["--sidecar-image=envoy:1.29"]',
    }),
    code: 'K8S-INFERRED-HOST-MISSING',
    fires: false,
  },
  {
    name: 'word equal to a Service name',
    yaml: join(
      deployment({
        container:
          'name: web\n          image: nginx\n          env:\n            - name: MODE\n              value: postgres',
      }),
    ),
    code: 'K8S-INFERRED-HOST-MISSING',
    fires: false,
  },

  // scheduling
  {
    name: 'nodeSelector no node has',
    yaml: deployment({ extraSpec: '\n      nodeSelector: {disktype: ssd}' }),
    code: 'K8S-POD-UNSCHEDULABLE',
    severity: 'warning',
    fires: true,
    message: /didn't match Pod's node selector disktype=ssd/,
  },
  {
    name: 'nodeSelector every node has',
    yaml: deployment({ extraSpec: '\n      nodeSelector: {kubernetes.io/os: linux}' }),
    code: 'K8S-POD-UNSCHEDULABLE',
    fires: false,
  },

  // autoscaler
  {
    name: 'HPA without target',
    yaml: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nope}\n  maxReplicas: 3\n',
    code: 'K8S-HPA-TARGET-MISSING',
    severity: 'warning',
    fires: true,
  },
];

describe('Kubernetes diagnostics', () => {
  it.each(cases)('$code $name', ({ yaml, code, severity, fires, message }) => {
    const found = check(yaml).filter((d) => d.code === code);
    if (!fires) {
      expect(found).toEqual([]);
      return;
    }
    expect(found.length).toBeGreaterThan(0);
    if (severity) expect(found[0]!.severity).toBe(severity);
    if (message) expect(found.map((d) => d.message).join('\n')).toMatch(message);
    expect(found[0]!.line).toBeGreaterThan(0);
  });

  it('points at the offending field', () => {
    const yaml = join(
      deployment(),
      service({ spec: 'selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: nope' }),
    );
    const [diagnostic] = check(yaml).filter((d) => d.code === 'K8S-SVC-TARGETPORT-UNKNOWN');
    const line = yaml.split('\n')[diagnostic!.line - 1];
    expect(line).toContain('targetPort: nope');
    expect(diagnostic!.objectId).toBe('Service/default/web');
  });

  it('never throws on odd input', () => {
    const odd = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: 7\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: "3", template: [], selector: "x"}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [null, 3, {port: "80"}], selector: [1]}\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {rules: [{http: {paths: [{backend: 3}]}}, null]}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: [a]}\nspec: {containers: [{name: c, image: i, env: [{name: X, value: {a: 1}}], ports: "80"}]}\n',
      'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec: {taints: "no"}\n',
      'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {parentRefs: 1, rules: [{backendRefs: [{}]}]}\n',
      'kind: Deployment\nmetadata: 5\n',
    ];
    for (const text of odd) expect(() => check(text)).not.toThrow();
  });
});
