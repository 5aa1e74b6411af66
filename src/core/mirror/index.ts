// "My reviews": the mentor's mirror over the feedback an engineer gave.
export { collectGiven, type GivenFeedback } from './collect';
export { facetsOf, ACTIONABLE_LABELS, REMARK_LABELS, type Facets, type Form, type GroupMix, type ThreadState, type Tone, type GroupOf } from './facets';
export { isDirectiveForm, isQuestionForm } from './form';
export { mixOf, shares, ratio, percent, metricShare, MIN_EVIDENCE, DIFFERENCE, type Mix, type Split, type CategoryTally, type Metric, type Faceted } from './mix';
export { mirrorReport, type MirrorOptions, type MirrorReport, type PersonMix, type Difference } from './report';
export type { Prompt, PromptRule } from './prompts';
