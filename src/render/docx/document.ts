import { Document, Packer } from "docx";
import type { RenderedBody } from "./blocks.js";
import type { ListNumbering } from "./context.js";
import type { FrontMatter } from "./frontmatter.js";
import { firstPageFooter, firstPageHeader, laterPagesHeader, sectionProperties } from "./page.js";
import type { CoreProperties } from "./properties.js";
import { STYLES, THEME_FONTS } from "./styles.js";

export interface DocumentParts {
  readonly front: FrontMatter;
  readonly body: RenderedBody;
  readonly numbering: ListNumbering;
  readonly core: CoreProperties;
}

/**
 * Assembles the Word document: one A4 section with a first-page header and
 * footer (letterhead, address) and a default header for later pages; the
 * styles; the numbering of the lists the body used; the properties.
 */
export function buildDocument({ front, body, numbering, core }: DocumentParts): Document {
  const firstFooter = firstPageFooter(front);
  return new Document({
    // Empty strings keep docx from writing its "Un-named"; package.ts writes core.xml anyway.
    creator: core.creator ?? "",
    lastModifiedBy: core.lastModifiedBy ?? "",
    ...(core.title ? { title: core.title } : {}),
    ...(core.subject ? { subject: core.subject } : {}),
    ...(core.keywords ? { keywords: core.keywords } : {}),
    styles: STYLES,
    theme: { fonts: THEME_FONTS },
    numbering: { config: numbering.config() },
    sections: [
      {
        properties: sectionProperties(),
        headers: { first: firstPageHeader(front, body.infoLines), default: laterPagesHeader(front) },
        ...(firstFooter ? { footers: { first: firstFooter } } : {}),
        children: body.children,
      },
    ],
  });
}

/** docx's own zip of the document, before the packaging step. */
export async function packDocument(document: Document): Promise<Uint8Array> {
  return Packer.pack(document, "uint8array");
}
