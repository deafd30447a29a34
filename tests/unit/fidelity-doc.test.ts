/**
 * docs/FIDELITY.md tells the truth: its table is exactly what the code regenerates from the
 * library and the standard-cycle simulation (so a change of fit or model that is not written to
 * the page fails here), the IRB 120 row reads published 0.58 s against a simulated figure within
 * ±10 %, and the README links the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fidelityRows } from '../../src/cli/fit-motion';
import { fidelityTable, tableIn } from '../../src/motion/fidelity-table';
import { REPO_ROOT } from './corpus-helpers';

const doc = readFileSync(join(REPO_ROOT, 'docs/FIDELITY.md'), 'utf8');

describe('docs/FIDELITY.md', () => {
  const rows = fidelityRows();

  it('holds the table the code regenerates (npm run fit-motion -- --write)', () => {
    expect(tableIn(doc)).toBe(fidelityTable(rows));
  });

  it('shows the IRB 120 at the published 0.58 s with 1 kg, simulated within ±10 %', () => {
    const line = tableIn(doc)!.split('\n').find((l) => l.startsWith('| IRB 120'))!;
    const [, published, simulated] = /\| (\d\.\d\d) s at 1 kg \[M\] \| (\d\.\d{3}) s at 1 kg \|/.exec(line)!;
    expect(Number(published)).toBe(0.58);
    expect(Math.abs(Number(simulated) / 0.58 - 1)).toBeLessThan(0.1);
    expect(line).toMatch(/vendor-fitted \| 37\.0 ms \(fitted\) \| 6\.2 m\/s, 28 m\/s² \|$/);
  });

  it('lists every bundled robot, the payload model and the known limits', () => {
    expect(rows).toHaveLength(6);
    for (const { entry } of rows) expect(tableIn(doc)).toContain(`| ${entry.model} |`);
    expect(doc).toMatch(/max\(0\.4, 1 − 0\.5 · load \/ rated payload\)/);
    expect(doc).toMatch(/No dynamics model/);
    expect(doc).toMatch(/No controller look-ahead/);
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toMatch(/\]\(docs\/FIDELITY\.md\)/);
  });
});
