// The parts of zod 4 the extension uses, without its 40 locales and the JSON
// Schema converters: `import { z } from 'zod'` keeps every export of the
// namespace alive in a bundle, which tripled the extension's size.
// esbuild aliases `zod` to this file (esbuild.config.mjs); types still come from zod.
import * as z from './zod-slim-external.mjs';
export { z, z as default };
export * from './zod-slim-external.mjs';
