// Who the views show: the signed-in engineer, engineers they track (a manager's
// reports, a mentor's mentees) and, in demo mode, the demo team.
import * as vscode from 'vscode';
import { ContextKeys, setContext } from '../../platform/contextKeys';
import { sameLogin, type EngineerRef } from '../../core/model';
import { readConfig, setTrackedEngineers } from '../../platform/config';

const SELECTED_KEY = 'reviewMentor.selectedEngineer';
export const DEMO_HOST = 'demo';

export class EngineerService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private me: EngineerRef | undefined;
  private demoTeam: EngineerRef[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly host: () => string,
  ) {}

  setMe(login: string | undefined): void {
    this.me = login ? { login, host: this.host() } : undefined;
    this.changed.fire();
  }

  setDemoTeam(logins: string[]): void {
    this.demoTeam = logins.map((login) => ({ login, host: DEMO_HOST }));
    setContext(ContextKeys.demo, logins.length > 0);
    this.changed.fire();
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
    return [...this.syncable(), ...this.demoTeam];
  }

  selected(): EngineerRef | undefined {
    const saved = this.state.get<EngineerRef>(SELECTED_KEY);
    const all = this.all();
    return all.find((e) => saved && e.host === saved.host && sameLogin(e.login, saved.login)) ?? all[0];
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
