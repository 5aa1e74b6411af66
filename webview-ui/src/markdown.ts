// Comment bodies are untrusted: Markdown -> HTML with marked, then DOMPurify
// with an allow-list far stricter than its defaults. Links keep only
// http/https/mailto; images only https; no styles, classes or ids.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/** Bodies longer than this are cut before rendering (GitHub's own limit is 65,536). */
export const MAX_RENDERED_CHARS = 100_000;

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'del', 'details', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
  'i', 'img', 'kbd', 'li', 'ol', 'p', 'pre', 's', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'th', 'thead', 'tr', 'ul', 'span',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'align', 'colspan', 'rowspan', 'open'];
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function schemeOf(value: string): string | undefined {
  try {
    return new URL(value).protocol;
  } catch {
    return undefined; // relative or malformed: dropped
  }
}

// Our own instance, configured once: passing the config to every sanitize()
// call makes DOMPurify re-parse it each time (about half its cost per body).
let purify: ReturnType<typeof DOMPurify> | undefined;
function purifier(): ReturnType<typeof DOMPurify> {
  if (purify) return purify;
  const p = DOMPurify(window);
  p.setConfig({
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    KEEP_CONTENT: true,
    RETURN_TRUSTED_TYPE: false,
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !LINK_SCHEMES.has(schemeOf(href) ?? '')) node.removeAttribute('href');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      if (src === null || schemeOf(src) !== 'https:') node.removeAttribute('src');
    }
  });
  purify = p;
  return p;
}

export interface RenderedBody {
  html: string;
  truncated: boolean;
}

export function renderMarkdown(body: string): RenderedBody {
  const truncated = body.length > MAX_RENDERED_CHARS;
  // Tag markers are metadata, not content.
  const source = (truncated ? body.slice(0, MAX_RENDERED_CHARS) : body).replace(/<!--[\s\S]*?(-->|$)/g, '');
  const raw = marked.parse(source) as string;
  const html = purifier().sanitize(raw) as string;
  return { html, truncated };
}
