// The sandbox GitHub: a local GitHub Enterprise stand-in for tests, demos and
// benchmarks. See README.md for routes, tokens, faults and the dataset format.
export { startSandbox, type Sandbox, type SandboxOptions, type RequestLogEntry } from './server';
export type { Fault } from './faults';
export type { NewComment } from './mutate';
export { HOURLY_LIMIT } from './budget';
export { SEARCH_RESULT_LIMIT } from './search';
export { MAX_NODES, MAX_PAGE, analyze } from './cost';
export { githubSchema } from './schema';
export { DEMO_TOKEN, DEMO_VIEWER, generateDataset } from '../src/demo/generate';
