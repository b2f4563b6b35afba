import type { Policy } from '../policy/schema.js';
import type { Sym } from '../analysis/fold.js';
import { escapeRegExp as escape } from '../analysis/regexp.js';

const HOLE = '\u0000';
/** an unknown part that holds no separator (encodeURIComponent's result) */
const SEGMENT_HOLE = '\u0001';

/** What may follow an endpoint's path: a trailing slash, then a query, a fragment or an unknown part. */
const TAIL = `/*(?:[?#${HOLE}][\\s\\S]*)?$`;

/**
 * The endpoint's segments from `i` on. `:id` matches any one segment, an unknown part included (an id is taken to
 * be one segment). A fixed segment matches its text; with `throughUnknown` it also matches an unknown part after any
 * prefix of that text, for the unknown part may be the rest of the text and every segment after it (`/api/${x}` may
 * be `/api/workflow/approve`). `knownHere` keeps the first segment fixed where a mount prefix may precede it.
 */
function segmentsPattern(segs: readonly string[], i: number, throughUnknown: boolean, knownHere = false): string {
  const seg = segs[i]!;
  const rest = i + 1 < segs.length ? `/+${segmentsPattern(segs, i + 1, throughUnknown)}` : TAIL;
  if (seg.startsWith(':')) return `[^/?#]+${rest}`;
  if (!throughUnknown || knownHere) return `${escape(seg)}${rest}`;
  const prefixes = Array.from({ length: seg.length }, (_, n) => escape(seg.slice(0, n))).join('|');
  return `(?:${escape(seg)}${rest}|(?:${prefixes})${HOLE}[\\s\\S]*$)`;
}

/**
 * A matcher for an authority endpoint over a folded URL. Anything may precede the path (an origin, a base URL, a
 * mount prefix), but only from its first segment written out. With `throughUnknown`, an unknown part may complete
 * the path, and where the path starts (after an origin, known or not, or after an unknown part followed by a slash)
 * even the first segment may be unknown.
 */
function endpointPattern(path: string, throughUnknown: boolean): RegExp {
  const segs = path.split('/').filter(Boolean);
  const anywhere = `(?:^|/|${HOLE})${segmentsPattern(segs, 0, throughUnknown, true)}`;
  // the path starts after an unknown origin, after scheme://host (the host known or not), after //host, or at the start
  const pathStart = `^(?:${HOLE}/+|[a-z][a-z0-9+.-]*://[^/?#]*/+|//[^/?#]*/+|/(?!/))${segmentsPattern(segs, 0, true)}`;
  // paths are matched case-insensitively: fail closed against servers or proxies that fold case
  return new RegExp(throughUnknown ? `${anywhere}|${pathStart}` : anywhere, 'i');
}

const patterns = new Map<string, RegExp>();
function cachedPattern(path: string, throughUnknown: boolean): RegExp {
  const key = `${throughUnknown ? 1 : 0}${path}`;
  let re = patterns.get(key);
  if (!re) patterns.set(key, (re = endpointPattern(path, throughUnknown)));
  return re;
}

/** The folded URL is unknown from its start (no path can be read from it): it may be any endpoint. */
export function opaqueUrl(sym: Sym): boolean {
  const [first, second] = sym;
  return first !== undefined && typeof first !== 'string' && !(typeof second === 'string' && /^[/\\]/.test(second));
}

/**
 * The URL as text, escapes decoded. Read twice: with every escape decoded (a proxy that decodes %2F makes it
 * a separator), and with escaped separators kept (a router such as Express matches the raw path, where
 * sessions/a%2Fb/transition has the one id a%2Fb).
 */
