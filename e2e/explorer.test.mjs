// Reader-level tests of the built site (dist/), in Debian's headless Chromium:
// find each headline slider by its accessible name, move it with the keyboard and
// the pointer, and watch the summary change, with no console error and no request
// to any other origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, serve } from './support.mjs';

const HEADLINE = ['AI demand slowdown', 'Miner leverage', 'Chip throughput'];

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the explorer and waits until the app has rendered its summary. */
async function explorer(viewport) {
  const session = await openPage(browser, `${server.origin}/`, viewport);
  await session.page.getByRole('status').waitFor();
  return session;
}

function assertOnlyLocal(requests) {
  const foreign = requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request may leave the local server');
}

test('each headline slider moved by keyboard changes the summary', async () => {
  const { page, context, errors, requests } = await explorer();
  const summary = page.getByRole('status');
  for (const name of HEADLINE) {
    const slider = page.getByRole('slider', { name });
    await slider.focus();
    const before = await slider.getAttribute('aria-valuetext');
    // Push the lever to the end that stresses the miners most.
    await page.keyboard.press('End');
    const after = await slider.getAttribute('aria-valuetext');
    assert.notEqual(after, before, `${name}: the slider's announced value changes`);
  }
  const stressed = await summary.textContent();
  // And back to the calm end: the words must follow.
  for (const name of HEADLINE) {
    await page.getByRole('slider', { name }).focus();
    await page.keyboard.press('Home');
  }
  assert.notEqual(await summary.textContent(), stressed, 'the summary follows the levers');
  assert.deepEqual(errors, []);
  assertOnlyLocal(requests);
  await context.close();
});

test('dragging a slider with the pointer recomputes while dragging', async () => {
  const { page, context, errors, requests } = await explorer();
  const slider = page.getByRole('slider', { name: 'Miner leverage' });
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  const texts = new Set();
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let step = 0; step <= 10; step += 1) {
    await page.mouse.move(box.x + 2 + ((box.width - 4) * step) / 10, y);
    texts.add(await slider.getAttribute('aria-valuetext'));
  }
  await page.mouse.up();
  assert.ok(texts.size >= 5, `the value updates during the drag, saw ${[...texts].join(', ')}`);
  assert.equal(await slider.getAttribute('aria-valuetext'), '90%');
  assert.deepEqual(errors, []);
  assertOnlyLocal(requests);
  await context.close();
});

test('a hard slowdown with heavy leverage and a chip glut reports a squeeze', async () => {
  const { page, context } = await explorer();
  for (const name of HEADLINE) {
    await page.getByRole('slider', { name }).focus();
    await page.keyboard.press('End');
  }
  assert.match(await page.getByRole('status').textContent(), /squeeze/i);
  await context.close();
});

test('the page works at phone width: sliders, summary and chart are visible', async () => {
  const { page, context, errors } = await explorer({ width: 320, height: 640 });
  for (const name of HEADLINE) {
    const box = await page.getByRole('slider', { name }).boundingBox();
    assert.ok(box && box.width > 150 && box.x >= 0 && box.x + box.width <= 320, `${name} fits the screen`);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `no sideways scrolling (scrollWidth ${width})`);
  assert.ok(await page.getByRole('img', { name: /cash/i }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});
