import type { FootnoteDefinition, Nodes, Root, RootContent } from "mdast";
import { SIGNATURES_MARKER } from "../model/sections.js";
import { revisionOf, type RevisionData, type RevisionKind } from "../render/docx/context.js";
import { normalizeLabel, plainText } from "../render/docx/inlines.js";
import { mergeInlines, tokenize, withoutPositions } from "./inline.js";
import { diffSequences, similarity } from "./sequence.js";

/** A block of the tree at any depth: a root's child, a list item, a table row or cell. */
type Block = Nodes;

/** Two changed blocks of the same kind are one block edited when their words are at least this alike. */
const SAME_BLOCK = 0.4;

/**
 * The drafts of two versions of a case, as one tree: the new draft's
 * blocks, with every difference from the old one marked as a tracked change
 * (`data.revision` and `data.mark`, which the DOCX writer writes as
 * `w:ins` and `w:del`, src/render/docx/context.ts).
 *
 * As Open XML PowerTools' WmlComparer does it: blocks are first matched by
 * their content (the longest common subsequence of the blocks); in each
 * stretch between matches, an old and a new block of the same kind whose
 * words are alike are the same block edited and are compared within (a
 * paragraph word by word, a list item by item, a table row by row and cell
 * by cell); the rest are deleted or inserted whole. A section added is its
 * heading and its blocks inserted, one stretch. The front matter is the new
 * draft's; markers and definitions are never changes.
 */
export function mergeTrees(old: Root, neu: Root): Root {
  const signatories = new WeakSet<Block>([...signatoriesOf(old.children), ...signatoriesOf(neu.children)]);
  const children = mergeFootnotes(old, mergeBlocks(old.children, neu.children, signatories) as RootContent[], signatories);
  const labels = new Set(definitionsOf(neu).map(labelOf));
  // A footnote or link the old text referred to, and the new one no longer defines, still has its text in the deleted words.
  const oldOnly = definitionsOf(old).filter((node) => !labels.has(labelOf(node)));
  const root: Root = { type: "root", children: [...children, ...oldOnly.map(withoutPositions)] };
  settleFinalMark(root);
  return root;
}

/**
 * A footnote both versions have (by its label) with its text changed: its
 * paragraphs compared as the body's are, so that the change stands as a
 * tracked change in the footnote. A footnote only the new version has
 * stands as written, as its reference does (see inline.ts).
 */
function mergeFootnotes(old: Root, merged: RootContent[], signatories: WeakSet<Block>): RootContent[] {
  const before = new Map(definitionsOf(old).filter((node) => node.type === "footnoteDefinition").map((node) => [labelOf(node), node as FootnoteDefinition]));
  const visit = (node: Block): Block => {
    if (node.type === "footnoteDefinition") {
      const was = before.get(labelOf(node));
      if (!was || blockKey(was) === blockKey(node)) return node;
      return { ...node, children: mergeBlocks(was.children, node.children, signatories) as FootnoteDefinition["children"] };
    }
    if (!("children" in node) || kindOf(node) === "paragraph" || node.type === "heading") return node;
    return { ...node, children: (node.children as Block[]).map(visit) } as Block;
  };
  return merged.map((node) => visit(node) as RootContent);
}

/** `signatories`: the paragraphs of the signatures, which are paired one by one however unlike they are (they are laid out by their number). */
function mergeBlocks(old: readonly Block[], neu: readonly Block[], signatories: WeakSet<Block>): Block[] {
  const edits = diffSequences(old, neu, blockKey);
  const out: Block[] = [];
  let deleted: Block[] = [];
  let inserted: Block[] = [];
  const flush = () => {
    if (deleted.length > 0 || inserted.length > 0) out.push(...mergeStretch(deleted, inserted, signatories));
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    if (edit.kind === "equal") {
      flush();
      out.push(neu[edit.new]!);
    } else if (edit.kind === "delete") deleted.push(old[edit.old]!);
    else inserted.push(neu[edit.new]!);
  }
  flush();
  return out;
}

/**
 * A stretch of old blocks replaced by new ones: the pairs of one block
 * edited are found by an alignment that keeps both orders and makes the
 * pairs as alike as it can (Needleman–Wunsch, a gap costing nothing).
 */
function mergeStretch(old: readonly Block[], neu: readonly Block[], signatories: WeakSet<Block>): Block[] {
  const n = old.length;
  const m = neu.length;
  const score = (i: number, j: number): number => {
    const kind = kindOf(old[i]!);
    if (kind === undefined || kind !== kindOf(neu[j]!)) return -1;
    const s = similarity(wordsOfBlock(old[i]!), wordsOfBlock(neu[j]!));
    if (signatories.has(old[i]!) && signatories.has(neu[j]!)) return s;
    return s >= SAME_BLOCK ? s : -1;
  };
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      best[i * width + j] = Math.max(best[(i + 1) * width + j]!, best[i * width + j + 1]!, s >= 0 ? best[(i + 1) * width + j + 1]! + s + 1 : -Infinity);
    }
  }
  const out: Block[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = score(i, j);
      if (s >= 0 && best[i * width + j] === best[(i + 1) * width + j + 1]! + s + 1) {
        out.push(...mergePair(old[i++]!, neu[j++]!, signatories));
        continue;
      }
    }
    if (i < n && (j >= m || best[i * width + j] === best[(i + 1) * width + j])) {
      const block = marked(old[i++]!, "del");
      if (block) out.push(block);
    } else {
      out.push(marked(neu[j++]!, "ins") ?? neu[j - 1]!);
    }
  }
  return out;
}

