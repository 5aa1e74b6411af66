// The panel's view state: what the webview persists with setState and
// reports to the host. The host's serializer reads `login`/`host` from it.
import { z } from 'zod';

export const TABS = ['overview', 'timeline', 'goals', 'review'] as const;
export const PERIODS = ['2w', '30d', '90d', 'quarter', 'all'] as const;
export type TabId = (typeof TABS)[number];
export type PeriodId = (typeof PERIODS)[number];

export const filtersSchema = z.object({
  category: z.string().max(64).default(''),
  reviewer: z.string().max(100).default(''),
  repo: z.string().max(300).default(''),
  text: z.string().max(500).default(''),
  direction: z.enum(['received', 'given', 'all']).default('received'),
});
export type TimelineFilters = z.infer<typeof filtersSchema>;

/** Where the review flow stands: decisions are in the journal; this is the walk through them. */
export const reviewStateSchema = z.object({
  direction: z.enum(['received', 'given']).optional(),
  /** Decisions made so far in this round (progress "41 of 273" survives leaving and coming back). */
  reviewed: z.number().int().min(0).max(1e7).default(0),
  /** Skipped items go to the end of the queue. */
  skipped: z.array(z.string().max(256)).max(5_000).default([]),
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const viewStateSchema = z.object({
  login: z.string().max(100).optional(),
  host: z.string().max(253).optional(),
  tab: z.enum(TABS).default('overview'),
  period: z.enum(PERIODS).default('30d'),
  filters: filtersSchema.default({ category: '', reviewer: '', repo: '', text: '', direction: 'received' }),
  scrollTop: z.number().min(0).max(1e9).default(0),
  /** Timeline: the item at the top of the view (rows size to their content, so a pixel offset alone drifts). */
  anchor: z.string().max(256).optional(),
  expanded: z.array(z.string().max(256)).max(200).default([]),
  review: reviewStateSchema.default({ reviewed: 0, skipped: [] }),
  /** The Overview's "likely" layer (categories suggested but not confirmed); on by default there. */
  showLikely: z.boolean().default(true),
});
export type ViewState = z.infer<typeof viewStateSchema>;

/** Saved state is untrusted (an older build may have written it): fall back to defaults. */
export function parseViewState(raw: unknown): ViewState {
  const parsed = viewStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : viewStateSchema.parse({});
}
