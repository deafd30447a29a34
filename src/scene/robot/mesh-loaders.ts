/**
 * Loads one mesh file into a three.js object, choosing the loader by extension (either case):
 * STL, COLLADA (.dae, with its textures), OBJ, glTF/GLB. The bytes come from the caller, so the
 * same code serves bundled robots, dropped folders and zips, and meshes embedded in a cell file.
 */
import { Mesh, MeshStandardMaterial, type LoadingManager, type Material, type Object3D } from 'three';
import { ColladaLoader } from 'three/examples/jsm/loaders/ColladaLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { OBJLoader } from 'three/examples/jsm/loaders/OBJLoader.js';
import { STLLoader } from 'three/examples/jsm/loaders/STLLoader.js';

/** Mesh formats CellTwin reads. */
export type MeshFormat = 'stl' | 'dae' | 'obj' | 'gltf' | 'glb';

/** The format of `path` by its extension, or null when no loader handles it. */
export function meshFormat(path: string): MeshFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === 'stl' || ext === 'dae' || ext === 'obj' || ext === 'gltf' || ext === 'glb' ? ext : null;
}

/**
 * Parses mesh bytes. `baseUrl` is where relative references inside the file (DAE textures,
 * glTF buffers) are looked up through `manager`'s URL modifier.
 */
export async function parseMesh(
  format: MeshFormat,
  bytes: ArrayBuffer,
  baseUrl: string,
  manager: LoadingManager,
  material: Material | null,
): Promise<Object3D> {
  switch (format) {
    case 'stl': {
      const geometry = new STLLoader(manager).parse(bytes);
      geometry.computeVertexNormals();
      return new Mesh(geometry, material ?? new MeshStandardMaterial({ color: '#b0b7bd' }));
    }
    case 'dae': {
      const text = new TextDecoder().decode(bytes);
      const collada = new ColladaLoader(manager).parse(text, baseUrl);
      if (!collada?.scene) throw new Error('not a COLLADA document');
      return collada.scene;
    }
    case 'obj': {
      const group = new OBJLoader(manager).parse(new TextDecoder().decode(bytes));
      if (material) group.traverse((o) => o instanceof Mesh && (o.material = material));
      return group;
    }
    case 'gltf':
    case 'glb': {
      const gltf = await new GLTFLoader(manager).parseAsync(format === 'gltf' ? new TextDecoder().decode(bytes) : bytes, baseUrl);
      return gltf.scene;
    }
  }
}
