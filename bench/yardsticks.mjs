// Times alex and write-good over the same posts as bench/throughput.py (run by it).
//   npm install --prefix bench && node bench/yardsticks.mjs bench/results/posts.jsonl
// Prints JSON: {tool: {posts, seconds, rate, findings, peak_rss_mb}}. Warm: 20 posts first.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import process from "node:process";

const require = createRequire(import.meta.url);
const texts = readFileSync(process.argv[2], "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line).text);

async function time(name, load) {
  try {
    const lint = await load();
    for (const text of texts.slice(0, 20)) lint(text);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let findings = 0;
    for (const text of texts) findings += lint(text).length;
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      posts: texts.length,
      seconds,
      rate: texts.length / seconds,
      cpu_rate: texts.length / cpuSeconds,
      findings,
      peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    };
  } catch (error) {
    return { error: `${name}: ${error.message}` };
  }
}

const results = {};
results["write-good"] = await time("write-good", async () => {
  const writeGood = require("write-good");
  return (text) => writeGood(text);
});
results.alex = await time("alex", async () => {
  const alex = await import("alex");
  return (text) => alex.text(text).messages;
});
console.log(JSON.stringify(results));
