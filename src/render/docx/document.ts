import { Document, Packer, type Paragraph } from "docx";
import { unzipSync } from "fflate";
import type { RenderedBody } from "./blocks.js";
import type { ListNumbering } from "./context.js";
import type { FrontMatter } from "./frontmatter.js";
import { firstPageFooter, firstPageHeader, laterPagesHeader, sectionProperties } from "./page.js";
import { customProperties, type CoreProperties } from "./properties.js";
import type { HouseStyle } from "../../model/husstil.js";
import { STYLES, documentStyles, themeFonts, type DocumentFonts } from "./styles.js";
import { FONTS } from "./typography.js";

export interface DocumentParts {
  readonly front: FrontMatter;
  readonly body: RenderedBody;
  readonly numbering: ListNumbering;
  /** The footnotes the body referred to, by id. */
  readonly footnotes: ReadonlyMap<number, { children: Paragraph[] }>;
  readonly core: CoreProperties;
  readonly style: HouseStyle;
  readonly fonts: DocumentFonts;
}

/**
 * Assembles the Word document: one A4 section with a first-page header and
 * footer (letterhead, address) and a default header for later pages; the
 * styles; the numbering of the lists the body used; the properties.
 */
export function buildDocument({ front, body, numbering, footnotes, core, style, fonts }: DocumentParts): Document {
  const builtinFonts = fonts.body === FONTS.body && fonts.heading === FONTS.heading && fonts.code === FONTS.code;
  const firstFooter = firstPageFooter(front, style.etiketter);
  return new Document({
    // Empty strings keep docx from writing its "Un-named"; package.ts writes core.xml anyway.
    creator: core.creator ?? "",
    lastModifiedBy: core.lastModifiedBy ?? "",
    ...(core.title ? { title: core.title } : {}),
    ...(core.subject ? { subject: core.subject } : {}),
    ...(core.keywords ? { keywords: core.keywords } : {}),
    customProperties: customProperties(front),
    styles: builtinFonts ? STYLES : documentStyles(fonts),
    theme: { fonts: themeFonts(fonts) },
    numbering: { config: numbering.config() },
    ...(footnotes.size > 0 ? { footnotes: Object.fromEntries(footnotes) } : {}),
    sections: [
      {
        properties: sectionProperties(),
        headers: { first: firstPageHeader(front, body.hasDocumentInfo, style), default: laterPagesHeader(front, style.etiketter) },
        ...(firstFooter ? { footers: { first: firstFooter } } : {}),
        children: body.children,
      },
    ],
  });
}

/** A part of the package: its path and its content (XML as text, media as bytes). */
export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

interface PartCompiler {
  compile(document: Document, prettify: undefined): Map<string, string | Uint8Array>;
}

/**
 * The document's parts, before any zip. docx's Packer zips them with DEFLATE,
 * and the packaging step would only unzip them again to make the file
 * reproducible, which costs a cold start about 90 ms. So the parts are taken
 * from the compiler that Packer itself uses; should a docx release no longer
 * have it there, Packer's zip is unzipped instead.
 *
 * `styleKey` names what the styles and the theme are made of (the house
 * style's fonts): parts that are the same for every document of a house
 * style are written by docx once per process and then remembered
 * (`rememberedPart`), which in a run over many cases saves about a third of
 * docx's work for each.
 */
export async function documentParts(document: Document, styleKey: string): Promise<PackageParts> {
  const compiler = (Packer as unknown as { compiler?: PartCompiler }).compiler;
  if (!compiler || typeof compiler.compile !== "function") return new Map(Object.entries(unzipSync(await Packer.pack(document, "uint8array"))));
  const file = document as unknown as Record<string, unknown>;
  const remembered = [
    rememberedPart(file, "Styles", "word/styles.xml", () => `styles ${styleKey}`),
    rememberedPart(file, "Theme", "word/theme/theme1.xml", () => `theme ${styleKey}`),
    // The lists used: which abstract numberings, and which numbered instances the body's paragraphs asked for (in order, which gives their ids).
    rememberedPart(file, "Numbering", "word/numbering.xml", (numbering) => {
      const abstract = numbering.abstractNumberingMap;
      const concrete = numbering.concreteNumberingMap;
      if (!(abstract instanceof Map) || !(concrete instanceof Map)) return undefined;
      return `numbering ${styleKey} ${JSON.stringify([[...abstract.keys()], [...concrete.keys()]])}`;
    }),
  ];
  formattedOnce(file.Headers);
  formattedOnce(file.Footers);
  const parts = compiler.compile(document, undefined);
  for (const part of remembered) part.settle(parts);
  return parts;
}

/** Parts written once and remembered, by what they are made of; the oldest is forgotten past REMEMBERED_MAX. */
const rememberedParts = new Map<string, string>();
const REMEMBERED_MAX = 64;

interface RememberedPart {
  /** After compiling: puts the remembered text in place, or remembers the text docx wrote. */
  settle(parts: Map<string, string | Uint8Array>): void;
}

/**
 * Stands in for one of the file's parts (`file[getter]`) while docx
 * compiles it: when a part made of the same (`key`) was written before, docx
 * formats an empty element in its place and the remembered text replaces it;
 * otherwise docx formats the part itself and its text is remembered.
 * Everything else about the part (docx's numbering is also asked for list
 * instances while the body is formatted) is the part's own. A part without
 * a key, or a docx whose file has no such part, is formatted as always.
 */
function rememberedPart(file: Record<string, unknown>, getter: string, path: string, key: (part: Record<string, unknown>) => string | undefined): RememberedPart {
  const part = file[getter] as (Record<string, unknown> & { prepForXml?: (context: unknown) => unknown }) | undefined;
  if (!part || typeof part.prepForXml !== "function") return { settle: () => undefined };
  const format = part.prepForXml.bind(part);
  let used: { key: string; remembered: boolean } | undefined;
  const standIn = Object.create(part, {
    prepForXml: {
      value: (context: unknown) => {
        const name = key(part);
        if (name === undefined) return format(context);
        const remembered = rememberedParts.has(name);
        used = { key: name, remembered };
        return remembered ? { "w:remembered": {} } : format(context);
      },
    },
  });
  Object.defineProperty(file, getter, { value: standIn, configurable: true });
  return {
    settle(parts) {
      if (!used || !parts.has(path)) return;
      if (used.remembered) {
        parts.set(path, rememberedParts.get(used.key)!);
        return;
      }
      const text = parts.get(path);
      if (typeof text !== "string") return;
      if (rememberedParts.size >= REMEMBERED_MAX) rememberedParts.delete(rememberedParts.keys().next().value!);
      rememberedParts.set(used.key, text);
    },
  };
}

/**
 * docx formats each header and footer twice while compiling (once to find
 * its images, once to write it); the second time gets the first's result,
 * which is the same.
 */
function formattedOnce(wrappers: unknown): void {
  if (!Array.isArray(wrappers)) return;
  for (const wrapper of wrappers as { View?: { prepForXml?: (context: unknown) => unknown } }[]) {
    const view = wrapper.View;
    if (!view || typeof view.prepForXml !== "function") continue;
    const format = view.prepForXml.bind(view);
    let result: unknown;
    Object.defineProperty(view, "prepForXml", { value: (context: unknown) => (result ??= format(context)), configurable: true });
  }
}
