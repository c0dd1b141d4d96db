// @ts-check
/**
 * How `remiss init --fran` / `--remissbrev` is scored against a document's
 * truth (fixtures/korpus/<name>.expected.json, fixtures/kallor/...): what
 * the starter file says is read back into the truth's shape, and every
 * field gets one outcome. docs/benchmarks.md ("init --fran på okända
 * dokument") says the same in Swedish.
 *
 * Outcomes:
 * - "ratt": the document says it and the field has exactly that;
 * - "ratt-tomt": the document does not say it and the field is left empty;
 * - "delvis": partly: some list items (att-satser, authors, other
 *   remissinstanser) are right but not all, the description has another
 *   number of paragraphs, or the title differs only in case and punctuation
 *   or one contains the other;
 * - "fel": filled with a wrong value (also: filled where the document says
 *   nothing);
 * - "saknas": the document says it and the field is left empty.
 *
 * Comparison, after Unicode NFC and collapsing white space:
 * - typ, dnr, svar_senast: equal;
 * - titel: equal (delvis: see above);
 * - till, fran: equal ignoring case ("kommunfullmäktige" = "Kommunfullmäktige");
 * - forfattare: the same authors, each by name (equal) and party (equal
 *   ignoring case, a party's letters equal to its name: "S" = "Socialdemokraterna");
 *   order does not matter;
 * - yrkanden: the same att-satser word for word in the same order (a leading
 *   "•", "-", "–" or "1." is not part of the text);
 * - aven_till: the same instances ignoring case and order;
 * - beskrivning: the number of paragraphs.
 */
import { parse } from "yaml";

/** @typedef {"ratt" | "ratt-tomt" | "delvis" | "fel" | "saknas"} Outcome */
/** @typedef {{namn?: string, parti?: string}} Author */
/**
 * @typedef {object} ObjektFields
 * @property {string | null} typ
 * @property {string | null} titel
 * @property {Author[]} forfattare
 * @property {string | null} till
 * @property {string[]} yrkanden
 * @property {number} beskrivning_stycken
 */
/**
 * @typedef {object} BrevFields
 * @property {string | null} fran
 * @property {string | null} dnr
 * @property {string | null} svar_senast
 * @property {string[] | null} aven_till
 */

export const OBJEKT_FIELDS = /** @type {const} */ (["typ", "titel", "forfattare", "till", "yrkanden", "beskrivning_stycken"]);
export const BREV_FIELDS = /** @type {const} */ (["fran", "dnr", "svar_senast", "aven_till"]);
export const OUTCOMES = /** @type {const} */ (["ratt", "ratt-tomt", "delvis", "fel", "saknas"]);

const PARTIES = {
  s: "socialdemokraterna",
  m: "moderaterna",
  sd: "sverigedemokraterna",
  c: "centerpartiet",
  v: "vänsterpartiet",
  kd: "kristdemokraterna",
  l: "liberalerna",
  fp: "folkpartiet",
  mp: "miljöpartiet",
  "miljöpartiet de gröna": "miljöpartiet",
};

/** @param {unknown} text */
export function normalise(text) {
  return String(text).normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** @param {string | undefined} parti */
function party(parti) {
  if (parti === undefined) return "";
  const key = normalise(parti).toLowerCase();
  const known = /** @type {Record<string, string>} */ (PARTIES)[key];
  if (known) return known;
  // A known party with its local branch's place ("Miljöpartiet i Mariestad", "Sverigedemokraterna Älvkarleby") is that party.
  // (The longest name first: "Miljöpartiet de gröna i Hammarö kommun" is Miljöpartiet de gröna's branch.)
  const names = [...Object.keys(PARTIES), ...Object.values(PARTIES)].sort((a, b) => b.length - a.length);
  const named = names.find((name) => key.startsWith(name + " ") && /^(?:i )?\p{L}[\p{L}-]*(?: kommun)?$/u.test(key.slice(name.length + 1)));
  return named ? (/** @type {Record<string, string>} */ (PARTIES)[named] ?? named) : key;
}

/** @param {string} item */
function attText(item) {
  return normalise(item).replace(/^(?:[•\-–*]|\d+[.)])\s+/u, "");
}

