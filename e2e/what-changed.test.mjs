// What changed against the baseline, and why: pin a baseline, move two levers,
// and read how each headline figure's change splits among them — the parts add up
// to the change, by role and label, in English and Italian.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });

async function splits(region) {
  await region.getByRole('table').first().waitFor();
  return region.getByRole('table').evaluateAll((tables) =>
    tables.map((t) => ({
      caption: t.closest('figure').querySelector('figcaption').textContent,
      parts: [...t.querySelectorAll('tbody td[data-value]')].map((td) => Number(td.dataset.value)),
      levers: [...t.querySelectorAll('tbody th')].map((th) => th.textContent),
      total: Number(t.querySelector('tfoot td[data-value]').dataset.value),
    })),
  );
}

test('pinning a baseline and moving two levers splits the change between them, and the parts add up', async () => {
  const page = await suite.open('/#p=base&btc=-0.4');
  await page.getByRole('button', { name: 'Pin as baseline' }).click();
  const region = page.getByRole('region', { name: 'What changed against the baseline, and why' });
  await region.getByText('The headline figures are as in the baseline.').waitFor();
  await page.getByRole('slider', { name: 'AI demand slowdown' }).fill('0.7');
  await page.getByRole('slider', { name: 'Miner leverage' }).fill('0.9');
  const figures = await splits(region);
  assert.ok(figures.length >= 1, 'a headline figure changed');
  for (const f of figures) {
    assert.deepEqual(f.levers, ['AI demand slowdown', 'Miner leverage']);
    const sum = f.parts.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - f.total) <= 1e-6 * (1 + Math.abs(f.total)), `${f.caption}: ${sum} vs ${f.total}`);
    assert.match(f.caption, /of the change comes from (AI demand slowdown|Miner leverage)\./);
  }
  // The funding gap opens: its parts are in dollars and add up to its change.
  assert.ok(figures.some((f) => /^Funding gap: \$0 → \$[\d.]+[MB] \(\+\$/.test(f.caption)), figures.map((f) => f.caption).join(' | '));
  assert.ok(figures.some((f) => /^Months to the first squeeze \(the whole horizon: none\): 60 → \d+ \(−\d+\)/.test(f.caption)), 'a squeeze now comes before the end');
  const { violations } = await new AxeBuilder({ page }).include('.what-changed').analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  // Unpinning removes it.
  await page.getByRole('button', { name: 'Unpin baseline' }).click();
  assert.equal(await region.count(), 0);
});

test('in Italian, and across eras it says no lever explains the difference', async () => {
  const page = await suite.open('/#p=base&l=it');
  await page.getByRole('button', { name: 'Fissa come riferimento' }).click();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Replica del 2022' });
  const region = page.getByRole('region', { name: 'Cosa è cambiato rispetto al riferimento, e perché' });
  await region.getByText(/nessuna leva spiega la differenza/).waitFor();
});
