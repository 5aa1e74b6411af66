// The JSON Schema in docs/summary-json-schema.md must be the one the code uses.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SummarySchema, SUMMARY_VERSION } from '../../../src/core/summary';

describe('summary JSON schema doc', () => {
  it('embeds exactly the JSON Schema generated from SummarySchema', () => {
    const doc = readFileSync('docs/summary-json-schema.md', 'utf8');
    const block = /## JSON Schema[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc);
    assert.ok(block, 'the doc has a JSON Schema block');
    assert.deepEqual(JSON.parse(block[1]!), z.toJSONSchema(SummarySchema));
    assert.match(doc, new RegExp(`summaryVersion: ${SUMMARY_VERSION}`));
  });
});
