// Shared set-up for the end-to-end tests: a static server for the built site on
// 127.0.0.1 and Debian's Chromium driven by playwright-core (never a downloaded
// browser). Every request and console message is recorded so tests can assert
// that nothing reaches another origin and nothing errors.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** Serves `root` on 127.0.0.1 at a free port; resolves to { origin, close }. */
export async function serve(root = resolve('dist')) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // CORS lets the widget load its module script and wasm inside
      // <iframe sandbox="allow-scripts">, whose origin is opaque (README, hosting).
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'access-control-allow-origin': '*',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}

/** Launches Debian's headless Chromium with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Waits until the explorer's uncertainty analysis (Monte Carlo, tornado, map) is complete. */
export function analysisComplete(page) {
  return page.waitForFunction(() => document.querySelector('.risk')?.dataset.ready === 'monte-carlo tornado map tipping');
}

/**
 * Opens a page that records console errors, page errors and every request URL.
 * Returns { page, errors, requests }.
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  // Content-Security-Policy violations, from the page and from any frame in it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, context, errors, requests };
}

/**
 * The set-up every reader-level suite shares: one local server and one browser
 * for the file, a fresh context per page, and after each test the checks every
 * page must pass — no console error (CSP violations included) and no request to
 * any other origin. Returns { origin(), open(path, viewport?, options?),
 * session(), closeChecked() }.
 */
export async function readerSuite({ before, after, afterEach }) {
  const assert = (await import('node:assert/strict')).default;
  let server;
  let browser;
  let session;
  const closeChecked = async () => {
    if (!session) return;
    const { errors, requests, context } = session;
    session = undefined;
    await context.close();
    assert.deepEqual(errors, [], 'no console errors and no CSP violations, in the page or its frames');
    const foreign = requests.filter((url) => !url.startsWith(server.origin) && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, [], 'no request may leave the local server');
  };
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  afterEach(closeChecked);
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    origin: () => server.origin,
    session: () => session,
    closeChecked,
    async open(path, viewport, options) {
      await closeChecked();
      session = await openPage(browser, `${server.origin}${path}`, viewport, options);
      return session.page;
    },
  };
}
