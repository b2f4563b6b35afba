import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RosetteDesign, SandboxStorePort } from '@luthier/rmos-contracts';
import { escapeXml, renderRosetteSvg, saveRosettePreview } from '@luthier/experimental-ai-graphics';

const design: RosetteDesign = {
  outer_diameter_mm: 120,
  inner_diameter_mm: 90,
  rings: [
    { radial_position_mm: 50, width_mm: 2, depth_mm: 1.5, pattern: 'herringbone' },
    { radial_position_mm: 55, width_mm: 3, depth_mm: 0.75, pattern: 'solid' },
  ],
};

test('the preview is deterministic and draws one annulus per ring at its radius and width', () => {
  const svg = renderRosetteSvg(design);
  assert.equal(svg, renderRosetteSvg(structuredClone(design)));
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<circle data-ring="0" data-pattern="herringbone" cx="0" cy="0" r="50" fill="none" stroke="#8b5a2b" stroke-width="2" stroke-opacity="1"\/>/);
  assert.match(svg, /<circle data-ring="1" data-pattern="solid" cx="0" cy="0" r="55" fill="none" stroke="#2f2f2f" stroke-width="3" stroke-opacity="0.675"\/>/);
  assert.match(svg, /viewBox="-63 -63 126 126"/);
  assert.equal(svg.match(/data-ring=/g)?.length, 2);
});

test('the title is escaped so input cannot inject markup', () => {
  const svg = renderRosetteSvg(design, { title: '</title><script>alert("x")</script>&' });
  assert.ok(!svg.includes('<script>'));
  assert.match(svg, /<title>&lt;\/title&gt;&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;&amp;<\/title>/);
  assert.equal(escapeXml(`'`), '&apos;');
});

test('saveRosettePreview writes only through the sandbox store it is handed', async () => {
  const written: Record<string, string> = {};
  const sandbox: SandboxStorePort = {
    async write(p, data) {
      written[p] = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
      return p;
    },
    async read() {
      throw new Error('unused');
    },
  };
  assert.equal(await saveRosettePreview(sandbox, 'prop_1', design), 'previews/prop_1.svg');
  assert.equal(written['previews/prop_1.svg'], renderRosetteSvg(design));
});

test('a design that skipped the schema with a number that is not finite is refused, not drawn', () => {
  const base = { outer_diameter_mm: 120, inner_diameter_mm: 90, rings: [{ radial_position_mm: 50, width_mm: 2, depth_mm: 1.5, pattern: 'solid' }] };
  for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '3" onload="x' as unknown as number]) {
    const design = { ...base, rings: [{ ...base.rings[0]!, width_mm: bad }] } as unknown as RosetteDesign;
    assert.throws(() => renderRosetteSvg(design), RangeError, String(bad));
  }
});
