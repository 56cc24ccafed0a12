/** Escapes text for XML content and attribute values: pasted YAML is untrusted. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters, even escaped
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  );
}

/** A number as SVG wants it: at most two decimals, no `-0`. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

type AttrValue = string | number | undefined | false;

/** An element; attribute values are escaped, `children` is markup already escaped. */
export function el(name: string, attrs: Record<string, AttrValue>, children?: string): string {
  const list = Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== false)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
  return children === undefined ? `<${name}${list}/>` : `<${name}${list}>${children}</${name}>`;
}

/** A text element with escaped content. */
export function textEl(attrs: Record<string, AttrValue>, text: string): string {
  return el('text', attrs, escapeXml(text));
}
