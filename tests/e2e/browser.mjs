// Shared by the end-to-end tests and the screenshot script: Debian's Chromium, headless,
// driven by playwright-core (its own browser downloads do not work here).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * For a test file: serves www/ on a free port and launches the browser before its tests,
 * closes both after them. Returns a handle whose `browser` and `base` (the page's address)
 * are set once the tests run.
 */
export function servedPage({ before, after }) {
  const env = { server: null, browser: null, base: '' };
  before(async () => {
    const { serve } = await import('../../scripts/serve.mjs');
    env.server = await serve({ port: 0 });
    env.base = `http://127.0.0.1:${env.server.address().port}/`;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
