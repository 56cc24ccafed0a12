import type { SourceFile } from '../core/model/source';

/**
 * The sample gallery. Bundled with the app (imported as raw text) rather than fetched from
 * public/: opening a sample makes no request, so it works offline and inside an embed.
 */
export type Sample = {
  id: string;
  title: string;
  description: string;
  world: 'kubernetes' | 'compose';
  files: SourceFile[];
};

const raw = import.meta.glob('./*/*.{yaml,yml,conf}', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

function filesOf(folder: string, order: readonly string[]): SourceFile[] {
  return order.map((name) => {
    const text = raw[`./${folder}/${name}`];
    if (text === undefined) throw new Error(`sample file ${folder}/${name} is missing`);
    return { name, text };
  });
}

export const SAMPLES: readonly Sample[] = [
  {
    id: 'go-backend-k8s',
    title: 'Go backend on Kubernetes',
    description: 'Deployment + Service + Ingress with TLS: the classic three files.',
    world: 'kubernetes',
    files: filesOf('go-backend-k8s', ['deployment.yaml', 'service.yaml', 'ingress.yaml']),
  },
  {
    id: 'go-backend-compose',
    title: 'Go backend + Postgres (Compose)',
    description: 'An API that waits for its database, both published on the host.',
    world: 'compose',
    files: filesOf('go-backend-compose', ['docker-compose.yaml']),
  },
  {
    id: 'portfolio-compose',
    title: 'Portfolio behind nginx (Compose)',
    description: 'nginx on port 80 in front of a client app on a private network, with its proxy config.',
    world: 'compose',
    files: filesOf('portfolio-compose', ['docker-compose.yaml', 'default.conf']),
  },
  {
    id: 'online-boutique',
    title: 'Online Boutique',
    description: "Google's microservices demo: 11 services, one LoadBalancer in front.",
    world: 'kubernetes',
    files: filesOf('online-boutique', ['kubernetes-manifests.yaml']),
  },
  {
    id: 'bookinfo',
    title: 'Bookinfo',
    description: "Istio's sample: one Service in front of three versions of reviews.",
    world: 'kubernetes',
    files: filesOf('bookinfo', ['bookinfo.yaml']),
  },
  {
    id: 'voting-result',
    title: 'Voting app: result',
    description: 'A NodePort Service on 31001 in front of a named container port.',
    world: 'kubernetes',
    files: filesOf('voting-result', ['result-deployment.yaml', 'result-service.yaml']),
  },
  {
    id: 'guestbook',
    title: 'Guestbook (Go)',
    description: 'A ReplicationController behind a LoadBalancer with a named targetPort.',
    world: 'kubernetes',
    files: filesOf('guestbook', ['guestbook-controller.yaml', 'guestbook-service.yaml']),
  },
];

/** The sample a new workspace starts with. */
export const DEFAULT_SAMPLE: Sample = SAMPLES[0]!;
