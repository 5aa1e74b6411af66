// Must be the first import of main.ts: schemas read this when they are built.
// The CSP forbids eval; without this zod probes `new Function` (a CSP violation).
import { z } from 'zod';

z.config({ jitless: true });
