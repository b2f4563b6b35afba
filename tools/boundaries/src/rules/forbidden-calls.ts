import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachChild, unwrap, type Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import type { Policy } from '../policy/schema.js';
import { fold, describe, isConstant, unknownPart, urlPathParts, type Sym } from '../analysis/fold.js';
import { ARRAY_MUTATING_METHODS, authorityNames, callShape, derefNode, isDescriptorRead, keptValues, literalChanges, memberKey, memberValues, namespaceSource, originOf, propertyOf, sealedLiteral, type Origin } from '../analysis/origin.js';
import { bindingsOf, findVariable, isAmbient } from '../analysis/variables.js';
import { calledFunction, callsParameter, changesParameter, isFunction, returnedExpressions } from '../analysis/functions.js';
import { complianceRef, fileContext } from './context.js';
import type { Project } from '../workspace/projects.js';
import { resolveSpecifier } from '../workspace/resolve.js';
import { matchEndpoint, matchThroughAnyPath, opaqueUrl } from './endpoints.js';
import { envFor, MESSAGES, reporter, zoneTag } from './report.js';

const RULE = 'boundaries/forbidden-calls';
const CLIENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'request', 'fetch', 'open', 'send', 'sendBeacon']);
/**
 * Methods of strings, arrays, collections and regular expressions, and of loggers, which read the text they are
 * given and send no request; and those whose requests have checks of their own (attributes, a socket's request line).
 */
const READING_METHODS = new Set([
  ...['at', 'charAt', 'concat', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'localeCompare', 'match', 'matchAll', 'padEnd', 'padStart', 'replace', 'replaceAll', 'search', 'slice', 'split', 'startsWith'],
  ...['push', 'unshift', 'join', 'splice', 'fill', 'set', 'add', 'has', 'test', 'exec', 'append'],
  ...['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal'],
  ...['setAttribute', 'setAttributeNS', 'write', 'writeln', 'end'],
]);
/** member names that reach code, the module system or another function's body when called: a computed key that may be one fails closed */
const REACHING_NAMES = new Set(['constructor', '__proto__', 'prototype', 'call', 'apply', 'bind', 'getBuiltinModule', 'binding', '_linkedBinding', 'dlopen', 'require', 'mainModule', '_load', 'compile', 'runInThisContext', 'runInNewContext', 'runInContext']);
/** the fields of an HTTP client's options that may hold its URL or a part of it */
const URL_OPTION_KEYS = new Set(['path', 'url', 'href', 'pathname', ':path', 'uri', 'host', 'hostname', 'origin', 'baseURL', 'baseUrl', 'prefixUrl', 'endpoint', 'socketPath', 'toString', 'valueOf']);
/** collections whose get / delete / … read or change an entry: no request */
const LOCAL_COLLECTIONS = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'URLSearchParams', 'Headers', 'FormData']);
/** the fields of a request's options object that hold its path or URL */
const REQUEST_PATH_KEYS = ['path', 'url', 'href', 'pathname', ':path'];
/** calls that send a request to the URL they are given first: one that cannot be read from the source fails closed */
const REQUESTING_GLOBALS = new Set(['fetch', 'fetchLater', 'Request', 'EventSource', 'WebSocket', 'navigator.sendBeacon', 'importScripts']);
const GLOBAL_SINKS = new Set(['fetch', 'fetchLater', 'Request', 'URL', 'XMLHttpRequest', 'EventSource', 'WebSocket', 'navigator.sendBeacon', 'location.assign', 'location.replace', 'open', 'importScripts']);
/** assigning a URL to these navigates or submits: a request too */
const NAVIGATING_PROPS = new Set(['href', 'action', 'src', 'location', 'formAction', 'data', 'ping']);
const NAVIGATING_LOWER = new Set([...NAVIGATING_PROPS].map((p) => p.toLowerCase()));
/** an attribute or property name that navigates or submits (HTML attribute names are case-insensitive) */
const navigatingName = (name: string): boolean => NAVIGATING_LOWER.has(name.toLowerCase());
const HTTP_MODULES = new Set(['http', 'https', 'http2', 'undici']);
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'execScript']);
/** globals that compile and run code handed to them as data */
const CODE_LOADERS = new Set(['Worker', 'SharedWorker', 'WebAssembly.compile', 'WebAssembly.compileStreaming', 'WebAssembly.instantiate', 'WebAssembly.instantiateStreaming', 'WebAssembly.Module', 'WebAssembly.Instance', 'ShadowRealm', 'ShadowRealm.prototype.evaluate']);
/** node:vm's functions and classes that compile the code text they are given */
const VM_RUNNERS = new Set(['runInThisContext', 'runInNewContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule']);
const DESCRIPTOR_READS = new Set(['Reflect.get', 'Object.getOwnPropertyDescriptor', 'Reflect.getOwnPropertyDescriptor']);
/** globals that call the function handed to them as their first argument */
const CALLING_GLOBALS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback', 'process.nextTick']);
/** methods that call a function argument, by the argument's position (array callbacks, promise reactions, listeners, replacers) */
const CALLING_METHODS: Record<string, number[]> = {
  ...Object.fromEntries(['map', 'flatMap', 'find', 'findLast', 'findIndex', 'findLastIndex', 'filter', 'reduce', 'reduceRight', 'forEach', 'some', 'every', 'sort', 'toSorted'].map((k) => [k, [0]])),
  then: [0, 1], catch: [0], finally: [0],
  replace: [1], replaceAll: [1],
  addEventListener: [1], on: [1], once: [1], addListener: [1], prependListener: [1], prependOnceListener: [1],
  // DisposableStack / AsyncDisposableStack call these on dispose; AsyncLocalStorage.run calls its callback
  defer: [0], adopt: [1], run: [1],
};
const CALLING_STATICS: Record<string, number[]> = {
  // observers call the callback they are made with; a custom element's class is constructed by the document
  ...Object.fromEntries(['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver', 'ReportingObserver'].map((k) => [k, [0]])),
  'customElements.define': [1],
  'Array.from': [1], 'Array.fromAsync': [1], 'JSON.parse': [1], 'JSON.stringify': [1], 'Promise': [0], 'Promise.try': [0], 'Object.groupBy': [1], 'Map.groupBy': [1], 'FinalizationRegistry': [0] };
/** functions of builtin modules that call (or wrap, to be called) the function they are handed, by its position */
const CALLING_MODULE_FUNCTIONS: Record<string, number[]> = { 'async_hooks.AsyncResource.bind': [0], 'diagnostics_channel.subscribe': [1], 'perf_hooks.PerformanceObserver': [0], 'perf_hooks.performance.timerify': [0] };
/** members the language calls by itself: on conversion, await, iteration, JSON, events; a descriptor's accessors */
const IMPLICIT_CALLS = new Set(['toString', 'valueOf', 'toJSON', 'then', 'handleEvent', 'next', 'return', 'throw', 'util.inspect.custom', 'util.promisify.custom', 'events.captureRejectionSymbol', 'Symbol.toPrimitive', 'Symbol.iterator', 'Symbol.asyncIterator', 'Symbol.hasInstance', 'Symbol.match', 'Symbol.matchAll', 'Symbol.replace', 'Symbol.search', 'Symbol.split', 'Symbol.dispose', 'Symbol.asyncDispose']);
/** globals every module in the process shares: changing them (or their prototypes) changes what RMOS computes */
const SHARED_BUILTINS = new Set(['Object', 'Array', 'Function', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'JSON', 'Math', 'Promise', 'Reflect', 'Proxy', 'Date', 'RegExp', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Error', 'TypeError', 'RangeError', 'Buffer', 'crypto', 'process', 'console', 'URL', 'URLSearchParams', 'Intl', 'ArrayBuffer', 'Uint8Array', 'DataView', 'TextEncoder', 'TextDecoder', 'structuredClone', 'fetch', 'Request', 'Response', 'Headers', 'setTimeout', 'setInterval', 'queueMicrotask', 'performance', 'atob', 'btoa', 'encodeURIComponent', 'decodeURIComponent', 'parseInt', 'parseFloat', 'isNaN', 'isFinite']);
const MUTATORS = new Set(['Object.defineProperty', 'Object.defineProperties', 'Object.assign', 'Object.setPrototypeOf', 'Reflect.set', 'Reflect.defineProperty', 'Reflect.deleteProperty', 'Reflect.setPrototypeOf']);
/** a Proxy's handler: every trap is called by the language */
const PROXY_MAKERS = new Set(['Proxy', 'Proxy.revocable']);
const DEFINERS = new Set(['Object.defineProperty', 'Reflect.defineProperty', 'Object.defineProperties', 'Object.create']);

/** constructors and statics whose result holds the values they are given (a value handed inside one is handed) */
const HOLDING_CALLS = new Set(['Map', 'WeakMap', 'Set', 'WeakSet', 'WeakRef', 'Array', 'Array.of', 'Array.from', 'Object.fromEntries', 'Object.assign', 'Object.create', 'Object.freeze', 'Object.seal', 'Promise.resolve', 'Proxy', 'AsyncLocalStorage', 'FinalizationRegistry']);

const TYPE_CONTEXTS = new Set(['TSTypeAnnotation', 'TSTypeQuery', 'TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSTypeParameterInstantiation', 'TSTypeParameterDeclaration', 'TSTypeReference']);

/** HTML character references in an attribute value (&#47;, &#x2F;, &sol;, &amp; …) as the parser decodes them. */
const NAMED_REFERENCES: Record<string, string> = { amp: '&', sol: '/', period: '.', colon: ':', quest: '?', num: '#', lt: '<', gt: '>', quot: '"', apos: "'", bsol: '\\', tab: '\t', newline: '\n', percnt: '%', lowbar: '_', hyphen: '-', dash: '-' };
export function decodeCharacterReferences(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));?/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : NaN;
    if (!Number.isNaN(code)) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return name && Object.hasOwn(NAMED_REFERENCES, name.toLowerCase()) ? NAMED_REFERENCES[name.toLowerCase()]! : whole;
  });
}

