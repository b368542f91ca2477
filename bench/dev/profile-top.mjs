// Prints the self-time top of the newest .cpuprofile in a folder: node bench/dev/profile-top.cjs DIR
import fs from 'node:fs';
const dir = process.argv[2];
const f = fs.readdirSync(dir).sort().pop();
const p = JSON.parse(fs.readFileSync(dir + '/' + f));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const total = p.timeDeltas.reduce((a, b) => a + b, 0);
const self = new Map();
p.samples.forEach((s, i) => {
  const n = byId.get(s);
  const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`.slice(0, 120);
  self.set(k, (self.get(k) || 0) + p.timeDeltas[i]);
});
[...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, t]) => console.log((t / total * 100).toFixed(1) + '%', k));
