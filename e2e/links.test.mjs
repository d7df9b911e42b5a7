// Links that say which model made them: the share link carries the model version,
// the data's date and the headline figures; a link made by an older model or on
// older data opens with a calm note and both sets of figures; a current link opens
// without one.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });

function metric(page, label) {
  return page.locator('.metric', { has: page.getByText(label, { exact: true }) }).locator('.metric__value');
}

test('an older link shows what it showed then beside today, and goes away when dismissed', async () => {
  const page = await suite.open('/#p=ai_demand_stalls&v=1.0&d=2025-09-30&h=2030-10_900000000_2');
  const note = page.getByRole('note');
  await note.getByText('This link was made with model 1.0 and data as of 30 Sep 2025. These are today\'s figures, from model 2.0 and data as of 31 Dec 2025.').waitFor();
  const row = (name) => note.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  assert.deepEqual(await row('First squeeze').allTextContents(), ['Oct 2030', (await metric(page, 'First squeeze').textContent()).trim()]);
  assert.equal((await row('Funding gap').allTextContents())[0], '$900M');
  assert.equal((await row('Companies squeezed').allTextContents())[0], '2');
  const { violations } = await new AxeBuilder({ page }).include('.notice--info').analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  // Moving a lever: the old figures no longer describe the view, the note goes.
  await page.getByRole('slider', { name: 'Miner leverage' }).fill('0.9');
  assert.equal(await page.getByRole('note').count(), 0);
});

test('the share link is stamped with this model and its figures, and opens without a note', async () => {
  const page = await suite.open('/#p=chip_glut&lev=0.8');
  await page.getByRole('button', { name: 'Share or embed' }).click();
  const link = await page.getByRole('dialog').getByLabel('Link to exactly this view').inputValue();
  assert.match(link, /#p=chip_glut&lev=0\.8&v=2\.0&d=2025-12-31&h=(none|\d{4}-\d{2})_\d+_\d+$/, link);
  const again = await suite.open(link.slice(link.indexOf('/#')));
  await again.getByRole('status').first().waitFor();
  assert.equal(await again.getByRole('note').count(), 0);
  assert.equal(await again.getByLabel('Scenario', { exact: true }).inputValue(), 'chip_glut');
});

test('in Italian, and a stamp that cannot be read is reported like any bad setting', async () => {
  const page = await suite.open('/#l=it&v=1.0&d=2025-09-30&h=none_0_0');
  await page.getByRole('note').getByText(/Questo link è stato creato con il modello 1\.0 e dati al 30 set 2025/).waitFor();
  await page.getByRole('note').getByRole('button', { name: 'Chiudi' }).click();
  assert.equal(await page.getByRole('note').count(), 0);
  const bad = await suite.open('/#d=yesterday');
  await bad.getByRole('alert').getByText(/yesterday/).waitFor();
});
