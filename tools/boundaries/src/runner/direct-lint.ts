import { createRequire } from 'node:module';
import type { Linter, Rule, SourceCode } from 'eslint';

/**
 * Runs the boundary rules over one file with ESLint's own parsing and SourceCode, but without its rule runner.
 *
 * ESLint's `Linter.verify` builds a list of traversal steps with code path analysis for every file and dispatches
 * through selector matching; the boundary rules use neither (they listen to plain node types), and over 20,000
 * files that machinery was a fifth of a cold check. Here ESLint still parses (through the configured parser), builds
 * its SourceCode, applies the language options and declares the globals exactly as verify() does; only the walk
 * and the calls of the listeners are this module's, done as ESLint does them (every `parent` set before any rule
 * is created, listeners called in rule order in a depth-first walk over the parser's visitor keys, problems
 * sorted by line and column). A rule whose listeners are not plain node types makes this return null, and the
 * caller runs ESLint itself. test/direct-lint.test.ts holds the two to the same results over whole workspaces.
 *
 * ESLint exports no API for running rules over its SourceCode, so VFile is reached by its file path (as
 * config-array.ts reaches FlatConfigArray); when that fails, `available` is false and verify() does everything.
 */

type VFileClass = new (path: string, body: string, options?: { physicalPath?: string }) => object;
interface JsLanguage {
  parse(file: object, ctx: { languageOptions: Linter.LanguageOptions }): { ok: true } | { ok: false; errors: Array<{ message: string; line: number; column: number }> };
  createSourceCode(file: object, parsed: object, ctx: { languageOptions: Linter.LanguageOptions }): SourceCode & {
    applyLanguageOptions?(options: Linter.LanguageOptions): void;
    finalize?(): void;
  };
}
interface ResolvedConfig {
  language: JsLanguage;
  languageOptions: Linter.LanguageOptions;
  settings?: Record<string, unknown>;
  rules?: Record<string, unknown>;
  getRuleDefinition?(ruleId: string): Rule.RuleModule | undefined;
}

let VFile: VFileClass | null | undefined;
function vfileClass(): VFileClass | null {
  if (VFile === undefined) {
    try {
      const require = createRequire(import.meta.url);
      VFile = (require('../../../../node_modules/eslint/lib/linter/vfile.js') as { VFile: VFileClass }).VFile;
    } catch {
      VFile = null;
    }
  }
  return VFile;
}

const PLAIN_NODE_TYPE = /^[A-Z][A-Za-z]*$/;

export interface DirectResult {
  messages: Linter.LintMessage[];
  sourceCode: SourceCode | null;
}

/** One file's messages as Linter.verify would give them for these rules; null when this runner cannot take the file. */
export function lintDirect(text: string, filename: string, config: ResolvedConfig): DirectResult | null {
  const VFileCtor = vfileClass();
  if (!VFileCtor || !config.language?.parse || !config.languageOptions || typeof config.getRuleDefinition !== 'function') return null;
  const languageOptions = config.languageOptions;
  const file = new VFileCtor(filename, text, { physicalPath: filename });
  const parsed = config.language.parse(file, { languageOptions });
  if (!parsed.ok)
    return {
      messages: parsed.errors.map((e) => ({ ruleId: null, fatal: true, severity: 2, message: `Parsing error: ${e.message}`, line: e.line, column: e.column })) as Linter.LintMessage[],
      sourceCode: null,
    };
  const sourceCode = config.language.createSourceCode(file, parsed, { languageOptions });
  sourceCode.applyLanguageOptions?.(languageOptions);
  sourceCode.finalize?.();

  // every node's parent, before any rule runs (ESLint sets them all in its first pass), and the walk order
  const visitorKeys = sourceCode.visitorKeys as Record<string, readonly string[]>;
  const order: Array<{ type: string }> = [];
  const stack: Array<[Record<string, unknown>, unknown]> = [[sourceCode.ast as unknown as Record<string, unknown>, null]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    node.parent = parent;
    order.push(node as unknown as { type: string });
    const keys = visitorKeys[node.type as string] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = node[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const c = child[i] as Record<string, unknown> | null;
          if (c && typeof c.type === 'string') stack.push([c, node]);
        }
      } else if (child && typeof (child as { type?: unknown }).type === 'string') stack.push([child as Record<string, unknown>, node]);
    }
  }

  const messages: Linter.LintMessage[] = [];
  const listeners = new Map<string, Array<(node: unknown) => void>>();
  for (const ruleId of Object.keys(config.rules ?? {})) {
    const severity = severityOf(config.rules![ruleId]);
    if (severity === 0) continue;
    const rule = config.getRuleDefinition(ruleId);
    if (!rule) return null;
    const templates = (rule.meta?.messages ?? {}) as Record<string, string>;
    const context = {
      id: ruleId,
      filename,
      physicalFilename: filename,
      cwd: process.cwd(),
      sourceCode,
      settings: config.settings ?? {},
      languageOptions,
      options: [],
      report(descriptor: Rule.ReportDescriptor & { messageId?: string; data?: Record<string, unknown>; loc?: { start: { line: number; column: number }; end?: { line: number; column: number } } }) {
        const template = descriptor.messageId ? templates[descriptor.messageId] : (descriptor as { message?: string }).message;
        if (template === undefined) throw new TypeError(`context.report() called with an unknown messageId '${descriptor.messageId}'`);
        const loc = (descriptor.loc && 'start' in descriptor.loc ? descriptor.loc : null) ?? sourceCode.getLoc((descriptor as { node?: unknown }).node as never);
        messages.push({
          ruleId,
          severity,
          message: interpolate(template, descriptor.data),
          line: loc.start.line,
          column: loc.start.column + 1,
          ...(descriptor.messageId ? { messageId: descriptor.messageId } : {}),
          ...(loc.end ? { endLine: loc.end.line, endColumn: loc.end.column + 1 } : {}),
        } as Linter.LintMessage);
      },
    };
    const ruleListeners = rule.create(context as unknown as Rule.RuleContext) as Record<string, (node: unknown) => void>;
    for (const [selector, fn] of Object.entries(ruleListeners)) {
      if (!PLAIN_NODE_TYPE.test(selector)) return null; // a selector or an :exit listener: ESLint's runner takes the file
      let list = listeners.get(selector);
      if (!list) listeners.set(selector, (list = []));
      list.push(fn);
    }
  }
  if (listeners.size > 0)
    for (const node of order) {
      const list = listeners.get(node.type);
      if (list) for (const fn of list) fn(node);
    }
  messages.sort((a, b) => a.line - b.line || a.column - b.column);
  return { messages, sourceCode };
}

function severityOf(setting: unknown): 0 | 1 | 2 {
  const value = Array.isArray(setting) ? setting[0] : setting;
  if (value === 'error' || value === 2) return 2;
  if (value === 'warn' || value === 1) return 1;
  return 0;
}

/** ESLint's message interpolation: `{{ name }}` from data, unknown names left as written. */
function interpolate(text: string, data: Record<string, unknown> | undefined): string {
  if (!data) return text;
  return text.replace(/\{\{([^{}]+)\}\}/gu, (whole, term: string) => {
    const name = term.trim();
    return name in data ? String(data[name]) : whole;
  });
}
