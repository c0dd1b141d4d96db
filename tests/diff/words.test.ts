import type { PhrasingContent, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { mergeTrees } from "../../src/diff/blocks.js";
import { mergeInlines, tokenize } from "../../src/diff/inline.js";
import { diffSequences } from "../../src/diff/sequence.js";
import { parseMarkdown } from "../../src/readers/markdown/parse.js";

/** Inline content as text with the changes shown: {-deleted-}{+inserted+}, *emphasis* and [links](url) kept. */
function show(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => {
      const revision = (node.data as { revision?: string } | undefined)?.revision;
      let text: string;
      if (node.type === "text") text = node.value;
      else if (node.type === "emphasis") text = `*${show(node.children)}*`;
      else if (node.type === "strong") text = `**${show(node.children)}**`;
      else if (node.type === "link") text = `[${show(node.children)}](${node.url})`;
      else if (node.type === "break") text = "\\n";
      else text = `<${node.type}>`;
      return revision === "ins" ? `{+${text}+}` : revision === "del" ? `{-${text}-}` : text;
    })
    .join("");
}

function inlines(markdown: string): PhrasingContent[] {
  const paragraph = parseMarkdown(markdown).children[0];
  if (paragraph?.type !== "paragraph") throw new Error(`not a paragraph: ${markdown}`);
  return paragraph.children;
}

const merged = (old: string, neu: string) => show(mergeInlines(inlines(old), inlines(neu)));

describe("tokenize", () => {
  it("splits words, runs of white space and punctuation, keeping hyphenated and elided words whole", () => {
    expect(tokenize("Bob-strukturen, 2025 (barn och unga)  i dag.")).toEqual(["Bob-strukturen", ",", " ", "2025", " ", "(", "barn", " ", "och", " ", "unga", ")", "  ", "i", " ", "dag", "."]);
  });
});

describe("diffSequences", () => {
  it("keeps the longest common subsequence and puts deletions before insertions", () => {
    const edits = diffSequences(["a", "b", "c", "d"], ["a", "x", "c", "y"], (s) => s);
    expect(edits.map((e) => e.kind)).toEqual(["equal", "delete", "insert", "equal", "delete", "insert"]);
  });

  it("gives only equals for equal sequences and only changes for disjoint ones", () => {
    expect(diffSequences(["a", "b"], ["a", "b"], (s) => s).every((e) => e.kind === "equal")).toBe(true);
    expect(diffSequences(["a"], ["b"], (s) => s).map((e) => e.kind)).toEqual(["delete", "insert"]);
  });
});

describe("the word diff of a changed paragraph", () => {
  it("marks a replaced word as one deletion and one insertion", () => {
    expect(merged("Det kräver kraftfulla insatser.", "Det kräver snabba insatser.")).toBe("Det kräver {-kraftfulla-}{+snabba+} insatser.");
  });

  it("marks words added in the middle of a sentence as one insertion", () => {
    expect(merged("Enligt barnkonventionen har varje barn rätt.", "Enligt barnkonventionen, som är lag, har varje barn rätt.")).toBe(
      "Enligt barnkonventionen{+, som är lag,+} har varje barn rätt.",
    );
  });

  it("reads several words replaced as one deletion and one insertion, not word by word around the spaces", () => {
    expect(merged("Vi har två gamla ord här.", "Vi har tre nya ord här.")).toBe("Vi har {-två gamla-}{+tre nya+} ord här.");
  });

  it("keeps emphasis and links on the words, and a word that gets emphasis is deleted and inserted again", () => {
    expect(merged("Det kräver snabba insatser.", "Det kräver *snabba* insatser.")).toBe("Det kräver {-snabba-}*{+snabba+}* insatser.");
    expect(merged("Läs [mer här](https://start.stockholm) i dag.", "Läs [mer nu](https://start.stockholm) i dag.")).toBe(
      "Läs [mer {-här-}{+nu+}](https://start.stockholm) i dag.",
    );
  });

  it("treats a line break inside the text as the space it is in the document", () => {
    expect(merged("Första meningen.\nAndra meningen.", "Första meningen. Andra meningen.")).toBe("Första meningen. Andra meningen.");
  });

  it("gives back the new text when the changes are accepted and the old text when they are rejected", () => {
    const old = "Förvaltningen delar skribentens uppfattning om att utvecklingen är oroande.";
    const neu = "Förvaltningen delar i stort motionärens uppfattning att utvecklingen är mycket oroande!";
    const nodes = mergeInlines(inlines(old), inlines(neu));
    const text = (keep: string) =>
      nodes
        .filter((node) => (node.data as { revision?: string } | undefined)?.revision !== keep)
        .map((node) => (node.type === "text" ? node.value : ""))
        .join("");
    expect(text("del")).toBe(neu);
    expect(text("ins")).toBe(old);
  });
});

