// Stands in for @octokit/plugin-rest-endpoint-methods in the extension's and
// the CLI's bundles (esbuild.config.mjs aliases it here). @octokit/rest builds
// `octokit.rest.*` from a generated table of every REST endpoint (83 KB
// minified, 16% of the activation bundle); the extension calls only
// `octokit.request(...)` (GraphQL by POST, a few REST routes by name), which
// come from @octokit/core and are unchanged. Reaching for a generated method
// fails loudly instead of half-working; test/unit/github/restMethodsSlim.test.ts
// keeps src from using them. Tests run the real plugin (no bundle).
const missing = () =>
  new Proxy({}, {
    get(_target, name) {
      if (typeof name === 'symbol' || name === 'then') return undefined;
      throw new Error(`octokit.rest.${String(name)} is left out of Review Mentor's bundle: call octokit.request('VERB /route') instead.`);
    },
  });

export function restEndpointMethods() {
  return { rest: missing() };
}
export function legacyRestEndpointMethods() {
  return { rest: missing() };
}
restEndpointMethods.VERSION = legacyRestEndpointMethods.VERSION = 'slim';
