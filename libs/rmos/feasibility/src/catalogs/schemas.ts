import { z } from 'zod';
import { catalogIdSchema } from '@luthier/rmos-contracts';

/** A wood species' cutting figures for carbide router bits. */
export const materialSchema = z
  .strictObject({
    id: catalogIdSchema,
    name: z.string().min(1).max(120),
    feed_mm_per_min: z.number().finite().positive().max(50_000),
    plunge_feed_mm_per_min: z.number().finite().positive().max(50_000),
    rpm_min: z.number().finite().positive().max(100_000),
    rpm_max: z.number().finite().positive().max(100_000),
    max_depth_per_pass_mm: z.number().finite().positive().max(50),
  })
  .refine((m) => m.rpm_min <= m.rpm_max, { message: 'rpm_min must not exceed rpm_max', path: ['rpm_min'] })
  .refine((m) => m.plunge_feed_mm_per_min <= m.feed_mm_per_min, {
    message: 'plunge feed must not exceed the feed',
    path: ['plunge_feed_mm_per_min'],
  });
export type Material = z.infer<typeof materialSchema>;

/** A flat end mill. */
export const toolSchema = z
  .strictObject({
    id: catalogIdSchema,
    name: z.string().min(1).max(120),
    diameter_mm: z.number().finite().positive().max(50),
    flutes: z.number().int().min(1).max(8),
    flute_length_mm: z.number().finite().positive().max(100),
    stickout_mm: z.number().finite().positive().max(200),
    max_rpm: z.number().finite().positive().max(100_000),
    chipload_min_mm: z.number().finite().positive().max(2),
    chipload_max_mm: z.number().finite().positive().max(2),
  })
  .refine((t) => t.chipload_min_mm <= t.chipload_max_mm, {
    message: 'chipload_min_mm must not exceed chipload_max_mm',
    path: ['chipload_min_mm'],
  })
  .refine((t) => t.flute_length_mm <= t.stickout_mm, {
    message: 'the flutes cannot be longer than the stickout',
    path: ['flute_length_mm'],
  });
export type Tool = z.infer<typeof toolSchema>;

export const MACHINE_DIALECTS = ['grbl', 'linuxcnc'] as const;

/** A machine profile. */
export const machineSchema = z.strictObject({
  id: catalogIdSchema,
  name: z.string().min(1).max(120),
  dialect: z.enum(MACHINE_DIALECTS),
  travel_x_mm: z.number().finite().positive().max(10_000),
  travel_y_mm: z.number().finite().positive().max(10_000),
  travel_z_mm: z.number().finite().positive().max(2_000),
  max_feed_mm_per_min: z.number().finite().positive().max(100_000),
  max_rpm: z.number().finite().positive().max(100_000),
  safe_z_mm: z.number().finite().positive().max(200),
});
export type Machine = z.infer<typeof machineSchema>;

export const materialsFileSchema = z.strictObject({ $comment: z.string().optional(), materials: z.array(z.unknown()).min(1) });
export const toolsFileSchema = z.strictObject({ $comment: z.string().optional(), tools: z.array(z.unknown()).min(1) });
export const machinesFileSchema = z.strictObject({ $comment: z.string().optional(), machines: z.array(z.unknown()).min(1) });
