import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JsonFileStore } from '../../../src/store';
import { problems, tempDir } from './helpers';

interface Prefs {
  version: 1;
  logins: string[];
}

describe('store: JsonFileStore', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());
  const defaults = (): Prefs => ({ version: 1, logins: [] });

  it('reads defaults without creating a file, and updates from the latest data', async () => {
    const file = path.join(t.dir, 'sub', 'tracked.json');
    const a = new JsonFileStore<Prefs>(file, defaults);
    const b = new JsonFileStore<Prefs>(file, defaults);
    assert.deepEqual(await a.read(), defaults());
    assert.equal(existsSync(file), false);
    await a.update((d) => d.logins.push('ada'));
    const saved = await b.update((d) => d.logins.push('bob'));
    assert.deepEqual(saved.logins, ['ada', 'bob']);
    assert.deepEqual((await a.read()).logins, ['ada', 'bob']);
  });

  it('loses no update when many run at once', async () => {
    const file = path.join(t.dir, 'n.json');
    const stores = [0, 1, 2].map(() => new JsonFileStore<Prefs>(file, defaults));
    await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 3]!.update((d) => d.logins.push(`u${i}`))));
    assert.equal((await stores[0]!.read()).logins.length, 60);
  });

  it('a read leaves a damaged file as it is (told once); the next update sets it aside, says so once, and starts from defaults', async () => {
    const file = path.join(t.dir, 'corrections.json');
    writeFileSync(file, '{"version":1,"logins":["ad');
    const seen = problems();
    const s = new JsonFileStore<Prefs>(file, defaults, { onProblem: seen.onProblem });
    assert.deepEqual(await s.read(), defaults());
    assert.deepEqual(await s.read(), defaults());
    assert.deepEqual(seen.list.map((p) => p.kind), ['damaged']);
    assert.equal(readFileSync(file, 'utf8'), '{"version":1,"logins":["ad', 'a read changes nothing');
    await s.update((d) => d.logins.push('x'));
    assert.deepEqual(seen.list.map((p) => p.kind), ['damaged', 'corrupt']);
    assert.match(seen.list[1]!.message, /corrections\.json because it is not valid JSON.*moved to/);
    assert.equal(readFileSync(seen.list[1]!.movedTo!, 'utf8'), '{"version":1,"logins":["ad');
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 1, logins: ['x'] });
  });

  it('keeps fields it does not know', async () => {
    const file = path.join(t.dir, 'k.json');
    writeFileSync(file, JSON.stringify({ version: 1, logins: [], later: { a: 1 } }));
    await new JsonFileStore<Prefs>(file, defaults).update((d) => d.logins.push('y'));
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')).later, { a: 1 });
  });
});
