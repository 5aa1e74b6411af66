// Text for demo review feedback, by category. Slots: {fn} function near the
// line, {file} file name, {other} another engineer, {n} a number, {noun}.
// Labels are Conventional Comments (https://conventionalcomments.org) that
// fit the category; the generator puts one in front of ~25% of comments.

export const TECHNICAL = ['correctness', 'design', 'testing', 'performance', 'security', 'readability', 'documentation', 'tooling'] as const;
export const INTERPERSONAL = ['communication', 'collaboration', 'tone', 'mentoring', 'praise', 'ownership'] as const;
export type DemoCategory = (typeof TECHNICAL)[number] | (typeof INTERPERSONAL)[number];
export const CATEGORIES: readonly DemoCategory[] = [...TECHNICAL, ...INTERPERSONAL];

export const INLINE: Record<DemoCategory, string[]> = {
  correctness: [
    "{fn} returns early when the list is empty, but the caller still expects the cursor to advance. I think this drops the last page.",
    "This is off by one: `<=` walks past the end when `limit` equals the length. Can you add a case for exactly {n} items?",
    "What happens here if the {noun} was deleted between the read and the write? We'd save a stale copy back.",
    "`{fn}` swallows the error and returns undefined, so the caller treats a network failure as \"not found\".",
    "The timezone is dropped when we format this date, so anyone west of UTC sees yesterday's {noun}s.",
    "This retry loop never rethrows after the last attempt, so a permanent failure looks like success upstream.",
    "Two requests for the same {noun} can race here: both read, both increment, one update is lost. A transaction or a conditional update would fix it.",
  ],
  design: [
    "{fn} is doing three things now: fetching, validating and persisting. Could we split the validation out so it can be reused by the batch path?",
    "I'd rather not have {file} know about the HTTP layer. Could the handler pass in plain values instead of the request?",
    "This adds a second cache next to the one in the repository layer. Can we reuse that one so there is a single place to invalidate?",
    "Passing a boolean flag into {fn} makes the call sites hard to read. Two small functions might be clearer than one with a mode switch.",
    "I think this belongs behind the {noun} interface rather than in the controller; otherwise every new caller repeats it.",
    "We're starting to thread `options` through four layers. Would a small config object built once at startup be simpler?",
  ],
  testing: [
    "Could you add a test for the empty {noun} case? That's the one that broke in production last month.",
    "This test passes even if {fn} does nothing, because the mock returns the expected value. Can we assert on what was actually written?",
    "The test relies on the current time, so it'll be flaky around midnight. Injecting a clock would make it deterministic.",
    "Nice coverage of the happy path. Missing: the retry exhausting and the error being surfaced to the caller.",
    "These three tests share a lot of setup; a small builder for the {noun} fixture would make each one easier to read.",
    "Can we test this through the public API instead of calling the private helper? Otherwise the test breaks on every refactor.",
  ],
  performance: [
    "This runs a query per {noun} inside the loop. With {n}+ rows that's a lot of round trips; could we batch it into one `IN (...)` query?",
    "`{fn}` copies the whole array on every call. For large inputs a Set lookup would avoid the quadratic behaviour.",
    "We're loading every {noun} into memory just to count them. A `COUNT(*)` would be much cheaper.",
    "This regex is compiled on every call; hoisting it to module scope avoids the cost on the hot path.",
    "The cache never evicts, so memory grows with the number of distinct keys. Maybe cap it or use an LRU.",
    "Could we stream the rows here instead of buffering the full export? Some customers have hundreds of thousands.",
  ],
  security: [
    "The {noun} id goes straight into the SQL string here. Please use a parameterised query so this can't be injected.",
    "We log the full request body, which includes the access token. Can we redact it before logging?",
    "This endpoint doesn't check that the caller owns the {noun}, so any signed-in user could read someone else's.",
    "The secret is compared with `===`, which leaks timing. `crypto.timingSafeEqual` is the safer choice here.",
    "Rendering this value as HTML lets a user inject script. Escaping it (or using textContent) would close that hole.",
    "The token lifetime is now {n} days; our policy is 24 hours for this scope. Is the longer lifetime intentional?",
  ],
  readability: [
    "`{fn}` reads like it only fetches, but it also writes. A name like `{fn}AndSave` would save the next reader a surprise.",
    "The nested ternaries here took me a while to follow; an early return or a small `switch` would read easier.",
    "`data2` and `tmp` don't tell me much. What about `pending{noun}s` and `merged`?",
    "This function is ~{n} lines now. Extracting the mapping part would make the main flow fit on one screen.",
    "Magic number: what does {n} stand for here? A named constant would explain it.",
    "```suggestion\nconst has{noun}s = items.length > 0;\n```\nSmall thing, but the intent reads clearer with a name.",
  ],
  documentation: [
    "Could you add a short doc comment on {fn} explaining why we retry here? It won't be obvious in six months.",
    "The README still describes the old config flag. Can you update it in this PR so they don't drift?",
    "It'd help to note in the changelog that this changes the default page size to {n}.",
    "This comment says the opposite of what the code does now; please update or remove it.",
    "A one-line comment on why we skip deleted {noun}s would help; it looks like a bug at first glance.",
  ],
  tooling: [
    "This adds a new dependency for one helper; the standard library has an equivalent, so maybe we can skip it.",
    "The CI job now takes {n} minutes longer because the cache key changed. Could we keep the lockfile hash in the key?",
    "Please pin the action to a commit SHA instead of `@main`; we had a supply-chain scare with that last quarter.",
    "The lint rule is disabled for the whole file. Can we narrow it to the one line that needs it?",
    "This script assumes GNU sed, so it fails on macOS laptops. `node` or `perl -i` would work on both.",
  ],
  communication: [
    "It would help reviewers if the PR description said why {fn} changed, not just what. I had to dig through Slack for the context.",
    "Could you split the formatting changes into a separate PR? It's hard to see the real change in {file} among them.",
    "I wasn't sure whether this is meant to ship behind the flag or not. A line in the description would clear that up.",
    "When you push fixes, a short note on which comments they address would make the re-review much faster.",
    "Thanks for the screenshots in the description; a before/after for the error state would complete the picture.",
  ],
  collaboration: [
    "{other} is changing the same module in their open PR; might be worth syncing with them before either merges.",
    "Happy to pair on the migration part tomorrow if that helps. It's fiddly and I've done one before.",
    "Looping in @{other} since they own the {noun} service and may have opinions on the contract change.",
    "I pushed a small fixup commit for the typo so you don't have to wait on me for another round.",
    "Let's agree on the error format with the mobile team before we merge; they parse these messages.",
  ],
  tone: [
    "Small note: \"this is obviously wrong\" in your reply to {other} came across sharper than I think you meant. Explaining the reasoning works better.",
    "I'd soften the wording in the error message a bit; \"invalid input, try again\" reads as blaming the user.",
    "Friendly nudge: asking \"what do you think about X?\" tends to land better than \"why didn't you do X?\". The point itself is good.",
    "Sorry if my earlier comment sounded curt, I was typing on my phone. The suggestion stands, but no pressure on timing.",
    "Your replies on this thread were really patient and clear. That makes reviews a lot more pleasant.",
  ],
  mentoring: [
    "If you haven't come across it, the \"parse, don't validate\" idea fits {fn} nicely. Happy to walk through it on a call.",
    "A trick that helps here: write the test first with the inputs that broke, then make it pass. Want to try that on the next fix?",
    "Good instinct to add the retry. Next step: think about what happens when the retry itself fails; that's where most bugs hide.",
    "This is a common pattern in our codebase; have a look at how {file} in the billing service does it for a worked example.",
    "You might enjoy reading our ADR on idempotency keys; it explains why {fn} needs one.",
  ],
  praise: [
    "Really clean solution. The way {fn} handles the edge cases is easy to follow.",
    "Love that you added the regression test before the fix. That's exactly how we want these done.",
    "This is so much easier to read than the old version. Thanks for taking the time to tidy it up.",
    "Nice catch on the race condition; I missed that in the original review.",
    "Great naming throughout {file}, I understood the change without needing the description.",
  ],
  ownership: [
    "Could you open a follow-up issue for the TODO and assign it to yourself? Otherwise it'll get lost.",
    "Thanks for picking up the flaky test even though it wasn't from your change.",
    "Who will watch the dashboards after this rolls out? It'd be good to note that in the PR.",
    "Since you know this area best now, would you be up for writing the runbook entry for the new alert?",
    "This was left half-migrated last sprint; good to see you closing the loop on it.",
  ],
};

