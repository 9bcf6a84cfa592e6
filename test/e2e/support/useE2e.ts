import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { late } from '../../support/late.js';
import { launchBrowser } from './browser.js';
import { startE2eServer, type E2eServer } from './server.js';
import { TicketApi } from './ticketApi.js';

/**
 * A runtime on a fresh embedded database and a chromium for the enclosing describe block, started in
 * beforeAll and closed in afterAll, with the HTTP helper that seeds what other modules own.
 */
export function useE2e(): { server: E2eServer; browser: Browser; api: TicketApi } {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let api: TicketApi | undefined;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    api = new TicketApi(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  return { server: late('the server', () => server), browser: late('the browser', () => browser), api: late('the API', () => api) };
}
