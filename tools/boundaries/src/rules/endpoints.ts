import type { Policy } from '../policy/schema.js';
import type { Sym } from '../analysis/fold.js';

const HOLE = '\u0000';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for an authority endpoint over a folded URL. `:id` matches any one
 * segment, or a part that could not be folded; anything may precede the path
 * (origin, base URL); a query, fragment or trailing slash may follow.
 */
function endpointPattern(path: string): RegExp {
  const body = path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? `[^/?#]+` : escape(seg)))
    .join('/+');
  // paths are matched case-insensitively: fail closed against servers or proxies that fold case
  return new RegExp(`(?:^|/|${HOLE})${body.replace(/^\/\+/, '')}/*(?:[?#${HOLE}].*)?$`, 'i');
}

/**
 * The URL as text, escapes decoded. Read twice: with every escape decoded (a proxy that decodes %2F makes it
 * a separator), and with escaped separators kept (a router such as Express matches the raw path, where
 * sessions/a%2Fb/transition has the one id a%2Fb).
 */
function toText(sym: Sym, keepSeparators = false): string {
  return sym
    .map((p) => {
      if (typeof p !== 'string') return HOLE;
      // as a WHATWG URL parser reads it: tabs and newlines dropped, a backslash is a slash
      const url = p.replace(/[\t\n\r]/g, '').replace(/\\/g, '/');
      if (keepSeparators) return url.replace(/%(?!2f|5c|3f|23)[0-9a-f]{2}/gi, (e) => { try { return decodeURIComponent(e); } catch { return e; } }).replace(/\\/g, '/');
      try {
        return decodeURIComponent(url).replace(/\\/g, '/');
      } catch {
        return url;
      }
    })
    .join('');
}

/** The authority endpoint a folded URL requests, if any. */
function normaliseDots(url: string): string {
  let out = url;
  for (let i = 0; i < 20; i++) {
    const next = out.replace(/\/\.(?=\/|$)/g, '').replace(/\/[^/?#\u0000]+\/\.\.(?=\/|$)/, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

export function matchEndpoint(policy: Policy, sym: Sym) {
  for (const url of [normaliseDots(toText(sym)), normaliseDots(toText(sym, true))]) {
    if (!url.includes('/') && !url.includes(HOLE)) continue;
    const hit = policy.authorityEndpoints.find((e) => endpointPattern(e.path).test(url));
    if (hit) return hit;
  }
  return null;
}
