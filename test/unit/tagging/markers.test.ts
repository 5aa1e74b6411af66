import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readMarkers, stripMarkers, unclosedFence, writeMarker, type MarkerTag } from '../../../src/core/markers';

const testing: MarkerTag = { group: 'technical', category: 'testing' };
const praise: MarkerTag = { group: 'interpersonal', category: 'praise' };

describe('markers', () => {
  it('writes one marker with a comma list and reads it back', () => {
    const body = writeMarker('Looks good', [testing, praise]);
    assert.equal(body, 'Looks good\n\n<!-- review-mentor: technical/testing, interpersonal/praise -->');
    assert.deepEqual(readMarkers(body), [testing, praise]);
    assert.equal(stripMarkers(body), 'Looks good');
  });

  it('accepts a single tag and replaces an earlier marker instead of adding one', () => {
    const once = writeMarker('x', testing);
    const twice = writeMarker(once, praise);
    assert.equal(twice, 'x\n\n<!-- review-mentor: interpersonal/praise -->');
    assert.equal(twice.match(/review-mentor/g)?.length, 1);
  });

  it('an empty list removes the marker', () => {
    assert.equal(writeMarker(writeMarker('x', testing), []), 'x');
  });

  it('keeps CRLF line endings', () => {
    const body = 'line one\r\nline two';
    const out = writeMarker(body, testing);
    assert.equal(out, 'line one\r\nline two\r\n\r\n<!-- review-mentor: technical/testing -->');
    assert.equal(out.replace(/\r\n/g, '').includes('\n'), false);
    assert.equal(stripMarkers(out), body);
  });

  it('ignores markers inside fenced and inline code, and leaves other comments alone', () => {
    const body = [
      '<!-- a normal comment -->',
      '```html',
      '<!-- review-mentor: technical/security -->',
      '```',
      'Use `<!-- review-mentor: technical/design -->` to publish.',
    ].join('\n');
    assert.deepEqual(readMarkers(body), []);
    assert.equal(stripMarkers(body), body);
    const written = writeMarker(body, testing);
    assert.ok(written.startsWith(body));
    assert.deepEqual(readMarkers(written), [testing]);
  });

  it('ignores malformed markers when reading', () => {
    for (const m of [
      '<!-- review-mentor: technical/Testing -->',
      '<!-- review-mentor: social/testing -->',
      '<!-- review-mentor: testing -->',
      '<!-- review-mentor: -->',
      '<!-- review-mentor: technical/testing, bogus -->',
      '<!-- review-mentor: technical/' + 'a'.repeat(41) + ' -->',
    ]) {
      assert.deepEqual(readMarkers(`x\n\n${m}`), [], m);
    }
    assert.deepEqual(readMarkers('<!--review-mentor:technical/testing-->'), [testing]);
  });

  it('reads several markers written by others, one tag per category', () => {
    const body = 'a <!-- review-mentor: technical/testing --> b\n<!-- review-mentor: technical/testing, interpersonal/praise -->';
    assert.deepEqual(readMarkers(body), [testing, praise]);
    assert.equal(stripMarkers(body), 'a b');
  });

  it('closes a fence left open so the marker is not shown as code', () => {
    const out = writeMarker('```js\nconst a = 1;', testing);
    assert.deepEqual(readMarkers(out), [testing]);
    assert.equal(out, '```js\nconst a = 1;\n```\n\n<!-- review-mentor: technical/testing -->');
  });

  it('copes with hostile bodies (many unclosed openings, many fences)', () => {
    const openings = '<!-- review-mentor: '.repeat(20_000);
    assert.deepEqual(readMarkers(openings), []);
    assert.equal(stripMarkers(openings), openings);
    const fences = '```\n'.repeat(20_000);
    assert.deepEqual(readMarkers(writeMarker(fences, testing)), [testing]);
  });

  it('rejects tags that could not be read back', () => {
    assert.throws(() => writeMarker('x', { group: 'technical', category: 'Bad Id' }), RangeError);
    assert.throws(() => writeMarker('x', { group: 'other' as 'technical', category: 'testing' }), RangeError);
  });
});

describe('markers (properties)', () => {
  const chars = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '`', '```', '~~~', '<!--', '-->', 'review-mentor:', 'technical/testing', '<', '>', '-', ':', '/', ',', 'é', '😀');
  const body = fc.array(chars, { maxLength: 40 }).map((parts) => parts.join(''));
  const category = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
  const tag = fc
    .record({ group: fc.constantFrom('technical' as const, 'interpersonal' as const), category })
    .map((t): MarkerTag => ({ group: t.group, category: t.category }));
  const tags = fc.uniqueArray(tag, { minLength: 1, maxLength: 4, selector: (t) => t.category });
  // The one documented exception: a fence left open is closed by writeMarker.
  const hasUnclosedFence = (b: string) => unclosedFence(stripMarkers(b)) !== undefined;

  it('write then read returns the tags', () => {
    fc.assert(fc.property(body, tags, (b, t) => assert.deepEqual(readMarkers(writeMarker(b, t)), t)), { numRuns: 2000 });
  });

  it('writing twice is writing once', () => {
    fc.assert(fc.property(body, tags, (b, t) => assert.equal(writeMarker(writeMarker(b, t), t), writeMarker(b, t))), { numRuns: 2000 });
  });

  it('strip after write gives back the body without markers', () => {
    fc.assert(
      fc.property(body, tags, (b, t) => {
        fc.pre(!hasUnclosedFence(b));
        assert.equal(stripMarkers(writeMarker(b, t)), stripMarkers(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('a body without markers survives write + strip byte for byte', () => {
    const plain = fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', '`', '<!-- x -->', 'é', '\t'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(plain, tags, (b, t) => {
        fc.pre(!hasUnclosedFence(b));
        assert.equal(stripMarkers(writeMarker(b, t)), b);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        readMarkers(s);
        stripMarkers(s);
        writeMarker(s, testing);
      }),
    );
  });
});
