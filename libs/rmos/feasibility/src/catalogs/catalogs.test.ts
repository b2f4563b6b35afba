import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogs, loadCatalogs, CatalogValidationError, catalogData } from '@luthier/rmos-feasibility';

const raw = () => structuredClone(catalogData()) as { materials: Record<string, unknown>[]; tools: Record<string, unknown>[]; machines: Record<string, unknown>[] };
const files = (c = raw()) => ({ materials: { materials: c.materials }, tools: { tools: c.tools }, machines: { machines: c.machines } });

describe('shipped catalogs', () => {
  test('hold the agreed ids', () => {
    assert.deepEqual([...catalogs.materials.keys()].sort(), ['ebony_african', 'mahogany_honduran', 'maple_hard', 'rosewood_east_indian', 'spruce_sitka']);
    assert.deepEqual([...catalogs.tools.keys()].sort(), ['flat_1_5mm', 'flat_1mm', 'flat_2mm', 'flat_3mm', 'flat_6mm']);
    assert.deepEqual([...catalogs.machines.keys()].sort(), ['grbl_hobby_router', 'linuxcnc_router']);
  });
  test('carry the published figures for hard maple and ebony', () => {
    assert.deepEqual(
      (({ feed_mm_per_min, rpm_min, rpm_max, max_depth_per_pass_mm }) => ({ feed_mm_per_min, rpm_min, rpm_max, max_depth_per_pass_mm }))(catalogs.getMaterial('maple_hard')!),
      { feed_mm_per_min: 3000, rpm_min: 14000, rpm_max: 24000, max_depth_per_pass_mm: 8 },
    );
    assert.equal(catalogs.getMaterial('ebony_african')!.max_depth_per_pass_mm, 3);
    assert.equal(catalogs.getTool('flat_1_5mm')!.diameter_mm, 1.5);
    assert.equal(catalogs.getMachine('linuxcnc_router')!.dialect, 'linuxcnc');
  });
  test('an unknown id gives undefined, and entries are frozen', () => {
    assert.equal(catalogs.getMaterial('balsa'), undefined);
    assert.equal(catalogs.getTool('__proto__'), undefined);
    assert.equal(catalogs.getMachine('toString'), undefined);
    assert.throws(() => {
      (catalogs.getTool('flat_3mm') as { diameter_mm: number }).diameter_mm = 1;
    }, TypeError);
  });
});

describe('loadCatalogs refuses bad data with a typed error naming the entry', () => {
  const expectBad = (mutate: (c: ReturnType<typeof raw>) => void, catalog: string, index: number | null, id: string | null, pattern: RegExp) => {
    const c = raw();
    mutate(c);
    assert.throws(
      () => loadCatalogs(files(c)),
      (e: unknown) =>
        e instanceof CatalogValidationError &&
        e.code === 'CATALOG_INVALID' &&
        e.catalog === catalog &&
        (index === null ? e.entry === null : e.entry?.index === index && e.entry.id === id) &&
        pattern.test(e.message),
    );
  };
  test('a negative feed', () => expectBad((c) => (c.materials[3].feed_mm_per_min = -1), 'materials', 3, 'ebony_african', /feed_mm_per_min/));
  test('an inverted rpm range', () => expectBad((c) => (c.materials[0].rpm_min = 30000), 'materials', 0, 'maple_hard', /rpm_min must not exceed/));
  test('an unknown field', () => expectBad((c) => (c.tools[1].coating = 'TiN'), 'tools', 1, 'flat_1_5mm', /coating/));
  test('a missing field', () => expectBad((c) => delete c.tools[4].flutes, 'tools', 4, 'flat_6mm', /flutes/));
  test('an inverted chipload range', () => expectBad((c) => (c.tools[2].chipload_min_mm = 1), 'tools', 2, 'flat_2mm', /chipload/));
  test('a duplicate id', () => expectBad((c) => (c.machines[1].id = 'grbl_hobby_router'), 'machines', 1, 'grbl_hobby_router', /duplicate/));
  test('an unknown dialect', () => expectBad((c) => (c.machines[0].dialect = 'haas'), 'machines', 0, 'grbl_hobby_router', /dialect/));
  test('a non-finite number', () => expectBad((c) => (c.machines[0].max_rpm = Infinity), 'machines', 0, 'grbl_hobby_router', /max_rpm/));
  test('an empty file', () => {
    assert.throws(() => loadCatalogs({ ...files(), tools: { tools: [] } }), (e: unknown) => e instanceof CatalogValidationError && e.catalog === 'tools' && e.entry === null);
  });
  test('the shipped data loads', () => {
    assert.equal(loadCatalogs(files()).getTool('flat_3mm')!.flutes, 2);
  });
});
