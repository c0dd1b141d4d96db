import type { Nodes, Parent, PhrasingContent } from "mdast";
import type { RevisionKind } from "../render/docx/context.js";
import { diffSequences, type Edit } from "./sequence.js";

/**
 * A word, a run of white space or a punctuation mark, with the inline nodes
 * around it (emphasis, strong, a link) from the outermost in. Text in a
 * node of its own (an image, a footnote reference, a hard break) is one
 * atom.
 */
interface Atom {
  readonly text: string;
  /** The node the text stands in (a text or inline code node), or the node itself for the rest. */
  readonly leaf: PhrasingContent;
  readonly path: readonly Parent[];
  /** What the atom is compared by: its text and every node around it. */
  readonly key: string;
}

/** Words, runs of white space, and every other character alone: what Word's Compare and WmlComparer compare by. */
const TOKEN = /[\p{L}\p{N}\p{M}_]+(?:[-'’][\p{L}\p{N}\p{M}_]+)*|\s+|./gsu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The words of a block's inline content, for telling an edited block from another one. */
export function wordsOf(nodes: readonly PhrasingContent[]): string[] {
  return atomsOf(nodes)
    .map((atom) => atom.key)
    .filter((key) => !/\|\s*$/u.test(key));
}

/**
 * The inline content of a changed paragraph, heading or table cell: the
 * new one's nodes, with the words that differ from the old one's marked as
 * deleted (the old words, in place) or inserted, word by word. Formatting
 * belongs to the word: a word made bold is deleted and inserted again.
 */
export function mergeInlines(old: readonly PhrasingContent[], neu: readonly PhrasingContent[]): PhrasingContent[] {
  const a = atomsOf(old);
  const b = atomsOf(neu);
  const edits = absorbSmallEquals(diffSequences(a, b, (atom) => atom.key), b);
  const marked = edits.map((edit): [Atom, RevisionKind | undefined] =>
    edit.kind === "equal" ? [b[edit.new]!, undefined] : edit.kind === "delete" ? [a[edit.old]!, "del"] : [b[edit.new]!, "ins"],
  );
  return rebuild(marked, 0);
}

/** The same content marked as inserted or deleted as a whole. */
export function markInlines(nodes: readonly PhrasingContent[], kind: RevisionKind): PhrasingContent[] {
  return rebuild(
    atomsOf(nodes).map((atom) => [atom, kind]),
    0,
  );
}

function atomsOf(nodes: readonly PhrasingContent[], path: readonly Parent[] = [], atoms: Atom[] = []): Atom[] {
  const prefix = path.map(containerKey).join("/");
  for (const node of nodes) {
    if (node.type === "text" || node.type === "inlineCode") {
      for (const token of tokenize(node.value)) {
        // A line break inside text is a space in the document.
        const text = /^\s+$/u.test(token) ? " " : token;
        atoms.push({ text: token, leaf: node, path, key: `${prefix}|${node.type}|${text}` });
      }
    } else if ("children" in node) {
      atomsOf(node.children as PhrasingContent[], [...path, node as Parent], atoms);
    } else {
      atoms.push({ text: "", leaf: node, path, key: `${prefix}|${JSON.stringify(withoutPositions(node))}` });
    }
  }
  return atoms;
}

/** What an inline container is compared by: its type, and where a link goes. */
function containerKey(node: Parent): string {
  const n = node as Nodes;
  if (n.type === "link") return `link:${n.url}`;
  if (n.type === "linkReference") return `linkReference:${n.identifier}`;
  return n.type;
}

/**
 * A common stretch that is only white space or one punctuation mark between
 * two changes becomes part of the change, so that "tre nya ord" replacing
 * "två gamla ord" reads as one deletion and one insertion, not five.
 */
function absorbSmallEquals(edits: Edit[], b: readonly Atom[]): Edit[] {
  let result = edits;
  for (let changed = true; changed; ) {
    changed = false;
    const out: Edit[] = [];
    for (let index = 0; index < result.length; ) {
      const edit = result[index]!;
      if (edit.kind !== "equal") {
        out.push(edit);
        index++;
        continue;
      }
      let end = index;
      while (end < result.length && result[end]!.kind === "equal") end++;
      const run = result.slice(index, end) as Extract<Edit, { kind: "equal" }>[];
      const between = index > 0 && end < result.length;
      const small = run.every((e) => /^\s*$/u.test(b[e.new]!.text) && b[e.new]!.text !== "") || (run.length === 1 && /^[\p{P}\s]$/u.test(b[run[0]!.new]!.text));
      if (between && small) {
        // Deletions before insertions: the stretch is deleted with the change before it and inserted with the one after.
        let before = out.length;
        while (before > 0 && out[before - 1]!.kind === "insert") before--;
        const inserts = out.splice(before);
        out.push(...run.map((e): Edit => ({ kind: "delete", old: e.old })), ...inserts, ...run.map((e): Edit => ({ kind: "insert", new: e.new })));
        changed = true;
      } else {
        out.push(...run);
      }
      index = end;
    }
    result = normalize(out);
  }
  return result;
}

/** In every changed stretch, the deletions first. */
function normalize(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  let deleted: Edit[] = [];
  let inserted: Edit[] = [];
  const flush = () => {
    out.push(...deleted, ...inserted);
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    if (edit.kind === "equal") {
      flush();
      out.push(edit);
    } else if (edit.kind === "delete") deleted.push(edit);
    else inserted.push(edit);
  }
  flush();
  return out;
}

/**
 * Atoms back into inline nodes: neighbours under the same containers share
 * one copy of each, neighbouring text with the same change is one text
 * node, and a changed node carries its change in `data.revision`.
 */
function rebuild(atoms: readonly [Atom, RevisionKind | undefined][], depth: number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (let index = 0; index < atoms.length; ) {
    const [atom, revision] = atoms[index]!;
    const container = atom.path[depth];
    if (container) {
      const key = containerKey(container);
      let end = index + 1;
      while (end < atoms.length && atoms[end]![0].path[depth] && containerKey(atoms[end]![0].path[depth]!) === key) end++;
      const { children: _children, position: _position, ...rest } = container as Parent & { position?: unknown };
      out.push({ ...rest, children: rebuild(atoms.slice(index, end), depth + 1) } as PhrasingContent);
      index = end;
      continue;
    }
    const leaf = atom.leaf;
    if (leaf.type === "text" || leaf.type === "inlineCode") {
      let value = atom.text;
      let end = index + 1;
      while (end < atoms.length && atoms[end]![0].path.length === depth && atoms[end]![0].leaf.type === leaf.type && atoms[end]![1] === revision) value += atoms[end++]![0].text;
      out.push(withRevision({ type: leaf.type, value }, revision));
      index = end;
      continue;
    }
    // Word cannot track a footnote reference as a run of text: the new draft's footnotes stand as they are.
    if (!(leaf.type === "footnoteReference" && revision === "del")) out.push(withRevision(withoutPositions(leaf), leaf.type === "footnoteReference" ? undefined : revision));
    index++;
  }
  return out;
}

function withRevision<T extends PhrasingContent>(node: T, revision: RevisionKind | undefined): T {
  return revision ? { ...node, data: { ...node.data, revision } } : node;
}

/** A node without its positions, for comparing and for the merged tree (which stands in no file). */
export function withoutPositions<T extends Nodes>(node: T): T {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "position" ? undefined : value))) as T;
}
