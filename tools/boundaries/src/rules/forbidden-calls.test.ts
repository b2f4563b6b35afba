import { forbiddenCallsRule } from './forbidden-calls.js';
import { makeWorkspace } from './fixture-workspace.js';
import { asEslintRule, boundaryTester, AI, API, CONTRACTS, GRAPHICS, HASHING, POLICY, RUNS, TOOLING, WORKFLOW } from './tester.js';

const tester = boundaryTester();
const errors = (n: number) => Array.from({ length: n }, () => ({ messageId: 'violation' as const }));

tester.run('boundaries/forbidden-calls', asEslintRule(forbiddenCallsRule), {
  valid: [
    // a Proxy whose get trap answers its target's member: its members by name are its target's
    { filename: AI, code: "export function p(deps: any) { const q = new Proxy(deps, { get: (t, k) => t[k] }); const r = new Proxy(deps, { get(t, k, rc) { return Reflect.get(t, k, rc); } }); return [q.evaluate(1), r.explain(), new Proxy(deps, { get: Reflect.get }).score()]; }" },
    // a Proxy with no get trap: its members by name are its target's
    { filename: AI, code: "export function p(deps: any) { const q = new Proxy(deps, {}); const h = { set: () => false }; return [q.evaluate(1), new Proxy(deps, h).explain()]; }" },
    // streams of plain values (a web stream's enqueued function, node's pushed data, Readable.from), and text read through a Response or a Blob
    { filename: AI, code: "import { Readable } from 'node:stream'; export async function p() { const st = new ReadableStream({ start(c) { c.enqueue((n: number) => n); c.close(); } }); for await (const f of st as any) f(1); const r = new Readable({ objectMode: true, read() { this.push({ n: 1 }); this.push(null); } }); r.on('data', (d: any) => d.n.toFixed()); const text = await new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('x')); c.close(); } })).text(); const b = await new Blob(['x']).text(); for await (const x of Readable.from([(n: number) => n])) x(2); return [text.trim(), b.trim()]; }" },
    // a literal's method setting this.v to plain functions; a legacy getter of a plain function
    { filename: AI, code: "export function p() { const box = { v: null as any, set(x: any) { this.v = x; } }; box.set((n: number) => n); const o = { f: 1 } as any; o.__defineGetter__('g', () => (n: number) => n); return [box.v(1), o.g(1)]; }" },
    // events.once / events.on of emits carrying plain values
    { filename: AI, code: "import { EventEmitter, once, on } from 'node:events'; export async function p() { const em = new EventEmitter(); setTimeout(() => em.emit('x', (n: number) => n, 2)); const [f, n] = await once(em, 'x'); for await (const [g] of on(em, 'x')) { g(1); break; } return f(n); }" },
    // errors caught and read as data: thrown by a function of the file, a rejected await, an aborted signal, a promise's rejection; a
    // resolver handed to a timer
    { filename: AI, code: "export async function p(deps: any) { const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)); await sleep(1); try { await fetch('/api/runs'); JSON.parse('{'); } catch (e: any) { console.log(e.message); } const c = new AbortController(); c.abort(); try { c.signal.throwIfAborted(); } catch (e: any) { String(e); } function boom() { throw new Error('x'); } try { boom(); } catch (e: any) { e.toString(); } await new Promise((_r, reject) => reject(new Error('no'))).catch((e) => e.message); return deps.evaluate(); }" },
    // callbacks the runtime hands plain values: Array.from's and groupBy's elements, reduce's initial value, Promise.try's and
    // AsyncLocalStorage#run's arguments, a callback handed through Reflect.apply
    { filename: AI, code: "import { AsyncLocalStorage } from 'node:async_hooks'; export function p(xs: number[]) { const als = new AsyncLocalStorage(); return [Array.from([(x: number) => x], (f) => f(1)), [1, 2].reduce((acc: any, x) => acc(x), (x: number) => x), Promise.try((f: any) => f(1), (x: number) => x), als.run(1, (f: any) => f(1), (x: number) => x), Reflect.apply(Array.prototype.forEach, [(x: number) => x], [(f: any) => f(1)]), Object.groupBy(xs, (x) => (x > 1 ? 'a' : 'b'))]; }" },
    // runtime objects that keep plain values: an abort reason, a promise's resolver, a finalization registry's held value
    { filename: AI, code: "export async function p(deps: any) { const c = new AbortController(); setTimeout(() => c.abort(new Error('timeout')), 10); const r = await fetch('/api/runs', { signal: c.signal }); c.signal.addEventListener('abort', (e: any) => console.log(e.target.reason)); const { promise, resolve } = Promise.withResolvers<number>(); resolve(1); const fr = new FinalizationRegistry((h: string) => console.log(h)); fr.register({}, 'x'); const s = AbortSignal.abort('why'); const c2 = new AbortController(); c2.abort((x: number) => x); c2.signal.reason(1); const w = Promise.withResolvers<any>(); w.resolve((x: number) => x); (await w.promise)(1); new FinalizationRegistry((h: any) => h()).register({}, () => 1); return [r, await promise, s.reason, c.signal.reason, deps.evaluate()]; }" },
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any) => { const c = new AbortController(); c.abort(new Error('stop')); approveWorkflow(r); return proposeDesignChanges(r, { feasibility: {}, signal: c.signal } as any); };" },
    // bound calls of call and apply invoking harmless functions (hasOwnProperty through call.bind is a common idiom)
    { filename: AI, code: "export function p(o: object) { const has = Function.prototype.call.bind(Object.prototype.hasOwnProperty); const c = Function.prototype.call.bind(Function.prototype.call); const a = Function.prototype.apply.bind(Function.prototype.call); return [has(o, 'k'), c((x: number) => x, null, 1), a((x: number) => x, [null, 2]), Reflect.apply.bind(Reflect)(Math.max, null, [1, 2])]; }" },
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any) => { const c = Function.prototype.call.bind(Function.prototype.call); return [c(proposeDesignChanges, null, r, { evaluate: (x: any) => x }), approveWorkflow(r)]; };" },
    { filename: AI, code: "export function p() { const arr: any[] = []; Array.prototype.push.call(arr, (x: number) => x); [].push.apply(arr, [(x: number) => -x] as never); return arr[0](1) + arr[1](1); }" },
    // a literal list added to, by push or an index, with harmless routes and names; a form action set to a harmless route
    { filename: AI, code: "export async function p(ports: any, base: string, form: any) { const list = ['/api/runs']; list.push('/api/ai/proposals'); list[2] = '/api/rmos/feasibility'; for (const u of list) await fetch(u, { method: 'POST' }); const names = ['evaluate']; names.push('explain'); for (const n of names) ports[n](); form.action = `${base}/api/ai/proposals`; const a = document.createElement('a'); a.ping = '/api/runs'; }" },
    // observers, custom elements and stream options given functions of the file
    { filename: AI, code: "import { Readable } from 'node:stream'; import { AsyncResource } from 'node:async_hooks'; export function p(el: any, scores: Record<string, number>) { new MutationObserver(() => 0).observe(el); new ResizeObserver((e) => e.length); customElements.define('x-y', class extends HTMLElement {}); const r = new Readable({ read() { this.push(null); }, highWaterMark: Math.max(...Object.values(scores)) }); AsyncResource.bind(() => 1)(); return r; }" },
    // ports handed to advisory code as an instance of a class, or made by a function, that name no authority function (the app may call one itself)
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; class Ports { feasibility = { evaluate: (d: any) => d }; } class More extends Ports { extra() { return 1; } } const mk = () => ({ feasibility: { evaluate: (d: any) => d } }); export const f = (r: any) => { approveWorkflow(r); return [proposeDesignChanges(r, new Ports() as any), proposeDesignChanges(r, new More() as any), proposeDesignChanges(r, mk() as any)]; };" },
    // data written under keys that cannot be folded, read back as data; nested destructuring and accessors of plain functions
    { filename: AI, code: "export function p(weights: Record<string, number>, keys: string[]) { const out: Record<string, number> = {}; for (const k of keys) out[k] = weights[k]!; const o = { a: { b: (x: number) => x } }; const { a: { b } } = o; class C { accessor f = (x: number) => x; } const d = { f: null as any }; Object.defineProperties(d, { f: { value: (x: number) => x } }); return [out.total! + 1, b(1), new C().f(1), d.f(1)]; }" },
    // plain values spliced in, destructured into members, put on a prototype, carried by an event of the file's class
    { filename: AI, code: "export function p(rec: Record<string, (x: number) => number>, k: string) { const holder = [null as any]; holder.splice(0, 1, (x: number) => x); const fr: any = {}; ({ score: fr.f } = { score: (x: number) => x }); class C {} Object.defineProperty(C.prototype, 'f', { get: () => (x: number) => x }); class E extends Event { f = (x: number) => x; } const et = new EventTarget(); et.addEventListener('x', (e: any) => e.f(1)); et.dispatchEvent(new E('x')); return [holder[0](1), fr.f(1), (new C() as any).f(1), rec[k]]; }" },
    // members, elements and returns that are plain functions; a constructor compared, not called
    { filename: AI, code: "export function p(v: any) { const h = { get c() { return (x: number) => x; } }; const arr = [(x: number) => x]; const mk = () => (x: number) => x; return [h.c(1), arr[0]!(1), mk()(1), v.constructor === Object]; }" },
    // HTML whose links and forms go elsewhere (a route named only in its text), navigating members set to other URLs, members named by an
    // unknown key set to data, a URL object's text after a harmless path
    { filename: AI, code: "export async function p(el: any, form: any, k: string, rec: Record<string, string>) { el.innerHTML = '<p>the approver calls /api/workflow/approve</p><a href=\\'/api/runs\\'>runs</a><form method=post action=/api/ai/proposals></form>'; el.insertAdjacentHTML('beforeend', '<img src=\"/api/runs/r1/verify\">'); Reflect.set(form, 'action', '/api/ai/proposals'); Reflect.set(form, 'title', '/api/workflow/approve'); Object.defineProperty(form, 'label', { value: '/api/workflow/approve' }); rec[k] = 'x'; el[k] = '/api/ai/proposals'; const u = new URL('http://h/x'); u.pathname = '/api/ai/proposals'; await fetch(String(u), { method: 'POST' }); await fetch(`${u}`, { method: 'POST' }); class E extends Error {} return new E('x'); }" },
    // arguments a timer, a tag or a bind hands a callback, a this argument, a thenable's and a hand-written iterator's values: plain data stays plain
    { filename: AI, code: "export async function p(scores: number[]) { setTimeout((n: number) => n * 2, 0, 5); process.nextTick((f: (x: number) => number) => f(1), (x: number) => x); const tag = (s: TemplateStringsArray, f: (x: number) => number) => f(1); tag`x${(x: number) => x}`; const g = ((f: (x: number) => number) => f(1)).bind(null, (x: number) => x); g(); [1].forEach(function (this: any) { this.f(1); }, { f: (x: number) => x }); const v: any = await { then(r: any) { r((x: number) => x); } }; v(1); const it = { [Symbol.iterator]() { return { next: () => ({ value: (x: number) => x, done: false }) }; } }; for (const f of it as any) { f(1); break; } return scores.map((s) => s + 1); }" },
    // members a value holds through what a function returns, a constructor returns, its prototype or its class chain: plain functions stay plain
    { filename: AI, code: "class Base { run() { return (this as any).score(1); } } class S extends Base { score = (x: number) => x * 2; } const M = (B: any) => class extends B { go() { return this.score(2); } }; class X extends M(class { score = (x: number) => x; }) {} class A { static f = (x: number) => x; } class B2 extends A {} const mk = () => ({ f: (x: number) => x + 1 }); class R { constructor() { return { f: (x: number) => x }; } } export const r = [new S().run(), new X().go(), B2.f(1), mk().f(1), (new R() as any).f(1), Object.create({ f: (x: number) => x }).f(1)];" },
    { filename: AI, code: "const table = { __proto__: null, a: (x: number) => x, b: (x: number) => -x }; export const pick = (k: 'a' | 'b', v: number) => (table as any)[k](v);" },
    // a computed key with a few constant, harmless alternatives; a frozen table of routes
    { filename: AI, code: "const ENDPOINTS = Object.freeze({ feasibility: '/api/rmos/feasibility' }); export function run(ports: any, flag: boolean) { for (const s of ['evaluate', 'explain']) ports[s](); ['evaluate', 'explain'].forEach((s) => ports[s]()); return [ports[flag ? 'evaluate' : 'explain'](), fetch(ENDPOINTS.feasibility, { method: 'POST' })]; }" },
    // route tables logged, returned or handed to a request; keys that cannot collide (a symbol, a folded constant) leave the others known
    { filename: AI, code: "const ROUTES = { feasibility: '/api/rmos/feasibility' }; export function getRoutes() { return ROUTES; } export async function check(body: unknown) { console.debug({ routes: ROUTES }); const req = { url: '/api/rmos/feasibility', method: 'POST', body: JSON.stringify(body) }; return [fetch(ROUTES.feasibility, { method: 'POST' }), fetch(req.url, req)]; }" },
    { filename: AI, code: "const META = Symbol('meta'); const K = 'flag'; export function run(ports: { evaluate(): number }) { const plan = { method: 'evaluate' as const, [META]: true, [K]: 1 }; return ports[plan.method](); }" },
    // an encoded id after an unknown base; a GET through a handed-in fetch; a URL object sends nothing itself; a sealed table read into a variable
    { filename: AI, code: "export const f = (base: string, id: string, f2: typeof fetch) => [fetch(`${base}/api/ai/proposals/${encodeURIComponent(id)}`, { method: 'POST', body: '{}' }), f2(`${base}/api/workflow/sessions/${encodeURIComponent(id)}`), fetch(new URL(`/api/runs/${encodeURIComponent(id)}`, 'http://localhost:3000'), { method: 'GET' }), fetch(new URL('api/ai/proposals', base + '/'), { method: 'POST' })];" },
    { filename: AI, code: 'const scorers = { rings: (d: { rings: number }) => d.rings * 2 }; export function score(d: { rings: number }, name: keyof typeof scorers): number { const fn = scorers[name]; return fn(d); }' },
    // constant URLs through an array callback and a private helper that only this file calls
    { filename: AI, code: "async function getJson(url: string) { const r = await fetch(url); return r.json(); } export const runs = () => getJson('/api/runs'); export const all = () => Promise.all(['/api/runs', '/api/runs?status=OK'].map((u) => fetch(u)));" },
    // not requests: a Map of route labels, a fetch whose body mentions a route, prose handed to a port, a link-less instanceof
    { filename: AI, code: "const labels = new Map<string, string>([['/api/workflow/approve', 'Approve']]); export const label = () => labels.get('/api/workflow/approve');" },
    { filename: AI, code: "export const submit = () => fetch('/api/ai/proposals', { method: 'POST', body: 'rationale: the approver then calls /api/workflow/approve' });" },
    { filename: AI, code: "export const p = (deps: { notify(s: string): void }, ports: any, d: any, c: any) => [deps.notify('the approver then sends POST /api/workflow/approve'), ports.feasibility.evaluate(d, { ...c, note: 'approval happens at /api/workflow/approve' })];" },
    { filename: AI, code: 'export const isFn = (v: unknown): boolean => v instanceof Function;' },
    // an id encoded as one segment, GET reads with an unknown id, functions and plain values kept in containers
    { filename: AI, code: "export const p = (id: string) => [fetch(`/api/ai/proposals/${encodeURIComponent(id)}`, { method: 'POST', body: '{}' }), fetch(`/api/workflow/sessions/${id}`), fetch(`/api/workflow/sessions/${id}`, { method: 'GET' })];" },
    { filename: AI, code: 'const scorers = [(x: number) => x * 2, (x: number) => x + 1]; export const p = (v: number) => { let s = 0; for (const f of scorers) s += f(v); return [s, [Math].at(0)!.max(1, 2)]; };' },
    { filename: AI, code: "export const f = (m: Map<string, string>) => [m.get('feasibility'), fetch({ toString: () => '/api/rmos/feasibility' } as any)];" },
    // null and undefined elements join as empty text: the name they leave is harmless
    { filename: AI, code: "const parts = ['eval', 'x', 'uate']; parts[1] = null as any; export const f = (ports: any) => [ports[['eval', null, 'uate'].join('')](), ports[['eval', undefined, 'uate'].join('')](), ports[parts.join('')](), ports[[null, 'explain'].join('')]()];" },
    // literals held in other literals, only read through them (a member read, a pick by index, an alias only read), keep their values
    { filename: AI, code: "const parts = ['eval', 'uate']; const holder = { parts, n: 1 }; const names = { k: 'explain' }; const h2 = { sub: { k: 'evaluate' } }; export function f(ports: any, i: number) { const q = h2.sub; const pick = [names, names][1]!; return [ports[holder.parts.join('')](), ports[[names][0]!.k](), ports[pick.k](), ports[q.k.trim()](), ports[h2.sub.k](), holder.n + 1]; }" },
    // a local function that happens to look like an authority name, and any other local binding
    { filename: AI, code: 'function approveDraft(d: unknown) { return d; } approveDraft({});' },
    { filename: AI, code: 'function approveWorkflow() { return 1; } approveWorkflow(); const a = approveWorkflow; a();' },
    { filename: AI, code: 'declare const approveWorkflow: unknown; export type T = typeof approveWorkflow; declare const config: { approve: boolean }; export const c = config.approve;' },
    { filename: AI, code: 'const approve = (x: number) => x; export const r = approve(1);' },
    { filename: AI, code: "export function propose(deps: { feasibility: { evaluate(x: unknown): unknown } }) { return deps.feasibility.evaluate({}); }" },
    { filename: AI, code: "const k = 'evaluate'; export const f = (port: Record<string, () => void>) => port[k]();" },
    // a log line mentioning an endpoint is not a request
    { filename: AI, code: "console.log('the approver uses POST /api/workflow/approve'); logger.info(`see /api/rmos/toolpaths`);" },
    { filename: AI, code: "const msg = '/api/workflow/approve'; throw new Error(msg);" },
    // an app setting plain values on the global object
    { filename: API, code: "import { approveWorkflow } from '@luthier/rmos-workflow'; (globalThis as any).started = Date.now(); Object.assign(globalThis, { region: 'eu' }); export const approve = approveWorkflow;" },
    // an app calling an authority function itself, and handing advisory code only ports
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any, evaluate: any) => { approveWorkflow(r); return proposeDesignChanges(r, { feasibility: { evaluate: (d: any, c: any) => evaluate(d, c) } }); };" },
    // and handing it only ports inside containers: a Map, a member set by Reflect.set, a WeakRef
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any, evaluate: any) => { approveWorkflow(r); const m = new Map<string, any>(); m.set('evaluate', (d: any, c: any) => evaluate(d, c)); const o: any = {}; Reflect.set(o, 'feasibility', { evaluate }); return [proposeDesignChanges(r, m as any), proposeDesignChanges(r, o), proposeDesignChanges(r, new WeakRef({ evaluate }) as any)]; };" },
    // there, authority functions, endpoints and computed calls are allowed; a vm lookup of a bare name and a Worker of a file are not code from text
    { filename: API, code: "import { approveWorkflow } from '@luthier/rmos-workflow'; import { Worker } from 'node:worker_threads'; export const f = (x: any, deps: any, k: string) => [approveWorkflow(x), fetch('/api/workflow/approve', { method: 'POST' }), deps[k](), new Worker(new URL('./w.mjs', import.meta.url), { eval: false })];" },
    { filename: TOOLING, code: "import { runInNewContext } from 'node:vm'; export const gc = runInNewContext('gc');" },
    // other functions handed to callbacks; a literal spread of another endpoint
    { filename: AI, code: "export const f = (xs: string[]) => [xs.map(Number), Promise.resolve('{}').then(JSON.parse), fetch(...(['/api/ai/proposals', { method: 'POST' }] as const))];" },
    // a function handed in that is given another endpoint or a URL the file does not know; a handed-in value's string, array and logging methods
    { filename: AI, code: "export const f = (send: (u: string) => unknown, u: string, deps: any) => [send('/api/ai/proposals'), send(u), u.startsWith('/api/workflow/approve'), deps.urls.includes('/api/rmos/toolpaths'), deps.logger.info('approvals go through /api/workflow/approve')];" },
    // requests to other endpoints
    { filename: AI, code: "await fetch('/api/rmos/feasibility', { method: 'POST' }); await client.post('/api/ai/proposals', {});" },
    // an endpoint's path written in a query or a fragment is data: the request goes to the path before it
    { filename: AI, code: "export const f = (base: string) => [fetch('/api/ai/proposals?next=/api/workflow/approve', { method: 'POST' }), fetch(`${base}/api/ai/proposals#/api/rmos/toolpaths`)];" },
    { filename: AI, code: "await fetch(`/api/workflow/sessions/${id}`);" },
    // options objects whose path is known or absent; an unknown client's options are not a request the check can name
    { filename: AI, code: "import http from 'node:http'; import http2 from 'node:http2'; export const f = (h: string, u: string, api: any) => [http.request({ host: h, path: '/api/rmos/feasibility', method: 'POST' }), http.request({ host: h, port: 3000 }), http2.connect('http://h').request({ ':path': '/api/ai/proposals' }), api.request({ url: u })];" },
    // shared helpers that read by computed keys, call what they are named, and request constant paths
    { filename: HASHING, code: "export const get = (o: Record<string, unknown>, k: string) => o[k]; export const sorted = (o: Record<string, number>) => Object.keys(o).sort().map((k) => o[k]); export const f = () => fetch('/api/rmos/feasibility', { method: 'POST' });" },
    // unknown parts where they cannot make an authority endpoint: an origin, a host, an id, a query; a URL only parsed
    { filename: AI, code: "const base = process.env.API_URL; export const f = (h: string, id: string, q: string, u: string) => [fetch(`${base}/api/rmos/feasibility`, { method: 'POST' }), fetch(`http://${h}/api/rmos/feasibility`), fetch(`/api/workflow/sessions/${encodeURIComponent(id)}?view=${q}`), fetch(`/api/ai/proposals?q=${q}`), fetch(`/designs/${id}`), new URL(u).pathname, new WebSocket('ws://h/api/ai/stream')];" },
    // pure string computations fold to the constant they give, which here is no authority name
    { filename: AI, code: "const k = 'evaluate'.split('').join(''); export const f = (port: any) => [port[k](), port['x'.repeat(2)](), port[atob('ZXZhbHVhdGU=')]()];" },
    // enumerating plain data, named methods of its values, and computed calls on literals that hold only plain functions
    { filename: AI, code: "export const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0); export const fix = (o: Record<string, number>) => { for (const v of Object.values(o)) v.toFixed(1); };" },
    { filename: AI, code: "const table = { a: () => 1, b: () => 2 } as const; const list = [() => 1, () => 2]; export const f = (k: 'a' | 'b', i: number) => table[k]() + list[i]!();" },
    { filename: AI, code: "const checks = { a: (x: number) => x > 0 }; export const run = (x: number) => Object.values(checks).every((c) => c(x));" },
    // navigation and imports that are not authority endpoints
    { filename: AI, code: "location.href = '/designs'; img.src = '/api/rmos/feasibility'; const m = await import('@luthier/rmos-contracts');" },
    // a model's eval() method, timers with functions
    { filename: AI, code: 'model.eval(); setTimeout(() => tick(), 10); setInterval(tick, 5);' },
    { filename: AI, code: 'class A { constructor() {} clone() { return new (this.constructor as new () => A)(); } }' },
    // types are not uses; a descriptor read is not a call
    { filename: AI, code: 'type Fns<T> = { [K in keyof T]: T[K] extends Function ? K : never }; let f: typeof approveWorkflow;' },
    { filename: AI, code: 'export const copy = (src: object, key: string) => Object.getOwnPropertyDescriptor(src, key);' },
    // tagged templates that are ordinary calls, and .call of an ordinary method
    { filename: AI, code: "const html = (s: TemplateStringsArray, ...v: unknown[]) => s.join(''); export const a = html`<p>${1}</p>`; export const b = String.raw`x\\y`; export const c = (o: any) => o.render.call(o, 1);" },
    // arithmetic and number formatting that give no authority name
    { filename: AI, code: "export const a = [1 + 2, -1, (10).toString(2), 'x' + 1, `${2 ** 3}`]; const k = 'v' + (1 + 1); export const f = (port: Record<string, () => void>) => port[k](); await fetch('/api/rmos/feasibility?n=' + (1 + 1));" },
    // a private method is the class's own, whatever its name
    { filename: AI, code: "export class E { #approveWorkflow() { return 1; } go() { return this.#approveWorkflow(); } }" },
    // classes, getters and defined properties holding ordinary functions; promise chains
    { filename: AI, code: "export class Store { items: number[] = []; cb = () => 1; add(x: number) { this.items.push(x); this.cb(); return this.total(); } total() { return this.items.reduce((a, b) => a + b, 0); } get size() { return this.items.length; } }" },
    { filename: AI, code: "const o = { get now() { return Date.now(); }, fmt: (x: number) => x.toFixed(2) }; export const s = o.fmt(o.now); const d: any = {}; Object.defineProperty(d, 'go', { value: () => 1 }); d.go(); export const f = (p: Promise<number>) => p.then((x) => x + 1).catch(() => 0).finally(() => undefined);" },
    // descriptors and Reflect.get of plain data
    { filename: AI, code: "const d = Object.getOwnPropertyDescriptor({ a: 1 }, 'a'); export const v = d?.value; export const w = Reflect.get({ a: 1 }, 'a'); export const g = (o: object) => Object.getOwnPropertyDescriptor(o, 'size')?.get;" },
    // ordinary callbacks, a literal table of comparators, data read by a computed key and passed on, conversions, logical assignment, catch
    { filename: AI, code: "const cmp = { asc: (a: number, b: number) => a - b, desc: (a: number, b: number) => b - a }; export const s = (xs: number[], m: 'asc' | 'desc') => xs.sort(cmp[m]);" },
    { filename: AI, code: "export const f = (xs: number[], p: Promise<number>, el: any, fmt: (x: number) => string) => { setTimeout(() => 1, 0); xs.map(fmt).forEach(console.log); p.then(fmt).catch(console.error); el.addEventListener('click', () => 0); return JSON.stringify(xs, null, 2); };" },
    { filename: AI, code: "export const f = (counts: Record<string, number>, k: string, log: (n: number) => void) => { log(counts[k]!); [counts[k]].map(String); return Math.max(counts[k]!, 0); }; export const g = (o: Record<string, number>) => Object.values(o).map(String).filter(Boolean);" },
    { filename: AI, code: "export const o = { toString: () => 'x', valueOf() { return 1; }, then: undefined, toJSON: () => ({}) }; export function f(opts: { n?: number }) { opts.n ??= 1; let g: (() => number) | undefined; g ??= () => 2; try { JSON.parse('x'); } catch (e) { console.log((e as Error).message); } return g(); }" },
    // a wrapper handed ordinary functions
    { filename: AI, code: "function run(g: () => number) { return g(); } export const a = run(() => 1); const fns = { a: () => 1 }; export const b = run(fns.a); function show(x: number) { return x.toFixed(1); } export const c = [1, 2].map(show);" },
    // attributes that do not navigate, and links elsewhere
    { filename: AI, code: "export const f = (el: any) => { el.setAttribute('href', '/designs'); el.setAttribute('title', '/api/rmos/toolpaths'); Object.assign(el, { title: '/api/rmos/toolpaths' }); };" },
    { filename: AI.replace(/\.ts$/, '.tsx'), code: "export const F = () => <a href=\"/designs\" title=\"/api/rmos/toolpaths\">d</a>;" },
    // decorators of the file's own, iterators over plain values, other windows' plain members
    { filename: AI, code: "function log(t: unknown) { return t; } const memo = () => (t: unknown) => t; @log export class A { @memo() m() {} } export const it = { *[Symbol.iterator]() { yield 1; } }; for (const x of it) console.log(x); export const h = (window as any).parent.location.hash;" },
    // setters, promises, emitters and generators over plain values
    { filename: AI, code: "import { EventEmitter } from 'node:events'; const o = { set v(x: number) { console.log(x.toFixed()); } }; o.v = 1; export const p = new Promise<number>((res) => res(1)).then((n) => n + 1); const em = new EventEmitter(); em.on('x', (n: number) => n.toFixed()); em.emit('x', 2); function* gen(): Generator<number, void, number> { const x = yield 1; console.log(x.toFixed()); } const it = gen(); it.next(); it.next(3);" },
    // markup without scripts or handlers, ordinary attributes
    { filename: AI, code: "const d = document.createElement('div'); d.innerHTML = '<b>on=1</b>'; d.setAttribute('class', 'x'); document.write('<p>x</p>'); location.href = '/designs'; export const html = `<span onion=\"1\">`;" },
    // a literal of process's plain data (process.env.X is text, process.version, process.argv[1] …) is a sealed table
    { filename: AI, code: "const env = { timeout: process.env.AI_TIMEOUT, mode: process.env.NODE_ENV, node: process.version, script: process.argv[1], v8: process.versions.v8 }; export function get(k: keyof typeof env) { return env[k]?.toLowerCase(); } export const all = () => Object.values(env).map((v) => v?.trim());" },
    // a sealed table handed as the this of its own function (t[k].call(t, x), Reflect.apply(t[k], t, [x])), its methods reading this; a function of it handed to Reflect.apply
    { filename: AI, code: "const h = { scale: 2, score(d: number) { return d * this.scale; }, explain: (d: number) => String(d) }; export function run(k: 'score' | 'explain', d: number) { return [h[k].call(h, d), Reflect.apply(h[k], h, [d]), h[k].apply(h, [d]), Reflect.apply(h[k], undefined, [d]), h[k](d)]; }" },
    // sealed tables only read: by type queries, Object.keys, a spread copy, destructuring, their own methods through this; frozen ones anywhere
    { filename: AI, code: "const scorers = { rings: (d: { rings: number }) => d.rings * 2, b() { return this.rings({ rings: 1 }); } }; export function score(d: { rings: number }, name: keyof typeof scorers): number { const fn = scorers[name]; const { rings } = scorers; return (fn as any)(d) + Object.keys(scorers).length + rings(d) + Object.keys({ ...scorers }).length; } type S = typeof scorers.rings; export const T = Object.freeze({ a: () => 1, b: () => 2 }); export const useT = (k: 'a' | 'b') => T[k](); const F = [(x: number) => x, (x: number) => x + 1]; export const useF = (i: number, v: number) => F[i]!(v) + [...F].length; const C = { inner: Object.freeze({ a: () => 1 }) }; export const useC = (k: 'a') => C.inner[k]();" },
    // a #private table of plain functions, only read in its class, is a sealed literal
    { filename: AI, code: "export class P { #h = { add: (x: string) => x, clear: () => '' }; run(m: 'add' | 'clear') { return this.#h[m]('x'); } }" },
    // a method's this in sloppy code, and a strict function's this
    { filename: `${GRAPHICS.replace(/\.ts$/, '.cjs')}`, code: "const o = { n: 1, m: function () { return this.n; } }; o.m(); function S() { 'use strict'; return this; } S().eval; class C { f() { return this.eval(); } }", languageOptions: { sourceType: 'commonjs' } },
    // other requests by hand, messages that only mention an endpoint, arrays as text
    { filename: AI, code: "import net from 'node:net'; net.connect(1).write('GET /api/rmos/feasibility HTTP/1.1\\r\\n'); fetch(['/api/x'] + ''); process.stdout.write('POST /api/rmos/toolpaths is forbidden\\n'); export const csv = ['a', 'b'] + '';" },
    // wrappers handed plain functions through rest parameters, arguments and spreads
    { filename: AI, code: "function r1(...fns: Array<() => number>) { return fns[0]!(); } function r2(_f?: () => number) { return (arguments[0] as () => number)(); } export const a = [r1(() => 1), r2(() => 2), r1(...[() => 3])];" },
    // a schema literal naming an endpoint is data, not a request (members of a package are no request sinks)
    { filename: AI, code: "import { z } from 'zod'; export const s = z.literal('/api/workflow/approve'); import zz from 'zod'; export const t = zz.literal('/api/rmos/toolpaths');" },
    // iterators, instanceof hooks and proxies written as ordinary code
    { filename: AI, code: "export const it = { i: 0, next() { return { done: true, value: 1 }; }, [Symbol.iterator]() { return this; } }; export class R { static [Symbol.hasInstance](x: unknown) { return !!x; } } export const p = new Proxy({}, { get: (t, k) => String(k) });" },
    // changes to the file's own objects, copies and classes
    { filename: AI, code: "const Math2 = { random: () => 1 }; Math2.random = () => 2; const o: any = {}; o.x = 1; Object.defineProperty(o, 'y', { value: 2 }); Object.assign(o, { z: 3 }); class A { static n = 0; } A.n++; export const e = { ...process.env }; e.X = '1'; const Math = { pi: 3 }; Math.pi = 4;" },
    // the methods every function has, read off Function.prototype
    { filename: AI, code: "const fmt = (n: number) => n.toFixed(1); export const a = Function.prototype.call.call(fmt, null, 1); export const slice = Function.prototype.call.bind(Array.prototype.slice);" },
    // catch handlers and prototype methods over plain values
    { filename: AI, code: "export const p = Promise.reject(new Error('x')).catch((e: Error) => e.message); export const a = Array.prototype.at.call([1, 2], 0); export const f = (xs: number[]) => Array.prototype.map.call(xs, (x: number) => x + 1);" },
    // realistic advisory code: a beam search calling the injected port by name, groupings, finds, classes extending local and builtin classes, plain arrays handed to builtins
    { filename: AI, code: "import type { FeasibilityPort } from '@luthier/rmos-contracts'; const RANK: Record<string, number> = { RED: 0, YELLOW: 1, GREEN: 2 }; export async function search(port: FeasibilityPort, ds: any[], ctx: any) { const scored = new Map<string, any>(); outer: for (const d of ds) { for (const w of [0.1, -0.1]) { const f = port.evaluate({ ...d, w }, ctx); scored.set(JSON.stringify(d) + w, f); if (scored.size > 100) break outer; } } const vals = [...scored.values()]; vals.sort((a, b) => RANK[b.risk_bucket]! - RANK[a.risk_bucket]! || b.score - a.score); const by = Object.groupBy(vals, (f) => f.risk_bucket); const m = Map.groupBy(vals, (f) => f.score > 0.5); const first = vals.find((f) => f.score > 0) ?? vals.findLast(Boolean) ?? vals.filter(Boolean)[0]; const all = await Promise.all(ds.map(async (d) => port.evaluate(d, ctx))); return { by, m: m.get(true)?.length, first, all, flat: ([] as number[]).concat([1], [2]), arr: new Array(3).fill(0), it: Iterator.from([1, 2]).toArray(), ws: [{ a: 1 }].flatMap(Object.values) }; }" },
    { filename: AI, code: "export class AdvisoryError extends Error { constructor(m: string, readonly code: string) { super(m); this.name = 'AdvisoryError'; } override toString() { return `${this.name}: ${super.toString()}`; } } export class Budget extends AdvisoryError { constructor(n: number) { super(`budget ${n}`, 'BUDGET'); } } abstract class Base<T> { abstract score(x: T): number; rank(xs: T[]) { return [...xs].sort((a, b) => this.score(b) - this.score(a)); } } export class ByW extends Base<{ w: number }> { score(x: { w: number }) { return x.w; } override rank(xs: { w: number }[]) { return super.rank(xs).slice(0, 3); } } const mixin = <B extends new (...a: any[]) => object>(C: B) => class extends C { tag = 1; }; export class Tagged extends mixin(Base as any) {}" },
    // groups and iterator results of plain data, their methods called by name
    { filename: AI, code: "export const f = (rec: Record<string, { s: number; b: string }>) => { const by = Object.groupBy(Object.values(rec), (x) => x.b); const m = Map.groupBy(Object.values(rec), (x) => x.b); return [by.GREEN?.map((x) => x.s), m.get('RED')?.length, [...m.keys()].sort(), Object.values(rec).values().next().value?.s.toFixed(1)]; };" },
    // String() is '' and a constant URL's pathname its path: keys that fold to other names
    { filename: AI, code: "export const f = (port: Record<string, () => void>) => [port['evaluate' + String()](), port[new URL('http://h/evaluate').pathname.slice(1)]()];" },
    // URL objects whose other parts are set, or whose path is set to another endpoint; an escaped slash in a path that is no endpoint
    { filename: AI, code: "const u = new URL('http://h/api/rmos/feasibility'); u.search = '?x=/api/workflow/approve'; u.hash = 'a'; fetch(u); const v = new URL('http://h'); v.pathname = '/api/rmos/feasibility'; fetch(v); fetch('/api/workflow%2Fapprove-notes'); fetch(Object.assign(new URL('http://h'), { pathname: '/designs' })); fetch(URL.parse('/api/rmos/feasibility', 'http://h')!);" },
    // the same forms handed plain functions, handlers set to plain functions, arrays and literals of plain values
    { filename: AI, code: "export function f(el: any, rec: Record<string, number>, k: string) { using s = new DisposableStack(); s.defer(() => console.log('bye')); s.adopt(1, (x) => x); Array.fromAsync([1], (x) => x); Object.groupBy([1], (x) => String(x)); new FinalizationRegistry((h) => console.log(h)); new Proxy({}, { get: (t, p) => String(p) }); el.onclick = () => 1; el.onerror = null; const xs = [rec[k], 2]; xs.pop(); const { a } = { a: rec[k] }; return [a, Promise.resolve(1).then(() => rec[k]).then((n) => n)]; }" },
    // getters destructured, and members set on a copy, that hold plain values and functions
    { filename: AI, code: "const { size, fmt } = { get size() { return 3; }, get fmt() { return (x: number) => x.toFixed(1); } }; class A { get now() { return Date.now(); } static get zero() { return () => 0; } } const { now } = new A(); const { zero } = A; export const r = [size, fmt(now), zero()]; const c: any = structuredClone({ a: 1 }); c.a = 2; c.f = (x: number) => x; c.f(1); const o = Object.create(null); o.g = () => 1; o.g();" },
    // functions invoked through Reflect.apply, .call and .apply with plain receivers and arguments
    { filename: AI, code: "export function f(xs: number[]) { Reflect.apply(function (this: number[], n: number) { return this.map((x) => x * n); }, xs, [2]); Reflect.apply((a: number, b: number) => Math.max(a, b), null, [1, 2]); const fmt = function (this: { p: string }, s: string) { return this.p + s; }; fmt.call({ p: '>' }, 'x'); return Reflect.apply(Math.max, null, xs); }" },
    // listeners given plain payloads, or events of another name; an event's detail only logged
    { filename: AI, code: "export function f(deps: any, k: string) { const t = new EventTarget(); t.addEventListener('a', (e: any) => e.detail(1)); t.addEventListener('b', (e: any) => console.log(e.detail)); t.dispatchEvent(new CustomEvent('a', { detail: (n: number) => n + 1 })); t.dispatchEvent(new CustomEvent('b', { detail: deps[k] })); t.dispatchEvent(new Event('a')); addEventListener('click', (e: any) => e.detail.toFixed()); }" },
    // inspection hooks and conversions written as ordinary code; a symbol-keyed table of plain functions
    { filename: AI, code: "import util from 'node:util'; export class P { [util.inspect.custom]() { return 'P'; } } export const o = { [Symbol.for('nodejs.util.inspect.custom')]: () => 'o', [Symbol.for('app.tag')]: 1 }; const q: any = {}; q.toString = () => 'q'; q[util.inspect.custom] = () => 'q'; console.log(util.inspect(o), q);" },
    { filename: AI, code: "const S = Symbol('s'); const table = { [S]: (x: number) => x * 2, max: Math.max }; export const r = [table[S](2), table.max(1, 2)];" },
    // enumerating literals of plain functions, numbers and builtins
    { filename: AI, code: "const fns = { dbl: (x: number) => x * 2, max: Math.max }; export const r = [Object.entries(fns).map(([, g]) => g(1, 2)), Object.values(fns).map((g) => g(3, 4)), Object.values({ a: 1, b: 2 }).reduce((x, y) => x + y, 0), Object.entries({ m: Math }).map(([, m]) => m.max(1, 2))];" },
    // other zones may reference authority functions
    { filename: API, code: "import { approveWorkflow } from '@luthier/rmos-workflow'; await approveWorkflow(s); await fetch('/api/workflow/approve');" },
    { filename: WORKFLOW, code: 'export function approveWorkflow() {} approveWorkflow();' },
    { filename: RUNS, code: 'deps[key]();' },
  ],
  invalid: [
    // a Proxy whose get trap answers its target's member forwards to it (computed keys fail closed as the target's); a trap that renames the key is no such trap
    { filename: AI, code: "export function p(deps: any, k2: string) { const q = new Proxy(deps, { get: (t, k) => t[k] }); q[k2](); const { approveWorkflow: a } = q; a(); new Proxy(deps, { get: (t, k) => t[String(k).slice(1)] }).xtransitionWorkflow(); }", errors: errors(4) },
    // a Proxy with no get trap forwards to its target: an authority function read off it by name; its computed keys fail closed as the target's
    { filename: AI, code: "export function p(deps: any, k: string) { const q = new Proxy(deps, {}); q.approveWorkflow(1); q[k](); new Proxy(deps, { has: () => true }).transitionWorkflow(); }", errors: errors(3) },
    // a value taken without its name kept by a stream and read back: what a web stream's controller enqueues (start / pull / a
    // TransformStream's transform are handed it), by async iteration or a reader; ReadableStream.from and node's Readable.from the
    // elements of their iterable; what a node stream pushes (this.push in its read(), a Transform's callback, a PassThrough's write)
    // to 'data' listeners and async iteration
    { filename: AI, code: "export async function p(deps: any, k: string) { const st = new ReadableStream({ start(c) { c.enqueue(deps[k]); c.close(); } }); for await (const f of st as any) f(); }", errors: errors(1) },
    { filename: AI, code: "export async function p(deps: any, k: string) { const st = new ReadableStream({ start(c) { c.enqueue(deps[k]); } }); const { value } = await st.getReader().read(); (value as any)(); const r = await st.getReader().read(); (r.value as any)(); }", errors: errors(2) },
    { filename: AI, code: "export async function p(deps: any, k: string) { const st = new ReadableStream({ pull: (c) => c.enqueue(deps[k]) }); for await (const f of st as any) f(); }", errors: errors(1) },
    { filename: AI, code: "import { Readable } from 'node:stream'; export async function p(deps: any, k: string) { const r = Readable.from([deps[k]]); for await (const f of r) f(); const s = new Readable({ objectMode: true, read() { this.push(deps[k]); } }); s.on('data', (g: any) => g()); }", errors: errors(2) },
    { filename: AI, code: "import { Transform, PassThrough } from 'node:stream'; export async function p(deps: any, k: string) { const ts = new TransformStream({ transform(chunk, c) { c.enqueue(deps[k]); } }); for await (const f of ts.readable as any) f(); const t = new Transform({ objectMode: true, transform(_c, _e, cb) { cb(null, deps[k]); } }); t.on('data', (g: any) => g()); const pt = new PassThrough({ objectMode: true }); pt.write(deps[k]); for await (const h of pt) h(); const rd = new ReadableStream({ start(c) { c.enqueue(deps[k]); } }).getReader(); (await rd.read()).value(); for await (const v of ReadableStream.from([deps[k]]) as any) v(); }", errors: errors(5) },
    // ... and one whose source cannot be read, or whose controller (or itself, for node's) is handed on, may hold anything (fail closed)
    { filename: AI, code: "export async function p(src: any, hand: any) { const a = new ReadableStream(src); for await (const f of a as any) f(); const b = new ReadableStream({ start(c) { hand(c); } }); for await (const g of b as any) g(); }", errors: errors(2) },
    { filename: AI, code: "import { Readable } from 'node:stream'; export async function p(deps: any, k: string, sink: any) { const r = new Readable({ objectMode: true, read() {} }); sink(r); for await (const f of r) f(); }", errors: errors(1) },
    // an authority function enqueued in a stream handed to advisory code
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any) => { const st = new ReadableStream({ start(c) { c.enqueue(approveWorkflow); } }); return proposeDesignChanges(r, st as any); };", errors: errors(1) },
    // a value taken without its name put on an object literal by one of its methods (this.v = x) or by a legacy getter (__defineGetter__)
    { filename: AI, code: "export function p(deps: any, k: string) { const box = { v: null as any, set(x: any) { this.v = x; } }; box.set(deps[k]); box.v(); const o = { f: 1 } as any; o.__defineGetter__('g', () => deps[k]); o.g(); }", errors: errors(2) },
    // a value taken without its name emitted and received through events.once (a promise of the arguments) or events.on (an iterator of them)
    { filename: AI, code: "import { EventEmitter, once, on } from 'node:events'; export async function p(deps: any, k: string) { const em = new EventEmitter(); setTimeout(() => em.emit('x', deps[k])); const [f] = await once(em, 'x'); f(); for await (const [g] of on(em, 'x')) g(); const [h] = await EventEmitter.once(em, 'x'); h(); }", errors: errors(3) },
    // a value taken without its name thrown and caught: by a function the try block calls, a rejected promise it awaits (Promise.reject,
    // a withResolvers reject), an aborted signal's reason (throwIfAborted, a runtime rejection caught by .catch), new Promise's reject;
    // and a resolver handed on (a timer, an array callback) or invoked through call
    { filename: AI, code: "export async function p(deps: any, k: string) { function boom() { throw deps[k]; } try { boom(); } catch (e: any) { e(); } try { await Promise.reject(deps[k]); } catch (e: any) { e(); } const { promise, reject } = Promise.withResolvers<any>(); reject(deps[k]); try { await promise; } catch (e: any) { e(); } new Promise((_r, rej) => rej(deps[k])).catch((e: any) => e()); }", errors: errors(4) },
    { filename: AI, code: "export async function p(deps: any, k: string) { const c = new AbortController(); c.abort(deps[k]); try { c.signal.throwIfAborted(); } catch (e: any) { e(); } fetch('/api/runs', { signal: c.signal }).catch((e: any) => e()); const v = (await new Promise((r) => setTimeout(r, 0, deps[k]))) as any; v(); const w = (await new Promise((r) => [deps[k]].forEach(r))) as any; w(); const x = (await new Promise((r) => r.call(null, deps[k]))) as any; x(); }", errors: errors(5) },
    // a value taken without its name handed to a callback by the runtime: Array.from's element, reduce's initial value, Promise.try's
    // and AsyncLocalStorage#run's arguments, an array method called through Reflect.apply with its callback in the argument list
    { filename: AI, code: "import { AsyncLocalStorage } from 'node:async_hooks'; export function p(deps: any, k: string) { Array.from([deps[k]], (f: any) => f()); [1].reduce((acc: any) => acc(), deps[k]); Promise.try((f: any) => f(), deps[k]); new AsyncLocalStorage().run(1, (f: any) => f(), deps[k]); Reflect.apply(Array.prototype.forEach, [deps[k]], [(f: any) => f()]); Object.groupBy([deps[k]], (f: any) => f()); }", errors: errors(6) },
    // a value kept by a runtime object and given back: an abort controller's reason (its signal's, a listener's event.target's, this in
    // onabort, destructured, Reflect.get), AbortSignal.abort / any, a withResolvers promise (destructured or not, awaited or then),
    // a finalization registry's held value handed to its callback (inline or named)
    { filename: AI, code: "export async function p(deps: any, k: string) { const c = new AbortController(); c.abort(deps[k]); c.signal.reason(1); c.signal.addEventListener('abort', (e: any) => e.target.reason(1)); c.signal.onabort = function () { (this as any).reason(1); }; const { signal } = c; const { reason } = signal; reason(); Reflect.get(signal, 'reason')(); const s = AbortSignal.abort(deps[k]); s.reason(); AbortSignal.any([s]).reason(); }", errors: errors(7) },
    { filename: AI, code: "export async function p(deps: any, k: string) { const { promise, resolve } = Promise.withResolvers<any>(); resolve(deps[k]); (await promise)(1); promise.then((f: any) => f()); const r = Promise.withResolvers<any>(); r.resolve(deps[k]); (await r.promise)(1); const fr = new FinalizationRegistry((h: any) => h()); fr.register({}, deps[k]); function clean(h: any) { h(); } new FinalizationRegistry(clean).register({}, deps[k]); }", errors: errors(5) },
    // ... and one whose uses cannot all be followed (handed on, a put method bound) may hold anything (fail closed)
    { filename: AI, code: "export function p(kill: any) { const c = new AbortController(); kill(c); c.signal.reason(); const r = new FinalizationRegistry((h: any) => h()); const reg = r.register.bind(r); reg({}, 1); }", errors: errors(2) },
    // an authority function kept by an abort controller or a withResolvers promise handed to advisory code
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any) => { const c = new AbortController(); c.abort(approveWorkflow); const { promise, resolve } = Promise.withResolvers(); resolve(approveWorkflow); return [proposeDesignChanges(r, c.signal as any), proposeDesignChanges(r, c as any), proposeDesignChanges(r, promise as any)]; };", errors: errors(3) },
    // a bound call of call (or apply of call, Reflect.apply bound to Reflect) invokes its first argument: a value taken without its name
    { filename: AI, code: "export function p(deps: any, k: string) { const c = Function.prototype.call.bind(Function.prototype.call); c(deps[k]); const a = Function.prototype.apply.bind(Function.prototype.call); a(deps[k], [null]); const r = Reflect.apply.bind(Reflect); r(deps[k], null, []); Function.prototype.call.bind(Function.prototype.call)(deps[k], null); }", errors: errors(4) },
    // ... and advisory code invoked through one, handed an authority function
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any) => { const c = Function.prototype.call.bind(Function.prototype.call); return c(proposeDesignChanges, null, r, { save: approveWorkflow }); };", errors: errors(1) },
    // a value taken without its name pushed through Array.prototype.push.call / .apply
    { filename: AI, code: "export function p(deps: any, k: string) { const arr: any[] = []; Array.prototype.push.call(arr, deps[k]); arr[0](1); const b: any[] = []; [].push.apply(b, [deps[k]] as never); b[0](1); }", errors: errors(2) },
    // a literal list iterated after a push in order or an index set: what was added is iterated too (a URL, a key); a ping; an action extended by +=
    { filename: AI, code: "export async function p(deps: any, form: any) { const list = ['/api/ai/proposals']; list.push('/api/workflow/approve'); for (const u of list) await fetch(u, { method: 'POST' }); const l2 = ['/api/ai/proposals']; l2[1] = '/api/rmos/toolpaths'; for (const u of l2) await fetch(u, { method: 'POST' }); const names = ['evaluate']; names.push('approveWorkflow'); for (const n of names) deps[n](); const a = document.createElement('a'); a.ping = '/api/workflow/approve'; form.action = '/api/ai/proposals'; form.action += '/../../workflow/approve'; const n2 = ['evaluate']; Object.assign(n2, ['approveWorkflow']); for (const n of n2) deps[n](); }", errors: errors(6) },
    // a value taken without its name handed to what calls it: an observer, a custom element's definition, AsyncResource.bind, a builtin
    // module class's options (new Readable({ read }), new Writable({ write }))
    { filename: AI, code: "import { Readable, Writable } from 'node:stream'; import { AsyncResource } from 'node:async_hooks'; export function p(deps: any, k: string) { new MutationObserver(deps[k]); new IntersectionObserver(deps[k]); new PerformanceObserver(deps[k]); customElements.define('x-y', deps[k]); AsyncResource.bind(deps[k]); new Readable({ read: deps[k] }); new Writable({ write: deps[k] }); }", errors: errors(7) },
    // an authority function handed to advisory code inside an instance (a field, a method returning it, a class it extends) or what a function returns
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow, transitionWorkflow } from '@luthier/rmos-workflow'; class P { feasibility = {}; x = approveWorkflow; } class Q { x() { return transitionWorkflow; } } class B { x = approveWorkflow; } class R extends B {} const mk = () => ({ feasibility: {}, x: approveWorkflow }); export const f = (r: any) => [proposeDesignChanges(r, new P() as any), proposeDesignChanges(r, new Q() as any), proposeDesignChanges(r, new R() as any), proposeDesignChanges(r, mk() as any)];", errors: errors(4) },
    // a value taken without its name held by an accessor field, set by Object.defineProperties, written under a key that cannot be
    // folded (arr[arr.length] = v), or destructured from a nested literal
    { filename: AI, code: "export function p(deps: any, k: string) { class C { accessor f: any = deps[k]; } new C().f(1); const o = { f: null as any }; Object.defineProperties(o, { f: { value: deps[k] } }); o.f(1); const arr: any[] = []; arr[arr.length] = deps[k]; arr[0](1); const n = { a: { b: deps[k] } }; const { a: { b } } = n; b(1); }", errors: errors(4) },
    // a value taken without its name spliced into an array, destructured into a member by a computed key, put on a class's prototype
    // (defineProperty getter, assignment, Object.assign), carried as a member of an event of the file's class
    { filename: AI, code: "export function p(deps: any, k: string) { const holder = [null as any]; holder.splice(0, 1, deps[k]); holder[0](1); const fr: any = {}; ({ [k]: fr.f } = deps); fr.f(1); class C {} Object.defineProperty(C.prototype, 'f', { get: () => deps[k] }); (new C() as any).f(1); class D {} (D.prototype as any).g = deps[k]; (new D() as any).g(1); class E extends Event { f = deps[k]; } const et = new EventTarget(); et.addEventListener('x', (e: any) => e.f(1)); et.dispatchEvent(new E('x')); }", errors: errors(5) },
    // a .constructor held by a getter, an array or what a function returns, called
    // ... also through functions that call each other (each looked through once per question)
    { filename: AI, code: "function a(c: boolean): any { if (c) return b(!c); return (() => {}).constructor; } function b(c: boolean): any { return a(c); } export const r = [b(true)('return 1'), a(false)('return 2')];", errors: errors(2) },
    { filename: AI, code: "function a(c: boolean): any { return c ? b(!c) : (() => {}).constructor; } function b(c: boolean): any { return a(c) || null; } export const r = [b(true)('return 1'), (0, (async () => {}).constructor)('return 2')];", errors: errors(2) },
    { filename: AI, code: "export function p() { const h = { get c() { return (() => {}).constructor; } }; h.c('return 1')(); const arr = [(() => {}).constructor]; arr[0]!('return 2'); const mk = () => (function () {}).constructor; mk()('return 3'); }", errors: errors(3) },
    // HTML whose form, link or image requests an authority endpoint (innerHTML, insertAdjacentHTML, DOMParser; character references decoded)
    { filename: AI, code: "export function p(el: any) { el.innerHTML = '<form method=\"post\" action=\"/api/workflow/approve\"></form>'; el.insertAdjacentHTML('beforeend', '<form method=post action=&#x2F;api&#x2F;rmos&#x2F;toolpaths></form>'); new DOMParser().parseFromString(`<button formaction='/api/workflow/sessions/${'s1'}/transition'>`, 'text/html'); }", errors: errors(3) },
    // a navigating member set by Reflect.set, Object.defineProperty (a value or a getter), Object.defineProperties, or a key that cannot be folded
    { filename: AI, code: "export function p(form: any, a: any, k: string) { Reflect.set(form, 'action', '/api/workflow/approve'); Object.defineProperty(a, 'href', { value: '/api/rmos/toolpaths' }); Reflect.defineProperty(a, 'href', { get: () => '/api/rmos/toolpaths' }); Object.defineProperties(form, { action: { value: '/api/workflow/approve' } }); Reflect.set(form, k, '/api/workflow/approve'); form[k] = '/api/rmos/toolpaths'; }", errors: errors(6) },
    // a URL object's text after its path is set in place (u.href, String(u), `${u}`, u.toString()); fetchLater
    { filename: AI, code: "export async function p() { const u = new URL('http://h/'); u.pathname = '/api/workflow/' + 'approve'; await fetch(u.href, { method: 'POST' }); await fetch(String(u), { method: 'POST' }); await fetch(`${u}`, { method: 'POST' }); await fetch(u.toString(), { method: 'POST' }); fetchLater('/api/rmos/toolpaths', { method: 'POST' }); }", errors: errors(5) },
    // a class extending a .constructor: constructing it calls that constructor (the Function constructor)
    { filename: AI, code: "class F extends (function () {}).constructor {} new F('return 1'); const C = Object.getPrototypeOf(async function () {}).constructor; export class G extends C { constructor() { super('return 2'); } }", errors: errors(2) },
    // a value taken without its name handed to a callback by what calls it with extra arguments: a timer (setTimeout's after the delay,
    // process.nextTick's after the callback), a tag (tag`${v}`), a bound first argument, an array method's this argument
    { filename: AI, code: "export function p(deps: any, k: string) { setTimeout((f: any) => f(1), 0, deps[k]); process.nextTick((f: any) => f(1), deps[k]); const tag = (s: any, f: any) => f(1); tag`x${deps[k]}`; const g = ((f: any) => f(1)).bind(null, deps[k]); g(); [1].forEach(function (this: any) { this.f(1); }, { f: deps[k] }); }", errors: errors(5) },
    // what awaiting a thenable gives, what a hand-written iterator's next() returns as its value
    { filename: AI, code: "export async function p(deps: any, k: string) { const f: any = await { then(r: any) { r(deps[k]); } }; f(1); const it = { [Symbol.iterator]() { return { next: () => ({ value: deps[k], done: false }) }; } }; for (const g of it as any) { g(1); break; } }", errors: errors(2) },
    // a value taken without its name keeps what it is through the holders of a member: what a function returns (mk().f,
    // an IIFE destructured), what a constructor returns (also by Reflect.construct), a prototype ({ __proto__ }, Object.create,
    // Object.setPrototypeOf), a class it extends (statics too), a subclass or mixin supplying this.f, a function constructor's this.f
    { filename: AI, code: "export function p(deps: any, k: string) { const mk = () => ({ f: deps[k] }); mk().f(1); const { g } = (() => ({ g: deps[k] }))(); g(1); class C { constructor() { return { f: deps[k] }; } } (new C() as any).f(1); (Reflect.construct(class { constructor() { return { f: deps[k] }; } }, []) as any).f(1); }", errors: errors(4) },
    { filename: AI, code: "export function p(deps: any, k: string) { Object.create({ f: deps[k] }).f(1); const o: any = {}; Object.setPrototypeOf(o, { f: deps[k] }); o.f(1); const t: any = { __proto__: { f: deps[k] } }; t.f(1); }", errors: errors(3) },
    { filename: AI, code: "export function p(deps: any, k: string) { class A { static f = deps[k]; } class B extends A {} B.f(1); class P { f = deps[k]; } class Q extends P { h() { this.f(1); } } new Q().h(); class Base { run() { return (this as any).g(1); } } class Sub extends Base { g = deps[k]; } new Sub().run(); }", errors: errors(3) },
    { filename: AI, code: "export function p(deps: any, k: string) { const M = (Base: any) => class extends Base { go() { this.f(1); } }; class X extends M(class { f = deps[k]; }) {} new X().go(); function F(this: any) { this.g = deps[k]; } new (F as any)().g(1); }", errors: errors(2) },
    // a literal inheriting from what it is handed is no sealed table: t[k] may read any member of deps
    { filename: AI, code: "export function p(deps: any, k: string) { const t: any = { __proto__: deps, a() { return 1; } }; return t[k](1); }", errors: errors(1) },
    // one of the alternatives is an authority function, or reaches code; a frozen table of an endpoint
    { filename: AI, code: "const E = Object.freeze({ approve: '/api/workflow/approve' }); export function run(ports: any, flag: boolean) { for (const s of ['evaluate', 'constructor']) ports[s]('return 1'); return [ports[flag ? 'evaluate' : 'approveWorkflow']('s'), fetch(E.approve, { method: 'POST' })]; }", errors: errors(3) },
    // a folded computed key that is the one read
    { filename: AI, code: "const K = 'method'; export function run(ports: any) { const plan = { method: 'evaluate', [K]: 'approveWorkflow' }; return ports[plan.method](); }", errors: errors(1) },
    // null and undefined elements of a joined array are empty text, not 'null' / 'undefined' (also when assigned later, or only maybe)
    { filename: AI, code: "const parts = ['approve', 'x', 'Workflow']; parts[1] = null as any; const m = [Math.random() > 0.5 ? null : 'x']; export function f(deps: any) { return [deps[['approve', null, 'Workflow'].join('')](), deps[['transition', undefined, 'Workflow'].join('')](), deps[['approve', void 0, 'Workflow'].join(String())](), deps[parts.join('')](), deps[`approve${[null]}Workflow`](), deps[['approve', m[0] === 'x' ? null : null, 'Workflow'].join('')]()]; }", errors: errors(6) },
    // a literal changed through another literal that holds it, through an alias of a nested member, through a function handed its holder,
    // or as a destructuring or loop target, may hold anything
    { filename: AI, code: "const parts = ['safe']; const holder = { parts }; const names = { k: 'safe' }; const h2 = { sub: { k: 'safe' } }; const h4 = { sub: { k: 'safe' } }; const h5 = { sub: { k: 'safe' } }; const n3 = ['safe']; const h3 = [n3]; function touch(x: string[][]) { x[0]![0] = 'approveWorkflow'; } const p1 = ['safe']; const p2 = { k: 'safe' }; const p3 = { k: 'safe' }; export function f(deps: any) { holder.parts[0] = 'approveWorkflow'; [names][0]!.k = 'approveWorkflow'; const q = h2.sub; q.k = 'approveWorkflow'; h4.sub.k = 'approveWorkflow'; h5.sub = { k: 'approveWorkflow' }; touch(h3); [p1[0]] = ['approveWorkflow']; ({ a: p2.k } = { a: 'approveWorkflow' }); for (p3.k of ['approveWorkflow']); return [deps[parts[0]!](), deps[names.k](), deps[h2.sub.k](), deps[h4.sub.k](), deps[h5.sub.k](), deps[n3[0]!](), deps[p1[0]!](), deps[p2.k](), deps[p3.k]()]; }", errors: errors(9) },
    // wrong constants: callbacks see (element, index, array), casts and .call and callbacks change literals, a later spread or computed key wins, a spread moves indices, static blocks, [undefined] is empty
    { filename: AI, code: "const k = ['approveWorkflow'].map((c, i, a) => (a ? c : 'proposeDesign')).join(''); export function f(deps: any) { return deps[k]('s1'); }", errors: errors(1) },
    { filename: AI, code: "const p1 = ['Workflow', 'approve']; (p1 as string[]).reverse(); const p2 = ['Workflow', 'approve']; Array.prototype.reverse.call(p2); const p3 = ['Workflow', 'approve']; [p3].forEach((x) => x.reverse()); export function f(deps: any) { return [deps[p1.join('')]('s'), deps[p2.join('')]('s'), deps[p3.join('')]('s')]; }", errors: errors(3) },
    { filename: AI, code: "const a = { k: 'proposeDesign', ...{ k: 'approve' + 'Workflow' } }; const b = { k: 'proposeDesign', [`k`]: 'approve' + 'Workflow' }; const c = [...['proposeDesign', 'approve' + 'Workflow'], 'proposeDesign']; export function f(deps: any) { return [deps[a.k]('s'), deps[b.k]('s'), deps[c[1]!]('s')]; }", errors: errors(3) },
    { filename: AI, code: "class N { static k = 'proposeDesign'; static { this.k = 'approve' + 'Workflow'; } } class M { static k = 'proposeDesign'; static [`k`] = 'approve' + 'Workflow'; } const u = undefined; export function f(deps: any) { return [deps[N.k]('s'), deps[M.k]('s'), deps['approve' + 'Workflow' + [u]]('s')]; }", errors: errors(3) },
    { filename: AI, code: "export async function f() { let u = 'http://h'; for (const p of ['/api', '/workflow', '/approve']) u += p; return fetch(u, { method: 'POST' }); }", errors: errors(1) },
    // origins through a Map's set and forEach, WeakRef, fill, a nested member, a push, a spread copy
    { filename: AI, code: "export function f(code: string): any { const m = new Map<string, any>(); m.set('g', globalThis); m.forEach((v) => v.eval(code)); const o: any = {}; o.inner = {}; o.inner.g = globalThis; const arr: any[] = []; for (const x of [globalThis]) arr.push(x); return [new WeakRef(globalThis).deref()!.eval(code), (Array(1).fill(globalThis) as any)[0].eval(code), o.inner.g.eval(code), arr[0].eval(code), ({ ...{ g: globalThis } } as any).g.eval(code)]; }", errors: errors(6) },
    // a private helper still passes on what it is given
    { filename: AI, code: "async function postJson(url: string) { const r = await fetch(url, { method: 'POST' }); return r.json(); } export const go = () => postJson('/api/workflow/approve');", errors: errors(1) },
    // a nameless member kept in an error's cause, a created object's descriptor, a parameter property, an AsyncLocalStorage
    { filename: AI, code: "class H { constructor(public f: (s: string) => unknown) {} } export function p(deps: Record<string, unknown>, k: string, sid: string) { return [(new Error('x', { cause: deps[k] }).cause as Function)(sid), Object.create(null, { f: { value: deps[k] } }).f(sid), new H(deps[k] as never).f(sid)]; }", errors: errors(3) },
    { filename: AI, code: "import { AsyncLocalStorage } from 'node:async_hooks'; const als = new AsyncLocalStorage<(s: string) => unknown>(); export function p(deps: Record<string, unknown>, k: string, sid: string) { return als.run(deps[k] as never, () => als.getStore()!(sid)); }", errors: errors(1) },
    // globals hidden in containers, parameters, generators and setters keep what they are
    { filename: AI, code: 'export function p(code: string) { for (const g of [globalThis]) return g.eval(code); }', errors: errors(1) },
    { filename: AI, code: 'export function p(code: string) { const [g] = (() => [globalThis])(); return [g.eval(code), [...[globalThis]][0]!.eval(code)]; }', errors: errors(2) },
    { filename: AI, code: 'function* gen() { yield globalThis; } export function p(code: string) { for (const g of new Set([globalThis])) g.eval(code); for (const g of gen()) g.eval(code); }', errors: errors(2) },
    { filename: AI, code: 'function run(g: typeof globalThis, code: string) { return g.eval(code); } export function p(code: string) { return run(globalThis, code); }', errors: errors(1) },
    { filename: AI, code: 'function f(..._a: unknown[]) { return (arguments[0] as typeof globalThis).eval(arguments[1]); } export function p(code: string) { return f(globalThis, code); }', errors: errors(1) },
    { filename: AI, code: "export const p = () => [process].at(0)!.getBuiltinModule('node:vm').runInThisContext('1');", errors: errors(1) },
    { filename: AI, code: "export const p = () => ((q: NodeJS.Process) => q.getBuiltinModule('vm'))(process).runInThisContext('1');", errors: errors(1) },
    { filename: AI, code: "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url); export function p() { for (const q of [r]) return q('vm').runInThisContext('1'); }", errors: errors(1) },
    { filename: AI, code: "export async function p() { for (const f of [fetch]) await f('http://h/api/workflow/approve', { method: 'POST' }); return [fetch].pop()!('http://h/api/workflow/approve', { method: 'POST' }); }", errors: errors(2) },
    { filename: AI, code: "export const p = () => Object.assign({}, { x: fetch }).x('http://h/api/workflow/approve', { method: 'POST' });", errors: errors(1) },
    // a replacer handed every value, Function.prototype.call bound to a nameless member, descriptors of the global object
    { filename: AI, code: "export function p(deps: Record<string, unknown>, sid: string) { JSON.stringify(deps, (k, v) => (typeof v === 'function' ? v(sid) : v)); }", errors: errors(1) },
    { filename: AI, code: "export function p(deps: Record<string, unknown>, k: string, sid: string) { return Function.prototype.call.bind(deps[k] as never)(null, sid); }", errors: errors(1) },
    { filename: AI, code: "export const p = (code: string) => [Object.getOwnPropertyDescriptors(globalThis).eval.value(code), Object.getOwnPropertyDescriptors(Object.getPrototypeOf(() => 0)).constructor.value('x')];", errors: errors(2) },
    // a URL whose unknown part may hold separators and ../ (POST): a base ending in /api, ../ in the unknown part, a session id holding /transition
    { filename: AI, code: "export const p = (apiRoot: string, x: string, id: string) => [fetch(`${apiRoot}/workflow/approve`, { method: 'POST' }), fetch('http://h/api/ai/proposals/' + x, { method: 'POST' }), fetch(`/api/workflow/sessions/${id}`, { method: 'POST', body: '{}' })];", errors: errors(3) },
    { filename: AI, code: "export const p = (base: string) => fetch(new URL('../workflow/approve', base), { method: 'POST' });", errors: errors(1) },
    { filename: AI, code: "export async function p() { const u = new URL('http://h/api/workflow/'); u.pathname += 'approve'; return fetch(u, { method: 'POST' }); }", errors: errors(1) },
    { filename: AI, code: "export async function p() { const u = new URL('http://h/'); const v = u; v.pathname = '/api/workflow/approve'; return fetch(u, { method: 'POST' }); }", errors: errors(1) },
    // options changed after the literal or spread into it; a request line written in two pieces
    { filename: AI, code: "import http from 'node:http'; const target = { host: 'h', path: '/api/workflow/approve' }; export function p() { const opts = { host: 'h', method: 'POST', path: '/api/ai/proposals' }; opts.path = '/api/rmos/toolpaths'; http.request(opts); http.request({ ...target, method: 'POST' }); }", errors: errors(2) },
    { filename: AI, code: "import net from 'node:net'; export function p() { const s = net.connect(3000, 'h'); s.write('POST /api/workflow/'); s.write('approve HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'); }", errors: errors(2) },
    // enumerated values handed to a builtin come back out of it: concat, Object.assign, new Array, Iterator.from, a grouping, an iterator's .value, a descriptor's .value, an enumerator as a callback
    { filename: AI, code: "export function f(deps: any) { ([] as any[]).concat(Object.values(deps))[0](); (Array.prototype.concat.call([], Object.values(deps)) as any)[0](); new Array(...Object.values(deps))[0](); (Object.assign([], Object.values(deps)) as any)[0](); (Iterator.from(Object.values(deps)).toArray()[0] as any)(); }", errors: errors(5) },
    { filename: AI, code: "export function f(deps: any) { (Object.groupBy(Object.values(deps), () => 'a') as any).a[0](); (Map.groupBy(Object.values(deps), () => 1).get(1) as any)[0](); (Object.values(deps).values().next().value as any)(); (Object.values(Object.getOwnPropertyDescriptors(deps))[0] as any).value(); ([deps].flatMap(Object.values) as any)[0](); }", errors: errors(5) },
    // constructing a class calls the class it extends: a computed or enumerated member, an authority function behind an expression
    { filename: AI, code: "import { approveWorkflow } from '@luthier/rmos-workflow'; export class A extends (approveWorkflow as any) {} export function f(deps: any, k: string) { class B extends deps[k] {} const C = class extends (Object.values(deps)[0] as any) {}; return [new B(), new C()]; }", errors: errors(4) },
    // a rejected promise's reason, and a method called on enumerated values through .call
    { filename: AI, code: "export function f(deps: any, k: string) { Promise.reject(deps[k]).catch((g: any) => g()); (Array.prototype.at.call(Object.values(deps), 0) as any)(); }", errors: errors(2) },
    // Function.prototype.call is no Function reference, but what it calls is checked: the Function constructor, a .constructor, Function.prototype.constructor
    { filename: AI, code: "Function.prototype.call.call(Function, null, 'return 1'); Function.prototype.call.call((() => 0).constructor, null, 'x'); Function.prototype.constructor('y');", errors: errors(4) },
    // changing what every module shares: prototypes (however reached), builtin globals and modules, the global object, process.env
    { filename: AI, code: "Object.defineProperty(Object.prototype, 'risk_bucket', { get: () => 'GREEN' }); (Object.prototype as any).status = 'OK'; ({} as any).__proto__.score = 1; (Object.getPrototypeOf([]) as any).map = () => []; (({}).constructor.prototype as any).x = 1; delete (Array.prototype as any).includes; Object.setPrototypeOf(Object.prototype, null);", errors: errors(7) },
    { filename: AI, code: "import crypto from 'node:crypto'; (crypto as any).createHash = () => 0; JSON.stringify = (() => '{}') as any; Math.random = () => 0; process.env.RMOS_DATA_DIR = '/tmp/x'; (globalThis as any).fetch = async () => new Response('{}'); Reflect.set(globalThis, 'x', 1);", errors: errors(6) },
    // more functions the language calls by itself: Proxy traps, Symbol.hasInstance / dispose / replace, an iterator's next
    { filename: AI, code: "export function f(deps: any, k: string) { new Proxy(() => 0, { apply: deps[k] }); class A { static [Symbol.hasInstance] = deps[k]; } const o = { [Symbol.dispose]: deps[k] }; 'a'.replace({ [Symbol.replace]: deps[k] } as any, 'b'); const it = { [Symbol.iterator]() { return { next: deps[k] }; } }; return [A, o, it]; }", errors: errors(5) },
    // a wrapper's rest parameter, its arguments object, a spread at its call site, a destructured object parameter, a call behind `as`
    { filename: AI, code: "function r1(...fns: any[]) { fns[0](); } function r2() { (arguments[0] as any)(); } function r3(a: any, b: any) { b(); } function r4({ g }: any) { g(); } export function f(deps: any, k: string) { r1(deps[k]); (r2 as any)(deps[k]); r3(...[1, deps[k]]); r4({ g: deps[k] }); ((...fs: any[]) => fs[0]())(...Object.values(deps)); }", errors: errors(5) },
    // URLs as arrays, String objects and bytes are still that text; an HTTP request written to a socket by hand
    { filename: AI, code: "fetch([['/api/rmos/toolpaths']] as any); fetch(['/api/workflow/approve'] + ''); fetch(new String('/api/rmos/toolpaths') as any); fetch(new TextDecoder().decode(Uint8Array.of(47, 97, 112, 105, 47, 114, 109, 111, 115, 47, 116, 111, 111, 108, 112, 97, 116, 104, 115)));", errors: errors(4) },
    { filename: AI, code: "import net from 'node:net'; net.connect(3000).write('POST /api/rmos/toolpaths HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'); import tls from 'node:tls'; tls.connect(443).end(`POST /api/workflow/sessions/${'a'}/transition HTTP/1.1\\r\\n\\r\\n`);", errors: errors(2) },
    // in sloppy code a plain function's `this` is the global object; what a function returns may be a global
    { filename: `${GRAPHICS.replace(/\.ts$/, '.cjs')}`, code: "(function () { return this; })().eval('1'); function G() { return this; } G().fetch('/api/rmos/toolpaths');", languageOptions: { sourceType: 'commonjs' }, errors: errors(2) },
    { filename: AI, code: "function g() { return globalThis; } g()['ev' + 'al']('1'); const h = () => fetch; h()('/api/workflow/approve');", errors: errors(2) },
    // a table of plain functions that can be changed where the check does not look is no sealed table: through an alias, a cast or a
    // comma, exported, by a mutating method (also one named by a key that cannot be folded, handed values taken without a name),
    // by its own methods through this, or as a member of another literal
    { filename: AI, code: "const t1: any = { a() { return 1; } }; const t2: any = { a() { return 1; } }; const t3: any = { a() { return 1; } }; export const t4: any = { a() { return 1; } }; const t5: any[] = [() => 1]; const t6: any[] = [() => 1]; const t7: any = { a(d: any) { Object.setPrototypeOf(this, d); }, b() { return 2; } }; const cfg: any = { table: { a() { return 1; } } }; export function f(deps: any, k: string, j: string) { const u = t1; Object.setPrototypeOf(u, deps); Object.setPrototypeOf(t2 as any, deps); Object.setPrototypeOf((0, t3), deps); t5.push(...Object.values(deps)); t6[j](...Object.values(deps)); t7.a(deps); Object.setPrototypeOf(cfg.table, deps); return [t1[k](), t2[k](), t3[k](), t4[k](), t5[k](), t6[k](), t7[k](), cfg.table[k]()]; }", errors: errors(9) },
    // a private table that is changed, replaced or never a literal is no sealed table; a TS-private one can be reached with `as any`
    { filename: AI, code: "export class P { #h: any = { add: (x: string) => x }; #i: any = { add: (x: string) => x }; #j: any; constructor(deps: any, k: string) { Object.assign(this.#h, deps); this.#i.add = deps[k]; } run(m: string) { return [this.#h[m]('x'), this.#i[m]('x'), this.#j[m]('x')]; } } export class Q { private h = { add: (x: string) => x }; run(m: 'add') { return this.h[m]('x'); } }", errors: errors(4) },
    // the DOM runs code given as text: script elements, on… and srcdoc attributes, HTML with a script or handler, javascript: URLs
    { filename: AI, code: "const s = document.createElement('script'); document.createElementNS('http://www.w3.org/2000/svg', 'SCRIPT'); document.body.innerHTML = '<img src=x onerror=\"alert(1)\">'; document.body.insertAdjacentHTML('beforeend', '<script>1</script>'); document.body.setAttribute('onclick', 'alert(1)'); location.href = 'javascript:alert(1)'; (document.createElement('iframe') as any).srcdoc = '<script>1</script>';", errors: errors(7) },
    // values handed over by channels that call no function in the source: a setter, a promise's resolve, an emitter's emit, a generator's next
    { filename: AI, code: "export function f(deps: any, k: string) { const o = { set v(x: any) { x(); } }; o.v = deps[k]; class A { set w(x: any) { x(); } } new A().w = deps[k]; }", errors: errors(2) },
    { filename: AI, code: "import { EventEmitter } from 'node:events'; export function f(deps: any, k: string) { new Promise((res) => res(deps[k])).then((g: any) => g()); const em = new EventEmitter(); em.on('x', (g: any) => g()); em.emit('x', deps[k]); }", errors: errors(2) },
    { filename: AI, code: "function* g(): any { const x = yield; x(); } export function f(deps: any, k: string) { const it = g(); it.next(); it.next(deps[k]); }", errors: errors(1) },
    // a decorator is a call of its expression
    { filename: AI, code: "export function f(deps: any, k: string) { @(deps[k]) class A {} const d = Object.values(deps) as any[]; class B { @(d[0]) m() {} } return [A, B]; }", errors: errors(2) },
    // .call / .apply / .bind of a function read without its name are that function; literals inside literals hold what they hold
    { filename: AI, code: "export function f(deps: any, k: string) { const g = deps[k]; const c = g.call.bind(g); c(null); [[deps[k], null, []]].forEach((a: any) => Reflect.apply(a[0], a[1], a[2])); }", errors: errors(3) },
    // a getter's result destructured (an object literal's, an instance's, a class's static getter); a member set on a copy (structuredClone, Object.create)
    { filename: AI, code: "export function f(deps: any, k: string, code: string) { const { x } = { get x() { return deps[k]; } }; x(); const { w } = { get w() { return globalThis; } }; w.eval(code); class A { get x() { return deps[k]; } static get y() { return deps[k]; } } const { x: x2 } = new A(); x2(); const { y } = A; y(); }", errors: errors(4) },
    { filename: AI, code: "export function f(deps: any, k: string, code: string) { const c = structuredClone({ a: 1 }); (c as any).g = deps[k]; (c as any).g(); const d: any = structuredClone({}); d.g = globalThis; d.g.eval(code); const o = Object.create(null); o.h = deps[k]; o.h(); }", errors: errors(3) },
    // a function invoked through Reflect.apply, .call or .apply: its parameters are the arguments given there, its this the receiver given
    { filename: AI, code: "export function f() { Reflect.apply(function (this: any, g: any) { g.eval('1'); }, null, [globalThis]); const run = function (g: any) { g.eval('2'); }; Reflect.apply(run, null, [globalThis]); function h(this: any) { return this.eval('3'); } h.apply(globalThis, []); }", errors: errors(3) },
    { filename: AI, code: "export function f(deps: any, k: string) { Reflect.apply(() => deps[k]('s'), null, []); Reflect.apply(function (this: any) { this.eval('1'); }, globalThis, []); (function (this: any) { this.eval('2'); }).call(globalThis); Reflect.apply(fetch, null, ['/api/workflow/approve', { method: 'POST' }]); Reflect.apply(Object.values(deps)[0] as any, null, []); }", errors: errors(5) },
    { filename: AI, code: "export function f(deps: any, k: string) { const run = (g: any) => g(); run.call(null, deps[k]); Reflect.apply(run, undefined, [Object.values(deps)[0]]); }", errors: errors(1) },
    // a listener's event carries what the file dispatches to it: a CustomEvent's detail (a member of it, destructured, a listener declared apart, the global addEventListener)
    { filename: AI, code: "export function f(deps: any, k: string) { const t = new EventTarget(); t.addEventListener('x', (e: any) => e.detail('s')); t.dispatchEvent(new CustomEvent('x', { detail: deps[k] })); }", errors: errors(1) },
    { filename: AI, code: "export function f(code: string) { const t = new EventTarget(); t.addEventListener('x', (e: any) => e.detail.eval(code)); t.dispatchEvent(new CustomEvent('x', { detail: globalThis })); }", errors: errors(1) },
    { filename: AI, code: "export function f() { addEventListener('x', (e: any) => e.detail('/api/workflow/approve', { method: 'POST' })); dispatchEvent(new CustomEvent('x', { detail: fetch })); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any, k: string) { const t = new EventTarget(); const ev = new CustomEvent('x', { detail: { g: deps[k] } }); t.addEventListener('x', function (e: any) { const { g } = e.detail; g(); }); t.dispatchEvent(ev); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any, k: string, code: string) { const t = new EventTarget(); t.addEventListener('x', ({ detail }: any) => detail('s')); function on(e: any) { e.detail.g.eval(code); } t.addEventListener('y', on); t.dispatchEvent(new CustomEvent('x', { detail: deps[k] })); t.dispatchEvent(new CustomEvent('y', { detail: { g: globalThis } })); }", errors: errors(2) },
    // members util.inspect calls (util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'), through a const or a class field), util.promisify.custom, and implicit members set later
    { filename: AI, code: "import util from 'node:util'; export function f(deps: any, k: string) { const o = { [util.inspect.custom]: deps[k] }; return util.inspect(o); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any, k: string) { const o = { [Symbol.for('nodejs.util.inspect.custom')]: deps[k] }; console.log(o); }", errors: errors(1) },
    { filename: AI, code: "import { inspect } from 'node:util'; export function f(deps: any, k: string) { class A { [inspect.custom] = deps[k]; } console.log(new A()); }", errors: errors(1) },
    { filename: AI, code: "import { inspect, promisify } from 'node:util'; const C = Symbol.for('nodejs.util.' + 'inspect.custom'); export function f(deps: any, k: string) { const o: any = {}; o[inspect.custom] = deps[k]; const p: any = {}; p[C] = Object.values(deps)[0]; const q: any = {}; q.toString = deps[k]; const g: any = () => 0; g[promisify.custom] = deps[k]; return [o, p, q, promisify(g)]; }", errors: errors(4) },
    // a symbol-keyed member read by its symbol, in a literal that holds the global object: not a sealed table of plain values
    { filename: AI, code: "export function f(code: string) { const S = Symbol('s'); const o = { [S]: globalThis }; o[S].eval(code); }", errors: errors(1) },
    { filename: AI, code: "export function f(code: string) { const S = Symbol.for('s'); const o: any = {}; o[S] = globalThis; o[S].eval(code); }", errors: errors(1) },
    // process itself, process.env as a whole, a member of an env value's text (its constructor) or of argv are no plain data of process
    { filename: AI, code: "export function f(k: string, code: string) { const a: any = { p: process }; a[k](code); const b: any = { e: process.env }; b[k](code); const c: any = { x: (process.env as any).X.constructor }; c[k](code); const d: any = { m: process.argv.map }; d[k](code); const e: any = { x: process.env.constructor }; e[k](code); }", errors: errors(5) },
    // a table whose own method changes or hands on its this, a nested literal changed through a member path, a table handed as this to another function
    { filename: AI, code: "export function f(deps: Record<string, unknown>, k: string, j: string) { const t = { a(v: unknown) { (this as any).b = v; }, b: (x: string) => x }; t.a(Object.values(deps)[0]); (t as any)[k](j); const u = { a() { Object.assign(this, deps); }, b: (x: string) => x }; u.a(); (u as any)[k](j); const v = { list: [(x: string) => x] }; v.list.push(Object.values(deps)[0] as any); v.list[Number(k)]!(j); const w = { a: (x: string) => x }; Reflect.apply(function (this: any) { this.a = Object.values(deps)[0]; }, w, []); (w as any)[k](j); }", errors: errors(4) },
    // enumerating a literal that holds the global object or a value taken without its name: Object.entries / values (callbacks, destructured pairs, loops, indices), Object.fromEntries
    { filename: AI, code: "export function f(code: string) { Object.entries({ a: globalThis }).map(([, g]) => g.eval(code)); Object.values({ a: globalThis }).forEach((g: any) => g.eval(code)); Object.fromEntries([['a', globalThis]]).a.eval(code); (Object.values({ g: globalThis })[0] as any).eval(code); for (const [, g] of Object.entries({ w: globalThis })) (g as any).Function(code); }", errors: errors(5) },
    { filename: AI, code: "export function f(deps: any, k: string) { Object.entries({ a: deps[k] }).map(([, g]) => g()); Object.values({ a: deps[k] }).forEach((g: any) => g()); Object.fromEntries([['a', deps[k]]]).a(); Object.fromEntries(Object.entries({ a: fetch })).a('/api/rmos/toolpaths'); }", errors: errors(4) },
    // a static member assigned in a static block; an object with its own iterator yields what it yields
    { filename: AI, code: "export function f(deps: any, k: string) { class A { static g: any; static { this.g = deps[k]; } } A.g(); const it = { *[Symbol.iterator]() { yield* Object.values(deps); } }; for (const g of it) (g as any)(); }", errors: errors(2) },
    // another window's globals: parent, top, frames[i], document.defaultView, an iframe's contentWindow
    { filename: AI, code: "const w = window as any; w.parent.eval('1'); w.frames[0].eval('2'); (document as any).defaultView.eval('3'); (document.querySelector('iframe') as any).contentWindow.Function('4');", errors: errors(4) },
    // navigation by attribute (any case), by Object.assign, and by JSX attributes that are followed or submitted
    { filename: AI, code: "export const f = (el: any, fm: any) => { el.setAttribute('href', '/api/rmos/toolpaths'); fm.setAttribute('ACTION', '/api/workflow/approve'); Object.assign(location, { href: '/api/rmos/toolpaths' }); };", errors: errors(3) },
    { filename: AI.replace(/\.ts$/, '.tsx'), code: "export const F = () => <form action=\"/api/workflow/approve\" method=\"post\"><button formAction={'/api/rmos/' + 'toolpaths'}>go</button></form>;", errors: errors(2) },
    // a wrapper that calls its parameter: what its call sites pass (function, arrow, method), or the elements it is the callback of
    { filename: AI, code: "function run(g: any) { g(); } const run2 = (g: any) => g(); const h = { run3(g: any) { g(); } }; export function f(deps: any, k: string) { run(deps[k]); run2(deps[k]); h.run3(deps[k]); } function each(g: any) { g(); } export const e = (deps: any) => Object.values(deps).forEach(each);", errors: errors(4) },
    // a function read by a computed key and handed to something that calls it: timers, array callbacks, promise reactions, listeners, replacers
    { filename: AI, code: "export function f(deps: any, k: string, el: any) { setTimeout(deps[k], 0); queueMicrotask(deps[k]); process.nextTick(deps[k]); [1].map(deps[k]); [2, 1].sort(deps[k]); Promise.resolve(1).then(deps[k]); new Promise(deps[k]); Array.from([1], deps[k]); 'a'.replace('a', deps[k]); JSON.parse('{}', deps[k]); el.addEventListener('click', deps[k]); }", errors: errors(11) },
    // functions the language calls without a call in the source: conversion, await of a thenable, a descriptor's getter
    { filename: AI, code: "export async function f(deps: any, k: string) { const s = '' + { toString: deps[k] }; await { then: deps[k] }; Object.defineProperty({}, 'x', { get: deps[k] }); return `${{ [Symbol.toPrimitive]: Object.values(deps)[0] }}` + s; }", errors: errors(4) },
    // logical assignment, a caught throw, Array.of and Promise.all hold what they are given
    { filename: AI, code: "export async function f(deps: any, k: string) { let g: any; g ??= deps[k]; g(); const o: any = {}; o.h ||= deps[k]; o.h(); try { throw deps[k]; } catch (e: any) { e(); } Array.of(deps[k])[0](); const [p] = await Promise.all([deps[k]]); p(); }", errors: errors(5) },
    // a property descriptor's value is the property: eval, Function and .constructor read through descriptors and Reflect.get
    { filename: AI, code: "Object.getOwnPropertyDescriptor(globalThis, 'eval')!.value('1'); Object.getOwnPropertyDescriptor(globalThis, 'Function')!.value('return 1')(); Reflect.get(() => 0, 'constructor')('return 1')(); Object.getOwnPropertyDescriptor(Object.getPrototypeOf(() => 0), 'constructor')!.value('x');", errors: errors(4) },
    // a value read by a computed key and stored before the call: in a property assigned later, by
    // Object.defineProperty (value or getter), behind a getter, in an instance field or a method's result
    { filename: AI, code: "export function f(deps: any, k: string) { const o: any = {}; o.go = deps[k]; o.go(); const p: any = {}; Object.defineProperty(p, 'go', { value: deps[k] }); p.go(); const q: any = {}; Object.defineProperty(q, 'go', { get: () => deps[k] }); q.go(); }", errors: errors(3) },
    { filename: AI, code: "export function f(deps: any, k: string) { const o = { get g() { return deps[k]; } }; o.g(); class A { get g() { return deps[k]; } m() { return deps[k]; } } new A().g(); new A().m()(); }", errors: errors(3) },
    { filename: AI, code: "export class A { f: any; #g: any; constructor(deps: any, k: string) { this.f = deps[k]; this.#g = deps[k]; } go() { this.f(); this.#g(); } }", errors: errors(2) },
    // private fields hold constants like public ones (this.#u, E.#U)
    { filename: AI, code: "class E { static #U = '/api/rmos/toolpaths'; #u = '/api/workflow/approve'; static go() { return fetch(E.#U); } go() { return fetch(this.#u); } }", errors: errors(2) },
    // a member of a literal changed after its declaration is no constant for the string methods either
    { filename: AI, code: "const K = { k: 'evaluate' }; K.k = 'approveWorkflow'; export function f(deps: any) { deps[K.k.slice(0)](); deps[`${K.k}`.trim()](); }", errors: errors(2) },
    // numbers are evaluated as numbers: 96 + 1 is 97 (not '961'), and toString(36) spells letters
    { filename: AI, code: "export function f(deps: any) { deps[String.fromCharCode(96 + 1) + 'pproveWorkflow'](); deps['approveW' + (53909683088).toString(36)](); } fetch('/api/workflow/' + (23322760106).toString(36));", errors: errors(3) },
    // a tagged template is a call of its tag: fetch`…` requests the text, a computed tag fails closed
    { filename: AI, code: "fetch`/api/workflow/approve`; export function f(deps: any, k: string) { deps[k]`x`; Object.values(deps)[0]`y`; }", errors: errors(3) },
    // Function.prototype.call invoked through call / apply: the function called is its `this`
    { filename: AI, code: "const noop = () => 0; noop.call.call(fetch, null, '/api/rmos/toolpaths'); const c = noop.call; c.apply(fetch, [null, '/api/workflow/approve']); const { apply } = noop; apply.call(fetch, null, ['/api/rmos/toolpaths']); export function f(deps: any, k: string) { noop.call.call(deps[k], deps); }", errors: errors(4) },
    // String() is '' (not 'undefined'); a constant URL's pathname is its parsed path (not the whole URL)
    { filename: AI, code: "export function f(deps: any) { deps[['approve', 'Workflow'].join(String())](); deps[new URL('http://h/approveWorkflow').pathname.slice(1)](); deps['transition' + 'Workflow' + String()](); deps[new URL('/transitionWorkflow', 'http://h').pathname.slice(1)](); }", errors: errors(4) },
    // an escaped slash inside the :id segment (a router matches the raw path: one id), and a URL object whose path is set after it is made
    { filename: AI, code: "fetch('/api/workflow/sessions/x%2Fy/transition'); fetch(Object.assign(new URL('http://h'), { pathname: '/api/workflow/approve' })); const u = new URL('http://h'); u.pathname = '/api/workflow/approve'; fetch(u); const v = new URL('http://h/x'); Object.assign(v, { href: 'http://h/api/rmos/toolpaths' }); new Request(v);", errors: errors(5) },
    // URL.parse is new URL (or null)
    { filename: AI, code: "fetch(URL.parse('http://h/api/rmos/toolpaths')!); fetch(URL.parse('approve', 'http://h/api/workflow/')!);", errors: errors(2) },
    // more things that call a function they are handed: disposable stacks, AsyncLocalStorage.run, Array.fromAsync, Promise.try, groupings, a FinalizationRegistry, a Proxy's get / set traps, on… handlers
    { filename: AI, code: "import { AsyncLocalStorage } from 'node:async_hooks'; export function f(deps: any, k: string, el: any) { new DisposableStack().defer(deps[k]); new AsyncDisposableStack().adopt(1, deps[k]); new AsyncLocalStorage().run(1, deps[k]); Array.fromAsync([1], deps[k]); (Promise as any).try(deps[k]); Object.groupBy([1], deps[k]); Map.groupBy([1], deps[k]); new FinalizationRegistry(deps[k]); new Proxy({}, { get: deps[k] }); new Proxy({}, { set: deps[k] }); el.onclick = deps[k]; new AbortController().signal.onabort = deps[k]; }", errors: errors(12) },
    // an array literal holding such a value, a literal destructured, a promise that a reaction returns it into
    { filename: AI, code: "export function f(deps: any, k: string) { [deps[k]].pop()(); [deps[k]].values().next().value(); const { a } = { a: deps[k] }; a(); Promise.resolve(1).then(() => deps[k]).then((g: any) => g()); }", errors: errors(4) },
    // a name parsed out of a constant JSON text
    { filename: AI, code: "export const f = (deps: any) => deps[JSON.parse('\"approveWorkflow\"')];", errors: errors(1) },
    // a keyed store read by the function's name, and an endpoint hidden behind an object's toString
    { filename: AI, code: "export function f(deps: any) { const m = new Map(Object.entries(deps)); const g = m.get('approve' + 'Workflow'); return g; }", errors: errors(1) },
    { filename: AI, code: "export const f = () => [fetch({ toString: () => '/api/workflow/approve' } as any), fetch({ toString() { return '/api/rmos/toolpaths'; } } as any)];", errors: errors(2) },
    // imports, with and without alias; the import and each reference are reported
    { filename: AI, code: "import { approveWorkflow } from '@luthier/rmos-workflow'; approveWorkflow(s);", errors: errors(2) },
    { filename: AI, code: "import { approveWorkflow as ok } from '@luthier/rmos-workflow'; ok(s);", errors: errors(2) },
    { filename: AI, code: "import * as wf from '@luthier/rmos-workflow'; wf.transitionWorkflow(s, 'x');", errors: errors(1) },
    { filename: AI, code: "import wf from '@luthier/rmos-workflow'; wf['approve' + 'Workflow'](s);", errors: errors(1) },
    { filename: AI, code: "export { generateToolpaths } from '@luthier/rmos-toolpaths';", errors: errors(1) },
    { filename: AI, code: "const wf = require('@luthier/rmos-workflow'); wf.approveWorkflow(s);", errors: errors(1) },
    { filename: AI, code: "const { approveWorkflow: go } = await import('@luthier/rmos-workflow'); go();", errors: errors(2) },
    // injected objects: the reference itself, not only the call
    { filename: AI, code: 'export function f(deps: any) { return deps.approveWorkflow; }', errors: errors(1) },
    { filename: AI, code: 'export function f(deps: any) { deps.approveWorkflow(s); }', errors: errors(1) },
    { filename: AI, code: 'export function f(deps: any) { deps?.approveWorkflow?.(s); }', errors: errors(1) },
    { filename: AI, code: "export function f(deps: any) { deps['persistRunArtifact'](a); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any) { deps[`put${'Run'}Attachment`](a); }", errors: errors(1) },
    { filename: AI, code: "const K = 'generate' + 'Toolpaths'; export function f(deps: any) { deps[K](a); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any) { deps[['approve', 'Workflow'].join('')](a); }", errors: errors(1) },
    { filename: AI, code: "const names = { a: 'approveWorkflow' } as const; export function f(deps: any) { deps[names.a](a); }", errors: errors(1) },
    // names hidden behind pure string computations are evaluated
    { filename: AI, code: "export function f(deps: any) { deps['wolfkroWevorppa'.split('').reverse().join('')](); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any) { deps[atob('YXBwcm92ZVdvcmtmbG93')](); deps[Buffer.from('cGVyc2lzdFJ1bkFydGlmYWN0', 'base64').toString()](); }", errors: errors(2) },
    { filename: AI, code: "export function f(deps: any) { deps[String.fromCharCode(97, 112, 112, 114, 111, 118, 101) + 'Workflow'](); deps[decodeURIComponent('%61pproveWorkflow')](); }", errors: errors(2) },
    { filename: AI, code: "export function f(deps: any) { deps['XXapproveXorkflow'.slice(2).replace('X', 'W')](); deps['TRANSITION'.toLowerCase() + 'Workflow'](); }", errors: errors(2) },
    { filename: AI, code: "const name = () => 'generate' + 'Toolpaths'; export function f(deps: any) { deps[name()](); }", errors: errors(1) },
    { filename: AI, code: "await fetch('evorppa/wolfkrow/ipa/'.split('').reverse().join(''));", errors: errors(1) },
    // values taken from an injected object without their name: enumeration, Map, Proxy, renaming copies
    { filename: AI, code: "export function f(deps: any) { for (const fn of Object.values(deps)) (fn as any)(); Object.values(deps).forEach((g: any) => g()); }", errors: errors(2) },
    { filename: AI, code: "export function f(deps: any) { for (const [, fn] of Object.entries(deps)) (fn as any)(); [...Object.values(deps)][0](); Object.values(deps).find(Boolean)(); }", errors: errors(3) },
    { filename: AI, code: "export function f(deps: any, k: string) { const m = new Map(Object.entries(deps)); (m.get(k) as any)(); const fns = Object.keys(deps).map((n) => deps[n]); fns[0](); }", errors: errors(2) },
    { filename: AI, code: "export function f(deps: any) { new Proxy(deps, { get: (t, k) => t['a' + String(k)] }).pproveWorkflow(); Object.fromEntries(Object.entries(deps).map(([k, v]) => [k.slice(1), v])).pproveWorkflow(); }", errors: errors(2) },
    { filename: AI, code: "let table: any = { a: () => 1 }; export function f(deps: any, k: string) { Object.assign(table, deps); table[k](); }", errors: errors(1) },
    // what a workspace function returns or yields, promise callbacks, prototype methods called on enumerated values
    { filename: AI, code: "function pick(d: any, k: string) { return d[k]; } export function f(deps: any) { pick(deps, 'approve' + 'Workflow')(); }", errors: errors(2) },
    { filename: AI, code: "function* all(d: any) { yield* Object.values(d); } export function f(deps: any) { for (const fn of all(deps)) (fn as any)(); }", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any) { Array.prototype.forEach.call(Object.values(deps), (g: any) => g()); Promise.resolve(Object.values(deps)).then((v) => v[0]()); }", errors: errors(2) },
    // navigating to an endpoint is requesting it; so is importing it
    { filename: AI, code: "location.href = '/api/workflow/approve'; form.action = '/api/rmos/toolpaths'; window.location = `/api/workflow/sessions/${id}/transition` as any;", errors: errors(3) },
    { filename: AI, code: "await import('http://h/api/rmos/toolpaths');", errors: errors(1) },
    // a constant key changed after its declaration
    { filename: AI, code: "const K = { k: 'evaluate' }; K.k = 'approveWorkflow'; const L = ['evaluate']; L[0] = 'transitionWorkflow'; export function f(deps: any) { deps[K.k](); deps[L[0]](); }", errors: errors(2) },
    // code compiled from data
    { filename: AI, code: 'export const f = (bytes: Uint8Array) => [WebAssembly.instantiate(bytes, {}), new WebAssembly.Module(bytes)];', errors: errors(2) },
    { filename: AI, code: "new Worker('data:text/javascript,1'); new SharedWorker(u);", errors: errors(2) },
    { filename: AI, code: "const { constructor: F } = () => {}; F('return 1')();", errors: errors(1) },
    // a name TypeScript only declares is the global at run time
    { filename: AI, code: 'declare const approveWorkflow: any; approveWorkflow(); declare function transitionWorkflow(): void; transitionWorkflow(); declare const eval2: any;', errors: errors(2) },
    { filename: AI, code: "declare global { const persistRunArtifact: (a: unknown) => void; } persistRunArtifact({}); export {};", errors: errors(1) },
    // URL bases and what a URL parser reads as a slash
    { filename: AI, code: "await fetch(new URL('approve', 'http://h/api/workflow/')); await fetch('/api/workflow\\\\approve'); await fetch('/api/rmos/tool\\tpaths');", errors: errors(3) },
    // destructuring: nested, defaults, parameters
    { filename: AI, code: 'export function f(deps: any) { const { approveWorkflow } = deps; approveWorkflow(s); }', errors: errors(2) },
    { filename: AI, code: 'export function f({ wf: { transitionWorkflow: t = () => 0 } }: any) { t(); }', errors: errors(2) },
    { filename: AI, code: "export function f(deps: any) { const { ['approve' + 'Workflow']: a } = deps; a(); }", errors: errors(2) },
    { filename: AI, code: 'export const f = ({ approveWorkflow }: any) => 0;', errors: errors(1) },
    // re-assignment chains, call/apply/bind, Reflect, descriptors
    { filename: AI, code: 'export function f(deps: any) { let a; a = deps.approveWorkflow; const b = a; b.call(null, s); }', errors: errors(3) },
    { filename: AI, code: 'export function f(deps: any) { Reflect.apply(deps.approveWorkflow, deps, [s]); }', errors: errors(1) },
    // the read and the call of what it returned
    { filename: AI, code: "export function f(deps: any) { Reflect.get(deps, 'approve' + 'Workflow')(s); }", errors: errors(2) },
    { filename: AI, code: "export function f(deps: any) { Object.getOwnPropertyDescriptor(deps, 'persistRunArtifact')!.value(a); }", errors: errors(1) },
    { filename: AI, code: 'export function f(deps: any) { const g = deps.generateToolpaths.bind(deps); g(); }', errors: errors(2) },
    // copies
    { filename: AI, code: 'export function f(deps: any) { const c = { ...deps }; c.approveWorkflow(); Object.assign({}, deps).transitionWorkflow(); }', errors: errors(2) },
    // a global reference
    { filename: AI, code: 'globalThis.approveWorkflow(s); approveWorkflow(s);', errors: errors(2) },
    // keys that cannot be folded fail closed on a call
    { filename: AI, code: 'export function f(deps: any, k: string) { deps[k](s); }', errors: errors(1) },
    { filename: AI, code: "export function f(deps: any, k: string) { deps['x' + k].call(null); }", errors: errors(1) },
    { filename: AI, code: 'export function f(deps: any, k: string) { Reflect.get(deps, k)(); }', errors: errors(1) },
    { filename: AI, code: 'export function f(deps: any, k: string) { Object.getOwnPropertyDescriptor(deps, k)!.value(); const d = Reflect.getOwnPropertyDescriptor(deps, k)!; d.get!(); }', errors: errors(2) },
    // the zones advisory code imports (shared, the RMOS public API) hold no wrapper that would do for it what it may not do itself
    { filename: HASHING, code: "export const post = (u: string) => fetch(u, { method: 'POST' }); export const run = (code: string) => eval(code); export const call = (o: any, k: string) => o[k]();", errors: errors(3) },
    { filename: CONTRACTS, code: "export const approve = (api: any, id: string) => api.post('/api/workflow/approve', { session_id: id }); export const make = (body: string) => new Function(body);", errors: errors(2) },
    // with statements fail closed
    { filename: `${GRAPHICS.replace(/\.ts$/, '.cjs')}`, code: 'with (deps) { approveWorkflow(s); }', languageOptions: { sourceType: 'script', parser: undefined } as never, errors: errors(2) },
    // authority endpoints, through every client form
    { filename: AI, code: "await fetch('/api/workflow/approve', { method: 'POST' });", errors: errors(1) },
    { filename: AI, code: "await globalThis.fetch('http://127.0.0.1:3000' + '/api/workflow/approve');", errors: errors(1) },
    { filename: AI, code: 'export const go = (id: string) => fetch(`/api/workflow/sessions/${id}/transition`, { method: "POST" });', errors: errors(1) },
    { filename: AI, code: "const base = process.env.API; await fetch(`${base}/api/rmos/toolpaths?x=1`);", errors: errors(1) },
    { filename: AI, code: "const P = '/api/rmos/' + 'toolpaths'; const r = new Request(P); const u = new URL(P, 'http://x');", errors: errors(2) },
    { filename: AI, code: "import http from 'node:http'; http.request({ host: 'x', path: '/api/workflow/approve', method: 'POST' });", errors: errors(1) },
    { filename: AI, code: "import https from 'https'; https.get('https://h/api/rmos/toolpaths');", errors: errors(1) },
    { filename: AI, code: "const x = new XMLHttpRequest(); x.open('POST', '/api/workflow/approve');", errors: errors(1) },
    { filename: AI, code: "export const f = (api: any) => api.post('/api/workflow/approve', { session_id: 1 });", errors: errors(1) },
    { filename: AI, code: "export const f = (api: any) => api.request({ url: '/api/workflow/sessions/abc/transition', method: 'POST' });", errors: errors(1) },
    { filename: AI, code: "import axios from 'axios'; await axios({ url: '/api/rmos/toolpaths' });", errors: errors(1) },
    { filename: AI, code: "await fetch('/api/workflow/%61pprove');", errors: errors(1) },
    // an escaped ? is path text, not a query: the dot segment after it still leads to the endpoint
    { filename: AI, code: "await fetch('/api/ai%3F/../workflow/approve', { method: 'POST' });", errors: errors(1) },
    // an app handing advisory code an authority function, under another name: itself, a wrapper, a function declared apart, a member set later
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; import { persistRunArtifact } from '@luthier/rmos-runs'; import { generateToolpaths } from '@luthier/rmos-toolpaths'; function gen(x: any) { return generateToolpaths(x); } const ports: any = { feasibility: null }; ports.gen = gen; export const f = (r: any, store: any) => [proposeDesignChanges(r, { approve: approveWorkflow } as any), proposeDesignChanges(r, { save: (x: any) => persistRunArtifact(store, x) } as any), proposeDesignChanges(r, ports)];", errors: errors(3) },
    // an app handing one inside a container: a Map set later or built from entries, a WeakRef, a Set added to, a member set by Reflect.set (a folded or an unknown key)
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; export const f = (r: any) => { const m = new Map<string, any>(); m.set('a', approveWorkflow); const o: any = {}; Reflect.set(o, 'k', approveWorkflow); return [proposeDesignChanges(r, m as any), proposeDesignChanges(r, new WeakRef(approveWorkflow) as any), proposeDesignChanges(r, o)]; };", errors: errors(3) },
    { filename: API, code: "import { proposeDesignChanges } from '@luthier/experimental-ai'; import { approveWorkflow } from '@luthier/rmos-workflow'; import { persistRunArtifact } from '@luthier/rmos-runs'; export const f = (r: any, k: string) => { const p: any = structuredClone({}); Reflect.set(p, k, (x: any) => persistRunArtifact(null as any, x)); const s = new Set<any>(); s.add(approveWorkflow); return [proposeDesignChanges(r, new Map([['a', approveWorkflow]]) as any), proposeDesignChanges(r, { m: new Set([(x: any) => approveWorkflow(x)]) } as any), proposeDesignChanges(r, p), proposeDesignChanges(r, { s } as any)]; };", errors: errors(4) },
    // an app putting an authority function where every module reaches it: the global object, process, through a wrapper or a descriptor
    { filename: API, code: "import { persistRunArtifact } from '@luthier/rmos-runs'; import { approveWorkflow } from '@luthier/rmos-workflow'; (globalThis as any).save = persistRunArtifact; (process as any).ok = approveWorkflow; Object.defineProperty(globalThis, 'ok2', { value: (x: any) => approveWorkflow(x) }); Object.assign(globalThis, { ok3: approveWorkflow }); Reflect.set(globalThis, 'ok4', approveWorkflow);", errors: errors(5) },
    // outside the zones that get every check, code run from text is still refused (the write-path and import checks cannot follow it)
    { filename: API, code: "import vm from 'node:vm'; import { Worker } from 'node:worker_threads'; export const f = (s: string) => [eval(s), new Function(s), vm.runInThisContext(s), new vm.Script(s), new Worker(s, { eval: true }), new Worker('data:text/javascript,1')];", errors: errors(6) },
    { filename: WORKFLOW, code: "export const f = (s: string) => [(() => 0).constructor(s), (globalThis as any)['ev' + 'al'](s)];", errors: errors(2) },
    { filename: TOOLING, code: "import { compileFunction } from 'node:vm'; export const f = (s: string) => compileFunction(s);", errors: errors(1) },
    // a request function handed to what calls it with values the check does not follow; spread arguments, read when literal
    { filename: AI, code: "const args = ['/api/workflow/approve', { method: 'POST' }] as const; export const f = (urls: string[], more: any[]) => [Promise.resolve('/api/workflow/approve').then(fetch), urls.map(fetch as any), setTimeout(fetch, 0, '/api/rmos/toolpaths'), fetch(...args), fetch(...more)];", errors: errors(5) },
    // a function handed in, whose code cannot be seen, given an authority endpoint's URL (a parameter, a member, this.…, destructured, a call's answer)
    { filename: AI, code: "export const f = (get: typeof fetch, id: string) => [get('/api/workflow/approve', { method: 'POST' }), get(`/api/workflow/sessions/${id}/transition`)];", errors: errors(2) },
    { filename: AI, code: "export const f = (deps: any) => { const { send2 } = deps; return [deps.http.send2('/api/rmos/toolpaths'), send2('/api/workflow/approve'), deps.client().go('/api/workflow/approve'), new deps.Client('/api/rmos/toolpaths')]; };", errors: errors(4) },
    { filename: AI, code: "export class X { constructor(private http: any) {} go() { return this.http.go('/api/workflow/approve'); } }", errors: errors(1) },
    // a URL unknown from its start may be any endpoint; an unknown part where an endpoint's path is fixed may complete it (fail closed)
    { filename: AI, code: "import http from 'node:http'; export const f = (u: string, p: string) => [fetch(u), new Request(u), navigator.sendBeacon(u, '{}'), http.get(u), fetch(Object.assign(new URL('http://h'), { pathname: p }))];", errors: errors(5) },
    { filename: AI, code: "export const f = (x: string, b: string) => [fetch(`/api/${x}`, { method: 'POST' }), fetch('/api/workflow/' + x), fetch('/api/rmos/tool' + x), fetch(`/api/${x}/approve`), fetch(`${b}/${x}`), fetch(`http://h/${x}`)];", errors: errors(6) },
    { filename: AI, code: "import http from 'node:http'; import http2 from 'node:http2'; export const f = (p: string) => [http.request({ host: 'h', path: p, method: 'POST' }), http2.connect('http://h').request({ ':path': p, ':method': 'POST' })];", errors: errors(2) },
    { filename: AI, code: "const a: string[] = []; a.push('/api/workflow/approve'); fetch(a[0]!); fetch(['api', 'workflow', 'approve'].map((s) => '/' + s).join(''));", errors: errors(2) },
    // eval, Function, string timers
    { filename: AI, code: "eval('1 + 1');", errors: errors(1) },
    { filename: AI, code: "globalThis.eval('1'); window['ev' + 'al']('2');", errors: errors(2) },
    { filename: AI, code: "(0, eval)('1');", errors: errors(2) },
    { filename: AI, code: "Reflect.get(globalThis, 'ev' + 'al')('1');", errors: errors(1) },
    { filename: AI, code: "export function f(deps: any) { const fn = deps[String(Math.random())]; fn(); const g = deps[Symbol.iterator].bind(deps); g(); }", errors: errors(3) },
    { filename: AI, code: "await fetch('/API/Workflow/./approve'); await fetch('/api/rmos/x/../toolpaths');", errors: errors(2) },
    { filename: AI, code: "const ep = ['/api', 'workflow', 'approve'].join('/'); await fetch(new URL(ep, location.origin));", errors: errors(2) },
    { filename: AI, code: "const e = eval; e('1');", errors: errors(2) },
    { filename: AI, code: "const { eval: e } = globalThis; e('1');", errors: errors(2) },
    { filename: AI, code: "new Function('return 1')(); Function('return 2')();", errors: errors(2) },
    { filename: AI, code: "(() => {}).constructor('return 1')(); const F = Object.getPrototypeOf(async function () {}).constructor; new F('x');", errors: errors(2) },
    { filename: AI, code: 'export const run = (code: string) => setTimeout(code, 1);', errors: errors(1) },
    { filename: AI, code: "setTimeout('doIt()', 10); setInterval(`x${1}`, 5); globalThis.setTimeout('y');", errors: errors(3) },
  ],
});

