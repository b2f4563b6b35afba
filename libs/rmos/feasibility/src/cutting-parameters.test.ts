import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { catalogs, cuttingParameters, type Machine, type Material, type Tool } from '@luthier/rmos-feasibility';

const all = <T>(m: ReadonlyMap<string, T>) => [...m.values()];

test('hard maple, 3 mm cutter, GRBL router: the chosen figures', () => {
  assert.deepEqual(cuttingParameters(catalogs.getMaterial('maple_hard')!, catalogs.getTool('flat_3mm')!, catalogs.getMachine('grbl_hobby_router')!), {
    rpm: 24000,
    feed_mm_per_min: 3000,
    plunge_feed_mm_per_min: 750,
    stepdown_mm: 1.5,
    stepover_mm: 1.2,
  });
});

test('every catalog combination respects the material, tool and machine limits', () => {
  for (const material of all(catalogs.materials))
    for (const tool of all(catalogs.tools))
      for (const machine of all(catalogs.machines)) {
        const p = cuttingParameters(material, tool, machine);
        const label = `${material.id}/${tool.id}/${machine.id}`;
        assert.ok(p.rpm >= material.rpm_min && p.rpm <= material.rpm_max, `${label} rpm in material range`);
        assert.ok(p.rpm <= tool.max_rpm && p.rpm <= machine.max_rpm, `${label} rpm within tool and machine`);
        assert.ok(p.feed_mm_per_min <= material.feed_mm_per_min && p.feed_mm_per_min <= machine.max_feed_mm_per_min, `${label} feed`);
        assert.ok(p.feed_mm_per_min / (p.rpm * tool.flutes) <= tool.chipload_max_mm + 1e-12, `${label} chipload ceiling`);
        assert.ok(p.plunge_feed_mm_per_min <= p.feed_mm_per_min && p.plunge_feed_mm_per_min <= material.plunge_feed_mm_per_min, `${label} plunge`);
        assert.ok(p.stepdown_mm <= material.max_depth_per_pass_mm && p.stepdown_mm <= tool.diameter_mm / 2, `${label} stepdown`);
        assert.ok(p.stepover_mm > 0 && p.stepover_mm <= tool.diameter_mm / 2, `${label} stepover`);
      }
});

test('ebony is cut in shallower passes than maple with the same cutter', () => {
  const tool = catalogs.getTool('flat_6mm')!;
  const machine = catalogs.getMachine('linuxcnc_router')!;
  assert.equal(cuttingParameters(catalogs.getMaterial('ebony_african')!, tool, machine).stepdown_mm, 3);
  assert.ok(cuttingParameters(catalogs.getMaterial('maple_hard')!, tool, machine).feed_mm_per_min > cuttingParameters(catalogs.getMaterial('ebony_african')!, tool, machine).feed_mm_per_min);
});

test('a slow machine caps the feed; a slow spindle caps the rpm', () => {
  const material = catalogs.getMaterial('maple_hard')!;
  const tool = catalogs.getTool('flat_3mm')!;
  const slow: Machine = { ...catalogs.getMachine('grbl_hobby_router')!, max_feed_mm_per_min: 1200, max_rpm: 10000 };
  const p = cuttingParameters(material, tool, slow);
  assert.equal(p.feed_mm_per_min, 1200);
  assert.equal(p.rpm, 10000);
});

test('property: any valid material/tool/machine gives finite parameters within the hard limits, deterministically', () => {
  const arbMaterial = fc
    .record({ feed: fc.integer({ min: 200, max: 20000 }), rpmMin: fc.integer({ min: 5000, max: 30000 }), span: fc.integer({ min: 0, max: 20000 }), depth: fc.double({ min: 0.5, max: 20, noNaN: true }) })
    .map(({ feed, rpmMin, span, depth }): Material => ({ id: 'm', name: 'm', feed_mm_per_min: feed, plunge_feed_mm_per_min: Math.ceil(feed / 4), rpm_min: rpmMin, rpm_max: rpmMin + span, max_depth_per_pass_mm: depth }));
  const arbTool = fc
    .record({ d: fc.double({ min: 0.5, max: 12, noNaN: true }), flutes: fc.integer({ min: 1, max: 4 }), cmin: fc.double({ min: 0.002, max: 0.1, noNaN: true }), k: fc.double({ min: 1, max: 4, noNaN: true }), rpm: fc.integer({ min: 8000, max: 60000 }) })
    .map(({ d, flutes, cmin, k, rpm }): Tool => ({ id: 't', name: 't', diameter_mm: d, flutes, flute_length_mm: d * 3, stickout_mm: d * 5, max_rpm: rpm, chipload_min_mm: cmin, chipload_max_mm: cmin * k }));
  const arbMachine = fc
    .record({ feed: fc.integer({ min: 500, max: 30000 }), rpm: fc.integer({ min: 6000, max: 40000 }) })
    .map(({ feed, rpm }): Machine => ({ ...catalogs.getMachine('grbl_hobby_router')!, max_feed_mm_per_min: feed, max_rpm: rpm }));
  fc.assert(
    fc.property(arbMaterial, arbTool, arbMachine, (material, tool, machine) => {
      const p = cuttingParameters(material, tool, machine);
      for (const v of Object.values(p)) assert.ok(Number.isFinite(v) && v >= 0);
      assert.ok(p.rpm <= Math.min(material.rpm_max, tool.max_rpm, machine.max_rpm));
      assert.ok(p.feed_mm_per_min <= Math.min(material.feed_mm_per_min, machine.max_feed_mm_per_min));
      assert.ok(p.stepdown_mm <= material.max_depth_per_pass_mm && p.stepdown_mm <= tool.diameter_mm / 2);
      assert.ok(p.stepover_mm <= tool.diameter_mm / 2);
      assert.deepEqual(cuttingParameters(material, tool, machine), p);
    }),
  );
});
