import { describe, expect, it } from 'vitest';
import { parseUrdf, UrdfError } from '../../src/io/urdf';

/** A robot from lines of XML inside `<robot name="r">`, so line numbers in tests are easy to count. */
function robotXml(...lines: string[]): string {
  return ['<robot name="r">', ...lines, '</robot>'].join('\n');
}

function errorOf(text: string, file = 'bad.urdf'): UrdfError {
  try {
    parseUrdf(text, file);
  } catch (e) {
    if (e instanceof UrdfError) return e;
    throw e;
  }
  throw new Error('the file was accepted but must be refused');
}

const twoLinks = ['<link name="a"/>', '<link name="b"/>'];

describe('reading a URDF', () => {
  it('lists joints in tree order from the root whatever order the file declares them in', () => {
    const text = robotXml(
      '<link name="l3"/><link name="l1"/><link name="base"/><link name="l2"/>',
      '<joint name="j3" type="fixed"><parent link="l2"/><child link="l3"/></joint>',
      '<joint name="j1" type="fixed"><parent link="base"/><child link="l1"/></joint>',
      '<joint name="j2" type="fixed"><parent link="l1"/><child link="l2"/></joint>',
    );
    const { robot } = parseUrdf(text, 'r.urdf');
    expect(robot.root).toBe('base');
    expect(robot.joints.map((j) => j.name)).toEqual(['j1', 'j2', 'j3']);
    expect(robot.links.map((l) => l.name)).toEqual(['base', 'l1', 'l2', 'l3']);
  });

  it('visits each branch depth first, siblings in file order', () => {
    const text = robotXml(
      '<link name="root"/><link name="a1"/><link name="a2"/><link name="b1"/>',
      '<joint name="b" type="fixed"><parent link="root"/><child link="b1"/></joint>',
      '<joint name="a2j" type="fixed"><parent link="a1"/><child link="a2"/></joint>',
      '<joint name="a" type="fixed"><parent link="root"/><child link="a1"/></joint>',
    );
    expect(parseUrdf(text, 'r.urdf').robot.joints.map((j) => j.name)).toEqual(['b', 'a', 'a2j']);
  });

  it('applies the URDF defaults: identity origin, axis 1 0 0, zero speed and effort for a continuous joint', () => {
    const { robot } = parseUrdf(robotXml(...twoLinks, '<joint name="j" type="continuous"><parent link="a"/><child link="b"/></joint>'), 'r.urdf');
    expect(robot.joints[0]).toMatchObject({
      origin: { xyz: [0, 0, 0], rpy: [0, 0, 0] },
      axis: [1, 0, 0],
      limits: { lower: -Infinity, upper: Infinity, velocity: 0, effort: 0 },
      mimic: null,
    });
  });

  it('normalises the axis and reads origin, limits and mimic', () => {
    const { robot } = parseUrdf(
      robotXml(
        '<link name="a"/><link name="b"/><link name="c"/>',
        '<joint name="j1" type="revolute"><parent link="a"/><child link="b"/><origin xyz="0.1 0 0.4" rpy="0 1.5708 0"/>',
        '  <axis xyz="0 0 2"/><limit lower="-1.5" upper="2.5" velocity="3.2" effort="150"/></joint>',
        '<joint name="j2" type="prismatic"><parent link="b"/><child link="c"/><axis xyz="3 4 0"/>',
        '  <limit upper="0.04" velocity="0.2" effort="20"/><mimic joint="j1" multiplier="-0.5" offset="0.01"/></joint>',
      ),
      'r.urdf',
    );
    const [j1, j2] = robot.joints;
    expect(j1?.origin).toEqual({ xyz: [0.1, 0, 0.4], rpy: [0, 1.5708, 0] });
    expect(j1?.axis).toEqual([0, 0, 1]);
    expect(j1?.limits).toEqual({ lower: -1.5, upper: 2.5, velocity: 3.2, effort: 150 });
    expect(j2?.axis[0]).toBeCloseTo(0.6, 12);
    expect(j2?.axis[1]).toBeCloseTo(0.8, 12);
    // urdfdom: an absent lower limit is 0.
    expect(j2?.limits).toEqual({ lower: 0, upper: 0.04, velocity: 0.2, effort: 20 });
    expect(j2?.mimic).toEqual({ joint: 'j1', multiplier: -0.5, offset: 0.01 });
  });

  it('reads box, cylinder, sphere and scaled mesh geometry with named robot-level colours', () => {
    const { robot } = parseUrdf(
      robotXml(
        '<material name="orange"><color rgba="1 0.5 0 1"/></material>',
        '<link name="a">',
        '  <visual><origin xyz="0 0 0.1"/><geometry><box size="0.1 0.2 0.3"/></geometry><material name="orange"/></visual>',
        '  <visual><geometry><mesh filename="package://p/m/Base.STL" scale="0.001 0.001 0.001"/></geometry></visual>',
        '  <collision><geometry><cylinder radius="0.05" length="0.4"/></geometry></collision>',
        '  <collision><geometry><sphere radius="0.2"/></geometry></collision>',
        '  <inertial><mass value="3.7"/><inertia ixx="0.01" ixy="0" ixz="0" iyy="0.02" iyz="0" izz="0.03"/></inertial>',
        '</link>',
      ),
      'r.urdf',
    );
    const link = robot.links[0];
    expect(link?.visuals[0]).toEqual({ origin: { xyz: [0, 0, 0.1], rpy: [0, 0, 0] }, geometry: { type: 'box', size: [0.1, 0.2, 0.3] }, color: [1, 0.5, 0, 1] });
    expect(link?.visuals[1]?.geometry).toEqual({ type: 'mesh', filename: 'package://p/m/Base.STL', scale: [0.001, 0.001, 0.001] });
    expect(link?.collisions.map((c) => c.geometry.type)).toEqual(['cylinder', 'sphere']);
    expect(link?.inertial).toEqual({ origin: { xyz: [0, 0, 0], rpy: [0, 0, 0] }, mass: 3.7, inertia: [0.01, 0, 0, 0.02, 0, 0.03] });
  });

  it('ignores transmission, gazebo and other non-core tags', () => {
    const text = robotXml(...twoLinks, '<joint name="j" type="fixed"><parent link="a"/><child link="b"/></joint>',
      '<transmission name="t"><joint name="j"/></transmission>', '<gazebo reference="a"><material>Gazebo/Grey</material></gazebo>');
    expect(parseUrdf(text, 'r.urdf').robot.joints).toHaveLength(1);
  });
});

