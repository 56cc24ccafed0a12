import { diagnosticAt, type Diagnostic } from '../model/diagnostics';
import type { ParsedDocument } from '../parse/parseFile';
import { resolveExtends } from './extends';
import { interpolateValue, type Variables } from './interpolate';
import { mergeInto, newLocated } from './mergeFields';
import type { ComposeProject, Located } from './project';
import { validateComposeSchema } from './validateSchema';

const SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'] as const;

/**
 * Compose documents → one project, as `docker compose -f a.yaml -f b.yaml config` builds it:
 * each file is interpolated and validated on its own, then merged in order; `extends` last.
 */
export function loadComposeProject(
  documents: readonly ParsedDocument[],
  variables: Variables,
): { project: ComposeProject; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const project: ComposeProject = {
    services: new Map(),
    networks: new Map(),
    volumes: new Map(),
    secrets: new Map(),
    configs: new Map(),
  };
  for (const doc of documents) {
    const value = interpolateValue(doc.value, variables, (path, problem) => {
      const span = doc.locate(path);
      if (problem.kind === 'unset') {
        diagnostics.push(
          diagnosticAt(
            span,
            'warning',
            'COMPOSE-VAR-UNSET',
            `Variable ${problem.name} is not set, so Compose uses an empty string here. Set it in a .env tab or the variables panel, or give a default: \${${problem.name}:-value}.`,
          ),
        );
      } else if (problem.kind === 'required') {
        diagnostics.push(
          diagnosticAt(
            span,
            'error',
            'COMPOSE-VAR-REQUIRED',
            `Required variable ${problem.name} is not set: "${problem.message}". Set it in a .env tab or the variables panel.`,
          ),
        );
      } else {
        diagnostics.push(
          diagnosticAt(
            span,
            'error',
            'COMPOSE-VAR-SYNTAX',
            `Invalid interpolation "${problem.text}": write \${NAME}, \${NAME:-default} or $$ for a literal $.`,
          ),
        );
      }
    }) as Record<string, unknown>;
    diagnostics.push(...validateComposeSchema(doc, value));
    if ('version' in value) {
      diagnostics.push(
        diagnosticAt(
          doc.locate(['version'], 'key'),
          'info',
          'COMPOSE-VERSION-OBSOLETE',
          'The top-level `version` is obsolete: Compose ignores it and follows the Compose Specification. You can remove it.',
        ),
      );
    }
    for (const section of SECTIONS) {
      const entries = value[section];
      if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
      const target = project[section];
      for (const [name, body] of Object.entries(entries as Record<string, unknown>)) {
        const origin = { doc, path: [section, name] };
        let item: Located | undefined = target.get(name);
        if (!item) target.set(name, (item = newLocated(name, origin)));
        if (body && typeof body === 'object' && !Array.isArray(body)) {
          mergeInto(item, body as Record<string, unknown>, origin);
        }
      }
    }
  }
  diagnostics.push(...resolveExtends(project.services));
  return { project, diagnostics };
}
