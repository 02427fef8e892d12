import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync('src/index.js', 'utf8');
// Planted fault: the banner is read but not declared in lib:build's inputs (unexpected_read).
const banner = readFileSync('../../config/banner.txt', 'utf8').trim();
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.js', `// ${banner}\n${source}`);
