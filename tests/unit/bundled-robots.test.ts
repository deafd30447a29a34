import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ForwardKinematics } from '../../src/kinematics/forward';
import { mat4Position, mat4RotationAngle } from '../../src/kinematics/mat4';
import { activeJoints } from '../../src/model/robot-description';
import { libraryRobots } from '../../src/model/robot-library';
import {
  BUNDLED_VS_CORPUS,
  CORPUS_DIR,
  LIBRARY_DIR,
  loadBundledRobot,
  loadCorpusRobot,
  randomJointVector,
  seededRandom,
} from './support/kinematics-fixtures';


const entry = (id: string) => {
  const e = libraryRobots().find((r) => r.id === id);
  if (!e) throw new Error(`no library entry "${id}"`);
  return e;
};

describe('bundled robots', () => {
  it('has a library entry for every robot compared here, and a URDF for every entry', () => {
    expect(libraryRobots().map((r) => r.id).sort()).toEqual(BUNDLED_VS_CORPUS.map((c) => c.id).sort());
  });

  for (const c of BUNDLED_VS_CORPUS) {
    describe(c.id, () => {
      const { robot, warnings } = loadBundledRobot(entry(c.id).file);

      it('parses without warnings into six joints from base_link to tool0', () => {
        expect(warnings).toEqual([]);
        expect(robot.root).toBe('base_link');
        expect(activeJoints(robot)).toHaveLength(6);
        expect(robot.links.map((l) => l.name)).toContain(entry(c.id).flangeLink);
      });

      it('puts tool0 where the corpus URDF does at 20 random joint vectors (position 1e-6 m, orientation 1e-6 rad)', () => {
        const corpus = loadCorpusRobot(c.corpus);
        const ours = new ForwardKinematics(robot);
        const theirs = new ForwardKinematics(corpus);
        // The conventional frames must agree: tool0 always, and the controller's `base` frame where both
        // files have one (UR, FANUC, Yaskawa). Link frames in between are placed differently on purpose.
        const shared = ['tool0', 'base'].filter((n) => ours.linkNames.includes(n) && theirs.linkNames.includes(n));
        expect(shared).toContain('tool0');
        const random = seededRandom(2024);
        for (let n = 0; n < 20; n++) {
          const q = randomJointVector(robot, random);
          ours.compute(q);
          theirs.compute(q);
          for (const frame of shared) {
            const a = ours.relativePose('base_link', frame);
            const b = theirs.relativePose('base_link', frame);
            const pa = mat4Position(a), pb = mat4Position(b);
            pa.forEach((v, i) => expect(Math.abs(v - pb[i]!), `${frame} at q = ${q.join(', ')}`).toBeLessThan(1e-6));
            // 1e-6 rad, not less: the corpus GP7 writes tool0's rpy as 3.1415926 and -1.570796.
            expect(mat4RotationAngle(a, b), `${frame} orientation`).toBeLessThan(1e-6);
          }
        }
      });

      it("has the corpus URDF's joint limits and speeds (0.1°, 0.1 °/s), except where noted", () => {
        const theirs = activeJoints(loadCorpusRobot(c.corpus));
        activeJoints(robot).forEach((j, i) => {
          const t = theirs[i]!;
          if ((c.corpusDiffers as readonly string[]).includes(j.name)) return;
          expect(Math.abs(j.limits!.lower - t.limits!.lower), `${j.name} lower`).toBeLessThan(0.1 * (Math.PI / 180));
          expect(Math.abs(j.limits!.upper - t.limits!.upper), `${j.name} upper`).toBeLessThan(0.1 * (Math.PI / 180));
          expect(Math.abs(j.limits!.velocity - t.limits!.velocity), `${j.name} speed`).toBeLessThan(0.1 * (Math.PI / 180));
        });
      });
    });
  }

  it('ships no byte-identical copy of any corpus URDF', () => {
    const corpusTexts = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${dir}/${e.name}`);
        else if (/\.(urdf|xacro)$/i.test(e.name)) corpusTexts.add(readFileSync(`${dir}/${e.name}`, 'utf8'));
      }
    };
    walk(CORPUS_DIR.replace(/\/$/, ''));
    expect(corpusTexts.size).toBeGreaterThan(20);
    for (const file of readdirSync(LIBRARY_DIR).filter((f) => f.endsWith('.urdf'))) {
      expect(corpusTexts.has(readFileSync(LIBRARY_DIR + file, 'utf8')), file).toBe(false);
    }
  });
});
