import { z } from 'zod';

/** Patterns a rosette ring can be inlaid with; each has its own heat factor in feasibility. */
export const RING_PATTERNS = ['herringbone', 'spiral', 'hexagonal', 'radial', 'solid'] as const;
export const ringPatternSchema = z.enum(RING_PATTERNS);
export type RingPattern = z.infer<typeof ringPatternSchema>;

/** Catalog ids are plain slugs; an unknown id is not a schema error but a RED feasibility verdict. */
export const catalogIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'a catalog id is a lower-case slug');

/**
 * One ring: an annular channel centred on `radial_position_mm` (from the rosette
 * centre), `width_mm` wide and `depth_mm` deep.
 */
export const ringSchema = z.strictObject({
  radial_position_mm: z.number().finite().min(0.5).max(200),
  width_mm: z.number().finite().min(0.1).max(50),
  depth_mm: z.number().finite().min(0.05).max(20),
  pattern: ringPatternSchema,
});
export type Ring = z.infer<typeof ringSchema>;

export const MAX_RINGS = 64;

export const rosetteDesignSchema = z
  .strictObject({
    outer_diameter_mm: z.number().finite().min(5).max(400),
    inner_diameter_mm: z.number().finite().min(0).max(400),
    rings: z.array(ringSchema).min(1).max(MAX_RINGS),
  })
  .superRefine((design, ctx) => {
    if (design.inner_diameter_mm >= design.outer_diameter_mm) {
      ctx.addIssue({ code: 'custom', path: ['inner_diameter_mm'], message: 'inner diameter must be smaller than outer diameter' });
    }
    design.rings.forEach((ring, i) => {
      const inner = ring.radial_position_mm - ring.width_mm / 2;
      const outer = ring.radial_position_mm + ring.width_mm / 2;
      if (inner < design.inner_diameter_mm / 2 || outer > design.outer_diameter_mm / 2) {
        ctx.addIssue({ code: 'custom', path: ['rings', i], message: 'ring channel must lie between the inner and outer diameter' });
      }
    });
  });
export type RosetteDesign = z.infer<typeof rosetteDesignSchema>;

/** What the design is cut from, with what, on which machine. */
export const manufacturingContextSchema = z.strictObject({
  material_id: catalogIdSchema,
  tool_id: catalogIdSchema,
  machine_profile_id: catalogIdSchema,
});
export type ManufacturingContext = z.infer<typeof manufacturingContextSchema>;

/** The body of feasibility and session-open requests. */
export const designRequestSchema = z.strictObject({
  design: rosetteDesignSchema,
  context: manufacturingContextSchema,
});
export type DesignRequest = z.infer<typeof designRequestSchema>;
