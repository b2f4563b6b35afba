import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Env } from '../analysis/env.js';
import type { FileContext } from './context.js';

/** The structured part of every boundary report: also spelled out in the message text. */
export interface Violation {
  rule: string;
  /** e.g. "zone:advisory -> zone:authoritative" */
  zones: string;
  /** e.g. "SECURITY.md#zone-advisory" */
  securityRef: string;
  allowedWay: string;
  /** what is wrong, in one sentence */
  what: string;
}

export const MESSAGES = { violation: '{{message}}' } as const;

export function messageOf(v: Violation): string {
  return `${v.what}. Zones: ${v.zones}. Allowed: ${v.allowedWay} [${v.securityRef}]`;
}

type Ctx = Readonly<TSESLint.RuleContext<'violation', []>>;

/** Reports once per node and message (several paths may reach the same reference). */
export function reporter(context: Ctx) {
  const done = new Set<string>();
  return (node: TSESTree.Node | TSESTree.Comment, v: Violation) => {
    const message = messageOf(v);
    const key = `${node.range[0]}:${node.range[1]}:${message}`;
    if (done.has(key)) return;
    done.add(key);
    const data = { message, rule: v.rule, zones: v.zones, securityRef: v.securityRef, allowedWay: v.allowedWay };
    if ('type' in node && (node.type === 'Line' || node.type === 'Block')) context.report({ loc: node.loc, messageId: 'violation', data });
    else {
      // the location from the range: the boundary parser leaves per-node `loc` out (only reported nodes need one)
      const loc = { start: context.sourceCode.getLocFromIndex(node.range[0]), end: context.sourceCode.getLocFromIndex(node.range[1]) };
      context.report({ node: node as TSESTree.Node, loc, messageId: 'violation', data });
    }
  };
}

export function envFor(context: Ctx, fc: FileContext): Env {
  const sourceCode = context.sourceCode;
  return {
    file: fc.file,
    recordFor: fc.file,
    getScope: (node) => sourceCode.getScope(node as TSESTree.Node),
    ws: fc.ws,
    policy: fc.policy,
    fileDepth: 0,
    run: sourceCode,
  };
}

export const zoneTag = (zone: string | null) => (zone ? `zone:${zone}` : 'no zone');
