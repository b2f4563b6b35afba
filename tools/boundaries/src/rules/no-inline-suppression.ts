import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findWaiver } from '../policy/waivers.js';
import { complianceRef, fileContext } from './context.js';
import { MESSAGES, reporter, zoneTag } from './report.js';

const RULE = 'boundaries/no-inline-suppression';
const BOUNDARY_RULES = ['boundaries/imports', 'boundaries/forbidden-calls', 'boundaries/write-paths', RULE];

export interface Directive {
  kind: string;
  /** rules named by the directive; empty means every rule */
  rules: string[];
  /** for a config comment (`/* eslint rule: off *\/`), the rules it turns anything but on */
  config: boolean;
}

/**
 * Reads an ESLint directive out of a comment the way ESLint would, but forgiving
 * case and spacing (so that a near-miss cannot pass unnoticed): eslint-disable,
 * eslint-disable-line, eslint-disable-next-line, eslint-enable and `eslint rule: value`.
 */
export function parseDirective(comment: string): Directive | null {
  // JSDoc-style leading stars and any whitespace, including unusual spaces
  const body = comment.replace(/^[\s*\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]+/u, '');
  const m = /^eslint(?:[\s-]*(disable[\s-]*next[\s-]*line|disable[\s-]*line|disable|enable))?(?=$|[\s:,])/iu.exec(body);
  if (!m) return null;
  let rest = body.slice(m[0].length);
  // "-- a reason" ends the rule list
  rest = rest.split(/\s--\s|\s--$/)[0] ?? '';
  if (m[1]) {
    const rules = rest
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    return { kind: `eslint-${m[1].toLowerCase().replace(/[\s-]+/g, '-')}`, rules, config: false };
  }
  // a configuration comment: `eslint boundaries/imports: off, other: 0`
  const rules: string[] = [];
  for (const m2 of rest.matchAll(/["']?([@\w./-]+)["']?\s*:\s*(\[?\s*["']?(\w+))/g)) {
    const value = m2[3]!.toLowerCase();
    if (value !== 'error' && value !== '2') rules.push(m2[1]!);
  }
  return rules.length ? { kind: 'eslint', rules, config: true } : null;
}

function touchesBoundary(rule: string): boolean {
  return /boundar/i.test(rule);
}

export const noInlineSuppressionRule: TSESLint.RuleModule<'violation', []> = {
  meta: {
    type: 'problem',
    docs: { description: 'A boundary rule is never disabled inline; only an unexpired policy waiver exempts a file' },
    messages: MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const fc = fileContext(context);
    if (fc.isWaived(RULE)) return {};
    const report = reporter(context);
    const ref = complianceRef(fc.policy, RULE);
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments() as TSESTree.Comment[]) {
          const d = parseDirective(comment.value);
          if (!d) continue;
          const named = d.rules.filter(touchesBoundary);
          if (d.rules.length > 0 && named.length === 0) continue;
          // the rules this comment would silence: every boundary rule when it names none
          const silenced = named.length ? named : BOUNDARY_RULES;
          const unwaived = silenced.filter((r) => !findWaiver(fc.policy, r, fc.relFile, fc.today));
          if (unwaived.length === 0) continue;
          report(comment, {
            rule: RULE,
            zones: zoneTag(fc.zone),
            securityRef: ref,
            allowedWay: `fix the code, or ask the security team for a waiver in security/boundary-policy.json (rule, file, owner, reason, expires)`,
            what: `the comment "${comment.value.trim().slice(0, 80)}" (${d.kind}) would ${d.kind === 'eslint-enable' ? 'toggle' : 'silence'} ${named.length ? unwaived.join(', ') : 'every boundary rule'}; boundary rules are never switched inline`,
          });
        }
      },
    };
  },
};
