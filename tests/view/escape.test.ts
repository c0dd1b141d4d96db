import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/readers/markdown/parse.js";
import { escapeMarkdownInline } from "../../src/view/escape.js";

/**
 * The text a Markdown string stands for, when it parses to one paragraph of
 * plain text only. A web or e-mail address written out is a link on GitHub
 * (GFM's autolink literal) and in the DOCX, showing the address as written:
 * that is still the same text.
 */
function literalText(markdown: string): string {
  const tree = parseMarkdown(markdown);
  expect(tree.children).toHaveLength(1);
  const paragraph = tree.children[0] as Nodes;
  expect(paragraph.type).toBe("paragraph");
  if (!("children" in paragraph)) throw new Error("no children");
  return paragraph.children
    .map((child) => {
      if (child.type === "link") {
        const shown = child.children.map((c) => ("value" in c ? c.value : "")).join("");
        expect(child.url.replace(/^mailto:/u, "")).toContain(shown);
        return shown;
      }
      expect(child.type).toBe("text");
      return "value" in child ? child.value : "";
    })
    .join("");
}

describe("escapeMarkdownInline", () => {
  it("escapes inline syntax everywhere", () => {
    expect(escapeMarkdownInline("*Viktigt*")).toBe("\\*Viktigt\\*");
    expect(escapeMarkdownInline("a_b_c")).toBe("a\\_b\\_c");
    expect(escapeMarkdownInline("[länk](x)")).toBe("\\[länk\\](x)");
    expect(escapeMarkdownInline("`kod`")).toBe("\\`kod\\`");
    expect(escapeMarkdownInline("<script>")).toBe("\\<script\\>");
    expect(escapeMarkdownInline("a & b")).toBe("a \\& b");
    expect(escapeMarkdownInline("C:\\mapp")).toBe("C:\\\\mapp");
  });

  it("escapes block starts at the start of the text", () => {
    expect(escapeMarkdownInline("# Rubrik")).toBe("\\# Rubrik");
    expect(escapeMarkdownInline("- punkt")).toBe("\\- punkt");
    expect(escapeMarkdownInline("+ punkt")).toBe("\\+ punkt");
    expect(escapeMarkdownInline("= ")).toBe("\\= ");
    expect(escapeMarkdownInline("---")).toBe("\\---");
    expect(escapeMarkdownInline("> citat")).toBe("\\> citat");
    expect(escapeMarkdownInline("| a | b |")).toBe("\\| a | b |");
    expect(escapeMarkdownInline("~~~")).toBe("\\~\\~\\~");
  });

  it("escapes an ordered-list start", () => {
    expect(escapeMarkdownInline("1. Stadens mål")).toBe("1\\. Stadens mål");
    expect(escapeMarkdownInline("2) x")).toBe("2\\) x");
  });

  it("leaves the same characters alone where they start no block", () => {
    expect(escapeMarkdownInline("Hässelby-Vällingby")).toBe("Hässelby-Vällingby");
    expect(escapeMarkdownInline("08-508 12 000")).toBe("08-508 12 000");
    expect(escapeMarkdownInline("Dnr KS 2025/804")).toBe("Dnr KS 2025/804");
    expect(escapeMarkdownInline("#hashtag och C# + 2 = 3")).toBe("#hashtag och C# + 2 = 3");
    expect(escapeMarkdownInline("-5 grader")).toBe("-5 grader");
    expect(escapeMarkdownInline("Mål 1. Trygghet")).toBe("Mål 1. Trygghet");
    expect(escapeMarkdownInline("{{titel}}")).toBe("{{titel}}");
  });

  it("escapes block starts on every line", () => {
    expect(escapeMarkdownInline("Rad ett\n# Rad två")).toBe("Rad ett\n\\# Rad två");
  });

  const nasty = [
    "1. Stadens mål",
    "2) x",
    "*Viktigt*",
    "# Rubrik",
    "###### Rubrik",
    "- punkt",
    "+ punkt",
    "<script>",
    "<!-- kommentar -->",
    "a & b",
    "&amp; och &#65;",
    "[länk](x)",
    "![bild](x.png)",
    "<https://start.stockholm>",
    "`kod`",
    "\\\\",
    "\\*",
    "Hässelby-Vällingby",
    "{{titel}}",
    "Motion angående stärkta insatser mot gängkriminalitet och rekrytering av unga",
    "Dnr KS 2025/804",
    "08-508 12 000",
    "Södermalms stadsdelsnämnd",
    "__dubbel__ och **fet**",
    "> citat",
    "| a | b |",
    "a\\",
    "~~struket~~ och ~enkel~",
    "Kostnad[^1]",
    "Se https://start.stockholm/a_b_c och www.stockholm.se.",
    "Skriv till kim.lindqvist@stockholm.se*",
    "[ ] ruta",
  ];

  it.each(nasty)("round-trips %j through the Markdown parser", (text) => {
    expect(literalText(escapeMarkdownInline(text))).toBe(text);
  });

  it("makes a difference for the nasty strings that need it", () => {
    const unescaped = parseMarkdown("*Viktigt*").children[0];
    expect(unescaped && "children" in unescaped ? unescaped.children[0]?.type : undefined).toBe("emphasis");
    expect(parseMarkdown("1. Stadens mål").children[0]?.type).toBe("list");
  });
});
