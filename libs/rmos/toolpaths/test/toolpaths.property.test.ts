import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { catalogs } from '@luthier/rmos-feasibility';
import { sha256Hex } from '@luthier/shared-hashing';
import { DIALECTS, TOOLPATH_PARAMETERS, generateToolpaths, type Dialect } from '@luthier/rmos-toolpaths';
import { approvedSession, greenRequest } from './fixtures.js';
import { interpret, maxXYRadius, xyLength, type Move } from './interpret.js';

const RUNS = { numRuns: 60 };
const EPS = 1e-9;
const request = fc.tuple(greenRequest(), fc.constantFrom(...DIALECTS));

function generate(r: { design: Parameters<typeof approvedSession>[0]; context: Parameters<typeof approvedSession>[1] }, dialect: Dialect) {
  return generateToolpaths(approvedSession(r.design, r.context), { dialect });
}

/** A deep copy with every object's keys in reverse order: key order must not matter. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
}

const isCut = (m: Move) => m.kind !== 'rapid';
const z = (p: { z?: number }) => p.z as number;

/** Splits the moves into one group per ring: the tool retracts to safe Z between rings. */
function ringsOf(moves: Move[], safeZ: number): Move[][] {
  const groups: Move[][] = [];
  let current: Move[] = [];
  for (const m of moves) {
    if (m.kind === 'rapid' && z(m.to) === safeZ) {
      if (current.some(isCut)) groups.push(current);
      current = [];
    } else current.push(m);
  }
  if (current.some(isCut)) groups.push(current);
  return groups;
}

