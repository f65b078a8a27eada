// Lighthouse (mobile, its default simulated throttling) on each URL given, in one Chromium.
//
//   node tests/audit/lighthouse.mjs OUT.json URL...
//
// Writes {url: {scores: {category: 0-100}, failing: {category: [audit id: title (value)]},
// metrics: {id: numeric value}, blocking: [render-blocking URLs]}} to OUT.json;
// tests/audit/test_lighthouse.py asserts on it.
// Chromium: $CHROMIUM, else /usr/bin/chromium. Lighthouse and chrome-launcher come from
// package-lock.json (`npm ci`).
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [out, ...urls] = process.argv.slice(2);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                 "cumulative-layout-shift", "speed-index"];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
});
const results = {};
try {
  for (const url of urls) {
    const runner = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES,
    });
    const lhr = runner.lhr;
    const entry = {scores: {}, failing: {}, metrics: {}, runtimeError: lhr.runtimeError?.message};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      entry.scores[id] = category.score === null ? null : Math.round(category.score * 100);
      entry.failing[id] = category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 1
                && ["binary", "numeric", "metricSavings"].includes(a.scoreDisplayMode))
        .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
    for (const id of METRICS) entry.metrics[id] = lhr.audits[id]?.numericValue ?? null;
    entry.blocking = (lhr.audits["render-blocking-resources"]?.details?.items ?? [])
      .map((item) => item.url);
    results[url] = entry;
    process.stderr.write(`lighthouse ${JSON.stringify(entry.scores)} ${url}\n`);
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
