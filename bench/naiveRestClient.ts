// The baseline sync/bench compares against: what a straightforward REST
// client does. List the engineer's PRs with the search API (paginated), then
// per PR fetch review comments, reviews and conversation comments (each
// paginated), one request after another, following the Link headers.
//
// The bench runs it against the sandbox GitHub, which serves these REST
// routes (sandbox/restList.ts); it takes any REST base URL, so it
// runs unchanged against GitHub too.

export interface NaiveResult {
  prs: number;
  comments: number;
  requests: number;
}

export async function naiveRestSync(apiUrl: string, token: string, login: string): Promise<NaiveResult> {
  let requests = 0;
  const getAll = async (path: string): Promise<unknown[]> => {
    const out: unknown[] = [];
    let url: string | undefined = `${apiUrl}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    while (url) {
      requests++;
      const res = await fetch(url, { headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json' } });
      if (!res.ok) throw new Error(`naive REST: ${res.status} for ${url}`);
      const body = (await res.json()) as unknown;
      out.push(...(Array.isArray(body) ? body : ((body as { items: unknown[] }).items ?? [])));
      url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    return out;
  };
  const prs = new Map<string, { repo: string; number: number }>();
  for (const q of [`is:pr author:${login}`, `is:pr reviewed-by:${login} -author:${login}`, `is:pr commenter:${login} -author:${login}`]) {
    for (const item of (await getAll(`/search/issues?q=${encodeURIComponent(q)}`)) as { number: number; repository_url: string }[]) {
      const repo = item.repository_url.split('/repos/')[1]!;
      prs.set(`${repo}#${item.number}`, { repo, number: item.number });
    }
  }
  let comments = 0;
  for (const { repo, number } of prs.values()) {
    comments += (await getAll(`/repos/${repo}/pulls/${number}/comments`)).length;
    comments += (await getAll(`/repos/${repo}/pulls/${number}/reviews`)).length;
    comments += (await getAll(`/repos/${repo}/issues/${number}/comments`)).length;
  }
  return { prs: prs.size, comments, requests };
}
