// Sign-in: VS Code's GitHub authentication providers for github.com and GHE,
// or a personal access token kept in SecretStorage (servers without an OAuth
// app, the sandbox GitHub, the demo). Tokens never reach a log or a file.
import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import { resolveGitHubEndpoints } from '../../core/githubEndpoints';
import { hostOf } from '../../platform/config';
import { errorText } from '../../platform/errors';

export type TokenSource = 'vscode-session' | 'personal-access-token' | 'environment';

export interface SignedInUser {
  login: string;
  source: TokenSource;
}

const OAUTH_SCOPES = ['repo', 'read:user'];
/** For CI and the demo: a token handed over by the environment, never persisted. */
export const TOKEN_ENV_VAR = 'REVIEW_MENTOR_TOKEN';

export class AuthService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SignedInUser | undefined>();
  readonly onDidChange = this.changed.event;
  private user: SignedInUser | undefined;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly serverUrl: () => string,
    /** Resolves a token to its GitHub login; throws when the token is refused. */
    private readonly whoAmI: (token: string) => Promise<string>,
  ) {
    this.subscriptions.push(
      vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id === this.providerId()) void this.restore();
      }),
    );
  }

  get current(): SignedInUser | undefined {
    return this.user;
  }

  /** `github` for github.com; `github-enterprise` for GHE Server and for SUBDOMAIN.ghe.com, as VS Code expects. */
  private providerId(): string {
    try {
      return resolveGitHubEndpoints(this.serverUrl()).authProvider;
    } catch {
      return 'github-enterprise';
    }
  }

  private secretKey(): string {
    return `reviewMentor.token/${hostOf(this.serverUrl())}`;
  }

  private signedOutKey(): string {
    return `reviewMentor.signedOut/${hostOf(this.serverUrl())}`;
  }

  /** The token for API calls, found silently (no prompts). */
  async getToken(): Promise<string | undefined> {
    const pat = await this.secrets.get(this.secretKey());
    if (pat) return pat;
    const env = process.env[TOKEN_ENV_VAR];
    if (env) return env;
    if (this.state.get<boolean>(this.signedOutKey())) return undefined;
    try {
      const session = await vscode.authentication.getSession(this.providerId(), OAUTH_SCOPES, { silent: true });
      return session?.accessToken;
    } catch (err) {
      this.log.debug(`No ${this.providerId()} session: ${errorText(err)}`);
      return undefined;
    }
  }

  /** Finds out who is signed in, without prompting; called at start-up and on changes. */
  async restore(): Promise<SignedInUser | undefined> {
    const pat = await this.secrets.get(this.secretKey());
    const source: TokenSource = pat ? 'personal-access-token' : process.env[TOKEN_ENV_VAR] ? 'environment' : 'vscode-session';
    const token = await this.getToken();
    if (!token) return this.setUser(undefined);
    try {
      return this.setUser({ login: await this.whoAmI(token), source });
    } catch (err) {
      this.log.warn(`Stored sign-in was not accepted by ${hostOf(this.serverUrl())}: ${errorText(err)}`);
      return this.setUser(undefined);
    }
  }

  /** Sign in through VS Code's GitHub (or GitHub Enterprise) account. */
  async signIn(): Promise<SignedInUser | undefined> {
    if (this.providerId() === 'github-enterprise') await this.alignEnterpriseUri();
    const session = await vscode.authentication.getSession(this.providerId(), OAUTH_SCOPES, { createIfNone: true });
    await this.state.update(this.signedOutKey(), undefined);
    const login = await this.whoAmI(session.accessToken);
    this.log.info(`Signed in to ${hostOf(this.serverUrl())} as ${login} through VS Code's accounts.`);
    return this.setUser({ login, source: 'vscode-session' });
  }

  /** Sign in with a personal access token; it is checked before it is kept. */
  async signInWithToken(token?: string): Promise<SignedInUser | undefined> {
    const host = hostOf(this.serverUrl());
    const value =
      token ??
      (await vscode.window.showInputBox({
        title: `Sign in to ${host} with a personal access token`,
        prompt: 'The token needs the "repo" scope (or read access to pull requests). It is kept in VS Code\'s secret storage.',
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === '' ? 'Paste a token, or press Escape to cancel.' : undefined),
      }));
    if (!value) return undefined;
    const login = await this.whoAmI(value.trim());
    await this.secrets.store(this.secretKey(), value.trim());
    await this.state.update(this.signedOutKey(), undefined);
    this.log.info(`Signed in to ${host} as ${login} with a personal access token.`);
    return this.setUser({ login, source: 'personal-access-token' });
  }

  async signOut(): Promise<void> {
    await this.secrets.delete(this.secretKey());
    // VS Code's own session belongs to the user's Accounts menu; remember not to use it.
    await this.state.update(this.signedOutKey(), true);
    this.log.info(`Signed out of ${hostOf(this.serverUrl())}.`);
    this.setUser(undefined);
  }

  /**
   * The built-in GHE provider reads its own setting; point it at our server's
   * web root when it is unset (for SUBDOMAIN.ghe.com it finds api.SUBDOMAIN.ghe.com itself).
   */
  private async alignEnterpriseUri(): Promise<void> {
    const ghe = vscode.workspace.getConfiguration('github-enterprise');
    const current = ghe.get<string>('uri', '');
    if (!current) {
      await ghe.update('uri', this.serverUrl(), vscode.ConfigurationTarget.Global);
    } else if (hostOf(current) !== hostOf(this.serverUrl())) {
      this.log.warn(`github-enterprise.uri (${current}) differs from reviewMentor.github.serverUrl (${this.serverUrl()}).`);
    }
  }

  private setUser(user: SignedInUser | undefined): SignedInUser | undefined {
    const changed = user?.login !== this.user?.login || user?.source !== this.user?.source;
    this.user = user;
    setContext(ContextKeys.signedIn, !!user);
    if (changed) this.changed.fire(user);
    return user;
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

