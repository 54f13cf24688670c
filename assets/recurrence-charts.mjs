// Draws the Vega-Lite charts whose specs a page embeds as JSON data blocks
// (<script type="application/json" id="...">, referred to by data-vega-spec).
// The content security policy forbids eval, so Vega's expressions are parsed to an
// AST and run by vega-interpreter instead of being compiled to functions.
// Without JavaScript the page's table beside each chart carries the same numbers.
function load(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.appendChild(script);
  });
}

const here = new URL(".", import.meta.url);

async function draw() {
  const charts = document.querySelectorAll("[data-vega-spec]");
  if (!charts.length) return;
  await load(new URL("vega.min.js", here));
  // vega-interpreter takes vega-util's functions from the vega global, so it comes after.
  const { expressionInterpreter } = await import(new URL("vega-interpreter.mjs", here));
  await load(new URL("vega-lite.min.js", here));
  await load(new URL("vega-embed.min.js", here));
  for (const element of charts) {
    const source = document.getElementById(element.dataset.vegaSpec);
    if (!source) continue;
    const spec = JSON.parse(source.textContent);
    await window.vegaEmbed(element, spec, {
      ast: true,
      expr: expressionInterpreter,
      renderer: "canvas",
      actions: false,
      defaultStyle: false,
      tooltip: false,
    });
    element.classList.add("fd-chart--drawn");
  }
}

draw().catch((error) => console.error("Chart not drawn; the table shows the data.", error));
