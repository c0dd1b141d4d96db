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

/**
 * A link as a URI, for a relationship's Target (which must be one): every
 * character a URI may not hold (a space, a letter like å, a `"`, a `%` that
 * does not begin an escape) percent-encoded as UTF-8; escapes already there
 * are kept, so nothing is encoded twice.
 */
export function uriOf(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gu, (chars) => encodeURIComponent(chars));
}
