// Sign-in: VS Code's GitHub authentication providers for github.com and GHE,
// or a personal access token kept in SecretStorage (servers without an OAuth
// app, the sandbox GitHub, the demo). Tokens never reach a log or a file.
import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import { resolveGitHubEndpoints } from '../../core/githubEndpoints';
import { hostOf } from '../../platform/config';
import { errorText } from '../../platform/errors';
import { backoffMs, outcomeOfError, Tickets } from './identity';

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
  private readonly offlineChanged = new vscode.EventEmitter<string | undefined>();
  /** Fires with the reason GitHub cannot be reached (the identity is the cached one), or undefined when it can again. */
  readonly onDidChangeOffline = this.offlineChanged.event;
  private offlineReason: string | undefined;
  private offlineAttempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  /** Only the latest sign-in, sign-out or check may change who is signed in. */
  private readonly tickets = new Tickets();
  private readonly subscriptions: vscode.Disposable[] = [this.changed, this.offlineChanged];

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

  /** Why GitHub could not be reached at the last identity check; undefined when it could. */
  get offline(): string | undefined {
    return this.offlineReason;
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

  /** Who was signed in last time GitHub answered: kept while it cannot be reached. */
  private identityKey(): string {
    return `reviewMentor.identity/${hostOf(this.serverUrl())}`;
  }

  /** The login GitHub confirmed last time (kept while it cannot be reached); the views show it at once on start-up. */
  cachedLogin(): string | undefined {
    const cached = this.state.get<SignedInUser>(this.identityKey());
    return typeof cached?.login === 'string' ? cached.login : undefined;
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

  /**
   * Finds out who is signed in, without prompting; called at start-up and on
   * changes. Only GitHub refusing the token signs out. When GitHub cannot be
   * reached, the identity seen last stays, "offline" is reported, and the
   * check runs again with backoff. A sign-in made while this runs wins.
   */
  async restore(): Promise<SignedInUser | undefined> {
    const ticket = this.tickets.take();
    const host = hostOf(this.serverUrl());
    const pat = await this.secrets.get(this.secretKey());
    const source: TokenSource = pat ? 'personal-access-token' : process.env[TOKEN_ENV_VAR] ? 'environment' : 'vscode-session';
    const token = await this.getToken();
    if (!this.tickets.isLatest(ticket)) return this.user;
    if (!token) {
      this.setOffline(undefined);
      return this.setUser(undefined);
    }
    let login: string;
    try {
      login = await this.whoAmI(token);
    } catch (err) {
      if (!this.tickets.isLatest(ticket)) return this.user;
      const outcome = outcomeOfError(err);
      if (outcome.kind === 'refused') {
        this.log.warn(`Stored sign-in was not accepted by ${host}: ${outcome.reason}`);
        await this.state.update(this.identityKey(), undefined);
        this.setOffline(undefined);
        return this.setUser(undefined);
      }
      const cached = this.state.get<SignedInUser>(this.identityKey());
      const delay = backoffMs(this.offlineAttempt++);
      this.log.warn(`Could not reach ${host} to check the sign-in (${outcome.reason}); ${cached ? `still signed in as ${cached.login}` : 'no earlier sign-in known'}; trying again in ${Math.round(delay / 1000)} s.`);
      this.setOffline(outcome.reason);
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => void this.restore(), delay);
      return cached ? this.setUser(cached) : this.user;
    }
    if (!this.tickets.isLatest(ticket)) return this.user;
    return this.confirmed({ login, source });
  }

  /** GitHub accepted the token: remember who it is, and stop any offline retries. */
  private async confirmed(user: SignedInUser): Promise<SignedInUser> {
    await this.state.update(this.identityKey(), user);
    this.setOffline(undefined);
    this.setUser(user);
    return user;
  }

  private setOffline(reason: string | undefined): void {
    if (reason === undefined) {
      this.offlineAttempt = 0;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (reason === this.offlineReason) return;
    this.offlineReason = reason;
    this.offlineChanged.fire(reason);
  }

  /** Sign in through VS Code's GitHub (or GitHub Enterprise) account. */
  async signIn(): Promise<SignedInUser | undefined> {
    if (this.providerId() === 'github-enterprise') await this.alignEnterpriseUri();
    this.tickets.take();
    const session = await vscode.authentication.getSession(this.providerId(), OAUTH_SCOPES, { createIfNone: true });
    this.tickets.take();
    await this.state.update(this.signedOutKey(), undefined);
    const login = await this.whoAmI(session.accessToken);
    this.log.info(`Signed in to ${hostOf(this.serverUrl())} as ${login} through VS Code's accounts.`);
    return this.confirmed({ login, source: 'vscode-session' });
  }

  /** Sign in with a personal access token; it is checked before it is kept. */
  async signInWithToken(token?: string): Promise<SignedInUser | undefined> {
    const host = hostOf(this.serverUrl());
    const value =
      token ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Sign in to {0} with a personal access token', host),
        prompt: vscode.l10n.t('The token needs the "repo" scope (or read access to pull requests). It is kept in VS Code\'s secret storage.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === '' ? 'Paste a token, or press Escape to cancel.' : undefined),
      }));
    if (!value) return undefined;
    // A start-up check still running must not undo this sign-in when it finishes.
    this.tickets.take();
    const login = await this.whoAmI(value.trim());
    this.tickets.take();
    await this.secrets.store(this.secretKey(), value.trim());
    await this.state.update(this.signedOutKey(), undefined);
    this.log.info(`Signed in to ${host} as ${login} with a personal access token.`);
    return this.confirmed({ login, source: 'personal-access-token' });
  }

  async signOut(): Promise<void> {
    this.tickets.take();
    this.setOffline(undefined);
    await this.state.update(this.identityKey(), undefined);
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

