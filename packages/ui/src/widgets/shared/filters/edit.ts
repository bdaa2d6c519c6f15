import { type GroupDraft, type NodeDraft, newCondition, newGroup } from './tree.js';

/** Where a node is: its parent group and its index there (the root has no parent). */
interface Place {
  parent: GroupDraft;
  index: number;
}

function placeOf(root: GroupDraft, id: string): Place | undefined {
  for (const [index, child] of root.children.entries()) {
    if (child.id === id) return { parent: root, index };
    if (child.kind === 'group') {
      const found = placeOf(child, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** `root` with the group `id` changed by `change` (copies along the path, so React sees what changed). */
function mapGroup(root: GroupDraft, id: string, change: (group: GroupDraft) => GroupDraft): GroupDraft {
  if (root.id === id) return change(root);
  return {
    ...root,
    children: root.children.map((c) => (c.kind === 'group' ? mapGroup(c, id, change) : c)),
  };
}

/** The result of an edit: the new tree, and the node whose first control should take focus (if any). */
export interface Edit {
  root: GroupDraft;
  focus?: string;
}

/** The edits of the tree, each keeping the rest as it was. */
export const edits = {
  /** Replaces the node with its id. */
  replace(root: GroupDraft, node: NodeDraft): Edit {
    const place = placeOf(root, node.id);
    if (!place) return { root };
    return {
      root: mapGroup(root, place.parent.id, (g) => ({
        ...g,
        children: g.children.map((c, i) => (i === place.index ? node : c)),
      })),
    };
  },
  /** Sets how a group joins its children. */
  join(root: GroupDraft, groupId: string, join: 'and' | 'or'): Edit {
    return { root: mapGroup(root, groupId, (g) => ({ ...g, join })) };
  },
  /** Adds an empty condition (or a group holding one) at the end of a group. */
  add(root: GroupDraft, groupId: string, what: 'condition' | 'group'): Edit {
    const node = what === 'condition' ? newCondition() : newGroup(root.join === 'and' ? 'or' : 'and');
    return { root: mapGroup(root, groupId, (g) => ({ ...g, children: [...g.children, node] })), focus: node.id };
  },
  /**
   * Removes a node; focus goes to the node now in its place, else the one before, else (`focus` undefined) the
   * group's own controls. A group left empty stays (its "Add condition" keeps the focus).
   */
  remove(root: GroupDraft, id: string): Edit & { group?: string } {
    const place = placeOf(root, id);
    if (!place) return { root };
    const siblings = place.parent.children;
    const next = siblings[place.index + 1] ?? siblings[place.index - 1];
    return {
      root: mapGroup(root, place.parent.id, (g) => ({ ...g, children: g.children.filter((c) => c.id !== id) })),
      focus: next?.id,
      group: next ? undefined : place.parent.id,
    };
  },
  /** Moves a node one place up or down in its group. */
  move(root: GroupDraft, id: string, by: -1 | 1): Edit {
    const place = placeOf(root, id);
    const to = (place?.index ?? -1) + by;
    if (!place || to < 0 || to >= place.parent.children.length) return { root };
    const children = [...place.parent.children];
    [children[place.index], children[to]] = [children[to]!, children[place.index]!];
    return { root: mapGroup(root, place.parent.id, (g) => ({ ...g, children })), focus: id };
  },
  /** Puts a node in a new group of its own, in its place (joined the other way than its group). */
  indent(root: GroupDraft, id: string): Edit {
    const place = placeOf(root, id);
    if (!place) return { root };
    const node = place.parent.children[place.index]!;
    const group = newGroup(place.parent.join === 'and' ? 'or' : 'and', [node]);
    return {
      root: mapGroup(root, place.parent.id, (g) => ({
        ...g,
        children: g.children.map((c, i) => (i === place.index ? group : c)),
      })),
      focus: id,
    };
  },
  /** Moves a node out of its group, just after it; a group left empty goes. */
  outdent(root: GroupDraft, id: string): Edit {
    const place = placeOf(root, id);
    const outer = place && placeOf(root, place.parent.id);
    if (!place || !outer) return { root };
    const node = place.parent.children[place.index]!;
    const rest = place.parent.children.filter((c) => c.id !== id);
    return {
      root: mapGroup(root, outer.parent.id, (g) => {
        const children = [...g.children];
        children.splice(outer.index, 1, ...(rest.length ? [{ ...place.parent, children: rest }] : []), node);
        return { ...g, children };
      }),
      focus: id,
    };
  },
  /** How deep a node is (the root's children: 1), and whether it can move up / down in its group. */
  where(root: GroupDraft, id: string): { depth: number; first: boolean; last: boolean } {
    let depth = 0;
    let place = placeOf(root, id);
    const first = place?.index === 0;
    const last = !!place && place.index === place.parent.children.length - 1;
    while (place) {
      depth++;
      place = placeOf(root, place.parent.id);
    }
    return { depth, first, last };
  },
};
