// The accessibility audit of Pasar's pages, in the headless Chromium the browser tests use:
//
// 1. axe-core (WCAG 2.0/2.1 A and AA) over every page, at 1280 × 900 and 360 × 800, with every
//    collapsed list (<details>) opened: 0 violations, each rule and node printed when not.
// 2. No two form controls of a page share an accessible name unless they are one group (radio
//    buttons of one name).
// 3. A keyboard walk over the comparison page: Tab reaches the search box, the filters, the
//    submit button, the first offer's link and its checkbox in that order, and the survey actions
//    within 5 stops after the last checkbox; every focused element shows a ring whose contrast
//    against what is behind it is at least 3:1 (WCAG 1.4.11), computed in the page.
//
// Usage: node audit.mjs http://127.0.0.1:PORT   (run.sh starts the demo and passes its address)
import puppeteer from "puppeteer-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { focusRingContrast, accessibleNameClashes } from "./page_checks.mjs";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 360, height: 800 },
];

const base = process.argv[2];
if (!base) {
  console.error("usage: node audit.mjs http://host:port");
  process.exit(2);
}

/** The pages audited: every page Pasar serves to people. */
function pages(offerIds) {
  const q = "q=kertas+hvs+a4&region=35.71";
  const survey = offerIds.map((id) => `offer=${encodeURIComponent(id)}`).join("&");
  return [
    { name: "start (id)", path: "/" },
    { name: "start (en)", path: "/?lang=en" },
    { name: "comparison (id)", path: `/?${q}` },
    { name: "comparison (en)", path: `/?${q}&lang=en` },
    { name: "survey (id)", path: `/survey?${q}&${survey}` },
    { name: "survey (en)", path: `/survey?${q}&${survey}&lang=en` },
    { name: "form error (id)", path: "/?q=kertas&min=abc" },
    { name: "form error (en)", path: "/?q=kertas&min=abc&lang=en" },
    { name: "spending", path: "/belanja?wilayah=35.71&tahun=2022" },
    { name: "spending, a year without transactions", path: "/belanja?wilayah=35.71&tahun=2025" },
    { name: "spending form", path: "/belanja" },
    { name: "spending form error", path: "/belanja?wilayah=99.99&tahun=2022" },
    { name: "GraphiQL", path: "/graphiql", ready: ".graphiql-query-editor .CodeMirror-scroll[data-pasar]" },
  ];
}

async function open(browser, path, viewport, ready) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const response = await page.goto(base + path, { waitUntil: "networkidle0", timeout: 180_000 });
  if (!response || response.status() >= 500) {
    throw new Error(`${path}: HTTP ${response && response.status()}`);
  }
  if (ready) await page.waitForSelector(ready, { timeout: 120_000 });
  // Collapsed lists hide offers from the audit: open them all.
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  return page;
}

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  });
}

/** Gateway ids of a few offers from the comparison page, for the survey's `offer=` list. */
async function someOfferIds(browser) {
  const page = await open(browser, "/?q=kertas+hvs+a4&region=35.71", VIEWPORTS[0]);
  const ids = await page.$$eval("input[name=offer]", (inputs) => inputs.slice(0, 4).map((i) => i.value));
  await page.close();
  if (ids.length === 0) throw new Error("the comparison page has no offer checkboxes to build a survey from");
  return ids;
}

