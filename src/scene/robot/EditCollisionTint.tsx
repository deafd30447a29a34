import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Color, Mesh, MeshStandardMaterial, type Material, type Object3D } from 'three';
import { editCollisionStore } from '../../tools/edit-collision-state';
import { collidingLinks } from '../../tools/edit-collisions';
import { robotViews } from './view-registry';

/** What a colliding link is drawn with (one shared material). */
const RED = new MeshStandardMaterial({ color: new Color('#e53935'), emissive: new Color('#5a0000'), roughness: 0.6 });
const ORIGINAL = '__editCollisionOriginal';

/** The meshes of one link, without descending into its child links. */
function linkMeshes(link: Object3D, out: Mesh[] = []): Mesh[] {
  for (const child of link.children) {
    if ((child as { isURDFJoint?: boolean }).isURDFJoint) continue;
    if (child instanceof Mesh) out.push(child);
    linkMeshes(child, out);
  }
  return out;
}

function tint(link: Object3D, red: boolean): void {
  for (const mesh of linkMeshes(link)) {
    const saved = mesh.userData[ORIGINAL] as Material | Material[] | undefined;
    if (red && saved === undefined) {
      mesh.userData[ORIGINAL] = mesh.material;
      mesh.material = RED;
    } else if (!red && saved !== undefined) {
      mesh.material = saved;
      delete mesh.userData[ORIGINAL];
    }
  }
}

/** Draws the links the edit-collision check finds in red (inside the canvas, to request frames). */
export function EditCollisionTint() {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    let shown = new Map<string, Set<string>>();
    const apply = () => {
      const { pairs } = editCollisionStore.getState();
      const next = new Map<string, Set<string>>();
      for (const [id, registered] of robotViews) {
        const links = collidingLinks(pairs, id);
        next.set(id, links);
        const before = shown.get(id) ?? new Set<string>();
        for (const [name, link] of Object.entries(registered.view.links)) {
          const red = links.has(name);
          if (red !== before.has(name) || red) tint(link, red);
        }
        if (registered.tool) for (const [name, link] of Object.entries(registered.tool.links)) tint(link, links.has(`tool/${name}`));
      }
      shown = next;
      invalidate();
    };
    apply();
    return editCollisionStore.subscribe(apply);
  }, [invalidate]);
  return null;
}
