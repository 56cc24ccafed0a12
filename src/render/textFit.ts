/**
 * Text that fits its box, without a DOM to measure it: widths are estimated per character
 * (generous, so that the widest common fallback font — DejaVu Sans — still fits), and a text
 * too wide is cut with an ellipsis. The SVG also clips each box, so a wrong guess never spills.
 */

export type FontStyle = { size: number; bold?: boolean; mono?: boolean; letterSpacing?: number };

const NARROW = new Set([..."iljI.,:;|!'`"]);
const SLIM = new Set([...'frt()[]{}/\\- "']);
const WIDE = new Set([...'mwMW@%']);

function charEm(char: string): number {
  if (NARROW.has(char)) return 0.32;
  if (SLIM.has(char)) return 0.42;
  if (WIDE.has(char)) return 0.92;
  if (char >= 'A' && char <= 'Z') return 0.72;
  if (char >= '0' && char <= '9') return 0.64;
  // Arrows, dots and other symbols; wide scripts (CJK) take a full em.
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x2e80) return 1;
  return 0.62;
}

/** The estimated width in pixels of `text` set in `font`. */
export function textWidth(text: string, font: FontStyle): number {
  const chars = [...text];
  const spacing = (font.letterSpacing ?? 0) * chars.length;
  if (font.mono) return chars.length * 0.61 * font.size + spacing;
  let em = 0;
  for (const char of chars) em += charEm(char);
  return em * font.size * (font.bold ? 1.07 : 1) + spacing;
}

/** `text`, cut with an ellipsis so that it fits `maxWidth` pixels. */
export function fitText(text: string, maxWidth: number, font: FontStyle): string {
  if (textWidth(text, font) <= maxWidth) return text;
  const chars = [...text];
  const budget = maxWidth - textWidth('…', font);
  let width = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    const next = textWidth(chars[end]!, font);
    if (width + next > budget) break;
    width += next;
  }
  return end === 0 ? '' : chars.slice(0, end).join('').trimEnd() + '…';
}

/** `text` broken into at most `maxLines` lines of `maxWidth` pixels, at spaces where it can. */
export function wrapText(text: string, maxWidth: number, font: FontStyle, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest && lines.length < maxLines) {
    if (lines.length === maxLines - 1 || textWidth(rest, font) <= maxWidth) {
      lines.push(fitText(rest, maxWidth, font));
      break;
    }
    const words = rest.split(' ');
    let line = '';
    let used = 0;
    for (; used < words.length; used++) {
      const candidate = line ? `${line} ${words[used]}` : words[used]!;
      if (textWidth(candidate, font) > maxWidth) break;
      line = candidate;
    }
    if (used === 0) {
      // One word wider than the line: cut it.
      line = fitText(words[0]!, maxWidth, font);
      used = 1;
    }
    lines.push(line);
    rest = words.slice(used).join(' ').trim();
  }
  return lines;
}
