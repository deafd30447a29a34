/**
 * Endless xacro macro recursion, found before xacro-parser runs. xacro-parser expands a macro by
 * recursing into its body, so a macro that calls itself with nothing to stop it overflows the
 * stack — and V8 prints its own dump on stderr ("Exception in PromiseRejectCallback") before any
 * error reaches us. A call inside `xacro:if` / `xacro:unless` may end, so only unconditional call
 * cycles are refused; they never terminate in ROS's xacro either.
 */
import { UrdfError } from './errors';
import type { XmlElement } from './xml';

const CONDITIONAL = /^xacro:(?:if|unless)$/;

/** Macros called from `body` outside any conditional, by name (with or without the `xacro:` prefix). */
function unconditionalCalls(body: XmlElement, macros: ReadonlyMap<string, XmlElement>): string[] {
  const out: string[] = [];
  const stack = [...body.children];
  while (stack.length > 0) {
    const el = stack.pop() as XmlElement;
    if (CONDITIONAL.test(el.name) || el.name === 'xacro:macro') continue;
    const name = el.name.replace(/^xacro:/, '');
    if (macros.has(name)) out.push(name);
    stack.push(...el.children);
  }
  return out;
}

/** Every `xacro:macro` element of the tree by name (iteratively: the tree may be deep). */
function macroDefinitions(root: XmlElement): Map<string, XmlElement> {
  const macros = new Map<string, XmlElement>();
  const stack = [root];
  while (stack.length > 0) {
    const el = stack.pop() as XmlElement;
    if (el.name === 'xacro:macro' && el.attributes.name !== undefined) macros.set(el.attributes.name, el);
    stack.push(...el.children);
  }
  return macros;
}

/**
 * Throws a UrdfError naming `fileName` and the line of the first macro that calls itself,
 * directly or through others, with no `xacro:if` / `xacro:unless` on the way.
 */
export function checkMacroRecursion(root: XmlElement, fileName: string): void {
  const macros = macroDefinitions(root);
  const calls = new Map([...macros].map(([name, el]) => [name, unconditionalCalls(el, macros)] as const));
  // Depth-first search for a cycle with an explicit stack; 0 = unseen, 1 = on the path, 2 = done.
  const state = new Map<string, number>();
  for (const start of macros.keys()) {
    if (state.get(start) === 2) continue;
    const path: string[] = [];
    const todo: { name: string; next: number }[] = [{ name: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (todo.length > 0) {
      const top = todo[todo.length - 1]!;
      const callees = calls.get(top.name) ?? [];
      if (top.next >= callees.length) {
        state.set(top.name, 2);
        todo.pop();
        path.pop();
        continue;
      }
      const callee = callees[top.next++]!;
      const seen = state.get(callee) ?? 0;
      if (seen === 1) {
        const loop = [...path.slice(path.indexOf(callee)), callee];
        const line = macros.get(callee)?.line ?? 0;
        throw new UrdfError(fileName, `xacro macro "${callee}" calls itself (${loop.join(' → ')}) with no xacro:if or xacro:unless to stop it: endless recursion`, line > 0 ? line : undefined);
      }
      if (seen === 0) {
        state.set(callee, 1);
        path.push(callee);
        todo.push({ name: callee, next: 0 });
      }
    }
  }
}
