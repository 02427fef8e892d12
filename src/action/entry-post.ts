import * as core from '@actions/core';
import { post } from './post.js';

// The post step never fails the job: its work (uploads) is evidence, not the verdict.
post().catch((e: Error) => core.warning(`io-trace post step: ${e.stack ?? e.message}`));
