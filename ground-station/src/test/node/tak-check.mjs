// Reads Cursor-on-Target events (a JSON array of XML strings, in the order a TAK client got them),
// parses every one with @tak-ps/node-cot and plays them onto a map the way TAK clients do:
// an event replaces whatever had its uid; a t-x-d-d event removes the uid it links.
// Prints one JSON line: the map after each event (uid -> {type, geometry type, coordinates, links}).
import { readFileSync } from 'node:fs';
import CoT from '@tak-ps/node-cot';

const events = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const map = new Map();
const steps = [];
for (const xml of events) {
    const cot = new CoT(xml);
    const f = cot.to_geojson();
    const type = cot.raw.event._attributes.type;
    if (type === 't-x-d-d') {
        let links = cot.raw.event.detail.link;
        links = Array.isArray(links) ? links : [links];
        for (const l of links) map.delete(l._attributes.uid);
    } else {
        map.set(f.id, {
            type,
            geometry: f.geometry.type,
            coordinates: f.geometry.coordinates,
            callsign: f.properties.callsign,
            links: (f.properties.links || []).map((l) => l.url),
            stroke: f.properties.stroke || null
        });
    }
    steps.push(Object.fromEntries(map));
}
console.log(JSON.stringify(steps));