/** Conventional Comments labels that suit each category. */
export const LABELS: Record<DemoCategory, string[]> = {
  correctness: ['issue (blocking)', 'issue', 'question'],
  design: ['suggestion', 'thought', 'question (non-blocking)'],
  testing: ['suggestion (testing)', 'todo', 'issue (non-blocking)'],
  performance: ['suggestion (performance)', 'issue (performance)'],
  security: ['issue (blocking, security)', 'issue (security)'],
  readability: ['nitpick (non-blocking)', 'nitpick', 'suggestion (non-blocking)'],
  documentation: ['suggestion (non-blocking)', 'todo', 'chore'],
  tooling: ['chore', 'suggestion (non-blocking)', 'nitpick'],
  communication: ['suggestion', 'note'],
  collaboration: ['note', 'thought'],
  tone: ['note', 'thought (non-blocking)'],
  mentoring: ['thought', 'note (non-blocking)'],
  praise: ['praise'],
  ownership: ['todo', 'question'],
};

/** Replies in a thread, by the PR author (ack) or the reviewer (follow). */
export const REPLIES_AUTHOR = [
  'Good catch, fixed in the latest commit.',
  'Done. I also added a test for it.',
  "I'd prefer to keep it as is for now, since the batch path is going away next quarter. OK with you?",
  'Ah, I missed that. Updated, thanks!',
  "Makes sense. I've opened a follow-up issue so this PR stays small.",
  'Could you say a bit more? I am not sure I follow the concern.',
  'Fixed, and I checked the other call sites too.',
  'Thanks for explaining, that is useful to know.',
];
export const REPLIES_REVIEWER = ['Looks good now, thanks!', "Fair enough, let's revisit it then.", 'Thanks, resolving.', 'Sure: the problem shows up when two workers pick the same job at once.', '👍', 'praise: much clearer now, thanks.', 'question: does this also cover the batch path?'];

