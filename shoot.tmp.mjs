import { chromium } from '@playwright/test';
const [,, sample = 'go-backend-k8s', w = '1400', h = '900', mode = 'infrastructure', traceFlag = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text())); page.on('pageerror', (e) => console.log('PAGEERR', e.message));
await page.goto('http://127.0.0.1:4510/');
await page.getByTestId('app').waitFor();
if (sample !== 'seed') {
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('samples-button').click();
  await page.locator(`[data-testid="sample"][data-sample="${sample}"]`).click();
}
if (mode !== 'infrastructure') await page.getByTestId('view-mode').selectOption(mode).catch(() => {});
await page.waitForTimeout(2000);
if (traceFlag) {
  const btn = page.getByTestId('trace-button');
  await page.getByTestId('trace-url').fill(traceFlag).catch(()=>{});
  await btn.click().catch((e) => console.log('no trace', e.message));
  await page.waitForTimeout(500);
  for (let i = 0; i < 3; i++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(300); }
  await page.waitForTimeout(800);
}
const info = await page.evaluate(() => {
  const t = [...document.querySelectorAll('[data-testid="graph-node"] .box-title')];
  const sizes = t.map((e) => parseFloat(getComputedStyle(e).fontSize) * (e.getBoundingClientRect().width / e.offsetWidth));
  const vp = document.querySelector('[data-testid=canvas] .react-flow__viewport')?.style.transform;
  return { n: t.length, min: Math.min(...sizes), max: Math.max(...sizes), vp };
});
console.log(JSON.stringify(info));
const name = `/tmp/legible-shots/${sample}-${mode}-${w}x${h}${traceFlag ? '-trace' : ''}.png`;
await page.screenshot({ path: name });
console.log(name);
await browser.close();
