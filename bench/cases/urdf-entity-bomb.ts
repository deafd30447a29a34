/**
 * A billion-laughs URDF (nine nested entities, 10⁹ "lol"s if expanded) is refused at once: our
 * parseUrdf throwing its UrdfError, against parseUrdf reading the same one-link robot written
 * plainly. A ratio near 1 says the refusal costs no more than reading a tiny robot. (This figure
 * was a wall-clock assertion in tests/unit/urdf-parse.test.ts; tests assert no times.)
 */
import { parseUrdf, UrdfError } from '../../src/io/urdf';
import { defineCase } from '../harness';

function bomb(): string {
  const defs = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE robot [\n${defs.join('\n')}\n]>\n<robot name="&lol9;"><link name="a"/></robot>`;
}

/** Runs parseUrdf on the bomb and returns its refusal; anything else is a broken row. */
function refuse(text: string): UrdfError {
  try {
    parseUrdf(text, 'bomb.urdf');
  } catch (e) {
    if (e instanceof UrdfError && /entity expansion is refused/.test(e.message)) return e;
    throw e;
  }
  throw new Error('the entity bomb was accepted');
}

export default defineCase({
  name: 'urdf entity bomb: refused',
  ours: 'parseUrdf(billion-laughs text) → UrdfError "entity expansion is refused"',
  reference: 'parseUrdf of the same one-link robot without the entities',
  setup() {
    const text = bomb();
    const plain = '<?xml version="1.0"?>\n<robot name="lol"><link name="a"/></robot>';
    refuse(text);
    if (parseUrdf(plain, 'plain.urdf').robot.links.length !== 1) throw new Error('the plain robot did not parse');
    return { ours: () => refuse(text), reference: () => parseUrdf(plain, 'plain.urdf') };
  },
  notes: (row) => `refusal ${(row.ours_ms * 1000).toFixed(0)} µs`,
});
