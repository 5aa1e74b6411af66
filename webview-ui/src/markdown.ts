// Comment bodies are untrusted: Markdown -> HTML with marked, then DOMPurify
// with an allow-list far stricter than its defaults. Links keep only
// http/https/mailto; no styles, classes or ids. Images become links ("image:
// alt") so that reading feedback loads nothing from anywhere, unless the user
// turned reviewMentor.render.remoteImages on (the page's <body
// data-remote-images="on">; the CSP allows https images only then), and even
// then only https images keep a src.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { LIMITS } from '../../src/protocol/limits';

/** Bodies longer than this are cut before rendering (the host already cuts them there). */
export const MAX_RENDERED_CHARS = LIMITS.displayBody;

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
  const remoteImages = document.body.dataset.remoteImages === 'on';
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
  if (!remoteImages) p.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'img') imageToLink(node as Element);
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

/** Puts a link to the image (or its alt text) where the image was; the image itself is then removed. */
function imageToLink(img: Element): void {
  const src = img.getAttribute('src') ?? '';
  const alt = (img.getAttribute('alt') ?? '').trim();
  const doc = img.ownerDocument;
  const el = schemeOf(src) === 'https:' ? doc.createElement('a') : doc.createElement('span');
  if (el.tagName === 'A') {
    // Inserted behind DOMPurify's walk, so set here what its hook would add.
    el.setAttribute('href', src);
    el.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  el.textContent = alt ? `image: ${alt}` : 'image';
  img.parentNode?.insertBefore(el, img);
  img.parentNode?.removeChild(img);
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
