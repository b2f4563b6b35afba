import type { z } from 'zod';
import { CatalogValidationError, formatIssues } from '../errors.js';
import {
  machineSchema,
  machinesFileSchema,
  materialSchema,
  materialsFileSchema,
  toolSchema,
  toolsFileSchema,
  type Machine,
  type Material,
  type Tool,
} from './schemas.js';

export interface Catalogs {
  readonly materials: ReadonlyMap<string, Material>;
  readonly tools: ReadonlyMap<string, Tool>;
  readonly machines: ReadonlyMap<string, Machine>;
  getMaterial(id: string): Material | undefined;
  getTool(id: string): Tool | undefined;
  getMachine(id: string): Machine | undefined;
}

export interface RawCatalogs {
  materials: unknown;
  tools: unknown;
  machines: unknown;
}

/** Validates the three catalog files; throws CatalogValidationError naming the first bad entry. */
export function loadCatalogs(raw: RawCatalogs): Catalogs {
  const materials = parseEntries('materials', raw.materials, materialsFileSchema, 'materials', materialSchema);
  const tools = parseEntries('tools', raw.tools, toolsFileSchema, 'tools', toolSchema);
  const machines = parseEntries('machines', raw.machines, machinesFileSchema, 'machines', machineSchema);
  return Object.freeze({
    materials,
    tools,
    machines,
    getMaterial: (id: string) => materials.get(id),
    getTool: (id: string) => tools.get(id),
    getMachine: (id: string) => machines.get(id),
  });
}

function parseEntries<K extends string, T extends { id: string }>(
  catalog: string,
  file: unknown,
  fileSchema: z.ZodType<Record<K, unknown[]>>,
  key: K,
  entrySchema: z.ZodType<T>,
): ReadonlyMap<string, T> {
  const parsedFile = fileSchema.safeParse(file);
  if (!parsedFile.success) throw new CatalogValidationError(catalog, null, formatIssues(parsedFile.error));
  const entries = new Map<string, T>();
  parsedFile.data[key].forEach((rawEntry, index) => {
    const id = typeof (rawEntry as { id?: unknown })?.id === 'string' ? (rawEntry as { id: string }).id : null;
    const parsed = entrySchema.safeParse(rawEntry);
    if (!parsed.success) throw new CatalogValidationError(catalog, { index, id }, formatIssues(parsed.error));
    if (entries.has(parsed.data.id)) throw new CatalogValidationError(catalog, { index, id }, ['duplicate id']);
    entries.set(parsed.data.id, Object.freeze(parsed.data));
  });
  return entries;
}
