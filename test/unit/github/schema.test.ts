// Every document the extension sends must be valid against GitHub's published
// schema (the same one github.com serves), not just against the sandbox.
import assert from 'node:assert/strict';
import { buildClientSchema, parse, validate, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_DOCUMENTS, overflowQuery } from '../../../src/github/queries';

describe('github/queries against GitHub\'s published schema', () => {
  let schema: GraphQLSchema;
  before(() => {
    // The package is ESM-only with no export for schema.json; its `schema.json`
    // getter reads this same file.
    const json = JSON.parse(readFileSync(join(__dirname, '../../../node_modules/@octokit/graphql-schema/schema.json'), 'utf8')) as { data?: IntrospectionQuery } & IntrospectionQuery;
    schema = buildClientSchema(json.data ?? json);
  });

  for (const [name, doc] of Object.entries(ALL_DOCUMENTS)) {
    it(`${name} validates`, () => {
      const errors = validate(schema, parse(doc));
      assert.deepEqual(errors.map((e) => e.message), []);
    });
  }

  it('a batch of 10 mixed overflow pages validates', () => {
    const kinds = ['reviewThreads', 'reviews', 'comments', 'threadComments'] as const;
    const { query, variables } = overflowQuery(Array.from({ length: 10 }, (_, i) => ({ kind: kinds[i % 4]!, id: `N${i}`, after: `C${i}` })));
    assert.deepEqual(validate(schema, parse(query)).map((e) => e.message), []);
    assert.equal(Object.keys(variables).length, 20);
  });

  it('the validator is not vacuous: a wrong field is reported', () => {
    const bad = ALL_DOCUMENTS['ReviewMentorViewer']!.replace('login', 'loginName');
    assert.ok(validate(schema, parse(bad)).length > 0);
  });
});
