// Start the GOV.UK components, and start them again inside anything htmx swaps in.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported", "js-enabled");
initAll();
document.body.addEventListener("htmx:afterSettle", (event) => {
  initAll({ scope: event.detail.elt });
});

// "Print or save as PDF" links (meeting minutes): open the browser's print dialogue.
for (const link of document.querySelectorAll("[data-fd-print]")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
}
