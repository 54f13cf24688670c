// Builds Front Door's front-end assets into build/static (Django's STATICFILES_DIRS):
// our Sass over govuk-frontend compiled to CSS, and the JavaScript we serve.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "build", "static", "frontdoor");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
mkdirSync(out, { recursive: true });

const css = sass.compile(join(root, "assets", "frontdoor.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "frontdoor.css"), css.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
cpSync(join(root, "node_modules", "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
cpSync(join(root, "assets", "frontdoor.mjs"), join(out, "frontdoor.mjs"));
cpSync(join(root, "assets", "directory-map.mjs"), join(out, "directory-map.mjs"));
// Leaflet for the service directory's maps (its CSS refers to images/, which it shares with govuk-frontend).
const leaflet = join(root, "node_modules", "leaflet", "dist");
cpSync(join(leaflet, "leaflet.js"), join(out, "leaflet.js"));
// leaflet.js names its source map; collectstatic's manifest refuses a missing one.
cpSync(join(leaflet, "leaflet.js.map"), join(out, "leaflet.js.map"));
cpSync(join(leaflet, "leaflet.css"), join(out, "leaflet.css"));
cpSync(join(leaflet, "images"), join(out, "images"), { recursive: true });
cpSync(join(govuk, "assets", "images", "favicon.svg"), join(out, "favicon.svg"));
// The compiled CSS refers to these by path; collectstatic refuses a missing file.
cpSync(join(govuk, "assets", "images"), join(out, "images"), { recursive: true });
// Vega-Lite charts (recurrence profiles, concentration): the UMD builds, and vega-interpreter
// (an ES module importing vega-util) rewritten to take vega-util's functions from the vega
// global, so no bundler is needed. The interpreter runs chart expressions without eval (CSP).
const vegaDir = (name) => join(root, "node_modules", name, "build");
cpSync(join(vegaDir("vega"), "vega.min.js"), join(out, "vega.min.js"));
for (const [name, file] of [["vega-lite", "vega-lite.min.js"], ["vega-embed", "vega-embed.min.js"]]) {
  // Each names its source map; collectstatic's manifest refuses a missing one.
  cpSync(join(vegaDir(name), file), join(out, file));
  cpSync(join(vegaDir(name), `${file}.map`), join(out, `${file}.map`));
}
const interpreter = readFileSync(join(vegaDir("vega-interpreter"), "vega-interpreter.js"), "utf8");
writeFileSync(
  join(out, "vega-interpreter.mjs"),
  interpreter
    .replace(/^import \{ ([^}]+) \} from 'vega-util';$/m, "const { $1 } = globalThis.vega;")
    .replace(/^\/\/# sourceMappingURL=.*$/m, ""),
);
cpSync(join(root, "assets", "recurrence-charts.mjs"), join(out, "recurrence-charts.mjs"));
console.log(`built assets into ${out}`);