describe("the block diff of two drafts", () => {
  const revisions = (root: Root) =>
    root.children.map((node) => {
      const data = node.data as { revision?: string; mark?: string } | undefined;
      return `${node.type}${data?.revision ? ` ${data.revision}` : ""}${data?.mark ? ` mark:${data.mark}` : ""}`;
    });

  it("keeps equal blocks, edits the changed paragraph in place, and inserts a new section whole", () => {
    const old = parseMarkdown("## Bakgrund\n\nEn mening.\n\n## Synpunkter\n\nVi tycker så.\n\nSista stycket.\n");
    const neu = parseMarkdown("## Bakgrund\n\nEn ny mening.\n\n## Synpunkter\n\nVi tycker så.\n\n## Ekonomi\n\nDet ryms.\n\nSista stycket.\n");
    const root = mergeTrees(old, neu);
    expect(revisions(root)).toEqual(["heading", "paragraph", "heading", "paragraph", "heading ins", "paragraph ins", "paragraph"]);
    expect(show((root.children[1] as { children: PhrasingContent[] }).children)).toBe("En {+ny +}mening.");
  });

  it("deletes a removed paragraph whole, with its mark", () => {
    const root = mergeTrees(parseMarkdown("Ett.\n\nHelt annat stycke om något.\n\nTre.\n"), parseMarkdown("Ett.\n\nTre.\n"));
    expect(revisions(root)).toEqual(["paragraph", "paragraph del", "paragraph"]);
  });

  it("tracks an added list item as an item, and moves the mark of an insertion at the very end to the paragraph before", () => {
    const root = mergeTrees(parseMarkdown("## Bilagor\n\n1. Motionen.\n"), parseMarkdown("## Bilagor\n\n1. Motionen.\n2. Remissbrevet.\n"));
    const list = root.children[1]!;
    if (list.type !== "list") throw new Error("no list");
    expect(list.children.map((item) => (item.data as { revision?: string } | undefined)?.revision ?? "")).toEqual(["", "ins"]);
    expect((list.children[0]!.children[0]!.data as { mark?: string } | undefined)?.mark).toBe("ins");
    expect((list.children[1]!.children[0]!.data as { mark?: string } | undefined)?.mark).toBe("none");
  });

  it("compares a changed table cell by cell and an added row as a row", () => {
    const old = parseMarkdown("| År | Kostnad |\n| --- | --- |\n| 2025 | 10 |\n");
    const neu = parseMarkdown("| År | Kostnad |\n| --- | --- |\n| 2025 | 12 |\n| 2026 | 14 |\n");
    const table = mergeTrees(old, neu).children[0]!;
    if (table.type !== "table") throw new Error("no table");
    expect(table.children.map((row) => (row.data as { revision?: string } | undefined)?.revision ?? "")).toEqual(["", "", "ins"]);
    expect(show(table.children[1]!.children[1]!.children)).toBe("{-10-}{+12+}");
  });

  it("takes the front matter and the markers from the new draft, never as changes", () => {
    const root = mergeTrees(parseMarkdown("---\ndnr: A\n---\n\n<!-- avslutning -->\n\nSlut.\n"), parseMarkdown("---\ndnr: B\n---\n\n<!-- avslutning -->\n\nSlut.\n"));
    expect(revisions(root)).toEqual(["yaml", "html", "paragraph"]);
    expect((root.children[0] as { value: string }).value).toBe("dnr: B");
  });
});
