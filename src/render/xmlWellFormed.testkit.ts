/**
 * A small well-formedness check for the SVG we write (tests use it; Node has no DOMParser):
 * tags balance, attributes are quoted, and text holds no raw `<` or stray `&`.
 * Returns the problems found, empty when the document is well formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  let i = 0;
  while (i < xml.length) {
    const char = xml[i];
    if (char === '<') {
      if (xml.startsWith('<?xml', i) && i === 0) {
        i = xml.indexOf('?>', i) + 2;
        continue;
      }
      tag.lastIndex = i;
      const match = tag.exec(xml);
      if (!match) {
        problems.push(`bad markup at ${i}: ${xml.slice(i, i + 40)}`);
        break;
      }
      const [whole, closing, name, , selfClosing] = match;
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}> at ${i}`);
      } else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name!);
      } else if (stack.length === 0) {
        roots++;
      }
      i += whole.length;
    } else if (char === '&') {
      entity.lastIndex = i;
      const match = entity.exec(xml);
      if (!match) problems.push(`stray & at ${i}: ${xml.slice(i, i + 20)}`);
      i += match ? match[0].length : 1;
    } else {
      if (stack.length === 0 && !/\s/.test(char!)) problems.push(`text outside the root at ${i}`);
      i++;
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
