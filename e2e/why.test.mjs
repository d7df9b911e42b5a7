// Why, step by step: the timeline under the outcome, used as a reader uses it —
// it names the company and the month the headline figures show, it changes when a
// lever moves, its link opens the company view — and it says exactly what
// `squeeze explain` says, for every preset, in English and Italian (one test
// drives both).
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { readerSuite } from './support.mjs';

const suite = await readerSuite({ before, after, afterEach });
const PRESETS = ['base', 'ai_demand_stalls', 'chip_glut', 'soft_landing', 'replay_2022'];

/** `squeeze explain` for a preset (and levers set on top) and a language, as JSON (built by cargo if need be). */
function explain(preset, lang, sets = []) {
  const args = ['run', '-q', '-p', 'squeeze-cli', '--', 'explain', '--preset', preset, '--lang', lang, '--format', 'json'];
  for (const set of sets) args.push('--set', set);
  return JSON.parse(execFileSync('cargo', args, { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/** The page's timeline: one { heading, steps } per company. */
async function pageStories(page, regionName) {
  const region = page.getByRole('region', { name: regionName });
  if ((await region.count()) === 0) return [];
  return region.getByRole('article').evaluateAll((articles) =>
    articles.map((a) => ({
      heading: a.querySelector('h4').textContent,
      steps: [...a.querySelectorAll('li')].map((li) => li.querySelector('.why__text').textContent),
    })),
  );
}

test('the timeline names the month and company the outcome shows, follows the levers and opens the company view', async () => {
  const page = await suite.open('/#p=replay_2022');
  const why = page.getByRole('region', { name: 'Why, step by step' });
  const story = why.getByRole('article', { name: /^Why Core Scientific is squeezed in (\w{3} 2022)$/ });
  await story.waitFor();
  const month = (await story.getByRole('heading').textContent()).match(/in (\w{3} 2022)$/)[1];
  // The same month in the headline figure and the summary.
  const first = page.locator('.metric', { has: page.getByText('First squeeze', { exact: true }) }).locator('.metric__value');
  assert.equal((await first.textContent()).trim(), month);
  assert.match(await page.getByRole('status').first().textContent(), new RegExp(`hits in ${month}`));
  // And the chart: the cash chart's description names the company and the month.
  assert.match(await page.locator('#outcome-charts .chart__description').first().textContent(), new RegExp(`Core Scientific in ${month}`));
  // Its last step is the squeeze and its causes, dated that month.
  const steps = story.getByRole('listitem');
  assert.match(await steps.last().textContent(), new RegExp(`^Why, in ${month}:`));
  // Less debt on the 2022 machines: the squeeze comes later, and the timeline says so.
  await page.getByRole('slider', { name: 'Miner leverage' }).fill('0.3');
  await why.getByRole('article', { name: /^Why Core Scientific is squeezed in / }).filter({ hasNotText: `in ${month}` }).waitFor();
  const later = (await why.getByRole('article').first().getByRole('heading').textContent()).match(/in (\w{3} 2022)$/)[1];
  assert.notEqual(later, month);
  assert.equal((await first.textContent()).trim(), later);
  const { violations } = await new AxeBuilder({ page }).include('.why').analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  // Each step links to its month on the chart: the cash chart, marked there.
  await story.getByRole('link', { name: `On the chart: ${later}` }).last().click();
  assert.equal(await page.locator('#outcome-charts').getByRole('tab', { selected: true }).textContent(), 'Company cash runway');
  const [mon, year] = later.split(' ');
  const number = String(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(mon) + 1).padStart(2, '0');
  await page.locator(`#outcome-charts .chart-panel[data-mark="${year}-${number}"]`).waitFor();
  // The link opens the company's view.
  await why.getByRole('link', { name: 'Core Scientific up close →' }).click();
  const company = page.getByRole('region', { name: 'The companies up close' });
  assert.equal(await company.getByLabel('Company', { exact: true }).inputValue(), 'core_scientific_2022');
  await page.waitForFunction(() => location.hash.includes('company=core_scientific_2022'));
});

test('with no squeeze there is no timeline', async () => {
  const page = await suite.open('/#p=base');
  await page.getByRole('status').first().getByText(/No company is squeezed/).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Why, step by step' }).count(), 0);
});

test('squeeze explain says what the page says, for every preset, in English and Italian', async () => {
  // Every preset, and a deep slowdown with heavy borrowing, where late-2025 companies break.
  const cases = [...PRESETS.map((p) => [p, [], '']), ['base', ['ai_demand_slowdown=0.5', 'btc_price_shock=-0.6'], '&ai=0.5&btc=-0.6']];
  let told = 0;
  for (const lang of ['en', 'it']) {
    const region = lang === 'en' ? 'Why, step by step' : 'Perché, passo per passo';
    for (const [preset, sets, fragment] of cases) {
      const cli = explain(preset, lang, sets);
      told += cli.stories.length;
      const page = await suite.open(`/#p=${preset}${fragment}&l=${lang}`);
      await page.getByRole('status').first().waitFor();
      const shown = await pageStories(page, region);
      const expected = cli.stories.map((s) => ({ heading: s.heading, steps: s.steps.map((step) => step.text) }));
      assert.deepEqual(shown, expected, `${preset}${fragment} in ${lang}`);
    }
  }
  assert.ok(told >= 4, 'the cases include squeezed companies to compare');
});
