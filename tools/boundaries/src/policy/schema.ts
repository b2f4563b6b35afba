import { z } from 'zod';

/**
 * The boundary policy: the one place where the security team states the rules.
 * Every check (ESLint rules, dependency-cruiser, the Nx tag check, SECURITY.md)
 * is derived from a policy that passed this schema.
 */
const zoneId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a zone id is lower-case kebab-case');
const nonEmpty = z.string().trim().min(1);
const projectName = z.string().regex(/^@luthier\/[a-z0-9-]+$/, 'a project is named by its @luthier/ package name');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an expiry is a date, YYYY-MM-DD');

export const zoneSchema = z.strictObject({
  id: zoneId,
  tag: z.string().regex(/^zone:[a-z][a-z0-9-]*$/, 'a zone tag looks like zone:NAME'),
  paths: z.array(nonEmpty).min(1),
  description: nonEmpty,
  securityRef: nonEmpty,
});

export const authorityFunctionSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'an authority function is an identifier'),
  definedIn: projectName,
  allowedWay: nonEmpty,
});

export const authorityEndpointSchema = z.strictObject({
  path: z.string().regex(/^\/api\//, 'an authority endpoint is an /api/ path'),
  allowedWay: nonEmpty,
});

export const forbiddenModulesSchema = z.strictObject({
  zone: zoneId,
  modules: z.array(nonEmpty).min(1),
  reason: nonEmpty,
  allowedWay: nonEmpty,
});

/** The packages from outside the workspace a zone may load: any other is code nobody here reviewed (fail closed). */
export const allowedPackagesSchema = z.strictObject({
  zone: zoneId,
  packages: z.array(z.string().regex(/^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/, 'a package is named as npm names it')),
  reason: nonEmpty,
  allowedWay: nonEmpty,
});

export const forbiddenGlobalsSchema = z.strictObject({
  zone: zoneId,
  names: z.array(nonEmpty).min(1),
  reason: nonEmpty,
  allowedWay: nonEmpty,
});

export const protectedPathSchema = z.strictObject({
  pattern: z.string().regex(/^[a-z0-9_-]+\/\*\*$/, 'a protected path is a data-root folder, as NAME/**'),
  writers: z.array(projectName).min(1),
  reason: nonEmpty,
  allowedWay: nonEmpty,
  /**
   * Where the store is a database (the SQLite file, PostgreSQL): the tables that hold this data and the functions
   * their triggers call. The store names its triggers and indexes after their table (run_artifacts_no_update).
   */
  sqlNames: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a SQL name is lower-case letters, digits and _')).min(1).optional(),
});

export const waiverSchema = z.strictObject({
  rule: nonEmpty,
  file: nonEmpty,
  owner: nonEmpty,
  reason: nonEmpty,
  expires: isoDate,
});

export const policySchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'the policy version is semver'),
    owner: nonEmpty,
    dataRoot: z.strictObject({ env: nonEmpty, default: nonEmpty }),
    zones: z.array(zoneSchema).min(1),
    imports: z.record(zoneId, z.array(zoneId)),
    importAdvice: z.record(z.string(), nonEmpty),
    authorityFunctions: z.array(authorityFunctionSchema).min(1),
    authorityEndpoints: z.array(authorityEndpointSchema),
    forbiddenModules: z.array(forbiddenModulesSchema),
    allowedPackages: z.array(allowedPackagesSchema).default([]),
    forbiddenGlobals: z.array(forbiddenGlobalsSchema),
    protectedPaths: z.array(protectedPathSchema),
    sandbox: z.strictObject({
      path: nonEmpty,
      store: projectName,
      zones: z.array(zoneId).min(1),
      reason: nonEmpty,
      allowedWay: nonEmpty,
    }),
    waivers: z.array(waiverSchema),
    invariants: z.array(z.strictObject({ id: z.string().regex(/^I\d+$/), title: nonEmpty, text: nonEmpty })).min(1),
    compliance: z
      .array(
        z.strictObject({
          id: z.string().regex(/^S\d+$/),
          requirement: nonEmpty,
          invariant: z.string().regex(/^I\d+$/),
          enforcedBy: z.array(nonEmpty).min(1),
        }),
      )
      .min(1),
  })
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    policy.zones.forEach((zone, i) => {
      if (ids.has(zone.id)) ctx.addIssue({ code: 'custom', path: ['zones', i, 'id'], message: `duplicate zone ${zone.id}` });
      ids.add(zone.id);
      if (zone.tag !== `zone:${zone.id}`)
        ctx.addIssue({ code: 'custom', path: ['zones', i, 'tag'], message: `zone ${zone.id} must be tagged zone:${zone.id}` });
    });
    const known = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown zone "${id}"` });
    };
    for (const id of ids)
      if (!(id in policy.imports)) ctx.addIssue({ code: 'custom', path: ['imports', id], message: `zone ${id} has no import row` });
    for (const [from, tos] of Object.entries(policy.imports)) {
      known(from, ['imports', from]);
      tos.forEach((to, i) => known(to, ['imports', from, i]));
    }
    policy.forbiddenModules.forEach((f, i) => known(f.zone, ['forbiddenModules', i, 'zone']));
    policy.forbiddenGlobals.forEach((f, i) => known(f.zone, ['forbiddenGlobals', i, 'zone']));
    const listed = new Set<string>();
    policy.allowedPackages.forEach((a, i) => {
      known(a.zone, ['allowedPackages', i, 'zone']);
      if (listed.has(a.zone)) ctx.addIssue({ code: 'custom', path: ['allowedPackages', i, 'zone'], message: `zone ${a.zone} has two package lists` });
      listed.add(a.zone);
    });
    policy.sandbox.zones.forEach((z, i) => known(z, ['sandbox', 'zones', i]));
    const invariants = new Set(policy.invariants.map((inv) => inv.id));
    policy.compliance.forEach((item, i) => {
      if (!invariants.has(item.invariant))
        ctx.addIssue({ code: 'custom', path: ['compliance', i, 'invariant'], message: `unknown invariant ${item.invariant}` });
    });
  });

export type Policy = z.infer<typeof policySchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Waiver = z.infer<typeof waiverSchema>;
