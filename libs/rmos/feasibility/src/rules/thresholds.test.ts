// For every rule id, a case on each side of each of its thresholds, through the full evaluation.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FEASIBILITY_RULES, type RuleThresholds } from './table.js';
import { designOf, oneRing, ringsOf, verdictOf, type Variant } from '../test-support.js';

type Case = [label: string, variant: Variant, expected: 'GREEN' | 'YELLOW' | 'RED'];

const CASES: Record<string, Case[]> = {
  // chipload = feed / (rpm × flutes); flat_3mm: 2 flutes, 0.03–0.08 mm; band ×0.5 … ×1.25
  F001: [
    ['at the top of the range', { params: { rpm: 24000, feed_mm_per_min: 3840 } }, 'GREEN'],
    ['just above the range', { params: { rpm: 24000, feed_mm_per_min: 3841 } }, 'YELLOW'],
    ['at the top of the caution band', { params: { rpm: 24000, feed_mm_per_min: 4800 } }, 'YELLOW'],
    ['just above the caution band', { params: { rpm: 24000, feed_mm_per_min: 4801 } }, 'RED'],
    ['at the bottom of the range', { params: { rpm: 24000, feed_mm_per_min: 1440 } }, 'GREEN'],
    ['just below the range', { params: { rpm: 24000, feed_mm_per_min: 1439 } }, 'YELLOW'],
    ['at the bottom of the caution band', { params: { rpm: 24000, feed_mm_per_min: 720 } }, 'YELLOW'],
    ['just below the caution band', { params: { rpm: 24000, feed_mm_per_min: 719 } }, 'RED'],
  ],
  // heat = Σ pattern factor; herringbone 2, solid 1; yellow > 24, red > 48
  F002: [
    ['12 herringbone rings (24)', { design: designOf(ringsOf(12, 'herringbone')) }, 'GREEN'],
    ['12 herringbone + 1 solid (25)', { design: designOf([...ringsOf(12, 'herringbone'), ...ringsOf(1, 'solid', 12)]) }, 'YELLOW'],
    ['24 herringbone rings (48)', { design: designOf(ringsOf(24, 'herringbone')) }, 'YELLOW'],
    ['24 herringbone + 1 solid (49)', { design: designOf([...ringsOf(24, 'herringbone'), ...ringsOf(1, 'solid', 24)]) }, 'RED'],
  ],
  // (stickout/D)³ × (min(stepdown, depth)/D); D 1, stickout 10 → 1000 × depth; yellow > 100, red > 200
  F003: [
    ['index 100', { tool: { diameter_mm: 1, stickout_mm: 10 }, params: { stepdown_mm: 1 }, design: oneRing(4, 0.1) }, 'GREEN'],
    ['index 110', { tool: { diameter_mm: 1, stickout_mm: 10 }, params: { stepdown_mm: 1 }, design: oneRing(4, 0.11) }, 'YELLOW'],
    ['index 200', { tool: { diameter_mm: 1, stickout_mm: 10 }, params: { stepdown_mm: 1 }, design: oneRing(4, 0.2) }, 'YELLOW'],
    ['index 210', { tool: { diameter_mm: 1, stickout_mm: 10 }, params: { stepdown_mm: 1 }, design: oneRing(4, 0.21) }, 'RED'],
    ['a shallower stepdown bounds the engagement', { tool: { diameter_mm: 1, stickout_mm: 10 }, params: { stepdown_mm: 0.1 }, design: oneRing(4, 1) }, 'GREEN'],
  ],
  // π × 6 mm × rpm / 1000; yellow > 500, red > 750 m/min
  F004: [
    ['499.99 m/min', { tool: { diameter_mm: 6 }, params: { rpm: 26525 } }, 'GREEN'],
    ['500.00 m/min and a hair', { tool: { diameter_mm: 6 }, params: { rpm: 26526 } }, 'YELLOW'],
    ['749.99 m/min', { tool: { diameter_mm: 6 }, params: { rpm: 39788 } }, 'YELLOW'],
    ['750.01 m/min', { tool: { diameter_mm: 6 }, params: { rpm: 39789 } }, 'RED'],
  ],
  // Σ complexity factor (+5 per thin wall); herringbone 4, solid 1; yellow > 60, red > 120
  F005: [
    ['15 herringbone rings (60)', { design: designOf(ringsOf(15, 'herringbone')) }, 'GREEN'],
    ['15 herringbone + 1 solid (61)', { design: designOf([...ringsOf(15, 'herringbone'), ...ringsOf(1, 'solid', 15)]) }, 'YELLOW'],
    ['30 herringbone rings (120)', { design: designOf(ringsOf(30, 'herringbone')) }, 'YELLOW'],
    ['30 herringbone + 1 solid (121)', { design: designOf([...ringsOf(30, 'herringbone'), ...ringsOf(1, 'solid', 30)]) }, 'RED'],
    [
      '14 herringbone with one 0.9 mm wall (56 + 5)',
      {
        design: designOf([
          ...ringsOf(13, 'herringbone'),
          { radial_position_mm: 20 + 12 * 3 + 2.9, width_mm: 2, depth_mm: 1, pattern: 'herringbone' },
        ]),
      },
      'YELLOW',
    ],
  ],
  // narrowest channel / tool diameter (3 mm); yellow < 1.1, red < 1
  F006: [
    ['3.3 mm channel (1.1)', { design: oneRing(3.3) }, 'GREEN'],
    ['3.29 mm channel', { design: oneRing(3.29) }, 'YELLOW'],
    ['3 mm channel (1.0)', { design: oneRing(3) }, 'YELLOW'],
    ['2.99 mm channel', { design: oneRing(2.99) }, 'RED'],
  ],
  // deepest channel / flute length (10 mm); yellow > 0.8, red > 1
  F007: [
    ['8 mm deep', { design: oneRing(4, 8) }, 'GREEN'],
    ['8.01 mm deep', { design: oneRing(4, 8.01) }, 'YELLOW'],
    ['10 mm deep', { design: oneRing(4, 10) }, 'YELLOW'],
    ['10.01 mm deep', { design: oneRing(4, 10.01) }, 'RED'],
  ],
  // deepest channel / material max depth per pass (3 mm here); yellow > 1, red > 2
  F008: [
    ['3 mm deep', { material: { max_depth_per_pass_mm: 3 }, design: oneRing(4, 3) }, 'GREEN'],
    ['3.01 mm deep', { material: { max_depth_per_pass_mm: 3 }, design: oneRing(4, 3.01) }, 'YELLOW'],
    ['6 mm deep', { material: { max_depth_per_pass_mm: 3 }, design: oneRing(4, 6) }, 'YELLOW'],
    ['6.01 mm deep', { material: { max_depth_per_pass_mm: 3 }, design: oneRing(4, 6.01) }, 'RED'],
  ],
  // material rpm_min 18000 / min(rpm_max, tool, machine); yellow > 0.9, red > 1
  F009: [
    ['ceiling 20000 (0.9)', { material: { rpm_min: 18000 }, machine: { max_rpm: 20000 } }, 'GREEN'],
    ['ceiling 19999', { material: { rpm_min: 18000 }, machine: { max_rpm: 19999 } }, 'YELLOW'],
    ['ceiling 18000 (1.0)', { material: { rpm_min: 18000 }, tool: { max_rpm: 18000 } }, 'YELLOW'],
    ['ceiling 17999: the spindle cannot reach the material minimum', { material: { rpm_min: 18000 }, machine: { max_rpm: 17999 } }, 'RED'],
  ],
  // chosen rpm / min(tool, machine max rpm 24000); red > 1 (no caution band)
  F010: [
    ['at the ceiling', { params: { rpm: 24000 } }, 'GREEN'],
    ['one rpm over', { params: { rpm: 24001 } }, 'RED'],
  ],
  // max(feed, plunge) / machine max feed 5000; yellow > 0.95, red > 1
  F011: [
    ['4750 mm/min', { params: { feed_mm_per_min: 4750 } }, 'GREEN'],
    ['4751 mm/min', { params: { feed_mm_per_min: 4751 } }, 'YELLOW'],
    ['5000 mm/min', { params: { feed_mm_per_min: 5000 } }, 'YELLOW'],
    ['5001 mm/min', { params: { feed_mm_per_min: 5001 } }, 'RED'],
    ['a plunge over the machine limit', { params: { plunge_feed_mm_per_min: 5001 } }, 'RED'],
  ],
  // (130 + 3) / min travel; yellow > 0.9, red > 1; (depth + safe Z) / Z travel too
  F012: [
    ['148 mm of travel', { machine: { travel_x_mm: 148 } }, 'GREEN'],
    ['147 mm of travel', { machine: { travel_y_mm: 147 } }, 'YELLOW'],
    ['133 mm of travel', { machine: { travel_x_mm: 133 } }, 'YELLOW'],
    ['132 mm of travel', { machine: { travel_x_mm: 132 } }, 'RED'],
    ['Z travel shorter than depth + safe Z', { machine: { travel_z_mm: 6 } }, 'RED'],
  ],
};

