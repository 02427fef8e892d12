import { greet } from '../../lib/dist/index.js';
console.log(greet('io-trace'));
