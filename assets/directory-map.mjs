// The public service directory's map, as progressive enhancement: the list of results is the
// page's content, and without JavaScript, Leaflet or map tiles the page works the same. The map
// data comes from the container's data-map attribute (no inline script: the CSP forbids it).
const element = document.getElementById("directory-map");
const L = window.L;

if (element && L && element.dataset.map) {
  const data = JSON.parse(element.dataset.map);
  element.hidden = false;
  element.style.height = "20rem";
  const map = L.map(element, { scrollWheelZoom: false });
  if (data.tiles) {
    L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
  }
  const centre = [data.centre.lat, data.centre.lng];
  L.circleMarker(centre, { radius: 9, color: "#0b0c0c", weight: 3, fillColor: "#ffdd00", fillOpacity: 1 })
    .bindTooltip(`You searched from ${data.centre.name}`)
    .addTo(map);
  const bounds = [centre];
  for (const point of data.points) {
    const where = [point.lat, point.lng];
    const link = document.createElement("a");
    link.href = point.url;
    link.className = "govuk-link";
    link.textContent = point.name;
    const text = document.createElement("p");
    text.className = "govuk-body-s govuk-!-margin-0";
    text.append(link, document.createElement("br"), `${point.place}: ${point.distance}`);
    L.marker(where, { title: point.name, alt: `${point.name}, ${point.distance}` })
      .bindPopup(text)
      .addTo(map);
    bounds.push(where);
  }
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
}
