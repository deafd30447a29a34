import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../src/model';
import { cellFileName, parseCellFile, serializeCell } from '../../src/store/cell-file';
import { locateJsonError } from '../../src/model';
import { sampleCell } from './store-fixtures';

const fixture = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('saving a cell', () => {
  it('writes 2-space JSON with a trailing newline, version and name first', () => {
    const text = serializeCell(sampleCell());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n').slice(0, 3)).toEqual(['{', '  "schemaVersion": 1,', '  "name": "Sample cell",']);
  });

  it('gives the same bytes for the same cell whatever order its keys were inserted in', () => {
    const cell = sampleCell();
    const reordered = Object.fromEntries(Object.entries(cell).reverse()) as typeof cell;
    expect(serializeCell(reordered)).toBe(serializeCell(cell));
  });

  it('round-trips: parsing what was serialized gives an equal cell', () => {
    const cell = sampleCell();
    const result = parseCellFile(serializeCell(cell), 'sample.cell.json');
    expect(result).toEqual({ ok: true, cell, migrations: [] });
  });

  it('round-trips the shipped default cell', () => {
    const first = parseCellFile(fixture('../../assets/cells/default.cell.json'), 'default.cell.json');
    if (!first.ok) throw new Error(first.message);
    const again = parseCellFile(serializeCell(first.cell), 'default.cell.json');
    expect(again.ok && again.cell).toEqual(first.cell);
  });

  it('names files after the cell', () => {
    expect(cellFileName({ name: 'My Cell' })).toBe('my-cell.cell.json');
    expect(cellFileName({ name: '  Zelle Süd / Linie 2 ' })).toBe('zelle-sud-linie-2.cell.json');
    expect(cellFileName({ name: '焊接单元 A' })).toBe('焊接单元-a.cell.json');
    expect(cellFileName({ name: '***' })).toBe('cell.cell.json');
  });
});

describe('opening a cell file', () => {
  it('names the file and the line of a JSON syntax error', () => {
    const text = '{\n  "schemaVersion": 1,\n  "name": "x"\n  "units": "SI"\n}\n';
    const result = parseCellFile(text, 'broken.cell.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^broken\.cell\.json:4: not valid JSON: expected "," or "}" after a property value/);
    expect(result.problems[0]?.line).toBe(4);
  });

  it('names the file and the path of each invalid field', () => {
    const cell = structuredClone(sampleCell()) as unknown as { items: Array<{ pose: { xyz: unknown } }> };
    (cell.items[2] as { pose: { xyz: unknown } }).pose.xyz = [1, 2];
    (cell.items[0] as unknown as Record<string, unknown>)['length'] = 'long';
    const result = parseCellFile(JSON.stringify(cell), 'default.cell.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.message.split('\n');
    expect(lines).toContain('default.cell.json: items[2].pose.xyz: expected 3 numbers');
    expect(lines.some((l) => l.startsWith('default.cell.json: items[0].length: '))).toBe(true);
  });

  it('says so when the schema version is newer than this build', () => {
    const result = parseCellFile(JSON.stringify({ ...emptyCell(), schemaVersion: 7 }), 'future.cell.json');
    expect(!result.ok && result.message).toMatch(/^future\.cell\.json: schemaVersion: 7 is newer/);
  });

  it('reads a file that starts with a byte-order mark, and explains an empty one', () => {
    expect(parseCellFile(`\uFEFF${serializeCell(sampleCell())}`, 'bom.cell.json').ok).toBe(true);
    expect(parseCellFile('  \n', 'empty.cell.json')).toMatchObject({ ok: false, message: 'empty.cell.json: the file is empty' });
  });

  it('migrates the v0 prototype fixture: mm/s become m/s and degrees become radians', () => {
    const result = parseCellFile(fixture('../fixtures/v0-prototype.cell.json'), 'v0-prototype.cell.json');
    if (!result.ok) throw new Error(result.message);
    expect(result.migrations).toHaveLength(1);
    const conveyor = result.cell.items.find((i) => i.id === 'c1');
    expect(conveyor?.type).toBe('conveyor');
    if (conveyor?.type !== 'conveyor') return;
    expect(conveyor.speed).toBeCloseTo(0.25);
    expect(conveyor.pose.rpy[2]).toBeCloseTo(Math.PI / 2);
    expect(conveyor.pose.xyz).toEqual([-1.5, 0.5, 0]);
    expect(result.cell.workersPerShift).toBe(2);
  });
});

describe('locating JSON syntax errors', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes, found "}"'],
    ['{\n  "a": [1, 2\n}', 3, 1, 'expected "," or "]" after an array element, found "}"'],
    ['{"a": "line\nbreak"}', 1, 12, 'line break or control character inside a string'],
    ['{"a": tru}', 1, 7, 'expected a value, found "t"'],
    ['{"a": 1} x', 1, 10, 'expected the end of the file after the JSON value, found "x"'],
    ['{"a": ', 1, 7, 'expected a value, found end of file'],
  ])('%j fails at line %i, column %i', (text, line, column, message) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, message });
  });

  it('accepts everything JSON.parse accepts', () => {
    const text = '{"a":[1,-2.5e+3,0,true,false,null,"\\u00e9\\n\\"x\\""],"b":{}, "c":[]}';
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonError(text)).toBeNull();
    expect(locateJsonError(serializeCell(sampleCell()))).toBeNull();
  });
});
