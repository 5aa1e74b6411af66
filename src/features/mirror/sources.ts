// Where "My reviews" looks for the comments a reviewer gave.
import type { EngineerRef, Journal } from '../../core/model';
import { sameLogin } from '../../core/model';
import type { App } from '../../app';

/** Every journal on the reviewer's host the extension keeps: theirs first, then tracked engineers' (or the demo team's). */
export async function journalsAround(app: App, reviewer: EngineerRef): Promise<Journal[]> {
  const others = app.engineers.all().filter((e) => e.host === reviewer.host && !sameLogin(e.login, reviewer.login));
  return Promise.all([reviewer, ...others].map((e) => app.journals.load(e)));
}