describe('refusing a bad URDF with the file and line', () => {
  it.each([
    ['not XML', 'hello, robot', 1, /not well-formed XML/],
    ['no <robot> root', '<?xml version="1.0"?>\n<sdf version="1.6"/>', 2, /root element is <sdf>, not <robot>/],
    ['a joint whose child link does not exist', robotXml(...twoLinks, '<joint name="j" type="fixed"><parent link="a"/><child link="c"/></joint>'), 4, /child link "c" does not exist/],
    ['two roots', robotXml(...twoLinks), 3, /2 root links .*"a" and "b"/],
    ['a duplicate link', robotXml('<link name="a"/>', '<link name="a"/>'), 3, /link "a" is declared twice \(first at line 2\)/],
    ['a bad number', robotXml(...twoLinks, '<joint name="j" type="fixed"><parent link="a"/><child link="b"/>', '<origin xyz="1 2 abc"/></joint>'), 5, /<joint name="j">: <origin> xyz="1 2 abc": "abc" is not a number/],
    ['too few numbers', robotXml('<link name="a"><visual><geometry><box size="1 2"/></geometry></visual></link>'), 2, /expected 3 numbers, found 2/],
    ['an unknown joint type', robotXml(...twoLinks, '<joint name="j" type="hinge"><parent link="a"/><child link="b"/></joint>'), 4, /unknown joint type "hinge"/],
    ['a zero axis', robotXml(...twoLinks, '<joint name="j" type="continuous"><parent link="a"/><child link="b"/>', '<axis xyz="0 0 0"/></joint>'), 5, /the axis is zero/],
    ['a limit without effort', robotXml(...twoLinks, '<joint name="j" type="revolute"><parent link="a"/><child link="b"/>', '<limit lower="0" upper="1" velocity="1"/></joint>'), 5, /<limit> has no "effort" attribute/],
    ['a joint without a type', robotXml(...twoLinks, '<joint name="j"><parent link="a"/><child link="b"/></joint>'), 4, /has no "type" attribute/],
    ['a mimic of a missing joint', robotXml(...twoLinks, '<joint name="j" type="continuous"><parent link="a"/><child link="b"/><mimic joint="q"/></joint>'), 4, /mimics joint "q", which does not exist/],
    ['a version urdfdom refuses', '<robot name="r" version="1.1">\n<link name="a"/></robot>', 1, /unsupported URDF version/],
    ['an unexpanded xacro', '<robot name="r" xmlns:xacro="http://ros.org/wiki/xacro">\n<xacro:property name="l" value="1"/>\n<link name="a"/></robot>', 2, /this is a xacro file/],
  ])('refuses %s', (_what, text, line, message) => {
    const error = errorOf(text);
    expect(error.file).toBe('bad.urdf');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('refuses a cycle and names the links in it', () => {
    const error = errorOf(robotXml('<link name="base"/>', '<link name="a"/>', '<link name="b"/>',
      '<joint name="ab" type="fixed"><parent link="a"/><child link="b"/></joint>',
      '<joint name="ba" type="fixed"><parent link="b"/><child link="a"/></joint>'));
    expect(error.message).toMatch(/kinematic loop: (a → b → a|b → a → b)/);
  });

  it('refuses a revolute joint without limits only in strict mode, as urdfdom does', () => {
    const text = robotXml(...twoLinks, '<joint name="j" type="revolute"><parent link="a"/><child link="b"/></joint>');
    expect(parseUrdf(text, 'r.urdf').warnings[0]).toMatch(/revolute but has no <limit>/);
    expect(() => parseUrdf(text, 'r.urdf', { strict: true })).toThrow(/has no <limit> \(urdfdom requires one\)/);
  });

  // How long the refusal takes is measured by bench/cases/urdf-entity-bomb.ts, not here.
  it('refuses a billion-laughs entity bomb instead of expanding it', () => {
    const defs = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const text = `<?xml version="1.0"?>\n<!DOCTYPE robot [\n${defs.join('\n')}\n]>\n<robot name="&lol9;"><link name="a"/></robot>`;
    expect(errorOf(text).message).toMatch(/entity expansion is refused/);
  });

  it('refuses an undefined entity instead of expanding anything', () => {
    expect(errorOf('<robot name="&lol9;"><link name="a"/></robot>').message).toMatch(/undefined entity/);
  });

  it("accepts a misspelt XML declaration, as urdfdom's TinyXML does", () => {
    expect(parseUrdf('<?xml verison="1.0"?>\n<robot name="r"><link name="a"/></robot>', 'r.urdf').robot.root).toBe('a');
  });
});