async function keyboardWalk(browser) {
  const page = await open(browser, "/?q=kertas+hvs+a4&region=35.71", VIEWPORTS[0]);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = false)));
  const problems = [];
  const stops = [];
  // Enough stops to pass every offer of the page once.
  const limit = await page.evaluate(() => document.querySelectorAll("a, button, input, select, summary").length + 5);
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(focusRingContrast);
    if (!stop) break;
    stops.push(stop);
    if (stop.ring < 3) problems.push(`focus ring of ${stop.describe} has contrast ${stop.ring.toFixed(2)}:1 (needs 3:1)`);
    if (stop.last) break;
  }
  const at = (test) => stops.findIndex(test);
  const order = [
    ["the search box", at((s) => s.name === "q")],
    ["a filter", at((s) => ["region", "min", "max", "umk", "koperasi", "sort"].includes(s.name))],
    ["the submit button", at((s) => s.type === "submit" && !s.inSurvey)],
    ["the first offer's link", at((s) => s.offerLink)],
    ["the first offer's checkbox", at((s) => s.name === "offer")],
  ];
  for (const [what, index] of order) if (index < 0) problems.push(`Tab never reaches ${what}`);
  for (let k = 1; k < order.length; k++) {
    if (order[k - 1][1] >= 0 && order[k][1] >= 0 && order[k - 1][1] > order[k][1]) {
      problems.push(`Tab reaches ${order[k][0]} (stop ${order[k][1]}) before ${order[k - 1][0]} (stop ${order[k - 1][1]})`);
    }
  }
  const lastBox = stops.map((s) => s.name === "offer").lastIndexOf(true);
  const action = stops.findIndex((s, i) => i > lastBox && s.inSurvey && s.type === "submit");
  if (lastBox >= 0 && (action < 0 || action - lastBox > 5)) {
    problems.push(`the survey actions are ${action < 0 ? "never reached" : action - lastBox + " stops"} after the last checkbox (at most 5)`);
  }
  await page.close();
  const faintest = Math.min(...stops.map((s) => s.ring));
  const said = `${stops.length} stops, faintest ring ${faintest.toFixed(2)}:1, survey button ${action - lastBox} stop(s) after the last checkbox`;
  return { said, problems };
}

/** One page at one size: axe-core's violations and the accessible-name clashes, as printable lines. */
async function auditOne(browser, { name, path, ready }, viewport) {
  const started = Date.now();
  const page = await open(browser, path, viewport, ready);
  const violations = await axe(page);
  const clashes = await page.evaluate(accessibleNameClashes);
  await page.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const label = `${name} at ${viewport.width}×${viewport.height} (${path}) ${seconds} s`;
  const lines = [`${violations.length + clashes.length === 0 ? "ok  " : "FAIL"}   ${label}`];
  for (const v of violations) {
    lines.push(`  axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s)`);
    for (const n of v.nodes) lines.push(`    ${n}`);
  }
  for (const c of clashes) lines.push(`  same accessible name on ${c.count} controls: "${c.name}"`);
  return { problems: violations.length + clashes.length, lines };
}

/** Runs `jobs` (functions returning promises) `width` at a time; results in the jobs' order. */
async function pool(jobs, width) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}

/** The survey's count follows the ticks, in a live region (so a screen reader announces it). */
async function liveCount(browser) {
  const page = await open(browser, "/?q=kertas+hvs+a4&region=35.71", VIEWPORTS[0]);
  await page.$$eval("input[name=offer]", (boxes) => boxes.slice(0, 2).forEach((b) => b.click()));
  const count = await page.$eval("#survey-count", (p) => ({ text: p.textContent, live: p.getAttribute("aria-live") }));
  await page.close();
  const ok = /^2\b/.test(count.text) && count.live === "polite";
  return { ok, said: `after ticking 2 offers the survey count says "${count.text}" (aria-live=${count.live})` };
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // axe-core over the comparison page (~13,000 elements) takes seconds; on a loaded machine,
    // many times that. A slow page is not a failure: only a stuck one (10 min) is.
    protocolTimeout: 600_000,
    // Loopback only: a page that needs the internet shows it by failing here.
    args: ["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
  });
  let failures = 0;
  try {
    const offerIds = await someOfferIds(browser);
    const jobs = pages(offerIds).flatMap((page) => VIEWPORTS.map((viewport) => () => auditOne(browser, page, viewport)));
    // Two tabs at once: each runs in its own renderer process, so two cores are used.
    for (const { problems, lines } of await pool(jobs, Number(process.env.AUDIT_TABS || 2))) {
      failures += problems;
      for (const line of lines) console.log(line);
    }
    const count = await liveCount(browser);
    console.log(`${count.ok ? "ok  " : "FAIL"}   ${count.said}`);
    if (!count.ok) failures += 1;
    const walk = await keyboardWalk(browser);
    if (walk.problems.length === 0) {
      console.log(`ok     keyboard walk over the comparison page (${walk.said})`);
    } else {
      failures += walk.problems.length;
      console.log(`FAIL   keyboard walk over the comparison page (${walk.said})`);
      for (const p of walk.problems) console.log(`  ${p}`);
    }
  } finally {
    await browser.close();
  }
  console.log(`accessibility audit: ${failures} problem(s)`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