function toText(sym: Sym, keepSeparators = false): string {
  return sym
    .map((p) => {
      if (typeof p !== 'string') return p.kind === 'unknown' && p.segment ? SEGMENT_HOLE : HOLE;
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

/**
 * The URL up to its query or fragment: a path written after a `?` or `#` is data (`/api/ai/proposals?next=/api/workflow/approve`
 * requests the proposals route), and the path ends there whatever an unknown part before it holds. An escaped `?` (%3F) is
 * path text: the reading with escapes kept still sees through it.
 */
function pathPart(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

/** `/./` and `/x/../` resolved, as a URL parser does. */
function normaliseDots(url: string): string {
  let out = url;
  for (let i = 0; i < 20; i++) {
    const next = out.replace(/\/\.(?=\/|$)/g, '').replace(/\/[^/?#\u0000]+\/\.\.(?=\/|$)/, '');
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Every text that ends an instance of the endpoint's path (`:id` any one segment): the path may be all that an
 * unknown part before it leaves, for an unknown part can hold `../` segments that undo what precedes it.
 */
function suffixPattern(path: string): RegExp {
  const segs = path.split('/').filter(Boolean);
  // (nothing at all: the unknown part may be the whole path)
  const alternatives: string[] = [''];
  segs.forEach((seg, i) => {
    const rest = segs.slice(i + 1).map((s) => (s.startsWith(':') ? '[^/?#]+' : escape(s))).join('/+');
    const after = rest ? `/+${rest}` : '';
    if (seg.startsWith(':')) alternatives.push(`[^/?#]*${after}`);
    else for (let n = 0; n < seg.length; n++) alternatives.push(`${escape(seg.slice(n))}${after}`);
    alternatives.push(`/+${seg.startsWith(':') ? '[^/?#]+' : escape(seg)}${after}`);
  });
  return new RegExp(`^(?:${alternatives.join('|')})${TAIL}`, 'i');
}

const suffixPatterns = new Map<string, RegExp>();

/**
 * The endpoint a URL may request when an unknown part of its path may hold anything (separators and `..`
 * included): whatever the known text after the last such part can end. A one-segment unknown part
 * (encodeURIComponent's) is read as one segment, or as `..`.
 */
export function matchThroughAnyPath(policy: Policy, sym: Sym): (Policy['authorityEndpoints'][number] & { throughUnknown: boolean }) | null {
  for (const raw of [toText(sym), toText(sym, true)]) {
    const path = pathPart(raw);
    // a one-segment part that is the whole segment may be `..`: the segment before it is undone
    const variants = path.includes(SEGMENT_HOLE) ? [path, normaliseDots(path.replace(/(?<=\/)\u0001(?=\/|$)/g, '..'))] : [path];
    for (const v of variants) {
      const last = v.lastIndexOf(HOLE);
      // after an unknown part that may hold anything, only the text after it is known to be in the path
      const text = (last >= 0 ? normaliseDots(v.slice(last + 1).replace(/^(?:\/\.\.(?=\/|$))+/, '')) : v).replaceAll(SEGMENT_HOLE, 'x');
      if (last < 0 && v === path) continue; // (no unknown part at all: matchEndpoint's reading)
      const hit = policy.authorityEndpoints.find((e) => {
        let re = suffixPatterns.get(e.path);
        if (!re) suffixPatterns.set(e.path, (re = suffixPattern(e.path)));
        return last >= 0 ? re.test(text) : cachedPattern(e.path, false).test(text);
      });
      if (hit) return { ...hit, throughUnknown: true };
    }
  }
  return null;
}

/**
 * The authority endpoint a folded URL requests, if any; `throughUnknown` when only an unknown part of the URL makes
 * it that endpoint (it cannot be proved not to be).
 */
export function matchEndpoint(policy: Policy, sym: Sym): (Policy['authorityEndpoints'][number] & { throughUnknown: boolean }) | null {
  const urls = [toText(sym), toText(sym, true)].map((url) => normaliseDots(pathPart(url)).replaceAll(SEGMENT_HOLE, HOLE)).filter((url) => url.includes('/') || url.includes(HOLE));
  for (const throughUnknown of [false, true])
    for (const url of urls) {
      const hit = policy.authorityEndpoints.find((e) => cachedPattern(e.path, throughUnknown).test(url));
      if (hit) return { ...hit, throughUnknown };
    }
  return null;
}
