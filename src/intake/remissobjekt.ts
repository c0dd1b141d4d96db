import { KINDS } from "../model/kinds.js";
import { findDocumentDate } from "./datum.js";
import type { SourceLine, SourceText } from "./source.js";
import { blocksOf, joinLines, type Block, type Found } from "./text.js";

export interface Author {
  readonly namn?: string;
  readonly parti?: string;
}

/** What a remitted document says of itself; a field is present only when the document's own words give it. */
export interface RemissobjektFound {
  readonly typ?: Found<string>;
  readonly titel?: Found<string>;
  readonly forfattare?: Found<readonly Author[]>;
  readonly till?: Found<string>;
  readonly yrkanden?: Found<readonly string[]>;
  /** The document's own paragraphs between its heading and its proposal. */
  readonly beskrivning?: Found<readonly string[]>;
  /** The day the document is dated (ISO), from a line such as "Ulricehamn 2024-03-19". */
  readonly datum?: Found<string>;
}

/** The kinds whose title begins with their word, longest first ("Medborgarförslag" before "förslag"). */
const TITLE_WORDS = KINDS.flatMap((kind) => {
  const word = "titleWord" in kind ? kind.titleWord : "nouns" in kind ? kind.nouns.obestamd : undefined;
  return word ? [{ typ: kind.typ, word }] : [];
}).sort((a, b) => b.word.length - a.word.length);

const PARTIES = [
  "Socialdemokraterna",
  "Moderaterna",
  "Sverigedemokraterna",
  "Centerpartiet",
  "Vänsterpartiet",
  "Kristdemokraterna",
  "Liberalerna",
  "Miljöpartiet",
  "Miljöpartiet de gröna",
];

