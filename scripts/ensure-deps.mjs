// Installs dependencies on a fresh clone (or after package-lock.json changed),
// so that `npm test` and `npm start` work as the first command a newcomer runs.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  process.stderr.write('marsad: installing dependencies (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund', { stdio: ['ignore', 2, 2] });
}
