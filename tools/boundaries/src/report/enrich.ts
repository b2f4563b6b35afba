import path from 'node:path';
import type { Policy } from '../policy/schema.js';
import { complianceRef } from '../rules/context.js';
import type { Violation } from '../runner/types.js';
import type { Workspace } from '../workspace/projects.js';

/**
 * Fills in each violation's zones, SECURITY.md section and allowed way for the reports, from what the rule's
 * message says and, failing that, from the policy (the file's zone, the compliance item that names the rule).
 */
export function enrichViolation(v: Violation, policy: Policy, ws: Workspace): Violation {
  // the rules end their message with "… Allowed: WAY [SECURITY.md#REF]" and name the zones as zone:ID
  const parts = v.message.match(/Allowed: (.*) \[(SECURITY\.md[^\]]*)\]$/);
  if (parts) v = { ...v, allowedWay: v.allowedWay ?? parts[1]!, securityRef: v.securityRef ?? parts[2]! };
  const zoneIds = policy.zones.map((z) => z.id);
  const fileZone = ws.projectOfFile(path.join(ws.root, v.file))?.zone ?? null;
  const mentioned = [...v.message.matchAll(/zone[: ]([a-z][a-z0-9-]*)/g)].map((m) => m[1]!).filter((id) => zoneIds.includes(id));
  const zones = v.zones ?? [...new Set([...(fileZone ? [fileZone] : []), ...mentioned])];
  const securityRef =
    v.securityRef ?? v.message.match(/SECURITY\.md#[\w-]+/)?.[0] ?? (complianceRef(policy, v.rule) !== 'SECURITY.md' ? complianceRef(policy, v.rule) : undefined) ?? policy.zones.find((z) => z.id === fileZone)?.securityRef ?? 'SECURITY.md';
  const allowedWay = v.allowedWay ?? extractAllowedWay(v.message);
  return { ...v, zones, securityRef, ...(allowedWay ? { allowedWay } : {}) };
}

/** The advice part of a rule message ("… Instead: …", "… allowed way: …", "…; do X instead"). */
export function extractAllowedWay(message: string): string | undefined {
  const m = message.match(/(?:instead|allowed way|the allowed way is|do this instead)\s*[:—-]\s*(.+?)(?:\s*\(see SECURITY\.md[^)]*\))?\.?$/i);
  return m?.[1]?.trim() || undefined;
}
