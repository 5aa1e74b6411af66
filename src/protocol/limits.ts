// Size limits shared by the schemas and the fast feedback check.
export const LIMITS = {
  id: 256,
  login: 100,
  shortText: 1_000,
  url: 2_048,
  /** GitHub caps comments at 65,536 chars; imported or demo data may be longer. */
  body: 2_000_000,
  /**
   * The host cuts bodies to this many characters before posting them to the
   * journal panel (the journal keeps them whole); the panel says so under the
   * comment and links to GitHub.
   */
  displayBody: 100_000,
  entryText: 20_000,
  feedbackItems: 200_000,
  entries: 50_000,
  links: 10_000,
  tags: 100,
  categories: 500,
  /** Items one review batch may accept (a batch is previewed, then written at once). */
  reviewBatch: 50_000,
} as const;
