import { strict as assert } from 'node:assert';
import { relocateLine, hunkNewSide } from '../../../src/core/relocate';

const hunk = [
  '@@ -10,5 +10,6 @@ export function total(items) {',
  '   let sum = 0;',
  '-  for (const i of items) sum += i;',
  '+  for (const item of items) {',
  '+    sum += item.price * item.quantity;',
  '+  }',
].join('\n');

const file = [
  'export function total(items) {', // 1
  '  let sum = 0;', // 2
  '  for (const item of items) {', // 3
  '    sum += item.price * item.quantity;', // 4
  '  }', // 5
  '  return sum;', // 6
  '}', // 7
];

describe('relocateLine', () => {
  it('reads the new side of a hunk', () => {
    assert.deepEqual(hunkNewSide(hunk), ['  let sum = 0;', '  for (const item of items) {', '    sum += item.price * item.quantity;', '  }']);
  });

  it('keeps the recorded line when the code is where it was', () => {
    assert.equal(relocateLine(file, 5, hunk), 5);
  });

  it('follows the code when lines were inserted above', () => {
    const moved = ['// header', '// more', 'import x from "y";', '', ...file];
    assert.equal(relocateLine(moved, 5, hunk), 9);
  });

  it('follows the code when lines were removed above', () => {
    assert.equal(relocateLine(file.slice(1), 5, hunk), 4);
  });

  it('prefers the match nearest the recorded line', () => {
    const twice = [...file, '', ...file];
    assert.equal(relocateLine(twice, 12, hunk), 13);
    assert.equal(relocateLine(twice, 4, hunk), 5);
  });

  it('gives up when the code is gone', () => {
    assert.equal(relocateLine(['const a = 1;', 'const b = 2;'], 5, hunk), undefined);
  });

  it('uses the recorded line when there is no hunk', () => {
    assert.equal(relocateLine(file, 3, undefined), 3);
    assert.equal(relocateLine(file, 30, undefined), undefined);
  });
});
