// GraphQL errors that came with partial data, in plain words for the status
// bar, the log and the CLI. The common one is SAML single sign-on: GitHub
// hides an organisation's PRs (null results, FORBIDDEN with saml_failure)
// from a token that is not authorised for it, and names the organisation
// only by id in X-GitHub-SSO, so its login is looked up.
import * as l10n from '@vscode/l10n';
import type { GitHubClient } from './client';
import type { GraphQLErrorShape } from './httpErrors';

export function isSamlError(e: GraphQLErrorShape): boolean {
  return e.extensions?.['saml_failure'] === true || /SAML enforcement/i.test(e.message);
}

/** Organisation logins (or "id N" when the lookup fails) named by X-GitHub-SSO headers. */
export async function ssoOrganisations(client: GitHubClient, headers: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const h of new Set(headers)) {
    const url = /url=(\S+)/.exec(h)?.[1];
    const fromUrl = url ? /\/orgs\/([^/?#]+)\/sso/.exec(url)?.[1] : undefined;
    if (fromUrl) names.add(decodeURIComponent(fromUrl));
    for (const id of /organizations=([\d,\s]+)/.exec(h)?.[1]?.split(',').map((x) => x.trim()).filter(Boolean) ?? []) {
      try {
        const r = await client.octokit.request('GET /organizations/{id}', { id: Number(id) });
        names.add(String((r.data as { login?: unknown }).login ?? `id ${id}`));
      } catch {
        names.add(`id ${id}`);
      }
    }
  }
  return [...names].sort();
}

/** One sentence per kind of problem. `count` is how many PRs it hid. */
export function describeProblems(errors: readonly GraphQLErrorShape[], orgs: readonly string[], host: string): string[] {
  const out: string[] = [];
  const saml = errors.filter(isSamlError);
  if (saml.length > 0) {
    const who = orgs.length === 0 ? l10n.t('an organisation') : orgs.length === 1 ? l10n.t('the organisation {0}', orgs[0]!) : l10n.t('the organisations {0}', orgs.join(', '));
    const org = orgs[0] ?? l10n.t('the organisation');
    out.push(
      `${saml.length === 1 ? l10n.t('GitHub ({0}) hid 1 pull request of {1}: it uses SAML single sign-on and your token is not authorised for it.', host, who) : l10n.t('GitHub ({0}) hid {1} pull requests of {2}: it uses SAML single sign-on and your token is not authorised for it.', host, saml.length, who)} ` +
        l10n.t('Authorise the token: on GitHub open Settings → Developer settings → Personal access tokens, choose "Configure SSO" next to the token and "Authorize" next to {0} (signed in through VS Code: sign out of Review Mentor and sign in again, granting access to {0}). Sync keeps trying those pull requests until then.', org),
    );
  }
  const other = errors.filter((e) => !isSamlError(e) && e.type !== 'NOT_FOUND');
  const byMessage = new Map<string, number>();
  for (const e of other) byMessage.set(`${e.type ? `${e.type}: ` : ''}${e.message}`, (byMessage.get(`${e.type ? `${e.type}: ` : ''}${e.message}`) ?? 0) + 1);
  for (const [message, n] of byMessage) out.push(n === 1 ? l10n.t('GitHub ({0}) could not give 1 result ({1}); sync tries them again next time.', host, message) : l10n.t('GitHub ({0}) could not give {1} results ({2}); sync tries them again next time.', host, n, message));
  return out;
}
