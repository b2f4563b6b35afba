// The catalogs shipped with the library, bundled as JSON modules so that loading them is not I/O at evaluation time.
import materialsFile from '../../catalogs/materials.json' with { type: 'json' };
import toolsFile from '../../catalogs/tools.json' with { type: 'json' };
import machinesFile from '../../catalogs/machines.json' with { type: 'json' };
import { loadCatalogs, type Catalogs } from './load.js';

/** Validated at import: a malformed data file stops the library from loading at all (fail closed). */
export const catalogs: Catalogs = loadCatalogs({ materials: materialsFile, tools: toolsFile, machines: machinesFile });

/** The catalog data as hashed into the engine registry (catalogs_sha256). */
export function catalogData(c: Catalogs = catalogs) {
  return {
    materials: [...c.materials.values()],
    tools: [...c.tools.values()],
    machines: [...c.machines.values()],
  };
}
