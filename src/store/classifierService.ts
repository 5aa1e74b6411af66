// The local classifier plus the user's corrections, kept in a small JSON file
// beside the journals. Corrections never leave the machine.
import * as path from 'node:path';
import { createClassifier, type Classifier, type Correction } from '../core/classifier';
import { JsonFileStore } from './jsonFileStore';

interface CorrectionsFile {
  version: 1;
  corrections: Correction[];
}

/** Older corrections beyond this are dropped first; the newest teach the most. */
const MAX_CORRECTIONS = 5000;

export class ClassifierService {
  private readonly file: JsonFileStore<CorrectionsFile>;
  private classifier: Classifier = createClassifier();
  private loaded: Promise<void> | undefined;

  constructor(storageDir: string) {
    this.file = new JsonFileStore<CorrectionsFile>(path.join(storageDir, 'classifier-corrections.json'), () => ({ version: 1, corrections: [] }));
  }

  /** Loads corrections once; until then the base model answers. */
  ready(): Promise<void> {
    this.loaded ??= this.file.read().then((data) => {
      this.classifier = createClassifier(undefined, data.corrections);
    });
    return this.loaded;
  }

  get current(): Classifier {
    return this.classifier;
  }

  async addCorrections(list: Correction[]): Promise<void> {
    if (list.length === 0) return;
    const data = await this.file.update((d) => {
      d.corrections.push(...list);
      if (d.corrections.length > MAX_CORRECTIONS) d.corrections.splice(0, d.corrections.length - MAX_CORRECTIONS);
    });
    this.classifier = createClassifier(undefined, data.corrections);
  }

  /** Withdraws corrections recorded by a decision that was undone (each matched once, newest first). */
  async removeCorrections(list: Correction[]): Promise<void> {
    if (list.length === 0) return;
    const data = await this.file.update((d) => {
      d.corrections = withoutCorrections(d.corrections, list);
    });
    this.classifier = createClassifier(undefined, data.corrections);
  }
}

function key(c: Correction): string {
  return JSON.stringify([c.body, c.category, c.rejected ?? null, c.at]);
}

/** `all` less one occurrence of each of `remove`, matched from the newest end. */
export function withoutCorrections(all: Correction[], remove: readonly Correction[]): Correction[] {
  const pending = new Map<string, number>();
  for (const c of remove) pending.set(key(c), (pending.get(key(c)) ?? 0) + 1);
  const out: Correction[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const k = key(all[i]!);
    const n = pending.get(k) ?? 0;
    if (n > 0) pending.set(k, n - 1);
    else out.push(all[i]!);
  }
  return out.reverse();
}
