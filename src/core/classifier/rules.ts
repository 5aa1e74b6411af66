// Keyword rules: families of words that point at one category. They reach the
// model as extra features (`kw:security`), so training decides how much each
// family is worth, and they carry words the training data never saw ("ssrf",
// "jsdoc") into the right family.
export const KEYWORD_RULES: Record<string, RegExp> = {
  correctness: /\b(bugs?|off[- ]by[- ]one|null|undefined|nan|crash(es|ed)?|race( condition)?|edge[- ]cases?|incorrect|wrong (result|value|answer|order)|overflows?|deadlock|exception|throws?|regression|broken|breaks|infinite loop|never (called|resolves|returns)|always (returns|true|false)|mutat(es|ing) the|timezone|rounding|stale|lost update|silently|swallow(s|ed|ing)?)\b/,
  design: /\b(abstractions?|coupl(ed|ing)|interfaces?|responsibilit(y|ies)|separation of concerns|layers?|architecture|patterns?|single source of truth|god (class|object)|inheritance|composition|encapsulat\w*|dependency injection|inject(ed)? the|boundar(y|ies)|modules?|leaky|extensib\w*|generic|reusab\w*|duplicat\w*|dry|solid|api shape|contract|domain|service layer|controller|strategy|factory|singleton)\b/,
  testing: /\b(tests?|tested|testing|unit tests?|coverage|asserts?|assertions?|mocks?|mocked|stubs?|fixtures?|flak(y|iness)|specs?|e2e|integration tests?|snapshot|property[- ]based|fast-check|jest|mocha|pytest|regression test|test case|happy path)\b/,
  performance: /\b(perf|performance|slow(er|ly)?|faster|latency|throughput|o\(n\^?2\)|o\(n log n\)|quadratic|n\+1|allocat\w*|memory|heap|gc|garbage|hot path|benchmarks?|profil\w*|cache[ds]?|caching|batch(ed|ing)?|round[- ]trips?|index(es)? on|full (table )?scan|lazy|debounce|throttl\w*|expensive|cpu|milliseconds|ms\b)\b/,
  security: /\b(secur\w*|vulnerab\w*|inject(ion|able)|sql injection|xss|csrf|ssrf|rce|sanitiz\w*|escap(e|ed|ing)|secrets?|credentials?|passwords?|api keys?|tokens?|auth(n|z|entication|orization)?|permissions?|privilege\w*|encrypt\w*|plaintext|hash(ed|ing)? (the )?passwords?|salt|cve|exploit|attacker|malicious|untrusted|trust boundary|timing (attack|safe)|pii|leak(s|ed|ing)? (the )?(token|secret|key|data))\b/,
  readability: /\b(naming|renam\w*|names?|readab\w*|hard to (read|follow)|confusing|unclear|clearer|nested|nesting|ternar(y|ies)|magic (number|string)s?|formatting|indent\w*|whitespace|typos?|spelling|verbose|simplif\w*|one[- ]liner|early return|long function|cognitive|variable name|spell)\b/,
  documentation: /\b(docs?|documentation|documented|document (this|it|the)|readme|changelog|docstrings?|jsdoc|javadoc|tsdoc|doc comments?|comments? (above|here|explaining)|code comments?|release notes|wiki|adr|example usage|explain in a comment)\b/,
  tooling: /\b(ci|pipeline|lint(er|ing)?|eslint|prettier|tsconfig|webpack|esbuild|vite|babel|dependenc(y|ies)|deps|package\.json|lockfile|package-lock|yarn|npm|pnpm|docker(file)?|makefile|github actions?|workflows?|build (script|step|time)|pre-commit|husky|pin(ned)? (the )?version|semver|bump|renovate|dependabot|gradle|maven|cargo|config files?)\b/,
  communication: /\b(pr description|description|context|summary|title|screenshots?|commit messages?|explain(ed|ing)? (why|what)|link(ed)? (the|to the) (issue|ticket)|split (this|the) pr|smaller prs?|what this pr|reviewers?|walk(through)?|heads[- ]up|let (me|us|people) know|unclear (what|why)|motivation)\b/,
  collaboration: /\b(pair(ing)?|sync up|loop(ed)? in|coordinat\w*|other teams?|teammates?|together|hand[- ]?off|unblock\w*|responsive|respond(ed)?|reply|waiting on|ping(ed)?|cc|@\w+|stakeholders?|async|meeting|huddle|call|review turnaround|co-author\w*|help(ed)? (each other|the team))\b/,
  tone: /\b(tone|harsh|rude|condescending|dismissive|snarky|sarcas\w*|obviously|just do|come across|came across|phrasing|wording|kind(er|ly)?|respectful|blame|aggressive|defensive|frustrat\w*|passive[- ]aggressive|all caps|shouting|be nicer|softer|polite\w*)\b/,
  mentoring: /\b(til|learn(ed|ing)?|tip|pro tip|article|blog post|talk|book|resources?|for future reference|good to know|you might (like|enjoy|want to read)|worth reading|rule of thumb|walk you through|happy to explain|pair on it|mentor\w*|teach\w*|growth|curious|explore|here's how|homework|exercise)\b/,
  praise: /(\b(nice|great|love|lovely|awesome|amazing|excellent|brilliant|elegant|beautiful|neat|clean|well done|kudos|impressive|fantastic|superb|solid work|good job|great job|nicely|thanks for|thank you for|appreciate)\b|👍|🎉|🙌|❤️|💯|✨|🚀|👏)/,
  ownership: /\b(follow[- ]?ups?|owns?|owner(ship)?|responsib(le|ility) for|on[- ]call|incident|post[- ]?mortem|rollout|roll back|rollback|monitor(ing)?|alerts?|dashboards?|deadline|commit(ted)? to|see it through|finish(ed)?|left (a )?todo|tracking (issue|ticket)|ticket for|jira|backlog|take (care of|it on)|pick(ed)? (this|it) up|deploy(ed|ment)?|production|prod|migration plan)\b/,
};

/** Rule features that fire on already-normalised (lower-case, code-free) text. */
export function ruleFeatures(text: string): string[] {
  const out: string[] = [];
  for (const [category, re] of Object.entries(KEYWORD_RULES)) if (re.test(text)) out.push(`kw:${category}`);
  return out;
}