describe('every rule has threshold cases', () => {
  test('each rule id in the table has cases here, except F013 (unknown ids, in evaluate.test.ts)', () => {
    assert.deepEqual(
      Object.keys(CASES).sort(),
      FEASIBILITY_RULES.map((r) => r.id).filter((id) => id !== 'F013'),
    );
  });
  for (const [ruleId, cases] of Object.entries(CASES)) {
    describe(ruleId, () => {
      for (const [label, variant, expected] of cases) {
        test(`${label} → ${expected}`, () => {
          const verdict = verdictOf(ruleId, variant);
          assert.equal(verdict.verdict, expected, verdict.message);
          assert.equal(typeof verdict.value, 'number');
        });
      }
      test('has a GREEN and a RED case, and a YELLOW one unless it has no caution band', () => {
        const seen = new Set(cases.map((c) => c[2]));
        assert.ok(seen.has('GREEN') && seen.has('RED'));
        const t: RuleThresholds = FEASIBILITY_RULES.find((r) => r.id === ruleId)!.thresholds;
        const hasBand = t.kind === 'band' || (t.kind === 'above' ? t.yellow_above !== t.red_above : t.yellow_below !== t.red_below);
        assert.equal(seen.has('YELLOW'), hasBand);
      });
    });
  }
});
