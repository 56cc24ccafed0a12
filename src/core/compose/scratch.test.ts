import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze';
it('scratch', () => {
  for (const f of process.env.FILES!.split(',')) {
    const a = analyze([{ name: f, text: readFileSync(f, 'utf8') }]);
    console.log(f, JSON.stringify(a.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}: ${d.message}`), null, 1));
    console.log(a.topology.objects.map((o) => `${o.kind}:${o.name}${o.role === 'container' ? ' ' + o.published.map((p) => `${p.hostIp ?? ''}:${p.published}->${p.target}`).join(',') + ' nets=' + o.networks.map((n) => n.name).join(',') : ''}`).join('\n'));
    console.log(a.topology.edges.map((e) => `${e.from} -${e.kind}${e.label ? '(' + e.label + ')' : ''}-> ${e.to}`).join('\n'));
  }
});
