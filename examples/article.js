// The host side of the example article: react to each widget's outcome and drive
// the first widget with a `squeeze:set` message. (Resizing is squeeze-embed.js.)
const frames = { stalls: document.getElementById('stalls'), glut: document.getElementById('glut') };

addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'squeeze:outcome') return;
  for (const [name, frame] of Object.entries(frames)) {
    if (frame.contentWindow !== event.source) continue;
    const { outcome } = data;
    const line = document.getElementById(`${name}-reaction`);
    line.textContent = outcome.squeeze_date
      ? `The reader's scenario: first squeeze in ${outcome.squeeze_date}, ${Math.round(outcome.distressed_capacity_share * 100)}% of converted AI capacity in distress.`
      : "The reader's scenario: no squeeze before the end of 2030.";
    line.dataset.squeezeDate = outcome.squeeze_date ?? 'none';
  }
});

document.getElementById('harsher').addEventListener('click', () => {
  frames.stalls.contentWindow.postMessage(
    { type: 'squeeze:set', scenario: { ai_demand_slowdown: 0.8, miner_leverage: 0.85 } },
    '*',
  );
});
