import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import type { ComposeContainerObj, ComposePublishedPort, HostObj } from '../model/topology';
import { containerConnections } from './connections';
import { fieldSpan, type ComposeProject } from './project';
import { resolveComposeName } from './resolveName';

const ALL_INTERFACES = new Set([undefined, '0.0.0.0', '::', '[::]']);

function ipsOverlap(a: string | undefined, b: string | undefined): boolean {
  return ALL_INTERFACES.has(a) || ALL_INTERFACES.has(b) || a === b;
}

function binding(p: ComposePublishedPort): string {
  return `${p.hostIp ?? '0.0.0.0'}:${p.published}/${p.protocol.toLowerCase()}`;
}

/** The checks `docker compose up` would fail on (or that point at a likely mistake), as diagnostics. */
export function checkCompose(
  project: ComposeProject,
  containers: readonly ComposeContainerObj[],
  inactive: HostObj['inactiveServices'],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const services = new Set(containers.map((c) => c.service));
  const hidden = new Map(inactive.map((s) => [s.service, s.profiles]));
  const firsts = containers.filter((c) => c.replica === 1);

  const unknownService = (code: string, span: Diagnostic['span'], owner: string, what: string, target: string) => {
    if (services.has(target)) return;
    const profiles = hidden.get(target);
    out.push(
      diagnosticAt(
        span!,
        profiles ? 'warning' : 'error',
        profiles ? 'COMPOSE-DEPENDS-INACTIVE' : code,
        profiles
          ? `Service ${owner} ${what} ${target}, which only runs with profile ${profiles.join(' or ')}; activate it, or ${owner} will not start.`
          : `Service ${owner} ${what} ${target}, and no service of that name is in these files.`,
      ),
    );
  };

  for (const c of firsts) {
    const service = project.services.get(c.service)!;
    if (!c.image && !c.build)
      out.push(
        diagnosticAt(
          fieldSpan(service, 'image', 'key'),
          'error',
          'COMPOSE-NO-IMAGE',
          `Service ${c.service} has neither image nor build: Compose cannot create its container. Add image: NAME or build: PATH.`,
          c.id,
        ),
      );
    for (const [field, declared] of [
      ['secrets', project.secrets],
      ['configs', project.configs],
    ] as const) {
      for (const name of c[field]) {
        if (declared.has(name)) continue;
        out.push(
          diagnosticAt(
            fieldSpan(service, field),
            'error',
            field === 'secrets' ? 'COMPOSE-SECRET-UNDEFINED' : 'COMPOSE-CONFIG-UNDEFINED',
            `Service ${c.service} uses ${field === 'secrets' ? 'secret' : 'config'} ${name}, which the top-level ${field}: section does not declare. Add it there (${field}: {${name}: {file: ./${name}.txt}}).`,
            c.id,
          ),
        );
      }
    }
    for (const dep of c.dependsOn)
      unknownService('COMPOSE-DEPENDS-UNKNOWN', dep.span, c.service, 'depends on', dep.service);
    for (const link of c.links) unknownService('COMPOSE-LINK-UNKNOWN', link.span, c.service, 'links to', link.service);
    if (c.networkMode?.kind === 'service' && c.networkMode.target)
      unknownService(
        'COMPOSE-NETWORK-MODE-UNKNOWN',
        c.networkMode.span,
        c.service,
        'shares the network of',
        c.networkMode.target,
      );
    if (c.replicas > 1)
      for (const p of c.published)
        if (p.published !== undefined && p.publishedEnd === undefined)
          out.push(
            diagnosticAt(
              p.span!,
              'error',
              'COMPOSE-REPLICAS-FIXED-PORT',
              `Service ${c.service} runs ${c.replicas} replicas but publishes the fixed host port ${p.published}: only one container can bind it, the others fail. Publish a range (e.g. "${p.published}-${p.published + c.replicas - 1}:${p.target}") or drop the host port.`,
              c.id,
            ),
          );
    for (const link of c.links) {
      const r = resolveComposeName(containers, c, link.alias);
      if (!r.ok && r.reason === 'no-shared-network') out.push(noSharedNetwork(link.span, c, link.service, 'links to'));
    }
    for (const ref of containerConnections(c)) {
      const r = resolveComposeName(containers, c, ref.host);
      if (!r.ok && r.reason === 'unknown') {
        if (hidden.has(ref.host)) continue;
        out.push(
          diagnosticAt(
            ref.span ?? c.source!,
            'warning',
            'COMPOSE-CONNECTION-UNKNOWN-HOST',
            `${ref.via} of service ${c.service} connects to "${ref.text}", but no service, alias or container_name "${ref.host}" is in these files.`,
            c.id,
          ),
        );
      } else if (!r.ok) {
        out.push(noSharedNetwork(ref.span ?? c.source, c, ref.host, `connects (${ref.via}) to`));
      } else {
        const target = r.targets[0]!;
        if (target.networkMode?.kind !== 'host' && !target.exposed.some((e) => e.port === ref.port))
          out.push(
            diagnosticAt(
              ref.span ?? c.source!,
              'warning',
              'COMPOSE-CONNECTION-PORT-UNDECLARED',
              `${ref.via} of service ${c.service} connects to ${ref.host}:${ref.port}, but ${target.service} neither exposes nor publishes ${ref.port}` +
                (target.exposed.length > 0 ? ` (it declares ${target.exposed.map((e) => e.port).join(', ')})` : '') +
                '. It may still listen there; add expose: ["' +
                ref.port +
                '"] to document it.',
              c.id,
            ),
          );
      }
    }
  }

  // Host port clashes: the second container to bind the same port and protocol fails.
  const bound: { c: ComposeContainerObj; p: ComposePublishedPort }[] = [];
  for (const c of containers) {
    if (c.networkMode?.kind === 'host') continue;
    for (const p of c.published) {
      if (p.published === undefined || p.publishedEnd !== undefined) continue;
      const clash = bound.find(
        (b) =>
          b.c.service !== c.service &&
          b.p.published === p.published &&
          b.p.protocol === p.protocol &&
          ipsOverlap(b.p.hostIp, p.hostIp),
      );
      if (clash)
        out.push(
          diagnosticAt(
            p.span!,
            'error',
            'COMPOSE-PORT-CLASH',
            `Service ${c.service} publishes ${binding(p)}, but ${clash.c.service} already binds ${binding(clash.p)}: the second bind fails ("port is already allocated"). Pick another host port.`,
            c.id,
          ),
        );
      else bound.push({ c, p });
    }
  }
  return out;
}

function noSharedNetwork(span: Diagnostic['span'], c: ComposeContainerObj, target: string, what: string): Diagnostic {
  return diagnosticAt(
    span ?? c.source!,
    'warning',
    'COMPOSE-NO-SHARED-NETWORK',
    `Service ${c.service} ${what} ${target}, but they share no network, so the name does not resolve. Put both on one network.`,
    c.id,
  );
}
