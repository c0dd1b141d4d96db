/** The schemes a link in a document may have: the web and e-mail. */
export const LINK_SCHEMES = ["http", "https", "mailto"] as const;

/** A URL's scheme (`javascript`, `file`), lower case, or undefined for a relative link. */
export function linkScheme(url: string): string | undefined {
  return /^\s*([a-z][a-z0-9+.-]*):/iu.exec(url)?.[1]?.toLowerCase();
}

/** Whether a link may become a hyperlink: it has one of LINK_SCHEMES. */
export function isSafeLink(url: string): boolean {
  const scheme = linkScheme(url);
  return scheme !== undefined && (LINK_SCHEMES as readonly string[]).includes(scheme);
}
