/**
 * Lessons in the page: `?lesson=wrist-singularity` opens the KR 6 lesson, which says "Not yet"
 * at its start pose and "Done ✓" once joint 5 is jogged straight; the eight-branches lesson,
 * opened from the Lessons list, counts each configuration the UR5e visits with its tool on the
 * target and is done after all eight. Opening a lesson is one undo step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseUrdf } from '../../src/io/urdf/parse-urdf';
import { InverseKinematics } from '../../src/kinematics/ik';
import { labelledBranches } from '../../src/kinematics/ik-branches';
import { mat4Create, mat4FromXyzRpy } from '../../src/kinematics/mat4';
import { readCell, type RobotItem } from '../../src/model';
import { openApp, REPO_ROOT, saveScreenshot, type AppSession } from './harness';

const robotJoints = (id: string) => (window.__celltwin?.cell?.().items.find((i) => i.id === id) as { joints?: number[] } | undefined)?.joints ?? null;

/** The eight solutions for the lesson's target, computed here in Node from the same files. */
function expectedBranches() {
  const read = readCell(readFileSync(path.join(REPO_ROOT, 'assets/lessons/eight-branches.cell.json'), 'utf8'));
  if (!read.ok) throw new Error('eight-branches.cell.json does not read');
  const item = read.cell.items.find((i): i is RobotItem => i.id === 'robot-1' && i.type === 'robot')!;
  const { robot } = parseUrdf(readFileSync(path.join(REPO_ROOT, 'urdf/ur5e.urdf'), 'utf8'), 'ur5e.urdf');
  const ik = new InverseKinematics(robot, 'base_link', 'tool0');
  const t = read.cell.targets[0]!.pose;
  // The robot stands unturned on a 600 mm pedestal: the target in its base frame is 600 mm lower.
  expect(item.pose).toEqual({ xyz: [0, 0, 0.6], rpy: [0, 0, 0] });
  const target = mat4FromXyzRpy(mat4Create(), [t.xyz[0], t.xyz[1], t.xyz[2] - 0.6], t.rpy);
  return labelledBranches(ik, target, item.joints);
}