describe('toolpaths: properties over random GREEN designs', () => {
  test('determinism: the same session gives byte-identical output, whatever its key order', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const a = generate(r, dialect);
        const b = generateToolpaths(reverseKeys(approvedSession(r.design, r.context)), { dialect });
        assert.equal(a.gcode, b.gcode);
        assert.deepEqual(a, b);
        assert.equal(a.output_hash, sha256Hex(a.gcode));
      }),
      RUNS,
    );
  });

  test('every line parses with gcode-parser; arcs are consistent; G21, G90 and the footer are present', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode } = generate(r, dialect);
        const run = interpret(gcode);
        assert.deepEqual(run.unparsed, []);
        const words = run.codes.map((c) => c.word);
        const firstMove = run.moves[0].line;
        for (const w of ['G21', 'G90']) assert.ok(run.codes.some((c) => c.word === w && c.line < firstMove), `${w} before the first move`);
        assert.deepEqual(words.slice(-2), ['M5', 'M30']);
        // The interpreter reads absolute millimetres: inches or incremental mode would make every check meaningless.
        for (const w of ['G20', 'G91', 'G91.1']) assert.ok(!words.includes(w), `${w} in the program`);
        for (const m of run.moves.filter((m) => m.kind === 'arc')) {
          assert.ok(Math.abs((m.startRadius ?? 0) - (m.endRadius ?? 0)) < 1e-9, `line ${m.line}: arc radius changes`);
          assert.ok((m.startRadius ?? 0) > 0, `line ${m.line}: zero-radius arc`);
          // Full circles are posted as two half arcs: a single arc never ends where it starts.
          assert.ok(m.from.x !== m.to.x || m.from.y !== m.to.y, `line ${m.line}: a full circle in one arc`);
        }
      }),
      RUNS,
    );
  });

  test('no move leaves the stock (outer radius + tool radius), arcs measured over their extent', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode } = generate(r, dialect);
        const limit = r.design.outer_diameter_mm / 2 + catalogs.getTool(r.context.tool_id)!.diameter_mm / 2;
        for (const m of interpret(gcode).moves) assert.ok(maxXYRadius(m) <= limit + EPS, `line ${m.line} reaches ${maxXYRadius(m)} > ${limit}`);
      }),
      RUNS,
    );
  });

  test('no move goes below the deepest channel floor, nor any ring below its own floor or past its walls', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode } = generate(r, dialect);
        const machine = catalogs.getMachine(r.context.machine_profile_id)!;
        const toolRadius = catalogs.getTool(r.context.tool_id)!.diameter_mm / 2;
        const moves = interpret(gcode).moves;
        const deepest = Math.max(...r.design.rings.map((ring) => ring.depth_mm));
        for (const m of moves) assert.ok(z(m.to) >= -deepest - EPS, `line ${m.line} at Z${z(m.to)} below -${deepest}`);
        const rings = ringsOf(moves, machine.safe_z_mm);
        assert.equal(rings.length, r.design.rings.length);
        rings.forEach((group, i) => {
          const ring = r.design.rings[i];
          const inner = ring.radial_position_mm - ring.width_mm / 2 + toolRadius;
          const outer = ring.radial_position_mm + ring.width_mm / 2 - toolRadius;
          for (const m of group.filter(isCut)) {
            assert.ok(z(m.to) >= -ring.depth_mm - EPS, `ring ${i} line ${m.line} below its floor`);
            for (const p of [m.from, m.to]) {
              const radius = Math.hypot(p.x as number, p.y as number);
              assert.ok(radius >= inner - EPS && radius <= outer + EPS, `ring ${i} line ${m.line}: tool centre at r ${radius} outside [${inner}, ${outer}]`);
            }
          }
        });
      }),
      RUNS,
    );
  });

  test('feed set before the first cut; spindle on at its rpm before any move below Z0; rapids never into the stock', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode, plan } = generate(r, dialect);
        const moves = interpret(gcode).moves;
        const firstCut = moves.find(isCut)!;
        assert.ok(firstCut.feed !== undefined && firstCut.feed > 0, 'no feed at the first cutting move');
        for (const m of moves) {
          if (isCut(m)) assert.ok(m.feed !== undefined && m.feed > 0);
          if (z(m.to) < 0 || (m.from.z ?? 0) < 0) assert.equal(m.spindleRpm, plan.spindle_rpm, `line ${m.line}: below Z0 with the spindle at ${m.spindleRpm}`);
          if (m.kind !== 'rapid') continue;
          // Rapids end above the stock; from inside a channel only a straight retract upwards.
          assert.ok(z(m.to) >= 0, `line ${m.line}: rapid into the stock`);
          if (m.from.z !== undefined && m.from.z < 0) assert.ok(m.from.x === m.to.x && m.from.y === m.to.y, `line ${m.line}: rapid sideways inside the stock`);
        }
      }),
      RUNS,
    );
  });

  test('helical or ramped entry: no descending cut into the stock is steeper than the ramp angle', () => {
    const slope = Math.tan((TOOLPATH_PARAMETERS.helix_ramp_angle_deg * Math.PI) / 180);
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode } = generate(r, dialect);
        for (const m of interpret(gcode).moves.filter(isCut)) {
          const descent = (m.from.z as number) - z(m.to);
          if (descent <= 0 || z(m.to) >= 0) continue;
          const run = xyLength(m);
          // 1 µm: the Z levels are spread over the half turns on the 1 µm grid.
          assert.ok(run > 0 && descent <= run * slope + 0.001 + EPS, `line ${m.line}: descends ${descent} over ${run} mm`);
        }
      }),
      RUNS,
    );
  });

  test('stepdowns within the material max depth per pass; passes cover each channel at stepover ≤ 50% of the tool', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode } = generate(r, dialect);
        const material = catalogs.getMaterial(r.context.material_id)!;
        const machine = catalogs.getMachine(r.context.machine_profile_id)!;
        const d = catalogs.getTool(r.context.tool_id)!.diameter_mm;
        const rings = ringsOf(interpret(gcode).moves, machine.safe_z_mm);
        rings.forEach((group, i) => {
          const ring = r.design.rings[i];
          // Full circles cut at a constant Z, by level.
          const circles = new Map<number, number[]>();
          for (const m of group) {
            if (m.kind !== 'arc' || m.from.z !== m.to.z || z(m.to) >= 0) continue;
            circles.set(z(m.to), [...(circles.get(z(m.to)) ?? []), m.startRadius as number]);
          }
          const levels = [...circles.keys()].sort((a, b) => b - a);
          assert.ok(levels.length > 0);
          [0, ...levels].forEach((level, k, all) => {
            if (k > 0) assert.ok(all[k - 1] - level <= material.max_depth_per_pass_mm + EPS, `ring ${i}: stepdown ${all[k - 1] - level}`);
          });
          assert.ok(-levels.at(-1)! >= ring.depth_mm - 0.001 - EPS, `ring ${i}: floor ${levels.at(-1)} short of ${ring.depth_mm}`);
          const inner = ring.radial_position_mm - ring.width_mm / 2 + d / 2;
          const outer = ring.radial_position_mm + ring.width_mm / 2 - d / 2;
          for (const level of levels) {
            const radii = [...new Set(circles.get(level))].sort((a, b) => a - b);
            assert.ok(radii[0] - inner <= 0.001 + EPS, `ring ${i} level ${level}: first pass at ${radii[0]}, channel starts at ${inner}`);
            assert.ok(outer - radii.at(-1)! <= 0.001 + EPS, `ring ${i} level ${level}: last pass at ${radii.at(-1)}, channel ends at ${outer}`);
            radii.slice(1).forEach((radius, k) => assert.ok(radius - radii[k] <= 0.5 * d + EPS, `ring ${i}: stepover ${radius - radii[k]} > ${0.5 * d}`));
          }
        });
      }),
      RUNS,
    );
  });

  test('XY rapids only at safe Z: the tool retracts between rings', () => {
    fc.assert(
      fc.property(request, ([r, dialect]) => {
        const { gcode } = generate(r, dialect);
        const safeZ = catalogs.getMachine(r.context.machine_profile_id)!.safe_z_mm;
        for (const m of interpret(gcode).moves) {
          const movesXY = m.from.x !== m.to.x || m.from.y !== m.to.y;
          if (m.kind === 'rapid' && movesXY) assert.equal(m.from.z, safeZ, `line ${m.line}: XY rapid at Z${m.from.z}`);
        }
      }),
      RUNS,
    );
  });
});