// names imported from other workspace files: real files in a throw-away workspace
const root = makeWorkspace({
  'libs/experimental/ai/src/run.ts': "export function run(g: any) { g(); }\nexport function later(g: any) { setTimeout(g, 1); }\nexport function pass(g: any) { run(g); }\nexport const rest = (...fs: any[]) => fs[0]();\nexport function show(v: unknown) { return String(v); }\nexport function touch(o: any) { o.k = 'approveWorkflow'; }\nexport function deep(o: any) { touch(o); }\nexport function reads(o: any) { return o.k; }\n",
  'libs/experimental/ai/src/reexport.ts': "import { approveWorkflow } from '@luthier/rmos-workflow';\nexport default approveWorkflow;\nexport const g2 = approveWorkflow;\nexport const plain = () => 1;\n",
  'libs/experimental/ai/src/names.ts': "export let L = 'evaluate';\nexport function setL() { L = 'transitionWorkflow'; }\nexport const M = { k: 'evaluate' };\nexport function setM() { M.k = 'approveWorkflow'; }\nexport const arr = ['evaluate'];\nexport function setArr() { arr[0] = 'approveWorkflow'; }\nexport let SAME = 'evaluate';\nexport const FIXED = { k: 'evaluate' };\n",
});
const ai = `${root}/libs/experimental/ai/src/x.ts`;
boundaryTester(root, POLICY).run('boundaries/forbidden-calls (imported names)', asEslintRule(forbiddenCallsRule), {
  valid: [
    { filename: ai, code: "import { SAME, FIXED } from './names.js'; export function f(deps: any) { deps[SAME](); deps[FIXED.k](); }" },
    // data read by a computed key handed to a function that does not call it; plain functions handed to one that does
    // plain exports of a workspace module reached through its namespace (static, awaited, destructured, in a then callback)
    { filename: ai, code: "import * as m from './reexport.js'; const n = await import('./reexport.js'); const { plain } = await import('./reexport.js'); export const a = [m.plain(), n.plain(), plain(), (await import('./names.js')).SAME]; import('./reexport.js').then((x) => x.plain());" },
    { filename: ai, code: "import { show, run } from './run.js'; export function f(rec: Record<string, number>, k: string) { show(rec[k]); run(() => 1); }" },
    // another module's exported literals read, copied, and copies changed
    // another module's exported literals handed to functions that only read them, or change a copy
    { filename: ai, code: "import { FIXED, arr } from './names.js'; import { reads, show } from './run.js'; function local(o: any) { return o.k + String(o.list?.length); } function copy(o: any) { const c = { ...o }; c.k = 'x'; return c; } export const r = [reads(FIXED), show(arr), local(FIXED), copy(FIXED)];" },
    { filename: ai, code: "import { FIXED, arr } from './names.js'; export function f() { const c = { ...FIXED }; c.k = 'x'; const a = [...arr]; a.reverse(); const s = arr.slice(); s.push('y'); return [FIXED.k, arr.at(0), arr.slice().sort(), c, a, s]; }" },
  ],
  invalid: [
    // a workspace module exporting an authority function under another name, reached through its namespace: import * as, await import (kept, destructured, inline), a then callback
    { filename: ai, code: "import * as m from './reexport.js'; m.g2(); m.default(); const n = await import('./reexport.js'); n.default(); const { g2, default: d } = await import('./reexport.js'); g2(); d(); (await import('./reexport.js')).g2(); import('./reexport.js').then((x) => x.default());", errors: errors(7) },
    // a live binding its module writes again, and literals its module changes: no constant here (fail closed)
    // a function read by a computed key handed to a function of another file that calls it (directly, by a timer, through another wrapper, as a rest element)
    { filename: ai, code: "import { run, later, pass, rest } from './run.js'; export function f(deps: any, k: string) { run(deps[k]); later(deps[k]); pass(deps[k]); rest(deps[k]); }", errors: errors(4) },
    { filename: ai, code: "import { L, M, arr } from './names.js'; export function f(deps: any) { deps[L](); deps[M.k](); deps[arr[0]!](); }", errors: errors(3) },
    // changing a literal another module exports changes every importer's constant, which their checks cannot see:
    // a member set (also nested, through a const alias or a cast), a mutating method, Object.assign
    // ... or handed to a function that changes what it is handed: of another file (directly or through another), of this file, through an alias or a destructured parameter
    { filename: ai, code: "import { FIXED, arr } from './names.js'; import { touch, deep } from './run.js'; function local(o: any) { o.sub = 1; } function viaAlias(o: any) { const q = o; q.k = 'x'; } function destr({ k }: any, list: string[]) { list.reverse(); return k; } export function setup() { touch(FIXED); deep(FIXED); local(FIXED); viaAlias(FIXED); destr({}, arr); }", errors: errors(5) },
    { filename: ai, code: "import { FIXED, arr } from './names.js'; const n = FIXED; export function setup() { FIXED.k = 'approveWorkflow'; n.k = 'x'; (arr as any)[0] = 'approveWorkflow'; arr.reverse(); arr.push('x'); Object.assign(FIXED, { k: 'y' }); }", errors: errors(6) },
  ],
});