/**
 * @param {boolean} expectedEmpty
 * @param {boolean} foundEmpty
 * @param {() => "ratt" | "delvis" | "fel"} compare  when both are filled
 * @returns {Outcome}
 */
function outcome(expectedEmpty, foundEmpty, compare) {
  if (expectedEmpty) return foundEmpty ? "ratt-tomt" : "fel";
  if (foundEmpty) return "saknas";
  return compare();
}

/**
 * Some items right: delvis; all and no others: ratt; none: fel.
 * @template T
 * @param {T[]} expected
 * @param {T[]} found
 * @param {(a: T, b: T) => boolean} same
 * @param {boolean} ordered
 * @returns {"ratt" | "delvis" | "fel"}
 */
function listOutcome(expected, found, same, ordered) {
  if (ordered && expected.length === found.length && expected.every((item, i) => same(item, /** @type {T} */ (found[i])))) return "ratt";
  const left = [...found];
  let matched = 0;
  for (const item of expected) {
    const at = left.findIndex((other) => same(item, other));
    if (at >= 0) {
      matched++;
      left.splice(at, 1);
    }
  }
  if (!ordered && matched === expected.length && left.length === 0) return "ratt";
  return matched > 0 ? "delvis" : "fel";
}

/** @param {string | null} a @param {string | null} b */
const equal = (a, b) => normalise(a) === normalise(b);
/** @param {string | null} a @param {string | null} b */
const equalIgnoringCase = (a, b) => normalise(a).toLowerCase() === normalise(b).toLowerCase();
/** @param {string} text */
const letters = (text) => normalise(text).toLowerCase().replace(/[^\p{L}\p{N} ]/gu, "").replace(/\s+/gu, " ").trim();

/**
 * One outcome per field of a remitted document.
 * @param {ObjektFields} expected
 * @param {ObjektFields} found
 * @returns {Record<typeof OBJEKT_FIELDS[number], Outcome>}
 */
export function scoreObjekt(expected, found) {
  /** @param {Author} a @param {Author} b */
  const sameAuthor = (a, b) => normalise(a.namn ?? "") === normalise(b.namn ?? "") && party(a.parti) === party(b.parti);
  return {
    typ: outcome(expected.typ === null, found.typ === null, () => (equal(expected.typ, found.typ) ? "ratt" : "fel")),
    titel: outcome(expected.titel === null, found.titel === null, () => {
      if (equal(expected.titel, found.titel)) return "ratt";
      const a = letters(/** @type {string} */ (expected.titel));
      const b = letters(/** @type {string} */ (found.titel));
      return a !== "" && b !== "" && (a === b || a.includes(b) || b.includes(a)) ? "delvis" : "fel";
    }),
    forfattare: outcome(expected.forfattare.length === 0, found.forfattare.length === 0, () => listOutcome(expected.forfattare, found.forfattare, sameAuthor, false)),
    till: outcome(expected.till === null, found.till === null, () => (equalIgnoringCase(expected.till, found.till) ? "ratt" : "fel")),
    yrkanden: outcome(expected.yrkanden.length === 0, found.yrkanden.length === 0, () =>
      listOutcome(expected.yrkanden, found.yrkanden, (a, b) => attText(a) === attText(b), true),
    ),
    beskrivning_stycken: outcome(expected.beskrivning_stycken === 0, found.beskrivning_stycken === 0, () =>
      expected.beskrivning_stycken === found.beskrivning_stycken ? "ratt" : "delvis",
    ),
  };
}

/**
 * One outcome per field of a remittent's letter.
 * @param {BrevFields} expected
 * @param {BrevFields} found
 * @returns {Record<typeof BREV_FIELDS[number], Outcome>}
 */
