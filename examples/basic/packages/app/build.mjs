import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';

const lib = readFileSync('../lib/dist/index.js', 'utf8');
const main = readFileSync('src/main.js', 'utf8');
mkdirSync('dist', { recursive: true });
// A temp file, created and removed by the task: not a finding.
writeFileSync('dist/.bundle.tmp', lib + main);
rmSync('dist/.bundle.tmp');
writeFileSync('dist/app.js', lib + main.replace('../../lib/dist/index.js', './lib.js'));
// Planted fault: build-info.json is written but not declared in app:build's outputs (unexpected_write).
writeFileSync('build-info.json', JSON.stringify({ builtAt: 'now' }) + '\n');