/** One block edited: its new form, with the differences inside it marked. */
function mergePair(old: Block, neu: Block, signatories: WeakSet<Block>): Block[] {
  switch (neu.type) {
    case "paragraph":
    case "heading":
    case "tableCell":
      return [{ ...neu, children: mergeInlines((old as typeof neu).children, neu.children) } as Block];
    case "list":
    case "listItem":
    case "blockquote":
    case "table":
      return [{ ...neu, children: mergeBlocks((old as typeof neu).children, neu.children, signatories) } as Block];
    case "tableRow":
      return [{ ...neu, children: neu.children.map((cell, index) => mergePair((old as typeof neu).children[index]!, cell, signatories)[0]!) } as Block];
    default:
      return [marked(old, "del"), marked(neu, "ins")].filter((block): block is Block => block !== undefined);
  }
}

/**
 * A block deleted or inserted whole. Markers, definitions and the front
 * matter are not text: an old one is dropped, a new one kept as it is.
 */
function marked(block: Block, kind: RevisionKind): Block | undefined {
  if (kindOf(block) === undefined) return kind === "ins" ? block : undefined;
  return { ...withoutPositions(block), data: { ...block.data, revision: kind } } as Block;
}

/** What a block is matched by: all of its content. */
function blockKey(block: Block): string {
  return JSON.stringify(withoutPositions(block));
}

/** Which blocks can be one block edited; none for what is not text of the document. */
function kindOf(block: Block): string | undefined {
  switch (block.type) {
    case "yaml":
    case "html":
    case "definition":
    case "footnoteDefinition":
      return undefined;
    case "heading":
      return `heading ${block.depth}`;
    case "list":
      return `list ${block.ordered === true}`;
    case "tableRow":
      return `row ${block.children.length}`;
    default:
      return block.type;
  }
}

function wordsOfBlock(block: Block): string[] {
  // Each block's text apart, so that table cells and list items do not run together.
  const texts: string[] = [];
  const visit = (node: Nodes) => {
    if ("children" in node && node.type !== "paragraph" && node.type !== "heading" && node.type !== "tableCell") for (const child of node.children as Nodes[]) visit(child);
    else texts.push(plainText(node));
  };
  visit(block);
  return texts.flatMap(tokenize).filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/** The paragraphs after the signatures marker: one signatory each. */
function signatoriesOf(nodes: readonly RootContent[]): RootContent[] {
  const start = nodes.findIndex((node) => isSignaturesMarker(node));
  if (start === -1) return [];
  let end = start + 1;
  while (nodes[end]?.type === "paragraph") end++;
  return nodes.slice(start + 1, end);
}

function isSignaturesMarker(node: Block): boolean {
  return node.type === "html" && node.value.trim() === SIGNATURES_MARKER;
}

function definitionsOf(root: Root): RootContent[] {
  const found: RootContent[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "definition" || node.type === "footnoteDefinition") found.push(node);
    else if ("children" in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  return found;
}

function labelOf(node: RootContent): string {
  return `${node.type} ${normalizeLabel((node as { identifier?: string }).identifier ?? "")}`;
}

/** A paragraph of the document as Word has it, in document order, with the change it is under. */
interface Leaf {
  readonly node: Block;
  readonly revision: RevisionKind | undefined;
  /** A table, or a paragraph in one: its mark cannot end the document. */
  readonly inTable: boolean;
}

/**
 * The document's last paragraph mark cannot be inserted or deleted: Word
 * and LibreOffice keep it whatever is accepted or rejected. When the
 * document ends with paragraphs inserted (or deleted), Word's Compare marks
 * the paragraph before them instead, and so does this: the mark of the
 * last unchanged paragraph is the one inserted, and the last paragraph's
 * mark stays. When there is no unchanged paragraph before (a table, or
 * the end replaced: paragraphs deleted, then others inserted), the last
 * mark stays unmarked, and an empty paragraph is left where the change was.
 * (A mark both inserted and deleted would do, by ECMA-376; LibreOffice 7.4
 * keeps such a mark when rejecting.)
 */
function settleFinalMark(root: Root): void {
  const leaves = leavesOf(root.children, undefined, []);
  const last = leaves.at(-1);
  if (!last?.revision || last.inTable) return;
  let start = leaves.length - 1;
  while (start > 0 && leaves[start - 1]!.revision === last.revision) start--;
  const before = leaves[start - 1];
  setMark(last.node, "none");
  if (before && !before.revision && !before.inTable) setMark(before.node, last.revision);
}

function setMark(node: Block, mark: RevisionData["mark"]): void {
  node.data = { ...node.data, mark } as typeof node.data;
}

function leavesOf(nodes: readonly Block[], inherited: RevisionKind | undefined, out: Leaf[]): Leaf[] {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    const revision = revisionOf(node) ?? inherited;
    if (kindOf(node) === undefined) {
      // The signatures: two or more are a table.
      if (isSignaturesMarker(node)) {
        let end = index + 1;
        while (nodes[end]?.type === "paragraph") end++;
        const inTable = end - index - 1 >= 2;
        for (const signatory of nodes.slice(index + 1, end)) out.push({ node: signatory, revision: revisionOf(signatory) ?? inherited, inTable });
        index = end - 1;
      }
      continue;
    }
    switch (node.type) {
      case "list":
      case "listItem":
      case "blockquote":
        leavesOf(node.children, revision, out);
        break;
      case "table":
        out.push({ node, revision, inTable: true });
        break;
      default:
        out.push({ node, revision, inTable: false });
    }
  }
  return out;
}
