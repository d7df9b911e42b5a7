// Squeeze embed helper (optional): resizes each Squeeze widget on the page to the
// height it reports. Add it once after the iframes:
//   <script src="https://…/squeeze-embed.js" async></script>
// It only listens; it sends nothing anywhere.
(() => {
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'squeeze:resize' || !Number.isFinite(data.height) || data.height <= 0) return;
    for (const frame of document.querySelectorAll('iframe[data-squeeze-widget]')) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.ceil(Math.min(data.height, 5000))}px`;
      }
    }
  });
})();
