import * as core from '@actions/core';
import { main } from './main.js';

// The only place the action decides its step's result.
main().then(
  (r) => r.failure && core.setFailed(r.failure),
  (e: Error) => core.setFailed(e.name === 'ConfigurationError' ? e.message : `io-trace: ${e.stack ?? e.message}`),
);