/** Review bodies by state, each with the category it is mostly about. */
export const REVIEW_SUMMARY: Record<'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED', readonly (readonly [DemoCategory, string])[]> = {
  APPROVED: [
    ['praise', 'LGTM. Nice work on the tests.'],
    ['readability', 'Approving. A couple of nits inline, none blocking.'],
    ['praise', 'Looks great. Thanks for splitting this into small commits, it made the review easy.'],
    ['praise', 'Ship it! The new structure is much clearer.'],
    ['ownership', 'Approved. The follow-up issue for the TODO is a good call.'],
  ],
  CHANGES_REQUESTED: [
    ['security', 'The logic looks right, but the missing ownership check is a blocker. Details inline.'],
    ['correctness', 'Requesting changes for the race in {fn}; everything else is minor.'],
    ['mentoring', 'A few correctness issues inline. Happy to pair on them if it helps.'],
    ['testing', 'Can you add tests for the error paths before we merge? The happy path is well covered.'],
  ],
  COMMENTED: [
    ['readability', 'Left some questions inline; mostly about naming. Not blocking.'],
    ['collaboration', 'First pass done. I have not looked at the migration yet, will do tomorrow.'],
    ['design', 'A few thoughts inline. Overall the direction looks good to me.'],
    ['communication', 'Mostly nits. The PR description could say more about why, though.'],
  ],
};

export const CONVERSATION = [
  { category: 'communication', text: 'Could you update the description with the rollout plan? Ops will want to know whether this needs a flag.' },
  { category: 'collaboration', text: '@{other} this touches your area, could you take a look when you have a moment?' },
  { category: 'ownership', text: 'Rolled this out to staging, watching the error rate for an hour before prod.' },
  { category: 'praise', text: 'Thanks for jumping on this so quickly, the customer is unblocked.' },
  { category: 'mentoring', text: "Nice first PR in this repo! If anything in the review is unclear, ping me and we'll go through it." },
  { category: 'communication', text: 'Heads up: I rebased on main, so the diff looks bigger than it is.' },
  { category: 'collaboration', text: 'Merging this after the release branch is cut, so it gets a full week on staging.' },
  { category: 'tone', text: 'Sorry for the slow review, this week has been hectic. Looking now.' },
] as const;

export const PR_TITLES = [
  'Add retries to {fn}',
  'Fix {noun} pagination when the last page is empty',
  'Refactor {noun} validation into its own module',
  'Speed up {noun} export for large accounts',
  'Harden {noun} endpoint authorization',
  'Add tests for {fn}',
  'Document {noun} configuration options',
  'Upgrade CI to Node 22 and cache dependencies',
  'Handle timezone offsets in {noun} reports',
  'Introduce {noun} cache with TTL',
  'Clean up unused {noun} helpers',
  'Support bulk {noun} updates',
];

export const BOT_INLINE = [
  { category: 'tooling', text: 'ESLint: `@typescript-eslint/no-floating-promises` — this promise is not awaited or handled.' },
  { category: 'security', text: 'Semgrep: possible SQL injection (`sql-string-concat`). Use a parameterised query.' },
  { category: 'testing', text: 'Coverage: lines {n}-{m} of {file} are not covered by any test.' },
] as const;

export const BOT_CONVERSATION = [
  'Coverage report: **{n}.{m}%** of lines covered (no change from `main`).',
  '✅ All checks passed. Bundle size: {n} kB (+0.{m} kB).',
  'Preview environment ready: https://pr-{pr}.preview.acme.internal',
];
