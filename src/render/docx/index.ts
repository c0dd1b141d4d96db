import type { Root } from "mdast";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../../model/husstil.js";
import { parseMarkdown } from "../../readers/markdown/parse.js";
import { renderBody } from "./blocks.js";
import { createContext, Revisions } from "./context.js";
import { buildDocument, documentParts } from "./document.js";
import { readFrontMatter } from "./frontmatter.js";
import { packageDocx } from "./package.js";
import { coreProperties } from "./properties.js";
import { FONTS } from "./typography.js";

export interface DocxOptions {
  /** Value of SOURCE_DATE_EPOCH from the environment, if set (seconds since epoch, as a string). */
  sourceDateEpoch?: string | undefined;
  /** The förvaltning's house style: label, organisation line, logo, fonts. Default: the built-in one. */
  style?: HouseStyle;
  /** What docProps/app.xml names as the application: "remiss 0.2.0". */
  application?: string;
  /** The folder the Markdown's images are named from: the case file's. */
  baseDir?: string;
  /**
   * `remiss diff`: who made the tracked changes that the tree marks
   * (src/diff), and when (W3C date-time; none, no date). Without it, marks
   * are ignored.
   */
  revisions?: { readonly author: string; readonly date: string | undefined };
}

/**
 * The generated Markdown (docs/markdown-format.md) → a DOCX file, byte for
 * byte the same for the same Markdown and date.
 *
 * Markdown → mdast → the body's paragraphs and tables (blocks.ts,
 * inlines.ts, tables.ts) → a Word document with letterhead, styles and
 * properties (document.ts, page.ts, styles.ts) → docx's zip → the
 * reproducible package (package.ts).
 */
export async function renderDocx(markdown: string, options: DocxOptions = {}): Promise<Uint8Array> {
  return renderMdast(parseMarkdown(markdown), options);
}

/** The same, from the mdast of the Markdown (as `parseMarkdown` gives it). */
export async function renderMdast(tree: Root, options: DocxOptions = {}): Promise<Uint8Array> {
  const front = readFrontMatter(tree);
  const style = options.style ?? DEFAULT_HOUSE_STYLE;
  const fonts = { ...FONTS, ...(style.typsnitt.brodtext ? { body: style.typsnitt.brodtext } : {}), ...(style.typsnitt.rubriker ? { heading: style.typsnitt.rubriker } : {}) };
  const revisions = options.revisions ? new Revisions(options.revisions.author, options.revisions.date) : undefined;
  const context = createContext(style.dokument, fonts, options.baseDir, revisions);
  const body = renderBody(tree, context);
  const core = coreProperties(front, body.title, { sourceDateEpoch: options.sourceDateEpoch });
  const document = buildDocument({ front, body, numbering: context.state.numbering, footnotes: context.state.footnotes, core, style, fonts });
  const company = style.organisation ?? front.forvaltning.namn;
  // The styles and the theme are made of the fonts alone (buildDocument).
  return packageDocx(await documentParts(document, JSON.stringify(fonts)), core, { application: options.application ?? "remiss", ...(company ? { company } : {}) }, style.etiketter);
}
