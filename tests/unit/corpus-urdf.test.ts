import { describe, expect, it } from 'vitest';
import { parseUrdf, UrdfError } from '../../src/io/urdf';
import { activeJoints } from '../../src/model/robot-description';
import { corpusFiles, corpusRobots, corpusText } from './corpus-helpers';

/** Parses a corpus file, returning the UrdfError it throws (or failing the test when none). */
function refusal(file: string): UrdfError {
  try {
    parseUrdf(corpusText(file), file);
  } catch (e) {
    if (e instanceof UrdfError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted but must be refused`);
}

describe('every robot in the corpus manifest', () => {
  for (const robot of corpusRobots()) {
    it(`${robot.name} loads with ${robot.links} links, ${robot.joints} joints and ${robot.mimic} mimic joints`, () => {
      const { robot: r } = parseUrdf(corpusText(robot.dest), robot.dest);
      expect(r.name).toBe(robot.robot_name);
      // Drake's PR2 hangs from an undeclared `world`, which we add as an implicit link.
      expect(r.links.filter((l) => !l.implicit)).toHaveLength(robot.links);
      expect(r.joints).toHaveLength(robot.joints);
      expect(r.joints.filter((j) => j.mimic !== null)).toHaveLength(robot.mimic);
      const types: Record<string, number> = {};
      for (const j of r.joints) types[j.type] = (types[j.type] ?? 0) + 1;
      expect(types).toEqual(robot.jtypes);
    });
  }
});

describe('every URDF file in the corpus', () => {
  const refused = /(?:^|\/)fail_|test_version_(?:wrong_type|unsupported_version|one_int)/;
  const files = corpusFiles(/\.urdf$/i).filter((f) => !refused.test(f));

  it('finds more than 35 URDF files to load', () => {
    expect(files.length).toBeGreaterThan(35);
  });

  for (const file of files) {
    it(`${file} loads with its joints in tree order from the root`, () => {
      const { robot } = parseUrdf(corpusText(file), file);
      // Tree order: each joint's parent is the root or the child of an earlier joint.
      const placed = new Set([robot.root]);
      for (const j of robot.joints) {
        expect(placed.has(j.parent)).toBe(true);
        placed.add(j.child);
      }
      expect(robot.links[0]?.name).toBe(robot.root);
      for (const j of robot.joints) expect(Math.hypot(...j.axis)).toBeCloseTo(1, 12);
    });
  }
});

describe('ros/urdf test files', () => {
  it('reads test_robot.urdf as r2d2 with root dummy_link, 16 joints and 17 links', () => {
    const { robot } = parseUrdf(corpusText('ros_urdf_tests/test_robot.urdf'), 'test_robot.urdf');
    expect([robot.name, robot.root, robot.joints.length, robot.links.length]).toEqual(['r2d2', 'dummy_link', 16, 17]);
  });

  it.each([
    ['no_visual.urdf', 'no_visual', 'link1', 0, 1],
    ['one_link.urdf', 'one_link', 'link1', 0, 1],
    ['two_links_one_joint.urdf', 'two_links_one_joint', 'link1', 1, 2],
  ])('reads %s as robot %s with root %s, %i joints and %i links', (file, name, root, joints, links) => {
    const { robot } = parseUrdf(corpusText(`ros_urdf_tests/${file}`), file);
    expect([robot.name, robot.root, robot.joints.length, robot.links.length]).toEqual([name, root, joints, links]);
  });

  it.each([
    ['fail_pr2_desc_bracket.urdf', 9, /rpy="0 0 1 }": "}" is not a number/],
    ['fail_pr2_desc_double.urdf', 31, /link "fl_caster_rotation_link" is declared twice \(first at line 14\)/],
    ['fail_pr2_desc_double_joint.urdf', 21, /joint "fl_caster_rotation_joint" is declared twice/],
    ['fail_pr2_desc_loop.urdf', 22, /kinematic loop: base_link → fl_caster_rotation_link → base_link/],
    ['fail_pr2_desc_no_filename_in_mesh.urdf', 99, /<mesh> has no "filename" attribute/],
    ['fail_pr2_desc_no_joint2.urdf', 10, /not well-formed XML/],
    ['fail_pr2_desc_parent_itself.urdf', 4, /parent and child are the same link "base_link"/],
    ['fail_pr2_desc_two_trees.urdf', 4, /parent link "base_link" does not exist/],
    ['fail_three_links_one_joint.urdf', 24, /not well-formed XML: a close tag does not match <joint> opened at line 21/],
  ])('refuses %s at line %i', (file, line, message) => {
    const error = refusal(`ros_urdf_tests/${file}`);
    expect(error.file).toBe(`ros_urdf_tests/${file}`);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('covers all nine fail_*.urdf files of ros/urdf', () => {
    expect(corpusFiles(/^fail_.*\.urdf$/)).toHaveLength(9);
  });
});

describe('urdfdom version attribute cases', () => {
  it.each(['test_version_wrong_type', 'test_version_unsupported_version', 'test_version_one_int'])('refuses %s', (name) => {
    const error = refusal(`urdfdom_tests/${name}.urdf`);
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/version/);
  });

  it.each(['test_version_not_specified', 'test_version_one_float'])('accepts %s', (name) => {
    expect(parseUrdf(corpusText(`urdfdom_tests/${name}.urdf`), name).robot.links).toHaveLength(1);
  });
});

describe('urdfdom unit test values', () => {
  it('reads joint dynamics, limits and mimic of parse_joint_doubles', () => {
    const { robot } = parseUrdf(corpusText('urdfdom_tests/parse_joint_doubles.urdf'), 'parse_joint_doubles.urdf');
    const j1 = robot.joints.find((j) => j.name === 'j1');
    expect(j1?.dynamics).toEqual({ damping: 87.098, friction: 3.129 });
    expect(j1?.limits).toEqual({ lower: 12.34, upper: 22.999, effort: 99, velocity: 23 });
    expect(j1?.mimic).toEqual({ joint: 'j2', multiplier: 9.87, offset: 0.098 });
  });

  it('reads geometry and inertia of parse_link_doubles', () => {
    const { robot } = parseUrdf(corpusText('urdfdom_tests/parse_link_doubles.urdf'), 'parse_link_doubles.urdf');
    const [l1, l2] = [robot.links.find((l) => l.name === 'l1'), robot.links.find((l) => l.name === 'l2')];
    expect(l1?.visuals[0]?.geometry).toEqual({ type: 'sphere', radius: 1.349 });
    expect(l1?.inertial?.mass).toBe(8.4396);
    expect(l1?.inertial?.inertia).toEqual([0.087, 0.14, 0.912, 0.763, 0.0012, 0.908]);
    expect(l2?.visuals[0]?.geometry).toEqual({ type: 'cylinder', radius: 3.349, length: 7.549 });
  });

  it('reads the inline material colours of parse_color_doubles', () => {
    const { robot } = parseUrdf(corpusText('urdfdom_tests/parse_color_doubles.urdf'), 'parse_color_doubles.urdf');
    expect(robot.links.find((l) => l.name === 'l1')?.visuals[0]?.color).toEqual([1, 0.65, 0, 0.01]);
    expect(robot.links.find((l) => l.name === 'l2')?.visuals[0]?.color).toEqual([1, 0.0001, 0, 1]);
  });

  it('accepts two joints onto the same child link, as urdfdom does, with a warning', () => {
    const { robot, warnings } = parseUrdf(corpusText('urdfdom_tests/parse_link_doubles.urdf'), 'parse_link_doubles.urdf');
    expect(robot.joints.map((j) => j.name)).toEqual(['j1', 'j2']);
    expect(warnings.join('\n')).toMatch(/link "l2" is the child of 2 joints/);
  });
});

describe('corpus robot details', () => {
  it('gives the Panda finger mimic the default multiplier 1 and offset 0', () => {
    const { robot } = parseUrdf(corpusText('franka_description/robots/panda/panda.urdf'), 'panda.urdf');
    expect(robot.joints.find((j) => j.name === 'panda_finger_joint2')?.mimic).toEqual({ joint: 'panda_finger_joint1', multiplier: 1, offset: 0 });
    expect(activeJoints(robot).map((j) => j.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `panda_joint${i}`).concat('panda_finger_joint1'));
  });

  it('gives Gen3 continuous joints infinite position limits and keeps their speed limit', () => {
    const { robot } = parseUrdf(corpusText('kortex_description/robots/gen3_7dof.urdf'), 'gen3_7dof.urdf');
    const joint1 = robot.joints.find((j) => j.name === 'joint_1');
    expect(joint1?.type).toBe('continuous');
    expect(joint1?.limits?.lower).toBe(-Infinity);
    expect(joint1?.limits?.upper).toBe(Infinity);
    expect(joint1?.limits?.velocity).toBeCloseTo(1.3963, 4);
  });

  it("adds Drake's undeclared world link and reads its unlimited prismatic base joints, with warnings", () => {
    const file = 'drake_models/pr2_description/urdf/pr2_simplified.urdf';
    const { robot, warnings } = parseUrdf(corpusText(file), file);
    expect(robot.root).toBe('world');
    expect(robot.links[0]).toEqual({ name: 'world', visuals: [], collisions: [], inertial: null, implicit: true });
    expect(robot.joints.find((j) => j.name === 'x')?.limits).toEqual({ lower: -Infinity, upper: Infinity, velocity: 0, effort: 0 });
    expect(warnings.filter((w) => /has no <limit>/.test(w))).toHaveLength(2);
    expect(warnings.some((w) => /"world" is not declared/.test(w))).toBe(true);
  });

  it("refuses Drake's PR2 in strict mode, as urdfdom's check_urdf does", () => {
    const file = 'drake_models/pr2_description/urdf/pr2_simplified.urdf';
    expect(() => parseUrdf(corpusText(file), file, { strict: true })).toThrow(/has no <limit>|"world" does not exist/);
  });

  it('lists the UR5e joints 1 to 6 in tree order with the UR joint axes', () => {
    const { robot } = parseUrdf(corpusText('ur_description/urdf/ur5e.urdf'), 'ur5e.urdf');
    expect(activeJoints(robot).map((j) => j.name)).toEqual([
      'shoulder_pan_joint', 'shoulder_lift_joint', 'elbow_joint', 'wrist_1_joint', 'wrist_2_joint', 'wrist_3_joint',
    ]);
    const lift = robot.joints.find((j) => j.name === 'shoulder_lift_joint');
    expect(lift?.origin.rpy[0]).toBeCloseTo(Math.PI / 2, 9);
    expect(lift?.limits).toEqual({ lower: -2 * Math.PI, upper: 2 * Math.PI, velocity: Math.PI, effort: 150 });
  });
});