export function scoreBrev(expected, found) {
  return {
    fran: outcome(expected.fran === null, found.fran === null, () => (equalIgnoringCase(expected.fran, found.fran) ? "ratt" : "fel")),
    dnr: outcome(expected.dnr === null, found.dnr === null, () => (equal(expected.dnr, found.dnr) ? "ratt" : "fel")),
    svar_senast: outcome(expected.svar_senast === null, found.svar_senast === null, () => (equal(expected.svar_senast, found.svar_senast) ? "ratt" : "fel")),
    aven_till: outcome(!expected.aven_till?.length, !found.aven_till?.length, () =>
      listOutcome(/** @type {string[]} */ (expected.aven_till), /** @type {string[]} */ (found.aven_till), equalIgnoringCase, false),
    ),
  };
}

/** A value `remiss init` leaves for the user to fill in. @param {unknown} value */
function placeholder(value) {
  return typeof value === "string" && /^\[[^\]]*\]$/u.test(value.trim());
}

/** @param {unknown} value @returns {string | null} */
function text(value) {
  if (value === undefined || value === null || placeholder(value)) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return normalise(value);
}

/**
 * @param {unknown} value
 * @returns {string[]}
 */
function texts(value) {
  if (!Array.isArray(value)) return [];
  return value.map(text).filter((item) => item !== null);
}

/**
 * What a starter file written by `remiss init --fran` says of the remitted document.
 * @param {string} yaml
 * @returns {ObjektFields}
 */
export function objektFromStarter(yaml) {
  const doc = /** @type {Record<string, any>} */ (parse(yaml, { prettyErrors: false }) ?? {});
  const objekt = /** @type {Record<string, unknown>} */ (doc.remissobjekt ?? {});
  const authors = Array.isArray(objekt.forfattare) ? objekt.forfattare : [];
  const beskrivning = text(objekt.beskrivning);
  return {
    typ: text(objekt.typ),
    titel: text(objekt.titel),
    forfattare: authors.flatMap((/** @type {Record<string, unknown>} */ author) => {
      const namn = text(author?.namn);
      const parti = text(author?.parti);
      return namn === null && parti === null ? [] : [{ ...(namn !== null ? { namn } : {}), ...(parti !== null ? { parti } : {}) }];
    }),
    till: text(objekt.till),
    yrkanden: texts(objekt.yrkanden),
    beskrivning_stycken:
      typeof objekt.beskrivning === "string"
        ? objekt.beskrivning
            .split(/\n[ \t]*\n/u)
            .map((paragraph) => paragraph.trim())
            .filter((paragraph) => paragraph !== "" && !placeholder(paragraph)).length
        : beskrivning === null
          ? 0
          : 1,
  };
}

/**
 * What a starter file written by `remiss init --remissbrev` says of the remiss.
 * @param {string} yaml
 * @returns {BrevFields}
 */
export function brevFromStarter(yaml) {
  const doc = /** @type {Record<string, any>} */ (parse(yaml, { prettyErrors: false }) ?? {});
  const remiss = /** @type {Record<string, unknown>} */ (doc.remiss ?? {});
  const aven = texts(remiss.aven_till);
  return { fran: text(remiss.fran), dnr: text(remiss.dnr), svar_senast: text(remiss.svar_senast), aven_till: aven.length ? aven : null };
}

/**
 * Counts of outcomes, per field and in all.
 * @typedef {object} Tally
 * @property {Record<string, Record<Outcome, number>>} fields
 * @property {Record<Outcome, number>} total
 */

/** @returns {Record<Outcome, number>} */
function zero() {
  return { ratt: 0, "ratt-tomt": 0, delvis: 0, fel: 0, saknas: 0 };
}

/** @returns {Tally} */
export function emptyTally() {
  return { fields: {}, total: zero() };
}

/**
 * @param {Tally} tally
 * @param {Record<string, Outcome>} outcomes
 */
export function addOutcomes(tally, outcomes) {
  for (const [field, result] of Object.entries(outcomes)) {
    (tally.fields[field] ??= zero())[result]++;
    tally.total[result]++;
  }
}

/**
 * Share right (exact or rightly empty) and share filled with a wrong value, of all fields.
 * @param {Record<Outcome, number>} counts
 */
export function shares(counts) {
  const all = OUTCOMES.reduce((sum, key) => sum + counts[key], 0);
  return { all, right: all ? (counts.ratt + counts["ratt-tomt"]) / all : 0, wrong: all ? counts.fel / all : 0 };
}
