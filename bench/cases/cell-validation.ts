/**
 * Reading a cell file: our `readCell` (JSON.parse + named migrations + schema validation with
 * path-named problems + duplicate-id check) against plain `JSON.parse` of the same text. The ratio
 * is the price of validation on the default cell.
 */
import { readFileSync } from 'node:fs';
import { readCell } from '../../src/model';
import { defineCase } from '../harness';

export default defineCase({
  name: 'cell document: read default cell',
  ours: 'readCell(text): parse, migrate, validate (src/model)',
  reference: 'JSON.parse(text) of the same file',
  setup() {
    const text = readFileSync(new URL('../../assets/cells/default.cell.json', import.meta.url), 'utf8');
    const check = readCell(text);
    if (!check.ok) throw new Error(`the default cell does not validate: ${JSON.stringify(check.problems)}`);
    return { ours: () => readCell(text), reference: () => JSON.parse(text) as unknown };
  },
});
