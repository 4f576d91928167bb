/**
 * The ancestors of nodes, without asking tree-sitter for a parent.
 *
 * A tree-sitter node does not know its parent: `Node.parent` walks down from the root again, scanning the children
 * of every node on the way, so climbing from each of a file's literals costs its depth times the width of the lists
 * around it — quadratic in a table of 100,000 strings, cubic in deeply nested code. Instead, a `TreeWalker` moves
 * one tree cursor forward through the tree in document order to each node it is asked for, and hands out a `Frame`:
 * the node with a link to its parent's frame. Everything that climbs (the name a literal is bound to, the statement
 * around it, the function it is in) follows those links, and what it learns about a frame is kept on the frame, so
 * every question about an ancestor is answered once however many literals share it.
 *
 * Cost: asked for nodes in document order, the cursor visits each node at most once (it steps over the siblings
 * before a target and descends only into nodes that contain one), so reaching every target of a file is linear in
 * the file. A node asked for out of order starts the cursor again from the root.
 */
import type { Node, Tree, TreeCursor } from '../tree-api';
import { checkBudget } from '../budget';

export class Frame {
  private typeCache?: string;
  private namedCache?: readonly Node[];
  private indexCache?: Map<number, number>;
  /** What climbs learnt about this frame, by question (see `remember` and `inherited`). */
  readonly memo = new Map<string, unknown>();

  constructor(
    readonly node: Node,
    readonly parent: Frame | undefined,
  ) {}

  get type(): string {
    this.typeCache ??= this.node.type;
    return this.typeCache;
  }

  /** The named children that are not comments, read once. */
  named(): readonly Node[] {
    this.namedCache ??= this.node.namedChildren.filter((n): n is Node => n !== null && !n.type.includes('comment'));
    return this.namedCache;
  }

  /** The position of a child among `named()`, or -1. */
  namedIndexOf(child: Node): number {
    if (!this.indexCache) {
      this.indexCache = new Map();
      this.named().forEach((n, i) => this.indexCache!.set(n.id, i));
    }
    return this.indexCache.get(child.id) ?? -1;
  }

  /** A value about this frame computed once (what a climb learnt here serves every literal below). */
  remember<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

}

/**
 * A per-frame property that depends only on the frame and its ancestors (`inside a string`, `top-level`), computed
 * for a chain of frames without recursion: the nearest ancestor that knows it answers for every frame below it.
 */
export function inherited<T>(frame: Frame, key: string, own: (frame: Frame, fromParent: T | undefined) => T): T {
  const chain: Frame[] = [];
  let known: T | undefined;
  let f: Frame | undefined = frame;
  for (; f; f = f.parent) {
    if (f.memo.has(key)) {
      known = f.memo.get(key) as T;
      break;
    }
    chain.push(f);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const value = own(chain[i], known);
    chain[i].memo.set(key, value);
    known = value;
  }
  return known as T;
}

/**
 * Moves to the first child reaching past `offset`. web-tree-sitter 0.25 reports success only when that child is the
 * second one (it compares the child's index with 1), so success is read from the node the cursor is on (its
 * depth would cost the depth to read).
 */
function gotoChildAt(cursor: TreeCursor, offset: number): boolean {
  const id = cursor.nodeId;
  cursor.gotoFirstChildForIndex(offset);
  return cursor.nodeId !== id;
}

/** Counts walks that had to fall back on `Node.parent` (a node the cursor could not reach): tests keep it at zero. */
export const walkerStats = { fallbacks: 0, resets: 0 };

export class TreeWalker {
  private cursor?: TreeCursor;
  /** Frames of the cursor node's ancestors, root first. */
  private stack: Frame[] = [];
  /** The cursor node's own frame, once made. */
  private current?: Frame;
  private lastStart = -1;
  private rootFrame?: Frame;

  constructor(private readonly tree: Tree) {}

  private reset(): void {
    this.cursor ??= this.tree.walk();
    this.rootFrame ??= new Frame(this.tree.rootNode, undefined);
    this.cursor.reset(this.rootFrame.node);
    this.stack = [];
    this.current = this.rootFrame;
    this.lastStart = -1;
  }

  private frameHere(node?: Node): Frame {
    this.current ??= new Frame(node ?? this.cursor!.currentNode, this.stack[this.stack.length - 1]);
    return this.current;
  }

