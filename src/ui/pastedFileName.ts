/**
 * The name of a tab opened from pasted text: the first object's kind and name
 * (`deployment-web.yaml`), `compose.yaml` for a Compose file, else `pasted.yaml`. Read with two
 * patterns rather than a parse: the text is untrusted and may not even be YAML.
 */
export function pastedFileName(text: string): string {
  const head = text.slice(0, 20_000);
  if (/^services:\s*$/m.test(head)) return 'compose.yaml';
  const kind = /^kind:[ \t]*["']?([A-Za-z][\w.-]*)/m.exec(head)?.[1];
  // The first `name:` indented under a top-level `metadata:`.
  const name = /^metadata:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+name:[ \t]*["']?([\w.-]+)/m.exec(head)?.[1];
  if (!kind) return 'pasted.yaml';
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .slice(0, 60);
  return `${slug(kind)}${name ? `-${slug(name)}` : ''}.yaml`;
}
