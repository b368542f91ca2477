// Renders the bench results as Markdown, and describes the machine they were measured on.
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

/** nproc, CPU model (from /proc/cpuinfo), memory, node version. */
export function machineInfo() {
  let cpu = 'unknown';
  try {
    cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: the model stays unknown
  }
  return {
    nproc: availableParallelism(),
    cpu,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const f3 = (x) => (x == null ? '–' : x.toFixed(3));
const f1 = (x) => (x == null ? '–' : x.toFixed(1));
const ratio = (x) => (x == null ? '–' : `${x.toFixed(2)}×`);

export function renderMarkdown(r) {
  const m = r.machine;
  const lines = [
    '# Extraction bench: marsad and its peers',
    '',
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} × ${m.cpu} (${m.memoryGB} GB), Node ${m.node}, ${m.platform}; ` +
      `marsad at ${r.commit?.hash?.slice(0, 12) ?? 'unknown commit'}${r.commit?.srcModified ? ' plus uncommitted src/ changes' : ''}. ` +
      `The whole run took ${r.elapsedSec} s.`,
    '',
    `Development set: ${r.devset.pages} pages (scrapinghub article-extraction-benchmark), HTML in memory. ` +
      `Each tool runs in its own process: one warm-up pass (its output is the one scored), then ${r.settings.passes} timed passes; ` +
      'pages/s is from the median pass, one thread. F1, precision (P), recall (R) and accuracy as the benchmark defines them ' +
      '(bench/metric.mjs); ± is the 95% bootstrap interval of F1 (1,000 page resamples). Ratio is pages/s over Readability.js on linkedom. ' +
      'Peak RSS is the child process\'s maxRSS, including the development set it holds (see "baseline").',
    '',
    '| tool | F1 | P | R | accuracy | pages/s | ratio | peak RSS MB | baseline RSS MB |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of r.tools) {
    if (t.error) {
      lines.push(`| ${t.label} | not run: ${t.error} | | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${t.label} | ${f3(t.f1)} ± ${f3(t.f1Interval95)} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.accuracy)} | ` +
        `${f1(t.pagesPerSec)} | ${ratio(t.ratioVsBaseline)} | ${t.peakRssMB} | ${t.baselineRssMB} |`,
    );
  }
  lines.push('', '## Versions', '');
  for (const t of r.tools) if (!t.error) lines.push(`- ${t.label}: ${t.version}`);

  if (r.parallel) {
    const p = r.parallel;
    lines.push('', `## marsad with --jobs ${p.jobs} (worker threads, page i to worker i mod ${p.jobs})`, '');
    lines.push(
      p.error
        ? `Not run: ${p.error}.`
        : `${f1(p.pagesPerSec)} pages/s (${ratio(p.speedupVsSingle)} the single-thread figure), F1 ${f3(p.f1)}, ` +
            `peak RSS ${p.peakRssMB} MB for the whole process; passes ${p.passMs.join(', ')} ms.`,
    );
  }
  if (r.repeated) {
    const q = r.repeated;
    lines.push('', `## marsad memory over ${q.passes ?? ''} repeated passes`, '');
    lines.push(
      q.error
        ? `Not run: ${q.error}.`
        : `Peak RSS after each pass (MB): ${q.peakRssMBByPass.join(', ')}; RSS after each pass: ${q.rssMBByPass.join(', ')}. ` +
            (q.liveHeapMB ? `live JS heap after a forced full GC: ${q.liveHeapMB.afterWarmup} MB after the warm-up, ${q.liveHeapMB.afterLastPass} MB after the last pass. ` : '') +
            `Peak RSS growth from the first to the last pass: ${q.growthMB} MB — ${q.flat ? 'flat' : 'NOT flat'} (flat = within 10%); ` +
            `highest peak ${Math.max(...q.peakRssMBByPass)} MB (target: under 300 MB).`,
    );
  }
  const notes = [];
  for (const t of r.tools) {
    if (t.error) continue;
    if (t.failedPages.length) notes.push(`${t.label}: ${t.failedPages.length} page(s) threw and score as empty (first: ${t.failedPages[0].error}).`);
    if (t.consoleMessages) {
      const perPass = Math.round(t.consoleMessages.count / (t.passMs.length + 1));
      notes.push(`${t.label}: printed about ${perPass} console message(s) per pass, muted (first: "${t.consoleMessages.first}").`);
    }
    if (t.jsdomStyleFallbacks) {
      notes.push(
        `${t.label}: jsdom's CSS parser threw on ${t.jsdomStyleFallbacks} page(s); they were parsed again without <style> (both parses timed).`,
      );
    }
  }
  if (notes.length) lines.push('', '## Notes from this run', '', ...notes.map((n) => `- ${n}`));
  lines.push('', '## Reproduce', '', '```sh', ...r.commands, '```', '');
  return lines.join('\n');
}
