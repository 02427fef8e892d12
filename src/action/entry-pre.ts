import * as core from '@actions/core';
import { pre } from './pre.js';

// The pre step never fails the job: the main step sets tracing up on its own when this did not.
pre().catch((e: Error) => core.info(`io-trace pre step: ${e.stack ?? e.message}`));
