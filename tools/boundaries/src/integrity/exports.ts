import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import type { Workspace } from '../workspace/projects.js';
import { takeDependencies } from '../workspace/dependency-log.js';
import { resolveSpecifier } from '../workspace/resolve.js';

export interface ExportScan {
  /** value names exported by the entry (functions with a body, initialised variables), following re-exports */
  names: Set<string>;
  /** every absolute file read on the way (their hashes key the memo) */
  files: Set<string>;
}

let tsModule: typeof TS | undefined;
/**
 * The TypeScript compiler, loaded only when a scan actually runs (the memoised result usually spares it), and
 * through require: importing its 9 MB CommonJS file as ESM costs over a second of export detection.
 */
function typescript(): typeof TS {
  return (tsModule ??= createRequire(import.meta.url)('typescript') as typeof TS);
}

/**
 * The runtime values a module exports, following `export … from` and `export *` through the workspace.
 * Parsed with the TypeScript compiler, so comments and strings never count as exports;
 * declarations without a body (`declare`, overload signatures, types) export no authority.
 */
export function scanExports(ws: Workspace, entry: string): ExportScan {
  const ts = typescript();
  const hasModifier = (node: TS.Node, kind: TS.SyntaxKind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
  const files = new Set<string>();
  const memo = new Map<string, Set<string>>();

  const exportsOf = (file: string): Set<string> => {
    const done = memo.get(file);
    if (done) return done;
    const names = new Set<string>();
    memo.set(file, names); // cycles terminate with what is known so far
    files.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return names;
    }
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const local = new Set<string>();
    for (const st of sf.statements) {
      if (hasModifier(st, ts.SyntaxKind.DeclareKeyword)) continue;
      if (ts.isFunctionDeclaration(st) && st.name && st.body) local.add(st.name.text);
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) local.add(d.name.text);
      if (ts.isImportDeclaration(st) && st.importClause && !st.importClause.isTypeOnly && ts.isStringLiteral(st.moduleSpecifier)) {
        const bindings = st.importClause.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          const target = resolve(file, st.moduleSpecifier.text);
          const theirs = target ? exportsOf(target) : new Set<string>();
          for (const el of bindings.elements) if (!el.isTypeOnly && theirs.has((el.propertyName ?? el.name).text)) local.add(el.name.text);
        }
      }
    }
    for (const st of sf.statements) {
      if ((ts.isFunctionDeclaration(st) || ts.isVariableStatement(st)) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
        if (ts.isFunctionDeclaration(st) && st.name && local.has(st.name.text)) names.add(st.name.text);
        if (ts.isVariableStatement(st))
          for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && local.has(d.name.text)) names.add(d.name.text);
      }
      if (!ts.isExportDeclaration(st) || st.isTypeOnly) continue;
      const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      const target = from ? resolve(file, from) : null;
      const source = from ? (target ? exportsOf(target) : new Set<string>()) : local;
      if (!st.exportClause) source.forEach((n) => names.add(n));
      else if (ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements) if (!el.isTypeOnly && source.has((el.propertyName ?? el.name).text)) names.add(el.name.text);
    }
    return names;
  };

  const resolve = (fromFile: string, specifier: string): string | null => {
    const r = resolveSpecifier(ws, fromFile, specifier);
    // every candidate the resolver probed: a re-export target appearing later must invalidate the memo
    takeDependencies(fromFile).forEach((probed) => files.add(probed));
    return r.kind === 'project' && r.file ? r.file : null;
  };

  return { names: exportsOf(entry), files };
}
