#!/usr/bin/env node
// Serve the loopback test site until interrupted; prints the hosts' origins.
//   node test/site/serve.mjs [--port N] [--articles N] [--crawl-delay S] [--latency-ms N] [--ports-mode] [--json]
import { startTestSite } from './server.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const site = await startTestSite({
  port: flag('--port') ? Number(flag('--port')) : 0,
  articlesPerHost: flag('--articles') ? Number(flag('--articles')) : undefined,
  crawlDelaySec: flag('--crawl-delay') ? Number(flag('--crawl-delay')) : undefined,
  latencyMs: flag('--latency-ms') ? Number(flag('--latency-ms')) : undefined,
  portsMode: args.includes('--ports-mode'),
});
if (args.includes('--json')) {
  console.log(JSON.stringify({ mode: site.mode, hosts: site.hosts, origins: site.origins }));
} else {
  console.log(`marsad test site (${site.mode} mode)`);
  for (const [name, origin] of Object.entries(site.hosts)) console.log(`  ${name.padEnd(6)} ${origin}/`);
}
const stop = async () => {
  await site.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
