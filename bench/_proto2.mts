import { readFileSync } from 'node:fs';
const { parseUrdf, parseXml, readRobot } = await import('/work/main/src/io/urdf');
const { SaxesParser } = await import('saxes');
for (const f of ['../shared/corpus/ur_description/urdf/ur5e.urdf', '../shared/corpus/ros_urdf_tests/pr2_desc.urdf']) {
  const text = readFileSync(f, 'utf8');
  const t = (fn: () => unknown, n = 300) => { for (let i = 0; i < 50; i++) fn(); const s = performance.now(); for (let i = 0; i < n; i++) fn(); return ((performance.now() - s) / n).toFixed(3); };
  const root = parseXml(text, f);
  console.log(f);
  console.log('parseUrdf', t(() => parseUrdf(text, f)), 'parseXml', t(() => parseXml(text, f)), 'readRobot', t(() => readRobot(root, f)));
  console.log('bare saxes pos', t(() => new SaxesParser({ xmlns: false, position: true }).write(text).close()));
  console.log('bare saxes nopos', t(() => new SaxesParser({ xmlns: false, position: false }).write(text).close()));
  console.log('saxes with handlers', t(() => { const p = new SaxesParser({ xmlns: false, position: true }); p.on('opentag', () => {}); p.on('text', () => {}); p.on('closetag', () => {}); p.on('opentagstart', () => {}); return p.write(text).close(); }));
  console.log('saxes with text only', t(() => { const p = new SaxesParser({ xmlns: false, position: true }); p.on('text', () => {}); return p.write(text).close(); }));
  console.log('saxes with opentag only', t(() => { const p = new SaxesParser({ xmlns: false, position: true }); p.on('opentag', () => {});  return p.write(text).close(); }));
}
