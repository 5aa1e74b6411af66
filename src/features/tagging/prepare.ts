// Applied to every synced or demo item: tags from Conventional Comments labels
// and published markers, and a suggestion when nothing else tagged it.
import type { Feedback } from '../../core/model';
import { automaticTags } from '../../core/tagging';
import type { App } from '../../app';

export function prepareSyncedFeedback(app: App): (f: Feedback) => Feedback {
  return (f) => automaticTags(f, app.classifier.current, new Date().toISOString());
}
