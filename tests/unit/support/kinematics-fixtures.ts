/**
 * Shared fixtures of the kinematics tests: a seeded RNG (tests never use Math.random, so a
 * failure reproduces), and loaders for the real robots in tests/corpus and the bundled
 * library in urdf/, both read in place.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseUrdf } from '../../../src/io/urdf/parse-urdf';
import type { RobotDescription } from '../../../src/model/robot-description';
import { activeJoints } from '../../../src/model/robot-description';

/** tests/corpus, with a trailing slash. */
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** The bundled robot library. */
export const LIBRARY_DIR = fileURLToPath(new URL('../../../urdf/', import.meta.url));

/** Parses a corpus URDF given by its path below tests/corpus. */
export function loadCorpusRobot(path: string): RobotDescription {
  return parseUrdf(readFileSync(CORPUS_DIR + path, 'utf8'), path).robot;
}

/** Parses a bundled URDF given by its file name in urdf/. */
export function loadBundledRobot(file: string): { robot: RobotDescription; warnings: string[]; text: string } {
  const text = readFileSync(LIBRARY_DIR + file, 'utf8');
  return { ...parseUrdf(text, file), text };
}

export { seededRandom } from '../../../src/kinematics/random';

/**
 * A random vector of the robot's input joints, uniform within each joint's limits; joints
 * without finite limits (continuous) draw from [−π, π].
 */
export function randomJointVector(robot: RobotDescription, random: () => number): number[] {
  return activeJoints(robot).map((j) => {
    const lower = Number.isFinite(j.limits?.lower) ? j.limits!.lower : -Math.PI;
    const upper = Number.isFinite(j.limits?.upper) ? j.limits!.upper : Math.PI;
    return lower + (upper - lower) * random();
  });
}

/**
 * Each bundled robot next to the corpus URDF of the same robot (tests/corpus).
 * Vendor figures from tests/corpus/DATASHEETS.md section 1: reach (mm) and joint speeds (°/s).
 * `corpusDiffers` names joints whose corpus limits we knowingly do not follow (bundled-robots.test.ts).
 */
export const BUNDLED_VS_CORPUS = [
  { id: 'ur5e', corpus: 'ur_description/urdf/ur5e.urdf', reachMm: 850, speedsDeg: [180, 180, 180, 180, 180, 180], corpusDiffers: [] },
  { id: 'ur10e', corpus: 'ur_description/urdf/ur10e.urdf', reachMm: 1300, speedsDeg: [120, 120, 180, 180, 180, 180], corpusDiffers: [] },
  { id: 'kuka_kr6_r900_sixx', corpus: 'kuka_kr6_support/urdf/kr6r900sixx.urdf', reachMm: 901, speedsDeg: [360, 300, 360, 381, 388, 615], corpusDiffers: [] },
  { id: 'abb_irb120', corpus: 'abb_irb120_support/urdf/irb120_3_58.urdf', reachMm: 580, speedsDeg: [250, 250, 250, 320, 320, 420], corpusDiffers: [] },
  { id: 'fanuc_lrmate200id', corpus: 'fanuc_lrmate200id_support/urdf/lrmate200id.urdf', reachMm: 717, speedsDeg: [450, 380, 520, 550, 545, 1000], corpusDiffers: [] },
  // The corpus GP7 gives T ±6.2944 rad (±360.6°) at 17.4845 rad/s (1001.8 °/s); the datasheet says ±360° and 1000 °/s.
  { id: 'yaskawa_gp7', corpus: 'motoman_gp7_support/urdf/gp7.urdf', reachMm: 927, speedsDeg: [375, 315, 410, 550, 550, 1000], corpusDiffers: ['t'] },
] as const;
