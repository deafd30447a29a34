import RAPIER from '@dimforge/rapier3d-deterministic-compat';
await RAPIER.init();
const w = new RAPIER.World({x:0,y:0,z:-9.81});
w.timestep = 1/240;
console.log('pred', w.integrationParameters.normalizedPredictionDistance, w.lengthUnit);
const fixed = w.createRigidBody(RAPIER.RigidBodyDesc.fixed().setTranslation(1,0,0.5));
const fc = w.createCollider(RAPIER.ColliderDesc.cuboid(0.025,1,0.5), fixed);
const kin = w.createRigidBody(RAPIER.RigidBodyDesc.kinematicPositionBased().setTranslation(0,0,0.5));
const shape = process.argv[2]==='box'? RAPIER.ColliderDesc.cuboid(0.1,0.1,0.1): RAPIER.ColliderDesc.ball(0.1);
const kc = w.createCollider(shape.setActiveCollisionTypes(RAPIER.ActiveCollisionTypes.ALL).setActiveEvents(RAPIER.ActiveEvents.COLLISION_EVENTS), kin);
const q = new RAPIER.EventQueue(true);
const speed = Number(process.argv[3]??0.5);
for (let i=0;i<2400;i++){
  const t=(i+1)/240;
  kin.setNextKinematicTranslation({x:speed*t,y:0,z:0.5});
  w.step(q);
  let d = NaN; w.contactPair(kc, fc, (m, f)=>{ for(let k=0;k<m.numContacts();k++) d = Math.min(isNaN(d)?1e9:d, m.contactDist(k)); (globalThis as any).n=m.numSolverContacts?.(); });
  q.drainCollisionEvents((a,b,s)=>console.log('ev',i+1,s, 'front', (kin.translation().x+0.1).toFixed(4), 'back', (kin.translation().x-0.1).toFixed(4),'dist',d, (globalThis as any).n));
}
