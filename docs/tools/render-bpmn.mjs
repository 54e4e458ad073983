// Renders BPMN models to SVG with bpmn-js (the viewer bundle from node_modules, no CDN) in
// Debian's headless Chromium, the browser the UI tests use, driven by playwright-core.
//
// The same model must give a byte-identical SVG on every machine, so that a check can tell
// a stale picture from a fresh one:
// - label layout depends on font metrics, so the page measures text with Arimo (metric-
//   compatible with Arial, shipped by @fontsource/arimo) registered under the name "Arial",
//   whatever fonts the machine has; the SVG still asks its viewer for "Arial, sans-serif";
// - Chromium takes hinting and anti-aliasing from fontconfig, and they change the measured
//   widths (whole pixels without anti-aliasing), so it gets a fontconfig file of its own
//   instead of the machine's;
// - bpmn-js names its arrow-head markers with random ids: they become marker-1, marker-2, …
//   in order of appearance;
// - coordinates are rounded to two decimals, so that sub-pixel noise of another Chromium
//   build does not show up as a change.
// The invisible hit areas bpmn-js draws for mouse interaction are left out: they only
// make the file bigger.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.CAREFLOW_CHROMIUM || '/usr/bin/chromium';

// The flags Chromium needs as root on these machines, as in the UI tests' Browser; playwright
// adds --headless, --no-sandbox and a fresh --user-data-dir itself.
const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'
];

// anti-aliased, unhinted glyphs: fractional advances, as on a default Debian machine
const FONTCONFIG = (cache) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <cachedir>${cache}</cachedir>
${['pattern', 'font'].map((target) => `  <match target="${target}">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>false</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintnone</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
  </match>`).join('\n')}
</fontconfig>
`;

/** Arimo's faces (every subset of the regular weight): { weight, unicodeRange, woff2 as base64 }. */
export function arimoFaces() {
  const css = require.resolve('@fontsource/arimo/400.css');
  return [...fs.readFileSync(css, 'utf8').matchAll(/@font-face\s*{([^}]*)}/g)].map(([, rule]) => ({
    weight: /font-weight:\s*([^;]+);/.exec(rule)[1],
    unicodeRange: /unicode-range:\s*([^;]+);/.exec(rule)[1],
    woff2: fs.readFileSync(path.join(path.dirname(css), 'files', /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)[1])).toString('base64')
  }));
}

/** Makes bpmn-js's SVG independent of the run: stable marker ids, no hit areas, rounded numbers. */
export function normalizeSvg(svg, source) {
  const markers = new Map();
  svg = svg.replace(/\bmarker-[0-9a-z]{10,}\b/g, (id) => {
    if (!markers.has(id)) markers.set(id, `marker-${markers.size + 1}`);
    return markers.get(id);
  });
  svg = svg.replace(/<(rect|polyline|circle|path|line)\b[^>]*\bclass="djs-hit[^"]*"[^>]*\/>/g, '');
  // numbers inside tags only (attributes), never in label text
  svg = svg.replace(/<[^>]+>/g, (tag) => tag.replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2)))));
  return svg.replace('<!-- created with bpmn-js / http://bpmn.io -->',
    `<!-- created with bpmn-js / http://bpmn.io from ${source}; regenerate with npm run diagrams -->`);
}

/**
 * Renders each BPMN file; returns one entry per file, in the given order:
 * { file, id, name, documentation, svg } — id, name and documentation of the model's
 * (first executable) process.
 */
export async function renderBpmn(files) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Drawing the BPMN models needs Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'careflow-diagrams-'));
  fs.writeFileSync(path.join(home, 'fonts.conf'), FONTCONFIG(path.join(home, 'fontconfig-cache')));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      FONTCONFIG_FILE: path.join(home, 'fonts.conf'),
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_CACHE_HOME: path.join(home, 'cache')
    }
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head>'
      + '<body style="margin:0"><div id="canvas" style="width:1400px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    // Arimo as "Arial", from bytes rather than URLs (nothing to fetch), every face loaded
    // before the first label is measured rather than when a glyph first needs it
    await page.evaluate(async (faces) => {
      for (const { weight, unicodeRange, woff2 } of faces) {
        const bytes = Uint8Array.from(atob(woff2), (c) => c.charCodeAt(0));
        const face = new FontFace('Arial', bytes, { weight, unicodeRange, style: 'normal' });
        document.fonts.add(await face.load());
      }
      await document.fonts.ready;
    }, arimoFaces());

    const results = [];
    for (const file of files) {
      const xml = fs.readFileSync(file, 'utf8');
      const rendered = await page.evaluate(async (xml) => {
        const viewer = new window.BpmnJS({ container: '#canvas' });
        try {
          const { warnings } = await viewer.importXML(xml);
          const processes = viewer.getDefinitions().rootElements.filter((e) => e.$type === 'bpmn:Process');
          const main = processes.find((p) => p.isExecutable) || processes[0];
          const { svg } = await viewer.saveSVG();
          return {
            warnings: warnings.map((w) => w.message),
            id: main && main.id,
            name: main && main.name,
            documentation: main && main.documentation && main.documentation.length ? main.documentation[0].text : '',
            svg
          };
        } finally {
          viewer.destroy();
        }
      }, xml);
      if (rendered.warnings.length) {
        throw new Error(`${file}: bpmn-js could not read all of the model:\n  ${rendered.warnings.join('\n  ')}`);
      }
      if (!rendered.id) {
        throw new Error(`${file}: no process in the model`);
      }
      results.push({ file, ...rendered, svg: normalizeSvg(rendered.svg, file) + '\n' });
    }
    return results;
  } finally {
    await browser.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
