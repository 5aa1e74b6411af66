// Applied to every synced or demo item: tags from Conventional Comments labels
// and published markers, and a suggestion when nothing else tagged it.
import type { Feedback } from '../../core/model';
import { automaticTags } from '../../core/tagging';
import type { ClassifierService } from '../../store/classifierService';

export function prepareSyncedFeedback(classifier: Pick<ClassifierService, 'current'>): (f: Feedback) => Feedback {
  return (f) => automaticTags(f, classifier.current, new Date().toISOString());
}
