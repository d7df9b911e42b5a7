// The uncertainty analysis as a reader meets it: the chance of a squeeze in the
// summary, the fan charts, the tornado and the squeeze map fill in after a drag,
// and the map sets two levers by pointer or keyboard.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analysisComplete, readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });

async function explorer() {
  const page = await suite.open('/', { width: 1280, height: 900 });
  await page.getByRole('status').waitFor();
  return page;
}


/** The description of the risk figure in the tab named `name`. */
async function riskDescription(page, name) {
  const risk = page.getByRole('region', { name: 'How likely, and what matters most' });
  await risk.getByRole('tab', { name }).click();
  return risk.getByRole('tabpanel').locator('.chart__description').textContent();
}

test('the summary gives the chance of a squeeze, and it rises with the slowdown', async () => {
  const page = await explorer();
  await analysisComplete(page);
  const chance = async () => Number((await page.getByRole('status').textContent()).match(/(\d+)% chance/)?.[1]);
  const calm = await chance();
  assert.ok(calm >= 0 && calm <= 100, `a percentage (${calm})`);
  const slider = page.getByRole('slider', { name: 'AI demand slowdown' });
  await slider.focus();
  await page.keyboard.press('End');
  await analysisComplete(page);
  assert.ok((await chance()) >= calm, 'a full slowdown does not make a squeeze less likely');
});

test('bands, tornado and map fill in again after a drag', async () => {
  const page = await explorer();
  await analysisComplete(page);
  const names = ['Chance of a liquidity squeeze', 'Bitcoin price: range of simulated paths', 'What moves the first squeeze most', 'Squeeze map: months to the first squeeze'];
  const before = [];
  for (const name of names) before.push(await riskDescription(page, name));
  // Bitcoin 30% lower moves every one of them (the map's axes are slowdown and leverage).
  await page.getByText('More levers').click();
  const slider = page.getByRole('slider', { name: 'Bitcoin price shock' });
  await slider.focus();
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowLeft');
  await analysisComplete(page);
  for (const [i, name] of names.entries()) {
    const now = await riskDescription(page, name);
    assert.notEqual(now, before[i], `${name} describes the new scenario`);
    assert.ok(await page.getByRole('region', { name: 'How likely, and what matters most' }).getByRole('tabpanel').locator('canvas').isVisible());
  }
});

test('the squeeze map sets slowdown and leverage by pointer and by keyboard', async () => {
  const page = await explorer();
  await analysisComplete(page);
  const risk = page.getByRole('region', { name: 'How likely, and what matters most' });
  await risk.getByRole('tab', { name: /Squeeze map/ }).click();
  const map = risk.getByRole('application');
  const slowdown = page.getByRole('slider', { name: 'AI demand slowdown' });
  const leverage = page.getByRole('slider', { name: 'Miner leverage' });
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * 0.8, y: box.height * 0.3 } });
  const clicked = [await slowdown.getAttribute('aria-valuetext'), await leverage.getAttribute('aria-valuetext')];
  assert.notDeepEqual(clicked, ['0%', '60%'], 'a click moves the levers to the cell');
  assert.ok(Number.parseInt(clicked[0], 10) >= 50, `right of the map is a strong slowdown (${clicked[0]})`);
  await map.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const keyed = [await slowdown.getAttribute('aria-valuetext'), await leverage.getAttribute('aria-valuetext')];
  assert.ok(Number.parseInt(keyed[0], 10) < Number.parseInt(clicked[0], 10), `left arrows lower the slowdown (${keyed[0]})`);
  assert.ok(Number.parseInt(keyed[1], 10) < Number.parseInt(clicked[1], 10), `down arrow lowers the leverage (${keyed[1]})`);
  await risk.getByRole('button', { name: 'Show data table' }).click();
  assert.ok((await risk.getByRole('table').getByRole('row').count()) > 10, 'the map as a table');
});