  /** The frame of `node`, a node of this walker's tree. */
  frameOf(node: Node): Frame {
    checkBudget();
    if (!this.cursor) this.reset();
    const start = node.startIndex;
    if (start < this.lastStart) {
      walkerStats.resets++;
      this.reset();
    }
    this.lastStart = start;
    const found = this.moveTo(start, node.endIndex, (cursor) => cursor.nodeId === node.id);
    return found ? this.frameHere(node) : this.slowFrame(node);
  }

  /** The frame of the smallest named node covering `[start, end)` (what `namedDescendantForIndex` finds). */
  frameAt(start: number, end: number): Frame | undefined {
    checkBudget();
    if (!this.cursor) this.reset();
    if (start < this.lastStart) {
      walkerStats.resets++;
      this.reset();
    }
    this.lastStart = start;
    const cursor = this.cursor!;
    this.moveTo(start, end, () => false);
    // The cursor now sits on the deepest node covering the range; climb to the nearest named one.
    while (!cursor.nodeIsNamed && this.stack.length > 0) {
      cursor.gotoParent();
      this.current = this.stack.pop();
    }
    return this.frameHere();
  }

  /**
   * Moves the cursor forward to the deepest node containing `[start, end)` that `isTarget` does not stop at first.
   * Returns true when `isTarget` accepted a node.
   */
  private moveTo(start: number, end: number, isTarget: (cursor: TreeCursor) => boolean): boolean {
    const cursor = this.cursor!;
    const contains = (): boolean => cursor.startIndex <= start && end <= cursor.endIndex;
    // Up and forward until the cursor's node contains the range: siblings that end before it are stepped over.
    while (!contains()) {
      if (cursor.endIndex <= start && cursor.gotoNextSibling()) {
        this.current = undefined;
        continue;
      }
      if (!cursor.gotoParent()) break;
      this.current = this.stack.pop();
    }
    // Down until the node is the target, or no child contains the range.
    for (;;) {
      if (isTarget(cursor)) return true;
      const frame = this.frameHere();
      if (!gotoChildAt(cursor, start)) return false;
      this.stack.push(frame);
      this.current = undefined;
      // The first child reaching past `start` may end before a zero-width range or start after it.
      while (!contains()) {
        if (cursor.startIndex > start || !cursor.gotoNextSibling()) {
          cursor.gotoParent();
          this.current = this.stack.pop();
          return false;
        }
      }
    }
  }

  /** A frame chain built through `Node.parent`: correct, but slow; only for a node the cursor could not reach. */
  private slowFrame(node: Node): Frame {
    walkerStats.fallbacks++;
    const chain: Node[] = [];
    for (let p = node.parent; p; p = p.parent) chain.push(p);
    let frame: Frame | undefined;
    for (let i = chain.length - 1; i >= 0; i--) frame = new Frame(chain[i], frame);
    // The cursor may have stopped anywhere: the next node starts from the root again.
    this.lastStart = Number.MAX_SAFE_INTEGER;
    return new Frame(node, frame);
  }

  dispose(): void {
    this.cursor?.delete();
    this.cursor = undefined;
  }
}

interface TreeWalkers {
  readonly byPurpose: Map<string, TreeWalker>;
  readonly all: TreeWalker[];
}

const walkers = new WeakMap<Tree, TreeWalkers>();

function walkersOf(tree: Tree): TreeWalkers {
  let of = walkers.get(tree);
  if (!of) {
    of = { byPurpose: new Map(), all: [] };
    walkers.set(tree, of);
  }
  return of;
}

/**
 * The walker of `tree` for one purpose (string facts, calls…): each purpose asks for its nodes in document order,
 * and walkers of different purposes do not send each other back to the root.
 */
export function walkerFor(tree: Tree, purpose: string): TreeWalker {
  const of = walkersOf(tree);
  let walker = of.byPurpose.get(purpose);
  if (!walker) {
    walker = newWalker(tree);
    of.byPurpose.set(purpose, walker);
  }
  return walker;
}

/** A walker of its own (for one reader that moves forward through the tree apart from the others). */
export function newWalker(tree: Tree): TreeWalker {
  const walker = new TreeWalker(tree);
  walkersOf(tree).all.push(walker);
  return walker;
}

/** Frees the cursors of a tree's walkers: called just before the tree is deleted. */
export function releaseWalkers(tree: Tree): void {
  const of = walkers.get(tree);
  if (!of) return;
  for (const walker of of.all) walker.dispose();
  walkers.delete(tree);
}

/** Deletes a tree and what was made to walk it. */
export function deleteTree(tree: Tree): void {
  releaseWalkers(tree);
  tree.delete();
}