/** An identifier in a type (no expression lives inside these nodes): not a run-time reference. */
function inType(node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (TYPE_CONTEXTS.has(p.type)) return true;
  return false;
}

/**
 * Which of this rule's checks a zone gets. 'all': the advisory zone (contract §3), and the zones whose code it
 * imports (what runs there runs on advisory code's behalf): authority functions and endpoints, computed calls,
 * changes to the shared runtime, dynamic code. 'dynamic-code': any other zone the policy refuses eval and
 * Function (forbiddenGlobals). null: none.
 */
export function callRulesApply(policy: Policy, zone: string | null): 'all' | 'dynamic-code' | null {
  if (zone === null) return null;
  if (zone === 'advisory' || (policy.imports['advisory'] ?? []).includes(zone)) return 'all';
  return policy.forbiddenGlobals.some((g) => g.zone === zone) ? 'dynamic-code' : null;
}

export const forbiddenCallsRule: TSESLint.RuleModule<'violation', []> = {
  meta: {
    type: 'problem',
    docs: { description: 'The advisory zone references no authority function or endpoint, no eval or Function constructor' },
    messages: MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const fc = fileContext(context);
    const { policy } = fc;
    const dynamicCode = policy.forbiddenGlobals.find((g) => g.zone === fc.zone);
    const checks = callRulesApply(policy, fc.zone);
    if (fc.zone === null || fc.isWaived(RULE)) return {};
    // Outside the zones that get every check, the checks below still run (they find what they look for), but only
    // dynamic code is reported (where the policy refuses it), and authority functions handed to advisory code.
    const all = checks === 'all';
    const env = envFor(context, fc);
    const report = reporter(context);
    const ref = complianceRef(policy, RULE);
    const authorities = authorityNames(env);
    const from = zoneTag(fc.zone);

    function authority(node: Node, name: string, how: string) {
      if (!all) return;
      const fn = policy.authorityFunctions.find((f) => f.name === name)!;
      const owner = fc.ws.projectByName(fn.definedIn);
      report(node, {
        rule: RULE,
        zones: `${from} -> zone:${owner?.zone ?? 'authoritative'}`,
        securityRef: ref,
        allowedWay: fn.allowedWay,
        what: `${how} reaches the authority function ${name} of ${fn.definedIn}, which ${from} may not reference`,
      });
    }

    function dynamic(node: Node, what: string) {
      if (!checks) return;
      report(node, {
        rule: RULE,
        zones: `${from} -> dynamic code`,
        securityRef: ref,
        allowedWay: dynamicCode?.allowedWay ?? 'write the logic as ordinary code',
        what: `${what}: ${dynamicCode?.reason ?? 'dynamic code defeats every static check'}`,
      });
    }

    function failClosed(node: Node, what: string) {
      if (!all) return;
      report(node, {
        rule: RULE,
        zones: `${from} -> unknown`,
        securityRef: ref,
        allowedWay: 'call the functions of the ports you are handed by name (deps.proposeDesign(...)), never through a computed key',
        what: `${what}, so it cannot be proved not to reach an authority function (fail closed)`,
      });
    }

    /** A function that sends a request to the URL it is given first: fetch, new Request, …, the http(s) functions. */
    const isRequesting = (o: Origin) => (o.kind === 'global' && REQUESTING_GLOBALS.has(o.path.join('.'))) || (o.kind === 'module' && HTTP_MODULES.has(o.module) && o.path.length > 0);

    const isDynamicGlobal = (o: Origin) =>
      o.kind === 'global' && o.path.length === 1 && (dynamicCode?.names ?? ['eval', 'Function']).includes(o.path[0]!);

    /**
     * Reports the first alternative of `value` that names an authority endpoint; true when one did. `writing`: the
     * request may use a method other than GET or HEAD (the authority endpoints take POST), so an unknown part of the
     * path may be anything, `../` and separators included. `prose`: the sink's code cannot be seen, and a text with
     * spaces in it (a sentence that mentions a route) is not read as its URL unless it walks up with `..`.
     */
    function requestsEndpoint(node: Node, value: Node, valueEnv: Env, how: (path: string, shown: string) => string, writing = false, prose = false): boolean {
      if (!all) return false;
      return requestsEndpointOf(node, fold(value, valueEnv), how, writing, prose);
    }

    function requestsEndpointOf(node: Node, alternatives: Sym[], how: (path: string, shown: string) => string, writing = false, prose = false): boolean {
      if (!all) return false;
      for (const alt of alternatives) {
        const shown = describe(alt).trim();
        if (prose && /\s/.test(shown) && !/(?:^|\/)\.\.(?:\/|$)/.test(shown)) continue;
        // (the any-path reading is for URLs with a path written in them; one unknown throughout is the opaque check's)
        const ep = matchEndpoint(policy, alt) ?? (writing && alt.some((p) => typeof p === 'string' && /[/\\]/.test(p)) ? matchThroughAnyPath(policy, alt) : null);
        if (!ep) continue;
        const unsure = ep.throughUnknown ? ' if its unknown part (<?>) completes that path, which cannot be ruled out (fail closed)' : '';
        report(node, { rule: RULE, zones: `${from} -> zone:authoritative`, securityRef: ref, allowedWay: ep.allowedWay, what: `${how(ep.path, describe(alt))}${unsure}, which ${from} may not call` });
        return true;
      }
      return false;
    }

    const foldKey = (k: Node, e: Env) => {
      const alts = fold(k, e).map(describe);
      return alts.length === 1 ? alts[0]! : null;
    };

    function checkEndpoints(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression | TSESTree.Decorator, callee: Node, o: Origin, args: Node[], sink: string, requesting: boolean, client: boolean) {
      const writing = mayWrite(node, callee, o, args);
      for (const arg of args) {
        const values: Array<{ node: Node; env: Env }> = [{ node: arg, env }];
        const obj = derefNode(arg, env);
        if (obj?.node.type === 'ObjectExpression') values.push(...optionValues(arg, env, client, 0));
        for (const v of values)
          if (requestsEndpoint(node, v.node, v.env, (path, shown) => `${sink} requests the authority endpoint ${path} ("${shown}")`, writing, !client)) return;
        // a URL object is changed in place: u.pathname = …, u.href = …, Object.assign(u, { pathname: … }); each part it is given is requested
        for (const v of urlPathParts(arg, env))
          if (requestsEndpoint(node, v, env, (path, shown) => `${sink} requests the authority endpoint ${path} ("${shown}", a part set on the URL object)`, writing, !client)) return;
      }
      // a request whose URL is unknown from its start may be to any endpoint (fail closed): the URL argument, or the
      // path of an options object (http.request({ path }), an HTTP/2 stream's { ':path' })
      const url = args[0];
      const options = url ? derefNode(url, env) : null;
      const pathOf = (key: string) => (options?.node.type === 'ObjectExpression' ? propertyOf(options.node, key) : null);
      const optionPaths = REQUEST_PATH_KEYS.flatMap((key) => pathOf(key) ?? []);
      if (optionPaths.length && (requesting || pathOf(':path'))) opaqueRequest(node, sink, 'path', optionPaths.flatMap((v) => fold(v, options!.env)));
      if (url && requesting && options?.node.type !== 'ObjectExpression') opaqueRequest(node, sink, 'URL', [url, ...urlPathParts(url, env)].flatMap((v) => fold(v, env)));
    }

    /**
     * The values of an options object that may be a URL or a path: for an HTTP client, its URL fields only
     * (url, path, href, host, …: never its body or headers); for a function whose code cannot be seen, every
     * field. Fields set after the literal (o.path = …) and fields of a spread ({ ...target }) count too; a
     * method or getter (toString, get href) stands for the text it returns when the object is stringified.
     */
    function optionValues(arg: Node, e: Env, client: boolean, depth: number): Array<{ node: Node; env: Env }> {
      const obj = derefNode(arg, e);
      if (obj?.node.type !== 'ObjectExpression' || depth > 4) return [];
      const out: Array<{ node: Node; env: Env }> = [];
      const keys = new Set<string>();
      for (const p of obj.node.properties) {
        if (p.type === 'SpreadElement') {
          out.push(...optionValues(p.argument, obj.env, client, depth + 1));
          continue;
        }
        const key = p.computed ? null : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value);
        if (key !== null) keys.add(key);
        const value = unwrap(p.value as Node);
        if (isFunction(value)) {
          if (!client || key === null || URL_OPTION_KEYS.has(key) || IMPLICIT_CALLS.has(key)) out.push(...returnedExpressions(value).map((r) => ({ node: r, env: obj.env })));
        } else if (!client || key === null || URL_OPTION_KEYS.has(key)) out.push({ node: value, env: obj.env });
      }
      // o.path = … after the literal: each value assigned to a field is one it may hold
      const changes = literalChanges(arg, e);
      for (const [key, assigned] of changes?.assigned ?? [])
        if (!client || URL_OPTION_KEYS.has(key)) out.push(...assigned.map((v) => ({ node: v, env: e })));
      return out;
    }

    /** The request may use a method other than GET or HEAD: a method that cannot be read counts as one that may. */
    function mayWrite(node: Node, callee: Node, o: Origin, args: Node[]): boolean {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return true;
      const name = o.kind === 'global' ? o.path.join('.') : o.kind === 'module' ? `${o.module}.${o.path.join('.')}` : '';
      const key = callee.type === 'MemberExpression' ? memberKey(callee, env) : null;
      const readOnly = (m: Node | null | undefined) => !!m && fold(m, env).every((alt) => isConstant(alt) && /^(?:GET|HEAD)$/i.test(describe(alt).trim()));
      const methodOf = (options: Node | undefined): boolean => {
        if (!options) return false;
        const d = derefNode(options, env);
        if (d?.node.type !== 'ObjectExpression' || d.node.properties.some((p) => p.type === 'SpreadElement' || p.computed)) return true;
        const changes = literalChanges(options, env);
        if (changes?.opaque || changes?.assigned.has('method')) return true;
        const m = propertyOf(d.node, 'method');
        return m ? !readOnly(m) : false;
      };
      // (fetch(new Request(u, { method }))): the request object's own method; a URL object has none
      const first = args[0] ? derefNode(args[0], env) : null;
      const fo = first?.node.type === 'NewExpression' ? originOf(first.node.callee, first.env) : null;
      if (name === 'fetch' || name === 'fetchLater' || name === 'Request') return methodOf(args[1]) || (!!fo && !(fo.kind === 'global' && fo.path.join('.') === 'URL'));
      // making a URL sends nothing: the request that uses it is checked where it is sent
      if (name === 'URL' || name === 'URL.parse' || name === 'EventSource' || name === 'WebSocket') return false;
      if (/^(?:http|https)\.get$/.test(name)) return false;
      if (/^(?:http|https)\.request$/.test(name)) return args.slice(0, 2).filter((a) => derefNode(a, env)?.node.type === 'ObjectExpression').some(methodOf);
      if (key === 'get' || key === 'head') return false;
      if (key === 'open' && args[0]) return !readOnly(args[0]);
      return true;
    }

    /** Reports a request whose URL (or path) has an alternative unknown from its start. */
    function opaqueRequest(node: Node, sink: string, what: 'URL' | 'path', alternatives: Sym[]) {
      if (!all) return;
      const opaque = alternatives.find(opaqueUrl);
      if (!opaque) return;
      report(node, {
        rule: RULE,
        zones: `${from} -> unknown`,
        securityRef: ref,
        allowedWay: 'request only URLs whose path is written in the source (a constant, or a template with a constant path); proposals go back through the ports you are handed',
        what: `${sink} requests ${what === 'URL' ? 'a URL whose path' : 'a path that'} cannot be read from the source ("${describe(opaque)}"), so it cannot be proved not to be an authority endpoint (fail closed)`,
      });
    }

    /** The request sink a call is, named for messages; `client`: a known HTTP client (its options are read by their URL fields only). */
    function sinkName(callee: Node, o: Origin): { name: string; client: boolean } | null {
      if (o.kind === 'global' && GLOBAL_SINKS.has(o.path.join('.'))) return { name: o.path.join('.'), client: true };
      if (o.kind === 'module' && HTTP_MODULES.has(o.module)) return { name: `${o.module}.${o.path.join('.')}`, client: true };
      if (o.kind === 'external' && !o.member) return { name: `${o.module}`, client: true };
      if (callee.type === 'MemberExpression') {
        const key = memberKey(callee, env);
        // (a Map, a Set, URLSearchParams or Headers of this file is no HTTP client: .get() reads an entry)
        if (key && CLIENT_METHODS.has(key) && !localCollection(callee.object)) return { name: `.${key}()`, client: true };
      }
      // a function handed in (a parameter, a member of one, what calling one answers) whose code this file does not hold:
      // given an authority endpoint's URL, it may request it (fail closed); value methods and loggers only read it
      if (o.kind === 'unknown' && !calledFunction(callee, env) && injected(callee, 0)) {
        const key = callee.type === 'MemberExpression' ? memberKey(callee, env) : null;
        if (callee.type === 'Identifier') return { name: `${callee.name}() (a function handed in, whose code cannot be seen)`, client: false };
        if (key !== null && !READING_METHODS.has(key)) return { name: `.${key}() (of a value handed in, whose code cannot be seen)`, client: false };
      }
      return null;
    }

    /** `new Map(…)` (a Set, a WeakMap, URLSearchParams, Headers, FormData) made in this file, directly or through a constant. */
    function localCollection(node: Node): boolean {
      const d = derefNode(node, env);
      if (d?.node.type !== 'NewExpression') return false;
      const o = originOf(d.node.callee, d.env);
      return o.kind === 'global' && LOCAL_COLLECTIONS.has(o.path.join('.'));
    }

    /** A value that reaches this file from outside it: a parameter, a member of one or what calling one answers, this.… */
    function injected(node: Node, depth: number): boolean {
      const n = unwrap(node);
      if (depth > 8) return false;
      if (n.type === 'ThisExpression') return true;
      if (n.type === 'MemberExpression') return injected(n.object, depth + 1);
      if (n.type === 'CallExpression') return injected(n.callee, depth + 1);
      if (n.type !== 'Identifier') return false;
      const variable = findVariable(env.getScope(n), n);
      return !!variable && variable.defs.some((d) => d.type === 'Parameter' || (d.type === 'Variable' && d.node.type === 'VariableDeclarator' && !!d.node.init && injected(d.node.init as Node, depth + 1)));
    }

    /**
     * `x.constructor` (not this.constructor), directly or through a variable: may be the Function constructor.
     * `explored`: the functions whose returns this question has already looked through (an answer is any path to a
     * constructor read, so each function need be looked through once: without it, calls of calls made it exponential).
     */
    function constructorRead(node: Node, depth: number, explored = new Set<Node>()): boolean {
      const n = unwrap(node);
      // either branch of c ? a : b, a || b, a ?? b; the last of (a, b)
      if (n.type === 'ConditionalExpression') return constructorRead(n.consequent, depth + 1, explored) || constructorRead(n.alternate, depth + 1, explored);
      if (n.type === 'LogicalExpression') return constructorRead(n.left, depth + 1, explored) || constructorRead(n.right, depth + 1, explored);
      if (n.type === 'SequenceExpression') return constructorRead(n.expressions.at(-1)!, depth + 1, explored);
      if (n.type === 'MemberExpression') {
        // Object.getOwnPropertyDescriptor(x, 'constructor').value
        const key = memberKey(n, env);
        if ((key === 'value' || key === 'get') && isDescriptorRead(n.object, env)) return constructorRead(n.object, depth + 1, explored);
        // Object.getOwnPropertyDescriptors(x).constructor.value
        const named = unwrap(n.object);
        if ((key === 'value' || key === 'get') && named.type === 'MemberExpression' && memberKey(named, env) === 'constructor') {
          const all = derefNode(named.object, env);
          const call = all ? unwrap(all.node) : null;
          const co = call?.type === 'CallExpression' ? originOf(call.callee, all!.env) : null;
          if (co?.kind === 'global' && co.path.join('.') === 'Object.getOwnPropertyDescriptors') return true;
        }
        if (key === 'constructor') return unwrap(n.object).type !== 'ThisExpression';
        // what the member may hold: h.c with get c() { return f.constructor }, [f.constructor][0], { c: f.constructor }.c
        if (key === null || depth > 6) return false;
        return memberValues(n.object, key, env).slice(0, 8).some((v) => {
          const value = unwrap(v.node);
          const got = (value.type === 'FunctionExpression' || value.type === 'ArrowFunctionExpression') && (value.parent?.type === 'Property' || value.parent?.type === 'MethodDefinition') && value.parent.kind === 'get' ? returnedExpressions(value) : [value];
          if (v.env.file !== env.file || explored.has(value)) return false;
          explored.add(value);
          return got.some((g) => constructorRead(g, depth + 2, explored));
        });
      }
      // Reflect.get(x, 'constructor'), Object.getOwnPropertyDescriptor(x, 'constructor')
      if (n.type === 'CallExpression') {
        const o = originOf(n.callee, env);
        // mk() with const mk = () => f.constructor: what a function of this file returns
        const called = depth < 6 && !(o.kind === 'global' && DESCRIPTOR_READS.has(o.path.join('.'))) ? calledFunction(n.callee, env) : null;
        if (called && called.env.file === env.file && !called.fn.generator && !(called.fn.parent && 'kind' in called.fn.parent && called.fn.parent.kind === 'get') && !explored.has(called.fn)) {
          explored.add(called.fn);
          if (returnedExpressions(called.fn).some((r) => constructorRead(r, depth + 2, explored))) return true;
        }
        return o.kind === 'global' && DESCRIPTOR_READS.has(o.path.join('.')) && !!n.arguments[1] && unwrap(n.arguments[0] as Node).type !== 'ThisExpression' && fold(n.arguments[1] as Node, env).some((alt) => describe(alt) === 'constructor');
      }
      if (n.type !== 'Identifier' || depth > 8) return false;
      const variable = findVariable(env.getScope(n), n);
      // const F = x.constructor, or destructured: const { constructor: F } = x
      return !!variable && bindingsOf(variable).some((b) => b.kind === 'expr' && b.expr && (b.path.length === 0 ? constructorRead(b.expr, depth + 1, explored) : b.path.at(-1) === 'constructor' && unwrap(b.expr).type !== 'ThisExpression'));
    }

    /** A variable given the value of `obj[key]` with a key that cannot be folded, directly or through aliases. */
    function unfoldableRead(node: Node, depth: number): boolean {
      const n = unwrap(node);
      if (n.type === 'MemberExpression') {
        // (a literal holding only plain functions, never changed or handed on, may be read so: table[k])
        if (n.computed) return memberKey(n, env) === null && !sealedLiteral(n.object, env);
        // the value (or getter) of a descriptor read with an unfoldable key
        const key = memberKey(n, env);
        return (key === 'value' || key === 'get') && unfoldableRead(n.object, depth + 1);
      }
      if (n.type === 'CallExpression') {
        const c = unwrap(n.callee);
        if (c.type === 'MemberExpression' && memberKey(c, env) === 'bind') return unfoldableRead(c.object, depth + 1);
        const o = originOf(c, env);
        return o.kind === 'global' && DESCRIPTOR_READS.has(o.path.join('.')) && !!n.arguments[1] && memberKeyNull(n.arguments[1] as Node);
      }
      if (n.type !== 'Identifier' || depth > 8) return false;
      const variable = findVariable(env.getScope(n), n);
      return !!variable && bindingsOf(variable).some((b) => (b.kind === 'expr' && b.expr && b.path.length === 0 && unfoldableRead(b.expr, depth + 1)) || b.keyNodes.some((k, i) => k !== null && b.path[i] === null && memberKeyNull(k)));
    }
    const memberKeyNull = (k: Node) => fold(k, env).some((alt) => alt.some((p) => typeof p !== 'string'));

    /** A variable whose declared type is `string` (a parameter or variable annotation). */
    function declaredString(node: Node): boolean {
      const n = unwrap(node);
      if (n.type !== 'Identifier') return false;
      const def = findVariable(env.getScope(n), n)?.defs[0];
      const id = def?.name as TSESTree.Identifier | undefined;
      return id?.typeAnnotation?.typeAnnotation.type === 'TSStringKeyword';
    }

    /** A call, a `new`, a tagged template (a call of its tag) or a decorator (a call of its expression). */
    function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.TaggedTemplateExpression | TSESTree.Decorator) {
      const shape = callShape(node, env);
      const callee = unwrap(shape.callee);
      let closed = false;
      if (!all) {
        const advisory = advisoryCallee(callee);
        if (advisory) handsAuthority(shape.args, advisory);
      }
      // a computed member call whose key cannot be folded may be any function of the object
      // (unless the object is a literal holding only plain values, never changed or handed on)
      for (let c: Node = callee; c.type === 'MemberExpression'; c = unwrap(c.object)) {
        if (c.computed && memberKey(c, env) === null && !sealedLiteral(c.object, env)) {
          // a key with a few constant alternatives (for (const s of ['evaluate', 'explain']) ports[s]()) names what it may
          // call: an authority function among them is reported by name; names that reach code or the module system fail closed
          const alts = fold(c.property, env);
          const names = alts.length > 0 && alts.length <= 16 && alts.every(isConstant) ? alts.map(describe) : null;
          const hit = names?.find((k) => authorities.has(k));
          if (hit) {
            authority(c, hit, `the computed member [${JSON.stringify(hit)}]`);
            closed = true;
            break;
          }
          if (names && !names.some((k) => REACHING_NAMES.has(k) || (dynamicCode?.names ?? ['eval', 'Function']).includes(k))) {
            closed = true;
            break;
          }
          // (reported at the call when its callee was read through a variable: const g = deps[k].bind(deps); g())
          const within = c.range[0] >= node.range[0] && c.range[1] <= node.range[1];
          failClosed(within ? c : node, 'this call goes through a computed key that cannot be folded to a constant');
          closed = true;
          break;
        }
        if (c !== callee) break;
      }
      const o = originOf(callee, env);
      if (o.kind === 'global' && CODE_LOADERS.has(o.path.join('.'))) dynamic(node, `${o.path.join('.')} compiles and runs code given as data`);
      // node:vm compiles the text it is given (a bare name, vm.runInNewContext('gc'), only looks one up)
      if (o.kind === 'module' && o.module === 'vm' && VM_RUNNERS.has(o.path.at(-1) ?? '') && !(shape.args[0] && namesOnly(shape.args[0])))
        dynamic(node, `vm.${o.path.join('.')} compiles and runs code given as text`);
      if (o.kind === 'module' && o.module === 'worker_threads' && o.path.join('.') === 'Worker' && workerRunsText(shape.args))
        dynamic(node, 'a Worker given { eval: true } or a data: URL runs code given as text');
      // `.get('approveWorkflow')` on a Map (or any keyed store) built from an injected object reads the function by name
      if (callee.type === 'MemberExpression' && memberKey(callee, env) === 'get' && shape.args[0]) {
        const hit = fold(shape.args[0], env).map(describe).find((k) => authorities.has(k));
        if (hit) authority(node, hit, `.get("${hit}")`);
      }
      if (o.kind === 'global' && DESCRIPTOR_READS.has(o.path.join('.'))) {
        const key = shape.args[1] ? fold(shape.args[1], env) : [];
        const names = key.map(describe);
        const hit = names.find((k) => authorities.has(k));
        if (hit) authority(node, hit, `${o.path.join('.')}(…, "${hit}")`);
      }
      if (callee.type !== 'Identifier' && !(callee.type === 'MemberExpression' && callee.computed) && unfoldableRead(callee, 0))
        failClosed(node, 'this call goes through a property read whose key cannot be folded');
      // authority functions and eval/Function are reported at their reference (below); a call of a computed value is reported here
      if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') {
        if (o.kind === 'authority') authority(node, o.name, 'this call');
        if (isDynamicGlobal(o)) dynamic(node, `this call runs ${o.kind === 'global' ? o.path[0] : 'dynamic code'}`);
      }
      if (callee.type === 'Identifier' && o.kind === 'unknown' && unfoldableRead(callee, 0)) {
        failClosed(node, `${callee.name} holds a property read through a computed key that cannot be folded`);
        closed = true;
      }
      // a value taken from an object without its name (enumeration, a Proxy, a computed key) may be any of its functions
      if (o.kind === 'enumerated' && !closed && !(callee.type !== 'Identifier' && !(callee.type === 'MemberExpression' && callee.computed) && unfoldableRead(callee, 0)))
        failClosed(node, `this call reaches a value taken from an object without its name (${o.how})`);
      if (constructorRead(callee, 0))
        dynamic(node, 'calling a .constructor can reach the Function constructor');
      if ((o.kind === 'global' && TIMERS.has(o.path.join('.'))) || (o.kind === 'module' && o.module === 'timers')) {
        const first = shape.args[0];
        if (first && (fold(first, env).some((alt) => alt.some((p) => typeof p === 'string')) || declaredString(first))) dynamic(node, `${o.kind === 'global' ? o.path[0] : 'a timer'} with a string evaluates code`);
      }
      const sink = sinkName(callee, o);
      const requesting = isRequesting(o);
      if (sink) checkEndpoints(node, callee, o, shape.args, sink.name, requesting, sink.client);
      // fetch(...urls): a spread the check cannot read may hold any URL
      if (sink && requesting && shape.argsUnknown && shape.args.length === 0) opaqueRequest(node, sink.name, 'URL', [[unknownPart('a spread argument')]]);
      // el.setAttribute('href', url), Object.assign(location, { href: url }): the same navigation as an assignment
      if (callee.type === 'MemberExpression' && (memberKey(callee, env) === 'setAttribute' || memberKey(callee, env) === 'setAttributeNS')) {
        const at = memberKey(callee, env) === 'setAttribute' ? 0 : 1;
        const attr = shape.args[at] ? fold(shape.args[at]!, env).map(describe) : [];
        const value = shape.args[at + 1];
        if (value && attr.some(navigatingName)) requestsEndpoint(node, value, env, (path, shown) => `setting the ${attr.find(navigatingName)} attribute to "${shown}" navigates to the authority endpoint ${path}`);
      }
      // the DOM runs code it is given as text: a script element, an on… attribute, HTML holding a script or handler
      if (callee.type === 'MemberExpression') {
        const key = memberKey(callee, env);
        if ((key === 'createElement' || key === 'createElementNS') && shape.args[key === 'createElement' ? 0 : 1] && fold(shape.args[key === 'createElement' ? 0 : 1]!, env).some((alt) => describe(alt).trim().toLowerCase() === 'script'))
          dynamic(node, 'a script element runs the code it is given');
        if ((key === 'setAttribute' || key === 'setAttributeNS') && shape.args[key === 'setAttribute' ? 0 : 1] && fold(shape.args[key === 'setAttribute' ? 0 : 1]!, env).some((alt) => /^\s*(?:on|srcdoc$)/i.test(describe(alt))))
          dynamic(node, 'an on… or srcdoc attribute runs the code it is given');
        const html = key === 'insertAdjacentHTML' ? shape.args[1] : key === 'write' || key === 'writeln' || key === 'createContextualFragment' || key === 'setHTMLUnsafe' || key === 'parseHTMLUnsafe' ? shape.args[0] : undefined;
        if (html && runsHtml(html)) dynamic(node, `${key}() of HTML holding a script or an event handler runs it`);
        const parsed = html ?? (key === 'parseFromString' ? shape.args[0] : undefined);
        if (parsed) htmlRequests(node, parsed, `${key}()`);
      }
      // Reflect.set(form, 'action', url), Object.defineProperty(a, 'href', { value: url }), Object.defineProperties: the same navigation
      // as an assignment (a key that cannot be folded may be one of them)
      if (o.kind === 'global' && ['Reflect.set', 'Object.defineProperty', 'Reflect.defineProperty', 'Object.defineProperties'].includes(o.path.join('.'))) {
        const fname = o.path.join('.');
        const descriptorValues = (desc: Node, e: Env): Array<{ node: Node; env: Env }> => {
          const d = derefNode(desc, e);
          if (d?.node.type !== 'ObjectExpression') return [];
          const value = propertyOf(d.node, 'value');
          const getter = propertyOf(d.node, 'get');
          const g = getter ? unwrap(getter) : null;
          return [...(value ? [{ node: value, env: d.env }] : []), ...(g && (g.type === 'FunctionExpression' || g.type === 'ArrowFunctionExpression') ? returnedExpressions(g).map((r) => ({ node: r, env: d.env })) : [])];
        };
        // (a key with a part that cannot be folded is null: any member)
        const foldKey = (kn: Node, e: Env): string | null => {
          const alts = fold(kn, e);
          return alts.length === 1 && isConstant(alts[0]!) ? describe(alts[0]!) : alts.length > 1 && alts.every(isConstant) ? (alts.map(describe).find(navigatingName) ?? describe(alts[0]!)) : null;
        };
        const pairs: Array<{ key: string | null; value: Node; env: Env }> = [];
        const [, k, v] = shape.args;
        if (fname === 'Reflect.set' && k && v) pairs.push({ key: foldKey(k, env), value: v, env });
        else if (fname !== 'Object.defineProperties' && k && v) for (const x of descriptorValues(v, env)) pairs.push({ key: foldKey(k, env), value: x.node, env: x.env });
        else if (fname === 'Object.defineProperties' && k) {
          const all = derefNode(k, env);
          if (all?.node.type === 'ObjectExpression')
            for (const p of all.node.properties)
              if (p.type === 'Property') for (const x of descriptorValues(p.value as Node, all.env)) pairs.push({ key: p.computed ? foldKey(p.key as Node, all.env) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value), value: x.node, env: x.env });
        }
        for (const { key, value, env: ve } of pairs)
          if (key === null || navigatingName(key)) requestsEndpoint(node, value, ve, (path, shown) => `${fname} of ${key ?? 'a member whose name cannot be folded'}: "${shown}" navigates to the authority endpoint ${path}`);
      }
      if (o.kind === 'global' && o.path.join('.') === 'Object.assign')
        for (const src of shape.args.slice(1)) {
          const lit = derefNode(src, env);
          if (lit?.node.type !== 'ObjectExpression') continue;
          for (const p of lit.node.properties) {
            if (p.type !== 'Property') continue;
            const key = p.computed ? foldKey(p.key as Node, lit.env) : p.key.type === 'Identifier' ? p.key.name : String((p.key as TSESTree.Literal).value);
            if (key !== null && navigatingName(key)) requestsEndpoint(node, p.value as Node, lit.env, (path, shown) => `Object.assign of ${key}: "${shown}" navigates to the authority endpoint ${path}`);
          }
        }
      // an HTTP request written by hand to a socket (net, tls, a stream): its request line names the path
      if (all && callee.type === 'MemberExpression' && ['write', 'end', 'send'].includes(memberKey(callee, env) ?? '') && shape.args[0]) {
        for (const alt of fold(shape.args[0], env)) {
          const written = describe(alt).replaceAll('<?>', 'x');
          const line = /(?:^|\n)\s*[A-Z]+\s+(\S+)\s+HTTP\//i.exec(written);
          // a request line may be split over several writes: one that ends in its path may be continued by the
          // next (its path read with an unknown end), one that starts in it may continue the last (an unknown start)
          const head = line ? null : /(?:^|\n)\s*[A-Z]+\s+(\S+)$/i.exec(written);
          const tail = line || head ? null : /^(\S+)\s+HTTP\//i.exec(written);
          const ep = line ? matchEndpoint(policy, [line[1]!]) : head ? matchEndpoint(policy, [head[1]!, unknownPart('the next write')]) : tail ? matchThroughAnyPath(policy, [unknownPart('the last write'), tail[1]!]) : null;
          if (!ep) continue;
          report(node, { rule: RULE, zones: `${from} -> zone:authoritative`, securityRef: ref, allowedWay: ep.allowedWay, what: `.${memberKey(callee, env)}() writes an HTTP request for the authority endpoint ${ep.path} ("${(line ?? head ?? tail)![1]}")${line ? '' : ', a request line that another write may complete (fail closed)'}, which ${from} may not call` });
          break;
        }
      }
      // NAMES.reverse(), PARTS.push(x) on a literal another module exports
      if (shape.callee.type === 'MemberExpression' && ARRAY_MUTATING_METHODS.has(memberKey(shape.callee, env) ?? '')) {
        const shared = exportedLiteral(shape.callee.object);
        if (shared) sharedChange(node, `.${memberKey(shape.callee, env)}()`, shared);
      }
      // a literal another module exports, handed to a workspace function that changes what it is handed (touch(NAMES) with touch(o) { o.k = x })
      if (all && node.type === 'CallExpression' && !shape.argsUnknown)
        shape.args.forEach((a, i) => {
          const shared = unwrap(a).type === 'Identifier' || unwrap(a).type === 'MemberExpression' ? exportedLiteral(a) : null;
          const called = shared ? calledFunction(shape.callee, env) : null;
          if (!called || !changesParameter(called.fn, i, called.env)) return;
          const c = unwrap(shape.callee);
          const name = c.type === 'Identifier' ? `${c.name}()` : c.type === 'MemberExpression' ? `.${memberKey(c, env) ?? '[…]'}()` : 'a function';
          const where = called.env.file === env.file ? '' : ` (${called.env.file.split('/').slice(-3).join('/')})`;
          sharedChange(a, `handing it to ${name}${where}, which changes what it is handed,`, shared!);
        });
      // Object.defineProperty(Object.prototype, …), Object.assign(JSON, …), Reflect.set(globalThis, …)
      if (o.kind === 'global' && MUTATORS.has(o.path.join('.')) && shape.args[0]) {
        const shared = sharedRuntime(shape.args[0]);
        if (shared) sharedChange(node, `${o.path.join('.')}()`, shared);
        if (shared && !all) sharesAuthority(node, shape.args.slice(1), shared);
      }
      // a function handed to a workspace function of another file that calls it (run(deps[k]) with run(g) { g() } imported)
      if (node.type === 'CallExpression' && shape.args.some((a) => originOf(a, env).kind === 'enumerated')) {
        const called = calledFunction(shape.callee, env);
        if (called && called.env.file !== env.file)
          shape.args.forEach((a, i) => {
            const ao = originOf(a, env);
            if (ao.kind === 'enumerated' && callsParameter(called.fn, i, called.env)) failClosed(a, `this function is handed to a workspace function (of ${called.env.file.split('/').slice(-3).join('/')}) that calls it, and it is taken from an object without its name (${ao.how})`);
          });
      }
      // a function handed to something that calls it (a timer, an array callback, a promise reaction) is called too
      const name = o.kind === 'global' ? o.path.join('.') : '';
      const positions =
        o.kind === 'global' && CALLING_GLOBALS.has(name) ? [0] : (o.kind === 'module' && o.module === 'timers') ? [0] : o.kind === 'module' && Object.hasOwn(CALLING_MODULE_FUNCTIONS, `${o.module}.${o.path.join('.')}`) ? CALLING_MODULE_FUNCTIONS[`${o.module}.${o.path.join('.')}`]! : o.kind === 'global' && Object.hasOwn(CALLING_STATICS, name) ? CALLING_STATICS[name]! : callee.type === 'MemberExpression' && Object.hasOwn(CALLING_METHODS, memberKey(callee, env) ?? '') ? CALLING_METHODS[memberKey(callee, env)!]! : [];
      for (const i of positions) {
        const arg = shape.args[i];
        if (!arg || (closed && i === 0)) continue;
        const ao = originOf(arg, env);
        const host = name || (callee.type === 'MemberExpression' ? `.${memberKey(callee, env)}()` : 'a call');
        if (ao.kind === 'enumerated') failClosed(arg, `this function is handed to ${host}, which calls it, and it is taken from an object without its name (${ao.how})`);
        // .then(fetch), urls.map(fetch), setTimeout(fetch, 0, url): it requests whatever it is called with
        else if (isRequesting(ao)) opaqueRequest(arg, `${ao.kind === 'module' ? `${ao.module}.` : ''}${ao.kind === 'module' || ao.kind === 'global' ? ao.path.join('.') : ''} handed to ${host}`, 'URL', [[unknownPart(`what ${host} calls it with`)]]);
        else if (ao.kind === 'authority' && unwrap(arg).type !== 'Identifier' && unwrap(arg).type !== 'MemberExpression') authority(arg, ao.name, 'this function handed to a call that calls it');
      }
    }

    /** `{ toString: fn }`, `{ then: fn }`, a descriptor's `get`: functions the language calls without a call in the source. */
    function implicitCall(node: TSESTree.Property | TSESTree.PropertyDefinition) {
      const obj = node.parent as TSESTree.ObjectExpression;
      let key: string | null = null;
      if (!node.computed) key = node.key.type === 'Identifier' ? node.key.name : String((node.key as TSESTree.Literal).value);
      else key = symbolName(node.key as Node);
      if (key === null) return;
      let accessor = false;
      // new Proxy(target, { apply: … }): the handler's traps
      const maker = node.type === 'Property' && (obj.parent?.type === 'NewExpression' || obj.parent?.type === 'CallExpression') && obj.parent.arguments[1] === obj ? originOf(obj.parent.callee, env) : null;
      if (maker && maker.kind === 'global' && PROXY_MAKERS.has(maker.path.join('.'))) accessor = true;
      // new Readable({ read }), new Writable({ write }), new Transform({ transform }) …: an options object handed to a
      // builtin module's class has its functions called by the runtime (read, write, final, destroy, …)
      const made = node.type === 'Property' && obj.parent?.type === 'NewExpression' && obj.parent.arguments.includes(obj) ? originOf(obj.parent.callee, env) : null;
      // (a number or text computed by a builtin, highWaterMark: Math.max(...Object.values(x)), is no function)
      const computed = node.value ? unwrap(node.value as Node) : null;
      const co = computed?.type === 'CallExpression' ? originOf(computed.callee, env) : null;
      const data = !!co && co.kind === 'global' && ['Math', 'Number', 'String', 'JSON', 'Boolean', 'parseInt', 'parseFloat', 'Date'].includes(co.path[0]!);
      if (made && made.kind === 'module' && !data) accessor = true;
      if (node.type === 'Property' && (key === 'get' || key === 'set')) {
        // a descriptor: Object.defineProperty(o, k, { get }) or one of Object.defineProperties / Object.create's
        const host = obj.parent?.type === 'Property' ? obj.parent.parent?.parent : obj.parent;
        const ho = host?.type === 'CallExpression' ? originOf(host.callee, env) : null;
        // (a Proxy handler's get / set traps are called as well: they stay accessors)
        accessor = accessor || (!!ho && ho.kind === 'global' && DEFINERS.has(ho.path.join('.')));
      }
      if (!accessor && !IMPLICIT_CALLS.has(key)) return;
      if (!node.value) return;
      const vo = originOf(node.value as Node, env);
      if (vo.kind === 'enumerated') failClosed(node, `${key} is called by the language itself (conversion, await, iteration or a property read), and this one is taken from an object without its name (${vo.how})`);
    }

    /**
     * The well-known symbol a computed key is, named as the runtime names it: Symbol.iterator, util.inspect.custom
     * (also as Symbol.for('nodejs.util.inspect.custom'), directly or through a const), util.promisify.custom,
     * events.captureRejectionSymbol; null for any other key.
     */
    function symbolName(k: Node): string | null {
      const ko = originOf(k, env);
      if (ko.kind === 'global' && ko.path[0] === 'Symbol' && ko.path.length === 2) return ko.path.join('.');
      if (ko.kind === 'module' && (ko.module === 'util' || ko.module === 'events')) return `${ko.module}.${ko.path.join('.')}`;
      const d = derefNode(k, env);
      const call = d ? unwrap(d.node) : null;
      if (call?.type !== 'CallExpression' || !call.arguments[0]) return null;
      const co = originOf(call.callee, d!.env);
      if (co.kind !== 'global' || co.path.join('.') !== 'Symbol.for') return null;
      const registered = fold(call.arguments[0] as Node, d!.env).map(describe);
      const names: Record<string, string> = { 'nodejs.util.inspect.custom': 'util.inspect.custom', 'nodejs.util.promisify.custom': 'util.promisify.custom', 'nodejs.rejection': 'events.captureRejectionSymbol' };
      // (a registered name that cannot be read may be any of them)
      return registered.map((r) => names[r] ?? (r.includes('<?>') ? 'util.inspect.custom' : null)).find((n) => n !== null) ?? null;
    }

    /** `o.toString = v`, `o[util.inspect.custom] = v`: a member the language calls by itself, set to a value taken without its name. */
    function implicitAssignment(node: TSESTree.AssignmentExpression, left: Node) {
      if (left.type !== 'MemberExpression') return;
      const key = left.computed ? (symbolName(left.property as Node) ?? memberKey(left, env)) : memberKey(left, env);
      if (key === null || !IMPLICIT_CALLS.has(key)) return;
      const vo = originOf(node.right, env);
      if (vo.kind === 'enumerated') failClosed(node, `${key} is called by the language itself (conversion, await, iteration, inspection), and this one is taken from an object without its name (${vo.how})`);
    }

    /** What `target` is when it is shared by the whole process: a builtin global, the global object, a builtin module, a prototype. */
    function sharedRuntime(target: Node): string | null {
      const t = unwrap(target);
      const o = originOf(t, env);
      if (o.kind === 'global' && o.path.length === 0) return 'the global object';
      if (o.kind === 'global' && SHARED_BUILTINS.has(o.path[0]!)) return o.path.join('.');
      if (o.kind === 'module' && !o.path.includes('*')) return `node:${[o.module, ...o.path].join('.')}`;
      // ({}).__proto__, x.constructor.prototype, Object.getPrototypeOf(x): a prototype other objects share
      if (t.type === 'MemberExpression' && (memberKey(t, env) === '__proto__' || (memberKey(t, env) === 'prototype' && unwrap(t.object).type === 'MemberExpression' && memberKey(unwrap(t.object) as TSESTree.MemberExpression, env) === 'constructor'))) return 'a shared prototype';
      if (t.type === 'CallExpression') {
        const co = originOf(t.callee, env);
        if (co.kind === 'global' && ['Object.getPrototypeOf', 'Reflect.getPrototypeOf'].includes(co.path.join('.'))) return 'a shared prototype';
      }
      return exportedLiteral(t);
    }

    /**
     * A literal object or array another module of the workspace exports, reached through an import here
     * (import { NAMES } …; NAMES.k = x, NAMES.sub.k = x): every module that imports it reads what is changed here as
     * that module's constant, which no check of theirs sees.
     */
    function exportedLiteral(target: Node): string | null {
      const t = unwrap(target);
      let root: Node = t;
      while (root.type === 'MemberExpression') root = unwrap(root.object);
      // (through an import, or a const alias of one: const n = NAMES; n.k = x)
      if (root.type !== 'Identifier') return null;
      const d = derefNode(t, env);
      if (!d || d.env.file === env.file || (d.node.type !== 'ObjectExpression' && d.node.type !== 'ArrayExpression')) return null;
      return `a literal exported by ${d.env.file.split('/').slice(-3).join('/')} (${root.name})`;
    }

    function sharedChange(node: Node, what: string, target: string) {
      if (!all) return;
      report(node, {
        rule: RULE,
        zones: `${from} -> shared runtime`,
        securityRef: ref,
        allowedWay: 'keep changes local: copy or wrap values instead of changing builtins, prototypes or process state',
        what: `${what} changes ${target}, which every module in the process shares (prototype pollution or monkeypatching can change what RMOS computes)`,
      });
    }

    /** The object a member write changes: o in o.k = v, o.k++ and delete o.k. */
    function writtenObject(left: Node): Node | null {
      const l = unwrap(left);
      return l.type === 'MemberExpression' ? (l.object as Node) : null;
    }

    /** `Function.prototype.call` / `.apply` / `.bind`: methods every function has, not the Function constructor. */
    function sharedMethodRead(id: TSESTree.Identifier): boolean {
      const proto = id.parent;
      if (proto?.type !== 'MemberExpression' || proto.object !== id || proto.computed || memberKey(proto, env) !== 'prototype') return false;
      const method = proto.parent;
      return method?.type === 'MemberExpression' && method.object === proto && !method.computed && ['call', 'apply', 'bind'].includes(memberKey(method, env) ?? '');
    }

    /** The advisory project a callee comes from: a function defined there, or a binding imported from it. */
    function advisoryCallee(callee: Node): Project | null {
      const called = calledFunction(callee, env);
      const fromFile = called ? fc.ws.projectOfFile(called.env.file) : null;
      if (fromFile) return fromFile.zone === 'advisory' ? fromFile : null;
      let root = unwrap(callee);
      while (root.type === 'MemberExpression') root = unwrap(root.object);
      if (root.type !== 'Identifier') return null;
      const def = findVariable(env.getScope(root), root)?.defs[0];
      if (def?.type !== 'ImportBinding' || def.parent?.type !== 'ImportDeclaration') return null;
      const landed = resolveSpecifier(fc.ws, env.file, String(def.parent.source.value), env.recordFor);
      return landed.kind === 'project' && landed.project?.zone === 'advisory' ? landed.project : null;
    }

    /**
     * Arguments handed to advisory code that reach an authority function: the function itself, a function
     * that calls it, or an object or array holding one (under whatever name). Advisory code could call it
     * through that port by a name the advisory-side check has no reason to refuse (deps.save()).
     */
    function handsAuthority(args: Node[], advisory: Project) {
      args.forEach((arg, i) => {
        const name = authorityInside(arg, env, 0);
        if (!name) return;
        const fn = policy.authorityFunctions.find((f) => f.name === name)!;
        report(arg, {
          rule: RULE,
          zones: `${from} -> zone:advisory (${advisory.name})`,
          securityRef: ref,
          allowedWay: `hand advisory code only the ports of the RMOS public API (a feasibility port, the sandbox store); ${fn.allowedWay}`,
          what: `argument ${i + 1} hands the authority function ${name} of ${fn.definedIn} to ${advisory.name}, which zone:advisory may not reach however the port names it`,
        });
      });
    }

    /**
     * An authority function put on what every module shares (the global object, a builtin, process): advisory
     * code would reach it from there under any name (globalThis.save()), past every check of its own.
     */
    function sharesAuthority(at: Node, values: Node[], target: string) {
      for (const value of values) {
        const name = authorityInside(value, env, 0);
        if (!name) continue;
        const fn = policy.authorityFunctions.find((f) => f.name === name)!;
        return report(at, {
          rule: RULE,
          zones: `${from} -> shared runtime`,
          securityRef: ref,
          allowedWay: `pass it to the code that needs it, never through shared state; ${fn.allowedWay}`,
          what: `this puts the authority function ${name} of ${fn.definedIn} on ${target}, which every module shares: advisory code would reach it there under any name`,
        });
      }
    }

    /** The authority function a value reaches: itself, a function calling one, an object or array holding one. */
    function authorityInside(node: Node, e: Env, depth: number): string | null {
      if (depth > 6) return null;
      const n = unwrap(node);
      const o = originOf(n, e);
      if (o.kind === 'authority') return o.name;
      if (isFunction(n)) return authorityCalledIn(n, e, depth);
      if (n.type === 'Identifier') {
        const called = calledFunction(n, e);
        if (called) return authorityCalledIn(called.fn, called.env, depth);
      }
      // what a runtime object keeps and gives back (an abort controller's or its signal's reason, a withResolvers promise)
      for (const v of keptValues(n, e)) {
        const hit = authorityInside(v.node, v.env, depth + 1);
        if (hit) return hit;
      }
      const d = n.type === 'Identifier' || n.type === 'MemberExpression' ? derefNode(n, e) : { node: n, env: e };
      if (!d || (d.node === n && (n.type === 'Identifier' || n.type === 'MemberExpression'))) return null;
      const v = d.node;
      const values: Node[] =
        v.type === 'ObjectExpression' ? v.properties.map((p) => (p.type === 'Property' ? (p.value as Node) : p.argument))
        : v.type === 'ArrayExpression' ? v.elements.filter((x): x is TSESTree.Expression | TSESTree.SpreadElement => !!x).map((x) => (x.type === 'SpreadElement' ? x.argument : x))
        : v.type === 'ConditionalExpression' ? [v.consequent, v.alternate]
        : v.type === 'LogicalExpression' ? [v.left, v.right]
        : holdsArguments(v, d.env) ? (v as TSESTree.NewExpression | TSESTree.CallExpression).arguments.map((a) => (a.type === 'SpreadElement' ? a.argument : a) as Node)
        // an instance of a class of the workspace holds what its class body names (fields, methods, this.f = …) and what the class it extends does
        : v.type === 'NewExpression' ? [v.callee as Node, ...v.arguments.map((a) => (a.type === 'SpreadElement' ? a.argument : a) as Node)]
        : v.type === 'ClassDeclaration' || v.type === 'ClassExpression' ? [...(v.superClass ? [v.superClass as Node] : [])]
        // what a workspace function returns (mk() with mk = () => ({ save: persistRunArtifact }))
        : v.type === 'CallExpression' ? (() => { const c = calledFunction(v.callee, d.env); return c && c.env.file === d.env.file ? returnedExpressions(c.fn) : []; })()
        : v !== n ? [v] : [];
      if (v.type === 'ClassDeclaration' || v.type === 'ClassExpression') {
        const hit = authorityCalledIn(v, d.env, depth + 1);
        if (hit) return hit;
      }
      // what is put in it later is handed too: members assigned (ports.save = …, Reflect.set(ports, 'save', …),
      // Object.assign, Object.defineProperty), entries set or added (m.set(k, fn), s.add(fn), a.push(fn))
      if (n.type === 'Identifier') for (const more of literalChanges(n, e)?.assigned.values() ?? []) values.push(...more);
      for (const value of values) {
        const hit = authorityInside(value, d.env, depth + 1);
        if (hit) return hit;
      }
      return null;
    }

    /** A container made of its arguments: new Map([[k, fn]]), new Set([fn]), new WeakRef(fn), Object.fromEntries, Array.of, … */
    function holdsArguments(v: Node, e: Env): boolean {
      if (v.type !== 'NewExpression' && v.type !== 'CallExpression') return false;
      const o = originOf(v.callee, e);
      return o.kind === 'global' && HOLDING_CALLS.has(o.path.join('.'));
    }

    /** The first authority function a function's body refers to (or the functions it calls, a few levels deep). */
    function authorityCalledIn(fn: Node, e: Env, depth: number): string | null {
      let hit: string | null = null;
      const visit = (n: Node) => {
        if (hit) return;
        if (n.type === 'Identifier' && !(n.parent?.type === 'MemberExpression' && n.parent.property === n && !n.parent.computed) && !(n.parent?.type === 'Property' && n.parent.key === n && !n.parent.computed && !n.parent.shorthand)) {
          const o = originOf(n, e);
          if (o.kind === 'authority') hit = o.name;
        } else if (n.type === 'CallExpression' && depth < 6) {
          // the callee itself first (approveWorkflow(x) names approveWorkflow, not what its body calls)
          const co = originOf(n.callee, e);
          if (co.kind === 'authority') hit = co.name;
          const called = hit ? null : calledFunction(n.callee, e);
          if (called && called.fn !== fn) hit = authorityCalledIn(called.fn, called.env, depth + 1);
        }
        if (!hit) forEachChild(n, visit);
      };
      forEachChild(fn, visit);
      return hit;
    }

    /** Code text that is a constant bare name: running it reads a global, nothing more. */
    function namesOnly(code: Node): boolean {
      const alts = fold(code, env);
      return alts.length > 0 && alts.every((alt) => isConstant(alt) && /^\s*[A-Za-z_$][\w$]*\s*$/.test(describe(alt)));
    }

    /** new Worker(text, { eval: true }), new Worker('data:…'): the thread runs text, not a file of the workspace. */
    function workerRunsText(args: Node[]): boolean {
      const options = args[1] ? derefNode(args[1], env) : null;
      const flag = options?.node.type === 'ObjectExpression' ? propertyOf(options.node, 'eval') : null;
      if (flag && !(unwrap(flag).type === 'Literal' && (unwrap(flag) as TSESTree.Literal).value === false)) return true;
      return !!args[0] && fold(args[0], env).some((alt) => /^\s*data:/i.test(describe(alt)));
    }

    /**
     * HTML text whose elements request a URL when followed, submitted or loaded: the value of each href, action,
     * formaction, src, data or ping attribute (character references decoded) is read as that request's URL.
     */
    function htmlRequests(node: Node, html: Node, how: string) {
      const HOLE = '\u0000';
      for (const alt of fold(html, env)) {
        const text = alt.map((p) => (typeof p === 'string' ? p : HOLE)).join('');
        for (const m of text.matchAll(/[\s"'/](href|action|formaction|src|data|ping)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
          const raw = decodeCharacterReferences(m[2] ?? m[3] ?? m[4] ?? '');
          const url: Sym = raw.split(HOLE).flatMap((piece, i) => (i === 0 ? [piece] : [unknownPart('a part of the HTML'), piece]));
          const attr = m[1]!.toLowerCase();
          if (requestsEndpointOf(node, [url], (path, shown) => `${how} HTML whose ${attr} attribute "${shown}" requests the authority endpoint ${path} when followed, submitted or loaded`, attr === 'action' || attr === 'formaction')) return;
        }
      }
    }

    /** HTML text that runs code when parsed into a document: a script element, an on… handler, a javascript: URL. */
    function runsHtml(value: Node): boolean {
      return fold(value, env).some((alt) => /<\s*script|<[^>]*\son[a-z]+\s*=|javascript\s*:/i.test(describe(alt)));
    }

    return {
      JSXAttribute(node: TSESTree.JSXAttribute) {
        // <form action="…">, <a href="…">, <button formAction="…">: a request when submitted or followed
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : node.name.name.name;
        if (!navigatingName(name) || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        if (value.type === 'JSXEmptyExpression') return;
        requestsEndpoint(node, value as Node, env, (path, shown) => `the ${name} attribute "${shown}" requests the authority endpoint ${path} when followed or submitted`);
      },
      UpdateExpression(node) {
        const obj = writtenObject(node.argument as Node);
        const shared = obj ? sharedRuntime(obj) : null;
        if (shared) sharedChange(node, 'this update', shared);
      },
      UnaryExpression(node) {
        if (node.operator !== 'delete') return;
        const obj = writtenObject(node.argument as Node);
        const shared = obj ? sharedRuntime(obj) : null;
        if (shared) sharedChange(node, 'this delete', shared);
      },
      AssignmentExpression(node) {
        const left = unwrap(node.left);
        {
          // (window.location = … navigates: checked below as a request)
          const obj = left.type === 'MemberExpression' && !navigatingName(memberKey(left, env) ?? '') ? writtenObject(left) : null;
          const shared = obj ? sharedRuntime(obj) : null;
          if (shared) sharedChange(node, 'this assignment', shared);
          if (shared && !all) sharesAuthority(node, [node.right], shared);
        }
        implicitAssignment(node, left);
        const o = originOf(left, env);
        const prop = left.type === 'MemberExpression' ? memberKey(left, env) : null;
        // el.onclick = g, signal.onabort = g, globalThis.onmessage = g: the runtime calls an on… handler
        if (prop && /^on[a-z]+$/.test(prop)) {
          const ro = originOf(node.right, env);
          if (ro.kind === 'enumerated') failClosed(node.right, `an ${prop} handler is called by the runtime, and this one is taken from an object without its name (${ro.how})`);
        }
        if (prop && ['innerHTML', 'outerHTML', 'srcdoc'].includes(prop) && runsHtml(node.right)) dynamic(node, `assigning ${prop} HTML holding a script or an event handler runs it`);
        if (prop && ['innerHTML', 'outerHTML', 'srcdoc'].includes(prop)) htmlRequests(node, node.right, `assigning ${prop}`);
        // el[k] = url with a key that cannot be folded: it may be href, action or src (an authority endpoint's URL, fail closed)
        if (left.type === 'MemberExpression' && left.computed && prop === null && node.operator === '=')
          requestsEndpoint(node, node.right, env, (path, shown) => `assigning "${shown}" to a member whose name cannot be folded (it may be href, action or src) navigates to the authority endpoint ${path} (fail closed)`);
        const navigates =
          (o.kind === 'global' && (o.path.join('.') === 'location' || o.path.join('.') === 'location.href')) ||
          (left.type === 'MemberExpression' && NAVIGATING_PROPS.has(memberKey(left, env) ?? ''));
        if (!navigates) return;
        // a javascript: URL runs its text as code
        if (fold(node.right, env).some((alt) => /^\s*javascript\s*:/i.test(describe(alt).replace(/[\t\n\r]/g, '')))) return dynamic(node, 'a javascript: URL runs its text as code');
        // (f.action += '/../approve' navigates to what it held followed by the text added)
        // (a form's action is submitted, by POST if its method says so: an unknown part of it may walk anywhere)
        const submits = ['action', 'formaction'].includes((prop ?? '').toLowerCase());
        requestsEndpoint(node, node.operator === '+=' ? node : node.right, env, (path, shown) => `assigning "${shown}" navigates to the authority endpoint ${path}`, submits);
      },
      ImportExpression(node) {
        requestsEndpoint(node, node.source, env, (path, shown) => `import() requests the authority endpoint ${path} ("${shown}")`);
      },
      // `class B extends X {}`: constructing B calls X (its implicit constructor calls super(...args))
      'ClassDeclaration, ClassExpression'(node: TSESTree.ClassDeclaration | TSESTree.ClassExpression) {
        if (!node.superClass) return;
        const sc = unwrap(node.superClass);
        const o = originOf(sc, env);
        if (o.kind === 'authority' && sc.type !== 'Identifier' && sc.type !== 'MemberExpression') authority(node.superClass, o.name, 'the class it extends');
        else if (constructorRead(sc, 0)) dynamic(node.superClass, 'a class extending a .constructor calls it when constructed (super()), which can reach the Function constructor');
        else if (o.kind === 'enumerated') failClosed(node.superClass, `this class extends a value taken from an object without its name (${o.how}), which constructing it calls`);
      },
      WithStatement(node) {
        failClosed(node, 'a with statement makes every name inside it resolve at run time');
      },
      CallExpression: checkCall,
      NewExpression: checkCall,
      TaggedTemplateExpression: checkCall,
      Decorator: checkCall,
      MemberExpression(node) {
        const key = memberKey(node, env);
        if (key !== null && authorities.has(key)) return authority(node, key, `the property read .${key}`);
        const o = originOf(node, env);
        // ns.g of a workspace module's namespace (import * as ns, await import(…)) that exports an authority function under another name
        if (o.kind === 'authority' && namespaceSource(node.object, env) !== null) return authority(node, o.name, `the property read .${key ?? '[…]'} of a module namespace`);
        if (isDynamicGlobal(o)) dynamic(node, `${o.kind === 'global' ? o.path[0] : ''} is referenced through the global object`);
      },
      PropertyDefinition(node) {
        // class fields the language calls: static [Symbol.hasInstance] = …, [Symbol.dispose] = …
        implicitCall(node);
      },
      Property(node) {
        if (node.parent?.type === 'ObjectExpression' && node.kind === 'init') return implicitCall(node);
        if (node.parent?.type !== 'ObjectPattern') return;
        const key = node.computed ? fold(node.key, env).map(describe) : [node.key.type === 'Identifier' ? node.key.name : String((node.key as TSESTree.Literal).value)];
        const hit = key.find((k) => authorities.has(k));
        if (hit) return authority(node, hit, `destructuring { ${hit} }`);
        const source = node.parent.parent;
        const init = source?.type === 'VariableDeclarator' ? source.init : source?.type === 'AssignmentExpression' ? source.right : null;
        if (init && key.some((k) => (dynamicCode?.names ?? []).includes(k))) {
          const o = originOf(init, env);
          if (o.kind === 'global' && o.path.length === 0) dynamic(node, `destructuring ${key.join()} from the global object`);
        }
      },
      ImportSpecifier(node) {
        const name = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
        if (authorities.has(name)) authority(node, name, `import { ${name} }`);
      },
      ExportSpecifier(node) {
        const name = node.local.type === 'Identifier' ? node.local.name : String(node.local.value);
        if (authorities.has(name) && (node.parent as TSESTree.ExportNamedDeclaration).source) authority(node, name, `export { ${name} } from`);
      },
      Identifier(node) {
        const parent = node.parent;
        if (!parent || inType(node)) return;
        // names that are not references: keys, declarations' own names, labels, types
        if ((parent.type === 'MemberExpression' && parent.property === node && !parent.computed) || (parent.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand)) return;
        const variable = findVariable(env.getScope(node), node);
        // a `declare`d name is a global at run time; its own declaration is not a use
        if (variable && isAmbient(variable) && variable.references.some((r) => r.identifier === node && r.isRead())) {
          if (authorities.has(node.name)) return authority(node, node.name, `the global ${node.name} (declared with declare)`);
          if ((dynamicCode?.names ?? ['eval', 'Function']).includes(node.name)) return dynamic(node, `${node.name} is referenced`);
        }
        if (!variable || variable.defs.length === 0) {
          // value references only: `T extends Function` in a type is not a use of Function
          const isReference = context.sourceCode.getScope(node).through.some((r) => r.identifier === node && r.isValueReference);
          if (!isReference) return;
          // `v instanceof Function` only compares prototypes: the constructor is not reached
          if (parent.type === 'BinaryExpression' && parent.operator === 'instanceof' && parent.right === node) return;
          if (authorities.has(node.name)) return authority(node, node.name, `the global ${node.name}`);
          if ((dynamicCode?.names ?? ['eval', 'Function']).includes(node.name) && !sharedMethodRead(node)) return dynamic(node, `${node.name} is referenced`);
          return;
        }
        // an alias: a variable whose value comes from an authority function (assignment, destructuring, bind, import)
        const isRead = variable.references.some((r) => r.identifier === node && r.isRead() && r.isValueReference);
        if (!isRead) return;
        const o = originOf(node, env);
        if (o.kind === 'authority') authority(node, o.name, `${node.name} (an alias)`);
        else if (isDynamicGlobal(o)) dynamic(node, `${node.name} is an alias of ${o.kind === 'global' ? o.path[0] : ''}`);
      },
    };
  },
};
