import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Policy } from '../policy/schema.js';
import { hashBytes } from '../runner/hash.js';
import type { Violation } from '../runner/types.js';

export const RULE_DOCS_BASE = 'https://github.com/luthier/toolbox/blob/main/tools/boundaries/docs/rules';

const RULE_DESCRIPTIONS: Record<string, string> = {
  'boundaries/imports': 'A project imports another only through its entry point and only where the zone import matrix allows.',
  'boundaries/forbidden-calls': 'The advisory zone calls no authority function or endpoint, no eval or new Function, and loads no forbidden module.',
  'boundaries/write-paths': 'Only the owning library writes under a protected path of the data root.',
  'boundaries/no-inline-suppression': 'A boundary rule is never disabled inline; only an unexpired policy waiver exempts.',
  'boundaries/integrity': 'The check proves something: zones match files, projects carry the right zone tag, the policy names real exports, waivers are current, generated docs match the policy.',
  'boundaries/parse-error': 'A file that cannot be parsed cannot be checked, so it fails.',
  'boundaries/internal-error': 'The check crashed on a file, so the file is not proven clean.',
};

/**
 * The fingerprint GitHub uses to track a result across commits: the rule, the file and the normalised source
 * line (or, for messages without a source line, the message), never the line number, so moving code keeps it.
 */
export function fingerprint(v: Violation): string {
  return hashBytes(`${v.rule}\0${v.file}\0${v.context ?? v.message}`).slice(0, 32);
}

/** SARIF 2.1.0 for GitHub code scanning. */
export function formatSarif(violations: readonly Violation[], policy: Policy, toolVersion: string): Log {
  const ruleIds = [...new Set([...Object.keys(RULE_DESCRIPTIONS), ...violations.map((v) => v.rule)])].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => ({
    id,
    name: id.replace(/^boundaries\//, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: RULE_DESCRIPTIONS[id] ?? id },
    helpUri: `${RULE_DOCS_BASE}/${id.replace(/^boundaries\//, '')}.md`,
    defaultConfiguration: { level: 'error' },
  }));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const seen = new Map<string, number>();
  const results: Result[] = violations.map((v) => {
    // identical findings on identical lines of one file still need distinct fingerprints
    const base = fingerprint(v);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      ruleId: v.rule,
      ruleIndex: index.get(v.rule)!,
      level: 'error',
      message: { text: v.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: v.file, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: v.line,
              startColumn: v.column,
              ...(v.endLine ? { endLine: v.endLine } : {}),
              ...(v.endColumn ? { endColumn: v.endColumn } : {}),
            },
          },
        },
      ],
      partialFingerprints: { 'boundaryViolation/v1': n === 0 ? base : `${base}:${n}` },
      properties: {
        policyVersion: policy.version,
        zones: v.zones ?? [],
        securityRef: v.securityRef ?? 'SECURITY.md',
        allowedWay: v.allowedWay ?? '',
      },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'luthier-boundaries',
            informationUri: RULE_DOCS_BASE,
            semanticVersion: toolVersion,
            version: toolVersion,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
        properties: { policyVersion: policy.version },
      },
    ],
  };
}
