import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/**
 * Every test fails on a console error, an uncaught exception, a failed request, or any
 * request that leaves the page's own origin (nothing may leave the browser).
 */
export const test = base.extend<{ app: AppPage }>({
  page: async ({ page, baseURL }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A reload cancels what the old page had in flight; that is not a failure.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(baseURL ?? 'http://127.0.0.1') && !/^(data|blob):/.test(url)) {
        problems.push(`request left the page's origin: ${url}`);
      }
    });
    await use(page);
    expect(problems, 'console errors, failed or outside requests').toEqual([]);
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