describe('lessons', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp({ query: '?fresh&lesson=wrist-singularity', viewport: { width: 1400, height: 900 } });
    await app.page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('?lesson=wrist-singularity opens the KR 6 lesson: not done at 51.6°, done with joint 5 straight, and Undo gives the demo cell back', async () => {
    const page = app.page;
    const card = page.getByRole('complementary', { name: 'Lesson' });
    await card.getByRole('heading', { name: 'Find the wrist singularity' }).waitFor();
    expect(await page.evaluate(() => window.__celltwin?.cell?.().name)).toBe('Lesson: find the wrist singularity');
    const status = page.getByRole('status', { name: 'Lesson check' });
    // The start pose has θ5 = 0.9 rad: axes 4 and 6 are 51.6° apart.
    await expect.poll(() => status.textContent()).toContain('Not yet');
    expect(await status.textContent()).toContain('axes 4 and 6 are 51.6° apart');
    await card.getByRole('button', { name: /Show a hint/ }).click();
    expect(await card.locator('.lesson-hints li').count()).toBe(1);
    await page.getByLabel('a5 (°)').fill('0');
    await expect.poll(() => status.textContent()).toContain('Done ✓');
    expect(await status.textContent()).toContain('axes 4 and 6 are 0.00° apart');
    await saveScreenshot(page, 'lesson-wrist-done.png');
    expect((await page.evaluate(robotJoints, 'robot-1'))![4]).toBeCloseTo(0, 12);
    // A little off again: not done.
    await page.getByLabel('a5 (°)').fill('5');
    await expect.poll(() => status.textContent()).toMatch(/^Not yet\s*axes 4 and 6 are 5\.0° apart/);
    // Undo the two jogs and the lesson itself: the demo cell is back and the card says so.
    await page.locator('.statusbar').click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => page.evaluate(() => window.__celltwin?.cell?.().name)).toBe('Pick and place demo');
    await expect.poll(() => status.textContent()).toContain('not in this cell any more');
    await card.getByRole('button', { name: 'Close the lesson' }).click();
    expect(await card.count()).toBe(0);
  }, 180_000);

  it('the eight-branches lesson from the Lessons list counts each configuration reached on the target, and is done after all eight', async () => {
    const page = app.page;
    const branches = expectedBranches();
    expect(branches.filter((b) => b.withinLimits)).toHaveLength(8);
    await page.locator('.statusbar').getByRole('button', { name: 'Lessons' }).click();
    const list = page.getByRole('dialog', { name: 'Lessons' });
    await saveScreenshot(page, 'lesson-list.png');
    await page.keyboard.press('Escape'); // closes the list
    expect(await list.count()).toBe(0);
    await page.locator('.statusbar').getByRole('button', { name: 'Lessons' }).click();
    await list.getByRole('button', { name: /Reach this target on all eight branches/ }).click();
    expect(await list.count()).toBe(0);
    await page.waitForFunction(() => Object.values(window.__celltwin?.robotLoads?.() ?? {}).every((s) => s.done));
    const card = page.getByRole('complementary', { name: 'Lesson' });
    const status = page.getByRole('status', { name: 'Lesson check' });
    await expect.poll(() => status.textContent()).toContain('0 of 8 configurations visited');
    expect(await status.textContent()).toMatch(/The tool is \d+\.\d mm and \d+\.\d° from the target \(within 1 mm and 1° counts\)/);

    // "Tool to target": inverse kinematics from the start pose lands on the nearest solution.
    await card.getByRole('button', { name: 'Tool to target' }).click();
    await expect.poll(() => status.textContent()).toContain('1 of 8 configurations visited');
    const reached = (await page.evaluate(robotJoints, 'robot-1'))!;
    const first = branches.find((b) => b.q.every((v, i) => Math.abs(v - reached[i]!) < 1e-6));
    expect(first, `the IK answer ${reached} is one of the eight solutions`).toBeDefined();
    expect(await status.textContent()).toContain(`The tool is on the target (${first!.label})`);
    expect(await card.locator('.lesson-branches td.visited').evaluateAll((cells) => cells.map((c) => c.getAttribute('title')))).toEqual([first!.label]);

    // The rest through the inspector's IK branch list (each jump keeps the tool on the target).
    const branchList = page.getByRole('list', { name: 'IK branches' });
    let visited = 1;
    for (const b of branches) {
      if (b === first) continue;
      await branchList.getByRole('button', { name: b.label, exact: true }).click();
      visited++;
      await expect.poll(() => status.textContent()).toContain(visited === 8 ? 'Done ✓' : `${visited} of 8 configurations visited`);
      const q = (await page.evaluate(robotJoints, 'robot-1'))!;
      q.forEach((v, i) => expect(Math.cos(v - b.q[i]!)).toBeCloseTo(1, 9));
      // On the pedestal no configuration runs the arm into the floor: the jog panel names no collision.
      expect(await page.locator('.edit-collisions').count()).toBe(0);
      if (visited === 4) {
        await card.getByRole('button', { name: /Show a hint/ }).click();
        await card.getByLabel('Ghosts').check();
        await page.locator('.kin-ghost-label').first().waitFor();
        await page.locator('.dash-toggle').click(); // fold the results panel: more room for the view and the card
        await page.getByRole('button', { name: 'Frame', exact: true }).click();
        await page.waitForTimeout(1500); // the camera eases to the framed robot
        await saveScreenshot(page, 'lesson.png');
        // Ghost, frame and target names share one layout: each of the 7 other ghosts is named
        // (a label, or a dot with a tooltip where none fits) and no two label boxes intersect.
        expect(await page.locator('.scene-labels > .kin-ghost-label, .scene-labels > .scene-label-dot[data-label^="ghost:"]').count()).toBe(7);
        const boxes = await page.locator('.scene-labels > .scene-label').evaluateAll((els) => els.map((e) => {
          const r = e.getBoundingClientRect();
          return { name: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }));
        expect(boxes.length).toBeGreaterThanOrEqual(8); // the 7 ghosts' names and the target's at least
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            expect(a.left >= b.right || b.left >= a.right || a.top >= b.bottom || b.top >= a.bottom, `${a.name} covers ${b.name}`).toBe(true);
          }
        }
      }
    }
    expect(await status.textContent()).toContain('All eight configurations put the tool on the same target');
    expect(await card.locator('.lesson-branches td.visited').count()).toBe(8);
    expect(app.errors.page).toEqual([]);
  }, 240_000);

  it('the DH lesson names a wrong cell of the table and is done with d₄ = 302 mm typed in', async () => {
    const page = app.page;
    // This time from the library panel's entry, found by searching the library.
    await page.getByLabel('Search the library').fill('lesson');
    const entry = page.getByRole('complementary', { name: 'Library' }).getByRole('button', { name: /Kinematics lessons/ });
    await saveScreenshot(page, 'lesson-library.png');
    await entry.click();
    await page.getByLabel('Search the library').fill('');
    // The list marks the two lessons done so far.
    expect(await page.getByRole('dialog', { name: 'Lessons' }).locator('.lesson-done').count()).toBe(2);
    await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /Read the DH table/ }).click();
    const status = page.getByRole('status', { name: 'Lesson check' });
    await expect.poll(() => status.textContent()).toContain('type d₄ in mm');
    // The inspector shows the table the lesson asks about: row 4 of the standard table, d = 302.00.
    const row4 = page.getByRole('table', { name: 'DH table (standard)' }).locator('tbody tr').nth(3);
    expect(await row4.locator('td').nth(4).textContent()).toBe('302.00');
    const input = page.getByLabel('Your answer (mm)');
    await input.fill('70');
    await expect.poll(() => status.textContent()).toContain('70 mm is a₃ in the standard table, not d₄');
    await input.fill('302');
    await expect.poll(() => status.textContent()).toContain('Done ✓');
    expect(await status.textContent()).toContain('d₄ = 302 mm (standard convention)');
    await saveScreenshot(page, 'lesson-dh.png');
    expect(app.errors.page).toEqual([]);
  }, 120_000);

  it('?lesson= with an unknown id leaves the cell alone and names the lessons there are; the lessons done stay marked', async () => {
    const page = app.page;
    await page.goto(`${app.server.url}?fresh&lesson=nine-branches`, { waitUntil: 'load' });
    const notice = page.getByText('There is no lesson "nine-branches"');
    await notice.waitFor();
    expect(await page.getByText('The lessons are: wrist-singularity, eight-branches, read-the-dh-table.').count()).toBe(1);
    // The notice can come before the 3D view (and with it the test probe) is up: wait for the cell.
    await expect.poll(() => page.evaluate(() => window.__celltwin?.cell?.().name), { timeout: 60_000 }).toBe('Pick and place demo');
    expect(await page.getByRole('complementary', { name: 'Lesson' }).count()).toBe(0);
    // The three lessons done before this reload are still marked (kept in localStorage).
    await page.locator('footer.statusbar button.lessons-link').click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Lessons' }).locator('.lesson-done').count()).toBe(3);
    expect(app.errors.page).toEqual([]);
  }, 120_000);
});
