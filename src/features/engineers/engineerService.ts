// Who the views show: the signed-in engineer, engineers they track (a manager's
// reports, a mentor's mentees) and, in demo mode, the demo team. Until sign-in
// answers after a reload, the identity cached from the last session stands in
// (core/engineerSelection decides; nobody is shown rather than the wrong one).
import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import { sameLogin, type EngineerRef } from '../../core/model';
import { chooseEngineer, everyone, type IdentityState, type Selection } from '../../core/engineerSelection';
import { readConfig, setTrackedEngineers } from '../../platform/config';

const SELECTED_KEY = 'reviewMentor.selectedEngineer';
export const DEMO_HOST = 'demo';

export class EngineerService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private me: EngineerRef | undefined;
  private identity: IdentityState;
  private demoTeam: EngineerRef[] = [];
  private demoListed = false;

  constructor(
    private readonly state: vscode.Memento,
    private readonly host: () => string,
    /** The identity sign-in confirmed last time (AuthService keeps it), shown until sign-in answers. */
    cachedLogin: () => string | undefined = () => undefined,
  ) {
    const cached = cachedLogin();
    this.me = cached ? { login: cached, host: host() } : undefined;
    this.identity = cached ? 'cached' : 'unknown';
    this.setContexts();
  }

  /** Sign-in answered: `login` is who is signed in, or nobody. */
  setMe(login: string | undefined): void {
    this.me = login ? { login, host: this.host() } : undefined;
    this.identity = 'known';
    this.setContexts();
    this.changed.fire();
  }

  /** The demo journals found on disk (or just written); [] when there are none. */
  setDemoTeam(logins: string[]): void {
    this.demoTeam = logins.map((login) => ({ login, host: DEMO_HOST }));
    this.demoListed = true;
    setContext(ContextKeys.demo, logins.length > 0);
    this.changed.fire();
  }

  /** True until sign-in has answered and no identity was cached. */
  get signingIn(): boolean {
    return this.identity === 'unknown';
  }

  /** True once sign-in has answered (signed in or not). */
  get identityKnown(): boolean {
    return this.identity === 'known';
  }

  private setContexts(): void {
    // The sign-in welcome shows only once we know nobody is signed in.
    setContext(ContextKeys.signedOut, this.identity === 'known' && !this.me);
  }

  get isDemo(): boolean {
    return this.demoTeam.length > 0;
  }

  get signedIn(): EngineerRef | undefined {
    return this.me;
  }

  /** Engineers to sync from GitHub: me first, then the tracked ones. */
  syncable(): EngineerRef[] {
    const result: EngineerRef[] = this.me ? [this.me] : [];
    for (const login of readConfig().trackedEngineers) {
      if (!result.some((e) => sameLogin(e.login, login))) result.push({ login, host: this.host() });
    }
    return result;
  }

  /** Everyone the picker offers. */
  all(): EngineerRef[] {
    return everyone({ me: this.me, tracked: this.syncable(), demo: this.demoTeam });
  }

  /** Who the views show, or why nobody is shown yet. */
  selection(): Selection {
    return chooseEngineer({
      saved: this.state.get<EngineerRef>(SELECTED_KEY),
      me: this.me,
      identity: this.identity,
      tracked: this.syncable(),
      demo: this.demoTeam,
      demoListed: this.demoListed,
    });
  }

  selected(): EngineerRef | undefined {
    const s = this.selection();
    return s.kind === 'engineer' ? s.engineer : undefined;
  }

  async select(engineer: EngineerRef): Promise<void> {
    await this.state.update(SELECTED_KEY, engineer);
    this.changed.fire();
  }

  async track(login: string): Promise<void> {
    const tracked = readConfig().trackedEngineers;
    if (!tracked.some((l) => sameLogin(l, login))) await setTrackedEngineers([...tracked, login]);
    this.changed.fire();
  }

  async untrack(login: string): Promise<void> {
    await setTrackedEngineers(readConfig().trackedEngineers.filter((l) => !sameLogin(l, login)));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** GitHub logins: 1-39 characters, alphanumeric or single dashes, not at the ends. */
export function validateLogin(value: string): string | undefined {
  const v = value.trim();
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9])){0,38}$/.test(v)) {
    return 'A GitHub login has 1 to 39 letters, digits or single dashes, and does not start or end with a dash.';
  }
  return undefined;
}
