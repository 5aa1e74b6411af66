// The Summary: what an export contains, whatever the format. Declared once as
// a zod schema so the JSON export is validated against the same definition
// that docs/summary-json-schema.md documents (summaryVersion 1).
import { z } from 'zod';

export const SUMMARY_VERSION = 1;

const iso = z.string();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const TrendSchema = z.object({
  current: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative(),
  delta: z.number().int(),
});

export const CategoryCountSchema = TrendSchema.extend({
  id: z.string(),
  label: z.string(),
  /** null for category ids this taxonomy does not know. */
  group: z.enum(['technical', 'interpersonal']).nullable(),
});

/** One feedback item quoted in the summary (praise, blocking issue, example). */
export const QuoteSchema = z.object({
  id: z.string(),
  url: z.string(),
  prUrl: z.string(),
  repo: z.string(),
  prNumber: z.number().int(),
  /** Calendar day in the summary's time zone. */
  date: day,
  /** Who wrote it, or who received it for feedback given; a pseudonym when names are left out. */
  person: z.string(),
  /** Plain text, truncated; absent when comment text is left out. */
  text: z.string().optional(),
  categories: z.array(z.string()),
  resolved: z.boolean().optional(),
  blocking: z.boolean().optional(),
});

export const LinkedFeedbackSchema = z.object({
  id: z.string(),
  /** Absent when the linked comment is no longer in the journal. */
  url: z.string().optional(),
  text: z.string().optional(),
});

export const EntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['goal', 'action']),
  text: z.string(),
  status: z.enum(['open', 'done']),
  targetDate: day.optional(),
  /** Action items: the goal they serve (its id and text), when it still exists. */
  goal: z.object({ id: z.string(), text: z.string() }).optional(),
  overdue: z.boolean(),
  createdAt: iso,
  updatedAt: iso,
  links: z.array(LinkedFeedbackSchema),
});

export const TalkingPointSchema = z.object({
  /** Which rule produced it, e.g. "biggest-increase". */
  rule: z.string(),
  text: z.string(),
  /** A link that acts on it (the review flow for "tag-feedback": a vscode:// link). */
  link: z.object({ text: z.string(), url: z.string() }).optional(),
});

/** Received comments by tag state: confirmed (counted), likely (a suggestion only, never counted), not sure (nothing). */
export const TagSharesSchema = z.object({
  confirmed: z.number().int().nonnegative(),
  likely: z.number().int().nonnegative(),
  notSure: z.number().int().nonnegative(),
});

/** One row per feedback item in the period (the CSV export). */
export const ItemRowSchema = z.object({
  id: z.string(),
  direction: z.enum(['received', 'given']),
  createdAt: iso,
  date: day,
  repo: z.string(),
  prNumber: z.number().int(),
  prUrl: z.string(),
  prTitle: z.string().optional(),
  url: z.string(),
  path: z.string().optional(),
  line: z.number().int().optional(),
  reviewer: z.string(),
  author: z.string(),
  categories: z.array(z.string()),
  conventionalLabel: z.string().optional(),
  blocking: z.boolean(),
  resolved: z.boolean(),
  body: z.string().optional(),
});

const count = z.number().int().nonnegative();

/** "Feedback you gave" (My reviews): the mix of the comments the engineer gave, per person, and prompts. Present only when asked for. */
export const FeedbackGivenSchema = z.object({
  /** Comments the engineer gave in the period, from their journal and the other journals exported with it. */
  total: count,
  /** Of those, found only in other engineers' journals (what they received from this engineer). */
  onlyInOtherJournals: count,
  /** Each comment once: praise; issue (asks for a change); remark (question, thought, note); unknown (no label, nothing counted). `likely*` split the unknown ones by their suggested tag. */
  kind: z.object({ praise: count, issue: count, remark: count, unknown: count, likelyPraise: count, likelyIssue: count }),
  /** Each comment once, by the groups of its counted categories; `likely*` split the untagged ones by their suggested tag. */
  group: z.object({ technical: count, interpersonal: count, both: count, untagged: count, likelyTechnical: count, likelyInterpersonal: count }),
  blocking: z.object({ blocking: count, nonBlocking: count }),
  /** question: a `question:` label or a sentence ending in "?"; directive: an actionable label, an imperative or "should/must/please"; neither: praise, notes, other statements. */
  form: z.object({ question: count, directive: count, neither: count }),
  /** Inline review comments only: resolved, left open, or open on code that changed since (outdated). */
  threads: z.object({ resolved: count, open: count, outdated: count }),
  /** Comments with a Conventional Comments label. */
  labelled: count,
  categories: z.array(z.object({ id: z.string(), label: z.string(), group: z.enum(['technical', 'interpersonal']).nullable(), count, likely: count })),
  /** One row per person reviewed, most comments first. */
  people: z.array(
    z.object({
      person: z.string(),
      total: count,
      praise: count,
      issue: count,
      blocking: count,
      question: count,
      inline: count,
      resolved: count,
      /** Shares (0..1) at least 0.25 apart from everyone else's, each side resting on at least 5 comments. */
      differences: z.array(z.object({ metric: z.enum(['praise', 'blocking', 'question', 'resolved']), person: z.number(), others: z.number() })),
    }),
  ),
  prompts: z.array(
    z.object({
      /** Which rule produced it, e.g. "no-praise-for-person". */
      rule: z.string(),
      kind: z.enum(['celebrate', 'reflect']),
      text: z.string(),
      /** The person reviewed, for prompts about one person (a pseudonym when names are left out). */
      person: z.string().optional(),
      /** The comments behind the prompt, oldest first; at least 5. */
      comments: z.array(z.object({ id: z.string(), url: z.string() })),
    }),
  ),
});

