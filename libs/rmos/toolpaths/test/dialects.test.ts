import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateToolpaths } from '@luthier/rmos-toolpaths';
import { GREEN_REFERENCE, approvedSession } from './fixtures.js';

const gcodeOf = (dialect: 'grbl' | 'linuxcnc' | 'fanuc') => generateToolpaths(approvedSession(GREEN_REFERENCE.design, GREEN_REFERENCE.context), { dialect }).gcode;
const codeLines = (g: string) => g.split('\n').filter((l) => l && l !== '%' && !/^[;(]/.test(l));
/** The numeric values of the axis and arc words of a line. */
const axisValues = (line: string) => [...line.matchAll(/[XYZIJ](-?[\d.]+)/g)].map((m) => m[1]);

describe('post-processor dialects', () => {
  test('GRBL: no tape marks, `;` comments, numbers with ≤ 3 decimals and no trailing zeros', () => {
    const g = gcodeOf('grbl');
    assert.ok(!g.includes('%') && !g.includes('('));
    assert.match(g.split('\n')[0], /^; /);
    for (const v of codeLines(g).flatMap(axisValues)) assert.match(v, /^-?\d+(\.\d{0,2}[1-9])?$/, v);
    assert.match(g, /\nG17 G21 G90 G94\n/);
    assert.match(g, /\nM3 S\d+\n/);
    assert.ok(g.endsWith('\nM5\nM30\n'));
  });

  test('LinuxCNC: % wrappers, ( ) comments, 4 decimals', () => {
    const g = gcodeOf('linuxcnc');
    assert.ok(g.startsWith('%\n(') && g.endsWith('\nM5\nM30\n%\n'));
    assert.ok(!g.includes(';'));
    for (const v of codeLines(g).flatMap(axisValues)) assert.match(v, /^-?\d+\.\d{4}$/, v);
  });

  test('FANUC: %, program number O0001, upper-case ( ) comments, a decimal point on every value, F with a point', () => {
    const g = gcodeOf('fanuc');
    const lines = g.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['%', 'O0001 (ROSETTE)']);
    assert.ok(g.endsWith('\nM05\nM30\n%\n'));
    for (const c of lines.filter((l) => l.startsWith('('))) assert.equal(c, c.toUpperCase());
    for (const v of codeLines(g).slice(1).flatMap(axisValues)) assert.match(v, /^-?\d+\.\d*$/, v);
    for (const f of codeLines(g).join('\n').match(/F[\d.]+/g) ?? []) assert.match(f, /^F\d+\.$/);
    assert.match(g, /\nM03 S\d+\n/);
  });

  test('the spindle starts, with a dwell, before the first feed move in every dialect', () => {
    for (const dialect of ['grbl', 'linuxcnc', 'fanuc'] as const) {
      const lines = gcodeOf(dialect).split('\n');
      const spindle = lines.findIndex((l) => /^M0?3 S\d+$/.test(l));
      const firstCut = lines.findIndex((l) => /^G0?[123] /.test(l));
      assert.ok(spindle >= 0 && spindle < firstCut && /^G0?4 P\d+$/.test(lines[spindle + 1]), dialect);
    }
  });

  test('no date, time or locale-dependent text in the output', () => {
    for (const dialect of ['grbl', 'linuxcnc', 'fanuc'] as const) {
      const g = gcodeOf(dialect);
      assert.ok(!/\d{4}-\d{2}-\d{2}|\d{1,3},\d{3}/.test(g), dialect);
      assert.ok(/^[\x20-\x7e\n]*$/.test(g), 'printable ASCII only');
    }
  });
});
