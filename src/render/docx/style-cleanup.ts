/**
 * The styles part as docx writes it, made clean for a user who opens the
 * document in Word: docx's own defaults include a *paragraph* style named
 * "Strong" (in Word a character style; it confuses the style gallery),
 * character styles based on "DefaultParagraphFont" without defining it, and
 * a gallery full of styles the document never uses. After this step every
 * `basedOn` names a style that exists, no paragraph style takes a character
 * style's name, and a style the document does not use is hidden until it is
 * used (Normal and Heading 1–3 stay in view, to write with).
 */

/** Word's built-in default character style, which character styles are based on. */
const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';

/** Paragraph styles that Word knows as character styles: docx's defaults have one. */
const CHARACTER_STYLE_NAMES = new Set(["Strong", "Emphasis"]);

/** Styles shown in the gallery even when the document does not use them yet. */
const ALWAYS_SHOWN = new Set(["Normal", "Heading1", "Heading2", "Heading3"]);

const STYLE = /<w:style\b[^>]*>.*?<\/w:style>/gsu;

interface StyleEntry {
  readonly xml: string;
  readonly id: string;
  readonly type: string;
  readonly basedOn?: string;
  readonly next?: string;
  readonly link?: string;
}

function entry(xml: string): StyleEntry {
  const attribute = (name: string) => new RegExp(`<w:style\\b[^>]*\\s${name}="([^"]*)"`, "u").exec(xml)?.[1];
  const child = (name: string) => new RegExp(`<w:${name} w:val="([^"]*)"/>`, "u").exec(xml)?.[1];
  const basedOn = child("basedOn");
  const next = child("next");
  const link = child("link");
  return { xml, id: attribute("w:styleId") ?? "", type: attribute("w:type") ?? "", ...(basedOn ? { basedOn } : {}), ...(next ? { next } : {}), ...(link ? { link } : {}) };
}

/** The style ids the document's parts refer to. */
export function usedStyleIds(parts: Iterable<string>): Set<string> {
  const used = new Set<string>();
  for (const xml of parts) {
    for (const match of xml.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]*)"\/>/gu)) used.add(match[1]!);
  }
  return used;
}

/** Elements that come after `semiHidden`/`unhideWhenUsed` in a style (ISO 29500 CT_Style order). */
const AFTER_HIDDEN = /<w:(?:qFormat|locked|personal|personalCompose|personalReply|rsid|pPr|rPr|tblPr|trPr|tcPr|tblStylePr)\b|<\/w:style>/u;

function hide(xml: string): string {
  let out = xml.replace("<w:qFormat/>", "");
  const flags = `${out.includes("<w:semiHidden/>") ? "" : "<w:semiHidden/>"}${out.includes("<w:unhideWhenUsed/>") ? "" : "<w:unhideWhenUsed/>"}`;
  if (flags === "") return out;
  // semiHidden must stand before an existing unhideWhenUsed.
  out = out.replace("<w:unhideWhenUsed/>", "");
  const at = AFTER_HIDDEN.exec(out)?.index ?? out.length;
  return `${out.slice(0, at)}<w:semiHidden/><w:unhideWhenUsed/>${out.slice(at)}`;
}

export function cleanStyles(stylesXml: string, used: ReadonlySet<string>): string {
  const entries = [...stylesXml.matchAll(STYLE)].map((m) => entry(m[0]));
  const dropped = new Set(entries.filter((s) => s.type === "paragraph" && CHARACTER_STYLE_NAMES.has(s.id) && !used.has(s.id)).map((s) => s.id));
  const kept = entries.filter((s) => !dropped.has(s.id));
  const ids = new Set(kept.map((s) => s.id));
  const needsDefaultFont = kept.some((s) => s.basedOn === "DefaultParagraphFont") && !ids.has("DefaultParagraphFont");
  if (needsDefaultFont) ids.add("DefaultParagraphFont");

  // What a used style leans on is in use too.
  const inUse = new Set<string>();
  const byId = new Map(kept.map((s) => [s.id, s]));
  const visit = (id: string | undefined) => {
    if (!id || inUse.has(id)) return;
    inUse.add(id);
    const style = byId.get(id);
    visit(style?.basedOn);
    visit(style?.link);
  };
  for (const id of used) visit(id);

  const rewritten = new Map<string, string>();
  for (const style of entries) {
    if (dropped.has(style.id)) {
      rewritten.set(style.xml, "");
      continue;
    }
    let xml = style.xml;
    for (const element of ["basedOn", "next", "link"] as const) {
      const target = style[element];
      if (target !== undefined && !ids.has(target)) xml = xml.replace(`<w:${element} w:val="${target}"/>`, "");
    }
    if (!inUse.has(style.id) && !ALWAYS_SHOWN.has(style.id) && !/w:default="1"/u.test(xml)) xml = hide(xml);
    rewritten.set(style.xml, xml);
  }
  let out = stylesXml.replace(STYLE, (xml) => rewritten.get(xml) ?? xml);
  if (needsDefaultFont) out = out.replace(/(<w:style\b)/u, `${DEFAULT_PARAGRAPH_FONT}$1`);
  return out;
}

/** The default tab stop of a Swedish Word: 2.3 cm (1304 twips), not docx's 1.27 cm. */
export const SWEDISH_DEFAULT_TAB_STOP = 1304;

export function swedishTabStop(settingsXml: string): string {
  return settingsXml.replace(/<w:defaultTabStop w:val="\d+"\/>/u, `<w:defaultTabStop w:val="${SWEDISH_DEFAULT_TAB_STOP}"/>`);
}
