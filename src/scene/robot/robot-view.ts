/**
 * Builds the three.js view of a robot with urdf-loader. The robot appears as soon as its tree is
 * parsed; meshes fill in as they arrive; a missing or unreadable mesh becomes a grey placeholder
 * and a warning naming the file, so a load always finishes (urdf-loader alone can wait forever).
 */
import { LoadingManager, MeshStandardMaterial, type Object3D } from 'three';
import URDFLoader, { type URDFRobot } from 'urdf-loader';
import type { RobotDescription } from '../../model';
import { meshFormat, parseMesh } from './mesh-loaders';
import { collisionStandIn, placeholderBoxes, placeholderObject, standInObject } from './placeholder';

/** Where mesh bytes come from. `ref` is the filename exactly as the URDF writes it. */
export interface MeshResolver {
  /** The mesh's bytes, or null when the file is not there. */
  read(ref: string): Promise<ArrayBuffer | null>;
  /** A fetchable URL (blob:/data:/http:) for a file a mesh refers to (textures), or null. */
  urlFor(ref: string): string | null;
}

/** A robot view being loaded. */
export interface RobotViewLoad {
  robot: URDFRobot;
  /** Resolves with the warnings when every mesh is loaded or replaced by a placeholder. */
  done: Promise<string[]>;
}

export interface RobotViewOptions {
  onProgress?(loaded: number, total: number): void;
}

const collisionMaterial = new MeshStandardMaterial({ color: '#f08a24', transparent: true, opacity: 0.55, roughness: 0.6 });

/**
 * Starts loading the view of `description` from its URDF `text`. Visual and collision geometry
 * are both built; {@link showCollision} switches between them.
 */
export function loadRobotView(text: string, description: RobotDescription, meshes: MeshResolver, options: RobotViewOptions = {}): RobotViewLoad {
  const boxes = placeholderBoxes(description);
  const warnings: string[] = [];
  const pending: Array<Promise<void>> = [];
  let loaded = 0;
  const manager = new LoadingManager();
  // Textures inside DAE/glTF files are requested relative to the mesh; map them to real URLs.
  manager.setURLModifier((url) => meshes.urlFor(url.replace(/^mesh:\/\//, '')) ?? url);

  // A missing visual mesh: the same link's collision mesh, when that file is there, before a box.
  const collisionStandInFor = async (ref: string): Promise<{ name: string; object: Object3D } | null> => {
    const standIn = collisionStandIn(description, ref);
    const format = standIn ? meshFormat(standIn.filename) : null;
    if (!standIn || !format) return null;
    try {
      const bytes = await meshes.read(standIn.filename);
      if (!bytes) return null;
      const mesh = await parseMesh(format, bytes, `mesh://${standIn.filename.replace(/[^/]*$/, '')}`, manager, null);
      return { name: standIn.filename, object: standInObject(mesh, standIn) };
    } catch {
      return null;
    }
  };

  const loader = new URDFLoader(manager);
  loader.parseCollision = true;
  // Hand package:// paths to our resolver untouched instead of letting urdf-loader rewrite them.
  loader.packages = (pkg: string) => `package://${pkg}`;
  loader.loadMeshCb = (ref, _manager, material, done) => {
    const format = meshFormat(ref);
    const job = (async () => {
      try {
        if (!format) throw new Error(`no loader for this file type`);
        const bytes = await meshes.read(ref);
        if (!bytes) throw new Error('file not found');
        const base = `mesh://${ref.replace(/[^/]*$/, '')}`;
        done(await parseMesh(format, bytes, base, manager, material));
      } catch (e) {
        const standIn = await collisionStandInFor(ref);
        warnings.push(`mesh ${ref}: ${(e as Error).message}; ${standIn ? `drawn with its collision mesh ${standIn.name}` : 'shown as a grey box'}`);
        done(standIn?.object ?? placeholderObject(boxes.get(ref)));
      } finally {
        loaded += 1;
        options.onProgress?.(loaded, pending.length);
      }
    })();
    pending.push(job);
  };
  const robot = loader.parse(text);
  robot.traverse((o) => {
    if ((o as { isURDFCollider?: boolean }).isURDFCollider) {
      o.visible = false;
      o.traverse((m) => 'material' in m && (m.material = collisionMaterial));
    }
  });
  options.onProgress?.(0, pending.length);
  const done = Promise.all(pending).then(() => {
    // Meshes arrived after the traverse above: give collider meshes their see-through material.
    showCollision(robot, false);
    robot.traverse((o) => {
      o.castShadow = true;
    });
    return warnings;
  });
  return { robot, done };
}

/** Shows collision geometry instead of the visual (or back). */
export function showCollision(robot: Object3D, collision: boolean): void {
  robot.traverse((o) => {
    const tagged = o as { isURDFCollider?: boolean; isURDFVisual?: boolean };
    if (tagged.isURDFCollider) {
      o.visible = collision;
      o.traverse((m) => 'material' in m && m !== o && (m.material = collisionMaterial));
    }
    if (tagged.isURDFVisual) o.visible = !collision;
  });
}
