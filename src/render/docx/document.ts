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
  const firstFooter = firstPageFooter(front);
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
        headers: { first: firstPageHeader(front, body.hasDocumentInfo, style), default: laterPagesHeader(front) },
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
 */
export async function documentParts(document: Document): Promise<PackageParts> {
  const compiler = (Packer as unknown as { compiler?: PartCompiler }).compiler;
  if (compiler && typeof compiler.compile === "function") return compiler.compile(document, undefined);
  return new Map(Object.entries(unzipSync(await Packer.pack(document, "uint8array"))));
}
