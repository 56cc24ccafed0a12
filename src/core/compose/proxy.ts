import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import type { SourceFile } from '../model/source';
import type { ComposeContainerObj } from '../model/topology';
import { readNginxRoutes } from './nginxConfig';

/** An nginx container: by image (`nginx`, `nginx:alpine`, `bitnami/nginx`, openresty) or, for a build, by name. */
function isNginxContainer(c: ComposeContainerObj): boolean {
  if (c.image) return /(^|\/)(nginx|openresty)([:@-]|$)/i.test(c.image);
  return /nginx/i.test(c.service) || /nginx/i.test(c.build ?? '');
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

/** Does this container bind-mount that config file (or the folder nginx reads configs from)? */
function mountsConfig(c: ComposeContainerObj, file: string): boolean {
  return c.mounts.some((m) => {
    if (m.type !== 'bind' || !m.source) return false;
    const target = m.target.replace(/\/+$/, '');
    if (target === '/etc/nginx/conf.d' || target === '/etc/nginx/templates') return true;
    const intoNginx =
      target === '/etc/nginx/nginx.conf' || /^\/etc\/nginx\/(conf\.d|templates|sites-enabled)\/[^/]+$/.test(target);
    return (
      intoNginx &&
      (baseName(m.source) === baseName(file) || baseName(target).replace(/\.template$/, '') === baseName(file))
    );
  });
}

/**
 * Matches each nginx config of the workspace to the container that mounts it (else to the one
 * nginx container, when there is exactly one) and records its routes there. An nginx container
 * without a config gets `proxy.known: false` and an info diagnostic.
 */
export function attachProxyRoutes(containers: ComposeContainerObj[], configs: readonly SourceFile[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const nginx = containers.filter(isNginxContainer);
  for (const file of configs) {
    const routes = readNginxRoutes(file);
    let owners = containers.filter((c) => mountsConfig(c, file.name));
    if (owners.length === 0) {
      const services = new Set(nginx.map((c) => c.service));
      if (services.size === 1) owners = nginx;
    }
    for (const owner of owners) {
      const proxy = owner.proxy?.known ? owner.proxy : { known: true, configFile: file.name, routes: [] };
      proxy.routes.push(...routes);
      owner.proxy = proxy;
    }
  }
  for (const c of nginx) {
    if (c.proxy) continue;
    c.proxy = { known: false, routes: [] };
    if (c.replica === 1 && c.source)
      diagnostics.push(
        diagnosticAt(
          c.source,
          'info',
          'COMPOSE-PROXY-ROUTES-UNKNOWN',
          `Service ${c.service} looks like an nginx reverse proxy, but its routes are unknown: paste its config (nginx.conf or default.conf) as a tab to see and trace where it sends requests.`,
          c.id,
        ),
      );
  }
  return diagnostics;
}