/** "Förnamn Efternamn": two or more capitalised words (with hyphens, apostrophes). */
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:af\s+|von\s+|de\s+)?\p{Lu}[\p{L}'’-]+)+`;
/** A group of names with one party after it: "Anna Andersson (S)", "Anna Andersson och Per Persson (S)". */
const NAMES_WITH_PARTY = new RegExp(String.raw`(${NAME}(?:\s*(?:,|och)\s*${NAME})*)\s*\((\p{Lu}{1,3}|\p{Lu}\p{Ll}+(?:\s\p{L}+)*)\)`, "gu");
const HAS_NAMES_WITH_PARTY = new RegExp(NAMES_WITH_PARTY.source, "u");
const PROPOSAL = /\b(föreslår|föreslås|yrkar|yrkas|hemställer|hemställs)\b/iu;
const ATT = /^(?:[-–•*]\s*)?([Aa]tt\s.*)$/u;
const ORGAN = /\b(kommunfullmäktige|regionfullmäktige|landstingsfullmäktige|kommunstyrelsen|regionstyrelsen|\p{Ll}+nämnden)\b/iu;

/**
 * Reads a motion, a skrivelse, a medborgarförslag or another remitted
 * document: its kind and title from the first paragraph that begins with a
 * kind's word, its authors as the document names them, whom it proposes
 * to, its att-satser word for word, and its own text between heading and
 * proposal. Nothing is guessed: what the words do not say is not found.
 */
export function extractRemissobjekt(source: SourceText): RemissobjektFound {
  const blocks = blocksOf(source.lines);
  const heading = findHeading(blocks);
  const titleBlock = heading ? blocks[heading.title]! : undefined;
  const proposal = findProposal(source.lines, titleBlock?.lines.at(-1));
  const authors = findAuthors(blocks, heading?.title ?? 0, proposal);
  const bodyStart = heading ? heading.title + 1 : 0;
  const proposalBlock = proposal ? blocks.findIndex((block) => block.lines.includes(proposal.line)) : -1;
  const lastAtt = proposal ? blocks.findIndex((block) => block.lines.includes(proposal.lastLine)) : -1;
  // The document's own text: between its heading and its proposal; when the proposal comes first, after it.
  let body = heading ? blocks.slice(bodyStart, proposalBlock === -1 ? undefined : proposalBlock).filter((block) => !isByline(block)) : [];
  // (A paragraph that itself proposes is another proposal, not description.)
  if (heading && body.length === 0 && lastAtt !== -1) body = blocks.slice(lastAtt + 1).filter((block) => !isByline(block) && !isSignature(block) && !PROPOSAL.test(block.text));
  if (proposalBlock === -1) body = body.filter((block) => !isSignature(block));

  return {
    ...(heading?.typ !== undefined ? { typ: { value: heading.typ, from: blocks[heading.kindBlock]!.lines[0]! } } : {}),
    ...(titleBlock ? { titel: { value: titleBlock.text, from: titleBlock.lines[0]! } } : {}),
    ...(authors ? { forfattare: authors } : {}),
    ...(proposal?.till ? { till: proposal.till } : {}),
    ...(proposal && proposal.yrkanden.length > 0 ? { yrkanden: { value: proposal.yrkanden, from: proposal.firstAtt } } : {}),
    ...(body.length > 0 ? { beskrivning: { value: body.map((b) => b.text), from: body[0]!.lines[0]! } } : {}),
    ...withDatum(findDocumentDate(source)),
  };
}

/**
 * The document's heading: the first paragraph that begins with a kind's
 * word ("Motion om …", "Medborgarförslag …"), whose kind it names; when
 * that paragraph is the word alone ("Motion") and a short line follows,
 * that line is the title. Without a kind's word, the first short line that
 * a paragraph of text follows is the title, and the kind is not known.
 */
function findHeading(blocks: readonly Block[]): { title: number; kindBlock: number; typ?: string } | undefined {
  const kindBlock = blocks.findIndex((block) => titleKind(block.text) !== undefined && block.text.length <= 200);
  if (kindBlock !== -1) {
    const typ = titleKind(blocks[kindBlock]!.text)!;
    const next = blocks[kindBlock + 1];
    const wordOnly = blocks[kindBlock]!.text.trim().split(/\s+/u).length === 1;
    if (wordOnly && next && isTitleLike(next) && (blocks[kindBlock + 2]?.text.length ?? 0) > next.text.length) return { title: kindBlock + 1, kindBlock, typ };
    return { title: kindBlock, kindBlock, typ };
  }
  const title = blocks.findIndex((block, i) => isTitleLike(block) && (blocks[i + 1]?.text.length ?? 0) > block.text.length);
  return title === -1 ? undefined : { title, kindBlock: title };
}

/** One short line that is not a sentence: a heading. */
function isTitleLike(block: Block): boolean {
  return block.lines.length === 1 && block.text.length <= 150 && !/[.:,;]$/u.test(block.text) && !/^\d/u.test(block.text);
}

/** The closing lines: a place and date, "För …", names, a party. */
function isSignature(block: Block): boolean {
  return block.lines.every((line) => {
    const text = line.text.trim();
    if (text.length > 60) return false;
    return /^För\s/u.test(text) || DATE.test(text) || new RegExp(`^${NAME}$`, "u").test(text) || PARTIES.includes(text);
  });
}

/** A date as a signature writes it: 2024-03-19, 2014 12 15, 31 augusti 2015. */
const DATE = /\b(\d{4}-\d{2}-\d{2}|\d{4} \d{2} \d{2}|\d{1,2} \p{Ll}+ \d{4})\b/u;

/** The kind a title names with its first word ("Motion om …" → motion), if it does. */
function titleKind(text: string): string | undefined {
  const first = text.trim().toLowerCase();
  for (const { typ, word } of TITLE_WORDS) {
    if (first.startsWith(word) && !/\p{L}/u.test(first.charAt(word.length))) return typ;
  }
  return undefined;
}

/** A paragraph that only names authors, parties, a place or a date, or a short line of metadata that is no sentence. */
function isByline(block: Block): boolean {
  if (block.lines.length === 1 && block.text.length <= 60 && !/[.!?:]$/u.test(block.text) && !/\s\p{Ll}+\s\p{Ll}+\s/u.test(block.text)) return true;
  const rest = block.text
    .replace(NAMES_WITH_PARTY, "")
    .replace(new RegExp(PARTIES.join("|"), "gu"), "")
    .replace(/\d{4}-\d{2}-\d{2}|\d{1,2} \p{Ll}+ \d{4}/gu, "")
    .replace(/[\s,.:;–-]|och|för|den/gu, "");
  return rest.length === 0 || (HAS_NAMES_WITH_PARTY.test(block.text) && block.text.length < 120);
}

/**
 * The authors, as the document names them: every "Namn Efternamn (P)" (a
 * party after a group of names goes to each), else a line that is a
 * party's name alone, else a line "Förslagsställare: Namn".
 */
function findAuthors(blocks: readonly Block[], titleIndex: number, proposal: Proposal | undefined): Found<readonly Author[]> | undefined {
  const authors: Author[] = [];
  let from: SourceLine | undefined;
  const add = (author: Author, line: SourceLine) => {
    if (!authors.some((a) => a.namn === author.namn && a.parti === author.parti)) authors.push(author);
    from ??= line;
  };
  for (const block of blocks.slice(Math.max(0, titleIndex))) {
    for (const line of block.lines) {
      for (const match of line.text.matchAll(NAMES_WITH_PARTY)) {
        for (const name of match[1]!.split(/\s*(?:,|\boch\b)\s*/u)) add({ namn: name.trim(), parti: match[2]! }, line);
      }
      // "Lars Andersson, Socialdemokraterna"
      const withParty = new RegExp(`^(${NAME}),\\s*(${PARTIES.join("|")})$`, "u").exec(line.text.trim());
      if (withParty) add({ namn: withParty[1]!, parti: withParty[2]! }, line);
    }
  }
  if (authors.length > 0) return { value: authors, from: from! };
  // The signature at the end: names one per line, perhaps with the party (or the proposer the proposal names) on the last line.
  const last = [...blocks].reverse().find((block) => block.lines.some((line) => new RegExp(`^${NAME}$`, "u").test(line.text.trim())));
  if (last && (!proposal || last.lines[0]!.page > proposal.lastLine.page || (last.lines[0]!.page === proposal.lastLine.page && last.lines[0]!.line > proposal.lastLine.line))) {
    const texts = last.lines.map((line) => line.text.trim());
    const party = texts.at(-1)!;
    const isParty = PARTIES.includes(party) || (proposal?.subject !== undefined && party === proposal.subject);
    const names = (isParty ? texts.slice(0, -1) : texts).filter((text) => !/^För\s/u.test(text));
    if (names.length > 0 && names.every((text) => new RegExp(`^${NAME}$`, "u").test(text) && text.split(/\s+/u).length <= 3)) {
      return { value: names.map((namn) => (isParty ? { namn, parti: party } : { namn })), from: last.lines.find((line) => line.text.trim() === names[0])! };
    }
  }
  for (const block of blocks) {
    for (const line of block.lines) {
      const text = line.text.trim().replace(/^För\s+/u, "");
      if (PARTIES.includes(text)) return { value: [{ parti: text }], from: line };
      const proposer = /^(?:Förslagsställare|Inlämnat av|Namn)\s*:\s*(.+)$/u.exec(line.text.trim());
      if (proposer && new RegExp(`^${NAME}$`, "u").test(proposer[1]!.trim())) return { value: [{ namn: proposer[1]!.trim() }], from: line };
    }
  }
  return undefined;
}

interface Proposal {
  line: SourceLine;
  till?: Found<string>;
  yrkanden: string[];
  firstAtt: SourceLine;
  lastLine: SourceLine;
  /** Who proposes, when the sentence names it before its verb: "Nya Ulricehamn föreslår därför:". */
  subject?: string;
}

/**
 * The proposal: the last line before the att-satser that says "föreslår",
 * "yrkar" or "hemställer", the organ it names, and the att-satser after it,
 * each from its "att" to the next, its lines joined. A line that does not
 * begin with "att" after an empty line ends them.
 */
function findProposal(lines: readonly SourceLine[], after: SourceLine | undefined): Proposal | undefined {
  const start = after ? lines.indexOf(after) + 1 : 0;
  for (let i = start; i < lines.length; i++) {
    if (!PROPOSAL.test(lines[i]!.text) && !/^Yrkanden?\b.*:$/u.test(lines[i]!.text.trim())) continue;
    // The proposal sentence may run over a line or two before the first att-sats.
    let j = i;
    const sentence = [lines[i]!.text];
    while (j + 1 < lines.length && lines[j + 1]!.text.trim() !== "" && !ATT.test(lines[j + 1]!.text.trim()) && sentence.length < 3) sentence.push(lines[++j]!.text);
    const yrkanden: string[] = [];
    let current: string[] | undefined;
    let firstAtt: SourceLine | undefined;
    let lastLine = lines[j]!;
    let blank = false;
    for (let k = j + 1; k < lines.length; k++) {
      const text = lines[k]!.text.trim();
      if (text === "") {
        blank = true;
        continue;
      }
      const att = ATT.exec(text);
      // A line that begins "att" straight after a line that does not end a clause continues that att-sats ("… för att se till / att målen …").
      const continues = att && current && !blank && text.startsWith("att") && !/([.,;:]|\b(?:samt|och|eller))$/u.test(lines[k - 1]!.text.trim());
      if (att && !continues) {
        if (current) yrkanden.push(joinLines(current));
        current = [att[1]!];
        firstAtt ??= lines[k];
      } else if (current && !blank) {
        current.push(text);
      } else break;
      lastLine = lines[k]!;
      blank = false;
    }
    if (current) yrkanden.push(joinLines(current));
    const proposalText = joinLines(sentence);
    if (yrkanden.length === 0) {
      // The att-sats within the sentence: "Vi yrkar därför att de medel … skede."
      const paragraph = paragraphFrom(lines, i);
      const inline = /\b(?:föreslår|yrkar|hemställer)\b[^,]*?,?\s+(att\s.+)$/iu.exec(joinLines(paragraph));
      if (!inline) continue;
      yrkanden.push(inline[1]!);
      firstAtt = lines[i];
      lastLine = lines[i + paragraph.length - 1]!;
    }
    // Before the first "att": the organ addressed, not one that the att-sats speaks of.
    const organ = ORGAN.exec(proposalText.split(/\batt\b/u)[0]!);
    const subject = /^(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)\s+(?:föreslår|yrkar)\b/u.exec(proposalText.trim())?.[1];
    return {
      line: lines[i]!,
      yrkanden,
      firstAtt: firstAtt!,
      lastLine,
      ...(organ ? { till: { value: organ[1]!.toLowerCase(), from: lines[i]! } } : {}),
      ...(subject && !/^(Jag|Vi|Därför)$/u.test(subject) ? { subject } : {}),
    };
  }
  return undefined;
}

/** The non-empty lines from `start` to the end of its paragraph. */
function paragraphFrom(lines: readonly SourceLine[], start: number): string[] {
  const out: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.text.trim() !== ""; i++) out.push(lines[i]!.text);
  return out;
}

function withDatum(datum: Found<string> | undefined): { datum?: Found<string> } {
  return datum ? { datum } : {};
}
