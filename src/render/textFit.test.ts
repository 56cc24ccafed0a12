import { describe, expect, it } from 'vitest';
import { fitText, textWidth, wrapText } from './textFit';

const FONT = { size: 13 };

describe('fitText', () => {
  it('keeps text that fits', () => {
    expect(fitText('golang', 200, FONT)).toBe('golang');
  });
  it('cuts text that does not fit with an ellipsis, within the width', () => {
    const cut = fitText('golang-backend-api-deployment-856d857f75-zwgqg', 150, { size: 13, bold: true });
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, { size: 13, bold: true })).toBeLessThanOrEqual(150);
  });
  it('gives nothing when not even one character fits', () => {
    expect(fitText('WWW', 5, FONT)).toBe('');
  });
});

describe('wrapText', () => {
  it('breaks at spaces, and cuts the last line', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 90, FONT, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('…');
    expect(lines[1]!.endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line, FONT)).toBeLessThanOrEqual(90);
  });
  it('cuts a word wider than the line', () => {
    expect(wrapText('supercalifragilistic short', 60, FONT, 3)[0]!.endsWith('…')).toBe(true);
  });
});
