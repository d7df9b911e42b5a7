// Browser benchmark (not a test): drags each headline slider through 100
// positions in headless Chromium, one input per animation frame, and reports the
// main-thread work per input (median, 95th percentile, max) and dropped frames,
// with the uncertainty analysis (1,000 Monte Carlo paths, tornado, squeeze map)
// running in slices behind it; then the time from the last input until those
// are complete.
//
//   make bench-browser        (builds the release site first)
//
// Main-thread work per input = from dispatching the `input` event until the task
// and its microtasks (Yew's render, the model run, the chart redraw) have finished,
// measured by a MessageChannel message queued right after the dispatch.
import { analysisComplete, launch, openPage, serve } from './support.mjs';

const SLIDERS = ['AI demand slowdown', 'Miner leverage', 'Chip throughput'];
const POSITIONS = 100;

const server = await serve();
const browser = await launch();
const { page, context, errors } = await openPage(browser, `${server.origin}/`, { width: 1280, height: 900 });
await page.getByRole('status').waitFor();
// Start from a settled page: the first analysis (right after load) has finished.
await analysisComplete(page);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const rows = [];
for (const name of SLIDERS) {
  const slider = page.getByRole('slider', { name });
  const handle = await slider.elementHandle();
  const result = await page.evaluate(async ({ input, positions }) => {
    const min = Number(input.min);
    const max = Number(input.max);
    const afterTask = () => new Promise((done) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    const work = [];
    const frames = [];
    let summaryChanges = 0;
    const status = document.querySelector('[role=status]');
    let last = status.textContent;
    await frame();
    for (let i = 0; i <= positions; i += 1) {
      frames.push(await frame());
      const start = performance.now();
      input.value = String(min + ((max - min) * i) / positions);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      work.push((await afterTask()) - start);
      if (status.textContent !== last) {
        summaryChanges += 1;
        last = status.textContent;
      }
    }
    frames.push(await frame());
    const intervals = frames.slice(1).map((t, i) => t - frames[i]);
    // From the last input until the bands, the tornado and the map are complete.
    const lastInput = performance.now() - (performance.now() - frames[frames.length - 2]);
    const risk = document.querySelector('.risk');
    while (risk.dataset.ready !== 'monte-carlo tornado map tipping') await frame();
    const analysis = performance.now() - lastInput;
    return { work, intervals, summaryChanges, analysis };
  }, { input: handle, positions: POSITIONS });
  const work = [...result.work].sort((a, b) => a - b);
  const intervals = [...result.intervals].sort((a, b) => a - b);
  const frameMs = percentile(intervals, 50);
  rows.push({
    slider: name,
    inputs: work.length,
    median_ms: percentile(work, 50).toFixed(2),
    p95_ms: percentile(work, 95).toFixed(2),
    max_ms: work[work.length - 1].toFixed(2),
    frame_ms: frameMs.toFixed(1),
    dropped_frames: result.intervals.filter((t) => t > frameMs * 1.5).length,
    summary_changes: result.summaryChanges,
    analysis_done_ms: result.analysis.toFixed(0),
  });
}
console.table(rows);
const all = rows.map((r) => Number(r.p95_ms));
console.log(`worst p95 main-thread work per input: ${Math.max(...all).toFixed(2)} ms (frame budget 16.7 ms); dropped frames: ${rows.reduce((s, r) => s + r.dropped_frames, 0)}`);
console.log(`last input to bands + tornado + map + tipping marks complete: ${rows.map((r) => `${r.analysis_done_ms} ms`).join(', ')}`);
if (errors.length) console.log('console errors:', errors);
await context.close();
await browser.close();
await server.close();
