import type { PodObj } from '../../model/topology';
import { namespaceOf, type KubeContext } from './kubeContext';
import type { IngressController } from './ingressRoute';
import { podPeer, type TrafficPeer } from './networkPolicy';

/** ingress-nginx's own defaults for `--controller-class` and `--ingress-class`. */
const NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
const NGINX_INGRESS_CLASS = 'nginx';

/** The Ingresses an ingress-nginx controller pod serves, as its flags say. */
export type ControllerFlags = { controllerClass: string; ingressClass: string };

/**
 * Whether a pod is an Ingress controller: labelled as the official manifests label it
 * (`app.kubernetes.io/name: ingress-nginx`, `app.kubernetes.io/component: controller`), or running
 * `/nginx-ingress-controller`.
 */
export function isIngressControllerPod(pod: PodObj): boolean {
  const labels = pod.template.labels;
  if (labels['app.kubernetes.io/component'] === 'controller' && /ingress/.test(labels['app.kubernetes.io/name'] ?? ''))
    return true;
  return pod.template.containers.some((c) =>
    [...c.command, ...c.args].some((word) => word.endsWith('nginx-ingress-controller')),
  );
}

/** The classes a controller pod serves, read from `--controller-class=`/`--ingress-class=` (ingress-nginx defaults otherwise). */
export function controllerFlags(pod: PodObj): ControllerFlags {
  const words = pod.template.containers.flatMap((c) => [...c.command, ...c.args]);
  const flag = (name: string) =>
    words.find((w) => w.startsWith(`--${name}=`))?.slice(name.length + 3) ??
    words[words.indexOf(`--${name}`) + 1 /* `--flag value` */];
  const read = (name: string) => {
    const value = flag(name);
    return value !== undefined && !value.startsWith('--') ? value : undefined;
  };
  return {
    controllerClass: read('controller-class') ?? NGINX_CONTROLLER_CLASS,
    ingressClass: read('ingress-class') ?? NGINX_INGRESS_CLASS,
  };
}

/** Whether a controller pod serves the Ingresses of this class (an IngressClass by its controller, else by name). */
export function podServes(pod: PodObj, controller: IngressController): boolean {
  const flags = controllerFlags(pod);
  if (controller.controller !== undefined) return controller.controller === flags.controllerClass;
  if (controller.className !== undefined) return controller.className === flags.ingressClass;
  return true;
}

/** Whether a class is served by ingress-nginx (its controller string, or an unknown controller: the stand-in is ingress-nginx). */
export function isIngressNginx(controller: IngressController): boolean {
  return controller.controller === undefined || controller.controller === NGINX_CONTROLLER_CLASS;
}

/** The controller pod in the files that serves this class, when there is one. */
export function controllerPodFor(ctx: KubeContext, controller: IngressController): PodObj | undefined {
  return ctx.pods.find((p) => isIngressControllerPod(p) && podServes(p, controller));
}

/** `the ingress controller of IngressClass nginx (k8s.io/ingress-nginx)` */
function describeControllerOf(controller: IngressController): string {
  if (controller.className === undefined) return 'the Ingress controller';
  return `the ingress controller of IngressClass ${controller.className}${controller.controller ? ` (${controller.controller})` : ''}`;
}

/**
 * Who an Ingress controller's traffic comes from, for NetworkPolicy: the pod in the files that
 * serves the Ingress's class, else a stand-in — for ingress-nginx, `ingress-nginx-controller` in
 * namespace `ingress-nginx` with the official labels (where the common installs put it); for
 * another controller, a pod of unknown namespace and labels, which only a rule open to all pods
 * admits. Traffic through the controller never matches an `ipBlock` (it comes from a pod).
 */
export function ingressControllerPeer(ctx: KubeContext, controller: IngressController): TrafficPeer {
  const what = describeControllerOf(controller);
  const pod = controllerPodFor(ctx, controller);
  if (pod) {
    const peer = podPeer(pod);
    if (peer.kind === 'pod') return { ...peer, describe: `${what}, pod ${pod.name} (namespace ${namespaceOf(pod)})` };
  }
  if (isIngressNginx(controller)) {
    return {
      kind: 'pod',
      name: 'ingress-nginx-controller',
      namespace: 'ingress-nginx',
      labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      describe: `${what}, pod ingress-nginx-controller (namespace ingress-nginx, assumed: not in these files)`,
    };
  }
  return {
    kind: 'pod',
    name: `${controller.className ?? 'ingress'}-controller`,
    namespace: '(unknown)',
    labels: {},
    describe: `${what}, whose pod is not in these files (its namespace and labels are unknown)`,
  };
}