export const EngineerSummarySchema = z.object({
  login: z.string(),
  host: z.string(),
  received: z.object({
    total: TrendSchema,
    /** Comments with no confirmed tag: likely + not sure (core/vocabulary; shares.likely + shares.notSure). */
    untagged: TrendSchema,
    /** Comments with at least one confirmed tag (a person's, a published marker, a Conventional Comments label). */
    confirmed: TrendSchema,
    /** At least minConfirmed confirmed comments in the period: categories and themes are meaningful. */
    enoughConfirmed: z.boolean(),
    /** enoughConfirmed in both periods: changes by category are meaningful. */
    comparable: z.boolean(),
    byGroup: z.object({ technical: TrendSchema, interpersonal: TrendSchema }),
    /** Categories with feedback in either period, most frequent first. */
    byCategory: z.array(CategoryCountSchema),
    /** Every summary states these shares, whatever the options. */
    shares: TagSharesSchema,
    /** Likely categories (suggested, not confirmed) in this period; empty unless options.includeLikely. Never part of the counts above. */
    likely: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() })),
  }),
  given: z.object({
    total: TrendSchema,
    byCategory: z.array(CategoryCountSchema),
    examples: z.array(QuoteSchema),
  }),
  themes: z.object({
    categories: z.array(z.object({ id: z.string(), label: z.string(), count: z.number().int() })),
    /** Words and two-word phrases seen in several comments; empty when text is left out. */
    topics: z.array(z.object({ term: z.string(), count: z.number().int() })),
  }),
  praise: z.object({
    receivedCount: z.number().int(),
    givenCount: z.number().int(),
    received: z.array(QuoteSchema),
    given: z.array(QuoteSchema),
  }),
  blocking: z.object({
    count: z.number().int(),
    unresolved: z.number().int(),
    items: z.array(QuoteSchema),
  }),
  goals: z.array(EntrySchema),
  actions: z.array(EntrySchema),
  talkingPoints: z.array(TalkingPointSchema),
  items: z.array(ItemRowSchema),
  feedbackGiven: FeedbackGivenSchema.optional(),
});

export const TeamRowSchema = z.object({
  login: z.string(),
  received: TrendSchema,
  given: TrendSchema,
  praiseReceived: z.number().int(),
  blocking: z.number().int(),
  unresolvedBlocking: z.number().int(),
  openActions: z.number().int(),
  overdueGoals: z.number().int(),
  /** Most frequent category received in the period (praise aside); null when none or fewer than minConfirmed confirmed comments. */
  topCategory: z.string().nullable(),
});

export const SummarySchema = z.object({
  summaryVersion: z.literal(SUMMARY_VERSION),
  generatedAt: iso,
  timeZone: z.string(),
  /** Fewest confirmed comments for a top category, theme or trend. */
  minConfirmed: z.number().int().positive(),
  period: z.object({
    /** Inclusive start instant. */
    from: iso,
    /** Exclusive end instant. */
    to: iso,
    /** First and last calendar day covered, in timeZone (both inclusive). */
    firstDay: day,
    lastDay: day,
    days: z.number(),
  }),
  previousPeriod: z.object({ from: iso, to: iso, firstDay: day, lastDay: day, days: z.number() }),
  options: z.object({ includeText: z.boolean(), includeReviewerNames: z.boolean(), excludeBots: z.boolean(), includeLikely: z.boolean(), includeGiven: z.boolean().optional() }),
  engineers: z.array(EngineerSummarySchema),
  /** Side-by-side comparison; null for a summary of one engineer. */
  team: z.array(TeamRowSchema).nullable(),
  /** Plain-language notes, e.g. that the period holds no feedback. */
  notes: z.array(z.string()),
});

export type Trend = z.infer<typeof TrendSchema>;
export type CategoryCount = z.infer<typeof CategoryCountSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type SummaryEntry = z.infer<typeof EntrySchema>;
export type TalkingPoint = z.infer<typeof TalkingPointSchema>;
export type TagSharesSummary = z.infer<typeof TagSharesSchema>;
export type ItemRow = z.infer<typeof ItemRowSchema>;
export type EngineerSummary = z.infer<typeof EngineerSummarySchema>;
export type TeamRow = z.infer<typeof TeamRowSchema>;
export type FeedbackGiven = z.infer<typeof FeedbackGivenSchema>;
export type Summary = z.infer<typeof SummarySchema>;
