import { KINDS } from "../model/kinds.js";
import { findDocumentDate } from "./datum.js";
import type { SourceBlock, SourceLine, SourceText } from "./source.js";
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
const TITLE_WORDS = KINDS.flatMap((kind): { typ: string; word: string }[] => {
  const word = "titleWord" in kind ? kind.titleWord : "nouns" in kind ? kind.nouns.obestamd : undefined;
  return word ? [{ typ: kind.typ, word }] : [];
})
  // A kommun's own names for a medborgarförslag: "E-förslag", "Invånarförslag".
  .concat([{ typ: "medborgarforslag", word: "e-förslag" }, { typ: "medborgarforslag", word: "invånarförslag" }])
  .sort((a, b) => b.word.length - a.word.length);

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
  "Feministiskt initiativ",
];

/** "Förnamn Efternamn": two or more capitalised words (with hyphens, apostrophes). */
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+(?:af\s+|von\s+|de\s+)?\p{Lu}[\p{L}'’-]+)+`;
/** A group of names with one party after it: "Anna Andersson (S)", "Anna Andersson och Per Persson (S)". */
const NAMES_WITH_PARTY = new RegExp(String.raw`(${NAME}(?:\s*(?:,|och)\s*${NAME})*)\s*\(([\p{L}]{1,3}|\p{Lu}\p{Ll}+(?:\s\p{L}+)*)\)`, "gu");
const HAS_NAMES_WITH_PARTY = new RegExp(NAMES_WITH_PARTY.source, "u");
/** A heading over the proposal: "Förslag till beslut", "Yrkande", "Eget yrkande:", "Mitt förslag:", "Förslag:". */
const PROPOSAL_HEADING = /^(?:Förslag till beslut|(?:Eget |Mitt |Vårt |Nytt )?[Yy]rkanden?|Mitt förslag|Vårt förslag|Förslag)\s*:?$/u;
/**
 * The verbs of a proposer's own sentence, "förslår" (a common slip) and the
 * infinitive "föreslå" ("Vi vill föreslå …") included. (JavaScript's \b
 * knows only ASCII letters: after "föreslå" it finds no word's end, so the
 * verbs end with a lookahead.)
 */
const PROPOSE_VERB = String.raw`\b(?:föreslår|förslår|föreslå|yrkar|hemställer)(?![\p{L}\d])`;
/** A line with a proposal's verb, the passive too ("föreslås", "yrkas"). */
const PROPOSAL = /\b(föreslår|förslår|föreslå|föreslås|yrkar|yrkas|hemställer|hemställs)(?![\p{L}\d])/iu;
/** Who proposes in a proposal's sentence: "jag", "vi", the undersigned, or "därför", "härmed"; or the passive ("föreslås"). A body sentence ("Regeringen föreslår att …") has none of them. */
const PROPOSER_WORDS = /\b(jag|vi|undertecknad\p{L}*|därför|härmed|föreslås\s+(?:besluta|att|:)|yrkas|hemställs|yrkar|hemställer)\b|föreslås:|föreslås$/iu;
/** A short lead-in that ends in what the writer wants, the items on the next lines: "Miljöpartiet vill därför att:", "Vänsterpartiet vill". */
const WANTS_LEAD_IN = /^\p{Lu}[^.!?]{0,60}\bvill(?:\s+därför)?(?:\s+att)?\s*:?$/u;
const ATT = /^(?:[-–•*]\s*)?([Aa]tt\s.*)$/u;
/** The att-sats within the proposer's sentence: "Vi yrkar därför att de medel … skede." */
const INLINE_ATT = new RegExp(String.raw`${PROPOSE_VERB}[^,]*?,?\s+(att\s.+)$`, "iu");
/** A line's last word that an att-clause follows: a preposition or a verb that takes one ("se till", "i syfte", "innebär", "uppdras"). */
const GOVERNS_ATT = /(?:^|\s)(?:till|om|för|på|med|av|i|genom|utan|efter|än|så|syfte|sätt|uppdrag|uppgift|ansvar|möjlighet|rätt|krav|beslut|se|verka|verkar|säkerställa|säkerställer|innebär|innebära|betyder|visar|menar|anser|tycker|vill|kräver|krävs|gäller|uppdra|uppdrar|uppdras|ge|ges|få|får|bör|ska|skall|måste|och|eller|-)$/iu;
const ORGAN_WORDS = String.raw`(kommunfullmäktige|regionfullmäktige|landstingsfullmäktige|kommunstyrelsen|regionstyrelsen|\p{Ll}+nämnden)`;
const ORGAN = new RegExp(String.raw`(?<!\p{L})${ORGAN_WORDS}\b`, "iu");
/** An organ that is all of a line: "KOMMUNFULLMÄKTIGE". */
const ORGAN_ALONE = new RegExp(String.raw`^${ORGAN_WORDS}$`, "iu");

/**
 * Reads a motion, a skrivelse, a medborgarförslag or another remitted
 * document: its kind and title from the first paragraph that begins with a
 * kind's word, its authors as the document names them, whom it proposes
 * to, its att-satser word for word, and its own text between heading and
 * proposal. Nothing is guessed: what the words do not say is not found.
 */
export function extractRemissobjekt(source: SourceText): RemissobjektFound {
  const blocks = blocksOf(source.lines);
  const structured = source.blocks;
  const kindLine = findKindLine(structured);
  // A kind line that is also the title is not kept out of the heading's search.
  const heading = findHeading(blocks, structured, kindLine?.titled ? undefined : kindLine?.block);
  const headed = heading ? blocks[heading.title]! : undefined;
  // A kind's word as a label before the title: "MOTION: Ang inrättande av handlingsplan för landsbygden!".
  const labelled = headed ? /^(\p{L}+(?:-\p{L}+)?)\s*:\s*(\S.*)$/u.exec(headed.text) : null;
  const labelKind = labelled ? titleKind(labelled[1]!) : undefined;
  const titleBlock = headed && labelled && labelKind && labelled[1]!.split(/\s+/u).length === 1 ? { lines: headed.lines, text: labelled[2]! } : headed;
  const listStarts = new Map<SourceLine, SourceBlock>();
  for (const block of structured) if (block.kind === "list-item") listStarts.set(block.lines[0]!, block);
  const proposal = findProposal(source.lines, titleBlock?.lines.at(-1), listStarts);
  const authors = findAuthors(blocks, structured, heading?.title ?? 0, proposal);
  const bodyStart = heading ? heading.title + 1 : 0;
  const proposalBlock = proposal ? blocks.findIndex((block) => block.lines.includes(proposal.line)) : -1;
  const lastAtt = proposal ? blocks.findIndex((block) => block.lines.includes(proposal.lastLine)) : -1;
  const isKindLine = (block: Block) => kindLine !== undefined && !kindLine.titled && block.lines[0] === kindLine.block.lines[0];
  // The document's own text: between its heading and its proposal; when the proposal comes first, after it.
  let body = heading ? blocks.slice(bodyStart, proposalBlock === -1 ? undefined : proposalBlock).filter((block) => !isByline(block) && !isKindLine(block)) : [];
  // (A paragraph that itself proposes is another proposal, not description.)
  if (heading && body.length === 0 && lastAtt !== -1) body = blocks.slice(lastAtt + 1).filter((block) => !isByline(block) && !isSignature(block) && !PROPOSAL.test(block.text));
  if (proposalBlock === -1) body = body.filter((block) => !isSignature(block));
  body = ownText(body);
  const byline = heading?.typ === undefined && !kindLine ? findKindByline(structured) : undefined;
  const typ = kindLine ? { value: kindLine.typ, from: kindLine.block.lines[0]! } : heading?.typ !== undefined ? { value: heading.typ, from: blocks[heading.kindBlock]!.lines[0]! } : labelKind ? { value: labelKind, from: headed!.lines[0]! } : (byline ?? announcedKind(structured) ?? kindInText(titleBlock, heading ? blocks.slice(bodyStart) : []));
  // A PDF tells its title by its size; where no line stands out, the first short line is only a candidate.
  const hasFontSizes = structured.some((block) => block.fromTop !== undefined);
  const till = (kindLine?.till ? { value: kindLine.till, from: kindLine.block.lines[0]! } : proposal?.till) ?? addressedTo(structured) ?? decidedBy(proposal);

  return {
    ...(typ ? { typ } : {}),
    ...(titleBlock ? { titel: { value: titleBlock.text, from: titleBlock.lines[0]!, ...(heading?.byLayout === false && hasFontSizes ? { uncertain: true as const } : {}) } } : {}),
    ...(authors ? { forfattare: authors } : {}),
    ...(till ? { till } : {}),
    ...(proposal && proposal.yrkanden.length > 0 ? { yrkanden: { value: proposal.yrkanden, from: proposal.firstAtt } } : {}),
    ...(body.length > 0 ? { beskrivning: { value: body.map((b) => b.text), from: body[0]!.lines[0]! } } : {}),
    ...withDatum(findDocumentDate(source)),
  };
}

/**
 * The kind as the document names itself where its heading does not: the
 * title's second part ("Det fria skolvalet … – motion om skolbusskort"),
 * or its first paragraph ("I en motion till kommunfullmäktige föreslår …",
 * "Med denna motion vill vi …").
 */
function kindInText(title: Block | undefined, after: readonly Block[]): Found<string> | undefined {
  // (Only the kinds a writer names their own paper by: "denna plan" in a motion is some other plan.)
  const proposersKind = (word: string | undefined) => {
    const typ = word ? titleKind(word) : undefined;
    return typ === "motion" || typ === "skrivelse" || typ === "medborgarforslag" ? typ : undefined;
  };
  const titled = title ? proposersKind(/[–—-]\s*(\p{L}+)\s+(?:om|angående|gällande|till)\s/u.exec(title.text)?.[1]) : undefined;
  if (titled) return { value: titled, from: title!.lines[0]! };
  // "Centerpartiet föreslår genom denna motion", "I denna skrivelse …", "I en motion till kommunfullmäktige föreslår …" (the first paragraph).
  for (const [n, block] of after.entries()) {
    const self = proposersKind(/(?<!\p{L})(?:denna|den här|föreliggande)\s+(\p{L}+)/iu.exec(block.text)?.[1]) ?? (n === 0 ? proposersKind(/^(?:I|Med|Genom)\s+en\s+(\p{L}+)/u.exec(block.text)?.[1]) : undefined);
    if (self) return { value: self, from: block.lines[0]! };
  }
  return undefined;
}

/** The kind a kommun's page announces above the title: "Följande medborgarförslag lämnas till kommunfullmäktige …". */
function announcedKind(blocks: readonly SourceBlock[]): Found<string> | undefined {
  for (const block of blocks.slice(0, 4)) {
    const announced = /^Följande\s+(\p{L}+)\s+(?:lämnas|har lämnats|inlämnas|har inkommit|har väckts)\b/u.exec(block.text.trim());
    const typ = announced ? titleKind(announced[1]!) : undefined;
    if (typ) return { value: typ, from: block.lines[0]! };
  }
  return undefined;
}

/** Whom a line near the top addresses the document to: "Ställd till Lunds kommunfullmäktige", "Till kommunfullmäktige i Hammarö". */
function addressedTo(blocks: readonly SourceBlock[]): Found<string> | undefined {
  for (const block of blocks.slice(0, 8)) {
    const line = block.lines[0]!;
    // "Till" alone and the organ on the next line: "Till" / "KOMMUNFULLMÄKTIGE\tKopia Socialstyrelsen" / "ÅSTORPS KOMMUN".
    const below = /^Till:?$/iu.test(line.text.trim()) ? block.lines[1] ?? blocks[blocks.indexOf(block) + 1]?.lines[0] : undefined;
    const organBelow = below ? ORGAN_ALONE.exec(below.text.split("\t")[0]!.trim()) : null;
    if (organBelow) return { value: organBelow[1]!.toLowerCase(), from: below! };
    // "Följande medborgarförslag lämnas till kommunfullmäktige den 27 maj 2019:".
    const handed = /^(?:Följande\s+)?\p{L}+\s+(?:lämnas|har lämnats|inlämnas|ställs|har inkommit)\s+till\s+(.+)$/u.exec(line.text.trim());
    const handedTo = handed ? ORGAN.exec(handed[1]!) : null;
    if (handedTo && handedTo.index === 0) return { value: handedTo[1]!.toLowerCase(), from: line };
    const addressed = /^(?:(?:Ställd|Ställs|Riktad|Adresserad)\s+till|Till)\s+(.{3,80})$/u.exec(line.text.split("\t")[0]!.trim());
    const organ = addressed ? ORGAN.exec(addressed[1]!) : null;
    // (Only the organ, its kommun and a place and date beside it: "Till kommunfullmäktige om …" is a sentence, not an address.)
    if (organ && /^(?:\p{Lu}[\p{L}-]*s\s+)?$/u.test(addressed![1]!.slice(0, organ.index)) && /^(?:\s+i\s+\p{Lu}[\p{L}-]+(?:\s+kommun)?)?(?:\s+\p{Lu}[\p{L}-]+,?\s+\d{4}-\d{2}-\d{2})?\s*$/u.test(addressed![1]!.slice(organ.index + organ[0].length))) return { value: organ[1]!.toLowerCase(), from: line };
  }
  return undefined;
}

/** A fullmäktige that the first att-sats has decide: "att kommunfullmäktige uppdrar till …", "Att kommunfullmäktige … beslutar att …". */
function decidedBy(proposal: Proposal | undefined): Found<string> | undefined {
  const first = proposal?.yrkanden[0];
  const organ = first ? /^att\s+(kommunfullmäktige|regionfullmäktige|landstingsfullmäktige)\s/iu.exec(first) : null;
  return organ ? { value: organ[1]!.toLowerCase(), from: proposal!.firstAtt } : undefined;
}

/** A section's label over the document's own text: "Beskrivning", "Beskrivning av förslaget:", "Bakgrund:". */
const SECTION_LABEL = /^(?:Beskrivning(?:\s+av\s+förslaget)?|Bakgrund|Sammanfattning|Motivering|Ärendebeskrivning|Ärendet|Inledning|Syfte|Förslagets\s+innehåll)\s*:?$/iu;

/**
 * The document's own paragraphs as a reader counts them: without the
 * labels over them (a label on the paragraph's first line taken off), an
 * author's label line ("Förslaget insänt av …") or a web form's fields
 * ("Status" / "Publicerat" / "Antal röster" / "12": short lines, none a
 * sentence).
 */
function ownText(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (SECTION_LABEL.test(block.text.trim()) || LABEL.test(block.text.trim())) continue;
    if (block.lines.length >= 2 && block.lines.every((l) => l.text.trim().length <= 30 && !/[.!?]$/u.test(l.text.trim()))) continue;
    if (block.lines.length >= 2 && SECTION_LABEL.test(block.lines[0]!.text.trim())) {
      const rest = block.lines.slice(1);
      out.push({ lines: rest, text: joinLines(rest.map((l) => l.text)) });
      continue;
    }
    out.push(block);
  }
  return out;
}

/** "Motion till kommunfullmäktige", "Medborgarförslag till Socialnämnden i X": the kind and whom it is addressed to, not the title. */
const KIND_LINE = /^(\p{L}+)\s+till\s+(.+?)\s*$/u;

/** What follows the addressee in a line that is also the title: "… om X", "… angående X". */
const SUBJECT_AFTER_ORGAN = /^\s+(?:om|angående|gällande|rörande|avseende)\s+\S/iu;

/** The line near the top that names the document's kind and its addressee ("Motion till kommunfullmäktige"), if there is one. */
function findKindLine(blocks: readonly SourceBlock[]): { block: SourceBlock; typ: string; till?: string; titled?: true } | undefined {
  // (A letterhead's lines may stand in one paragraph: "Staffanstorpspartiet" / "Motion till kommunfullmäktige".)
  const candidates = blocks.slice(0, 8).flatMap((block) => (block.lines.length > 1 && block.lines.length <= 4 ? [block, ...block.lines.map((line) => ({ ...block, text: line.text.trim(), lines: [line] }))] : [block]));
  for (const block of candidates) {
    const match = KIND_LINE.exec(block.text);
    if (!match || block.text.length > 200) continue;
    const typ = titleKind(match[1]!);
    if (!typ || titleKind(block.text) !== typ) continue;
    const organ = ORGAN.exec(match[2]!);
    // "Motion till kommunfullmäktige om trygghetskameror": the line goes on with what the document is about, so it is the title as well.
    const titled = organ !== null && SUBJECT_AFTER_ORGAN.test(match[2]!.slice(organ.index + organ[0].length));
    // (Only a line that is the title too may be long: "Motion till Simrishamns Kommunfullmäktige angående inrättande av jämställdhetsråd, 2010-12-20".)
    if (block.text.length > 80 && !titled) continue;
    return { block, typ, ...(organ ? { till: organ[1]!.toLowerCase() } : {}), ...(titled ? { titled } : {}) };
  }
  return undefined;
}

/** How prominent a block's layout makes it: its font size above the body's, its title or heading style, its bold; 0 for body text. */
function prominence(block: SourceBlock, bodySize: number | undefined): number {
  if (block.size !== undefined && bodySize !== undefined && block.size >= bodySize + 1) return block.size - bodySize + 1;
  // A Word paragraph set larger than the body's style, whose size is not known: larger than Word's body sizes (10–12 points).
  if (block.size !== undefined && bodySize === undefined && block.size >= 13) return block.size - 12 + 1;
  if (block.kind === "title") return 3;
  if (block.kind === "heading") return 2;
  if (block.bold && block.text.length <= 150) return 0.5;
  return 0;
}

/** The font size most of a PDF's text is set in. */
function bodySizeOf(blocks: readonly SourceBlock[]): number | undefined {
  // (A Word paragraph without a size of its own has its style's: counted as unknown.)
  const chars = new Map<number | undefined, number>();
  for (const block of blocks) chars.set(block.size, (chars.get(block.size) ?? 0) + block.text.length);
  let best: number | undefined;
  let most = -1;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return best;
}

/** A line that is a date, a diarienummer or a place and date: never a title. */
function isMetaLine(text: string): boolean {
  return DATE.test(text) && text.length < 40 || /^(?:Dnr|Diarienr|Diarienummer|Datum)\b/iu.test(text) || /^\d+\s*\(\d+\)$/u.test(text);
}

/**
 * The document's heading: the first paragraph that begins with a kind's
 * word ("Motion om …", "Medborgarförslag …"), whose kind it names; when
 * that paragraph is the word alone ("Motion") and a short line follows,
 * that line is the title. Without a kind's word, the first short line that
 * a paragraph of text follows is the title, and the kind is not known.
 */
function findHeading(blocks: readonly Block[], structured: readonly SourceBlock[], kindLine: SourceBlock | undefined): { title: number; kindBlock: number; typ?: string; byLayout: boolean } | undefined {
  // A form's label: "Rubrik: …", or the label alone with the title in the next block (an e-förslag, a web form).
  for (let i = 0; i < Math.min(blocks.length, 12); i++) {
    const label = /^(?:Rubrik|Förslagets rubrik|Ämne|Titel)\s*:?\s*(.*)$/u.exec(blocks[i]!.text);
    if (!label) continue;
    if (label[1]) {
      const line = blocks[i]!.lines[0]!;
      const value = label[1].trim();
      // The title without its label, as a block of its own.
      const titled: Block = { lines: [{ ...line, text: value }], text: value };
      (blocks as Block[])[i] = titled;
      return { title: i, kindBlock: i, ...(titleKind(value) ? { typ: titleKind(value)! } : {}), byLayout: true };
    }
    if (blocks[i + 1] && blocks[i + 1]!.text.length <= 200) return { title: i + 1, kindBlock: i + 1, ...(titleKind(blocks[i + 1]!.text) ? { typ: titleKind(blocks[i + 1]!.text)! } : {}), byLayout: true };
  }
  const layout = headingByLayout(blocks, structured, kindLine);
  if (layout) return { ...layout, byLayout: true };
  const plain = headingByText(blocks, kindLine);
  return plain ? { ...plain, byLayout: false } : undefined;
}

function headingByText(blocks: readonly Block[], kindLine: SourceBlock | undefined): { title: number; kindBlock: number; typ?: string } | undefined {
  // Without layout to go by: the first kind's word, or the first short line before longer text ("Motion till …" is never the title).
  if (kindLine) blocks = blocks.map((block) => (block.lines[0] === kindLine.lines[0] ? { ...block, text: "", lines: block.lines } : block));
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

/**
 * The title by layout: of the first blocks on the first page, the most
 * prominent (largest font, a title or heading style, bold) that is not a
 * date, a Dnr or the "Motion till …" line; its kind from its first word,
 * or from a block above it that is the kind's word alone ("Motion"). When
 * the most prominent block is the kind's word alone and a shorter block
 * follows it, that block is the title.
 */
function headingByLayout(blocks: readonly Block[], structured: readonly SourceBlock[], kindLine: SourceBlock | undefined): { title: number; kindBlock: number; typ?: string } | undefined {
  const bodySize = bodySizeOf(structured);
  const firstPage = structured[0]?.lines[0]?.page ?? 1;
  let best: { block: SourceBlock; score: number } | undefined;
  for (const block of structured.slice(0, 10)) {
    if (block === kindLine || (block.fromTop !== undefined && block.lines[0]!.page !== firstPage)) continue;
    if (block.text.length > 200 || isMetaLine(block.text) || block.kind === "list-item" || block.table || PARTY_LINE.test(block.text)) continue;
    const score = prominence(block, bodySize);
    if (score > 0 && (!best || score > best.score)) best = { block, score };
  }
  if (!best) return undefined;
  const index = (block: SourceBlock) => blocks.findIndex((b) => b.lines.includes(block.lines[0]!));
  let title = index(best.block);
  if (title === -1) return undefined;
  let typ = titleKind(best.block.text);
  let kindBlock = title;
  const wordOnly = typ !== undefined && best.block.text.trim().split(/\s+/u).length === 1;
  if (wordOnly) {
    const next = blocks[title + 1];
    if (next && isTitleLike(next) && (blocks[title + 2]?.text.length ?? 0) > next.text.length) title += 1;
  } else if (typ === undefined) {
    // "Motion" alone above the title, or above "Motion till …".
    for (let i = title - 1; i >= 0 && i >= title - 3; i--) {
      const kind = blocks[i]!.text.trim().split(/\s+/u).length === 1 ? titleKind(blocks[i]!.text) : undefined;
      if (kind) {
        typ = kind;
        kindBlock = i;
        break;
      }
    }
  }
  return { title, kindBlock, ...(typ !== undefined ? { typ } : {}) };
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

/**
 * The kind told by a line near the top that is no title: "Motion från Arne Lovén, Sollentunapartiet angående …",
 * "Delbetänkande av Indelningskommittén", "SOU 2016:48".
 */
function findKindByline(blocks: readonly SourceBlock[]): Found<string> | undefined {
  for (const block of blocks.slice(0, 8)) {
    const text = block.text.trim();
    if (/^(?:Del|Slut)?betänkande\s+(?:av|från)\s+\p{Lu}/u.test(text) || /^SOU\s+\d{4}:\d+$/u.test(text)) return { value: "betankande", from: block.lines[0]! };
    const from = /^(\p{L}+)\s+från\s+\p{Lu}/u.exec(text);
    const typ = from && text.length <= 200 ? titleKind(from[1]!) : undefined;
    if (typ && titleKind(text) === typ) return { value: typ, from: block.lines[0]! };
  }
  return undefined;
}

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

/** A party as a signature or a line of its own names it: "Socialdemokraterna", "Vänsterpartiet i Umeå", "Centerpartiet Ronneby", "Partiet i Orten", "Kommunistiska Partiet", "Skol och landsbygspartiet". */
const PARTY_LINE = new RegExp(String.raw`^(?:För\s+)?((?:${PARTIES.join("|")}|\p{Lu}[\p{L}-]*(?:partiet|demokraterna|liberalerna|alliansen)|\p{Lu}[\p{L}-]*(?:\s+och)?\s+[\p{L}-]*(?:[Pp]artiet))(?:\s+(?:i\s+)?\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?(?:\s+kommun)?)?|\p{Lu}\p{L}+\s+i\s+\p{Lu}[\p{L}-]+)$`, "u");
/**
 * A party as a motion's author has it: a known party without its local
 * branch's place ("Sverigedemokraterna i Mark", "Miljöpartiet de gröna i
 * Hammarö kommun", "Sverigedemokraterna Region Värmland" are the party); a
 * local party's whole name ("Framtid i Ale", "Skol och landsbygspartiet").
 */
export function partyName(text: string): string {
  return PARTY_AND_PLACE.exec(text.trim())?.[1] ?? text.trim();
}
const PARTY_AND_PLACE = new RegExp(String.raw`^(${[...PARTIES].sort((a, b) => b.length - a.length).join("|")}|\p{Lu}[\p{L}-]*(?:partiet|demokraterna))\s+(?:i\s+)?\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?(?:\s+(?:kommun|län))?$`, "u");

/** A party's name at the start of a role line's rest: "Sverigedemokraterna i Trelleborgs kommunfullmäktige". */
const PARTY_START = new RegExp(String.raw`^(${PARTIES.join("|")}|\p{Lu}[\p{L}-]*(?:partiet|demokraterna|liberalerna))(?=\s|$)`, "u");
/** The parties' usual abbreviations, as after a name: "(S)", "(s)", ", M,". */
const PARTY_ABBREVIATION = /^(?:S|M|SD|C|V|KD|L|MP|FP)$/iu;
/** A role line under a name: "Ordförande i socialnämnden", "gruppledare", "Kommunalråd". */
const ROLE = /^(?:vice\s+)?(?:ordförande|ledamot|ersättare|gruppledare|kommunalråd|oppositionsråd|regionråd|fullmäktigeledamot|ledamöter|ledamot|förste|andre|tjänstgörande|partiordförande|språkrör)\b/iu;
const isRole = (text: string) => ROLE.test(text) || /^\p{Ll}/u.test(text);
/** A label before the author's name: "Förslagsställare", "Förslagsställare: Namn", "Inlämnat av". */
const LABEL = /^(?:Förslagsställare|Förslagsställarens namn|(?:Förslaget\s+|Motionen\s+)?(?:inlämnat|inlämnad|insänt|inskickat|lämnat|skickat|väckt)\s+av|Undertecknad|Motionär(?:er)?|Namn)\s*:?\s*(.*)$/iu;

/** A party's group in the adjective form: "Gnosjö Socialdemokratiska kommunfullmäktigegrupp, genom" is Socialdemokraterna. */
const PARTY_ADJECTIVES: Record<string, string> = { socialdemokratiska: "Socialdemokraterna", moderata: "Moderaterna", sverigedemokratiska: "Sverigedemokraterna", kristdemokratiska: "Kristdemokraterna", liberala: "Liberalerna" };
function partyGroup(text: string): string | undefined {
  const match = /(?:^|\s)(socialdemokratiska|moderata|sverigedemokratiska|kristdemokratiska|liberala)\s+\p{Ll}*grupp(?:en)?\b(?:\s*,?\s*genom)?$/iu.exec(text);
  return match ? PARTY_ADJECTIVES[match[1]!.toLowerCase()] : undefined;
}
/** A role before the party on the party's line, to be taken off: "Gruppledare ", "Ledamot för ". */
const ROLE_BEFORE_PARTY = new RegExp(String.raw`^${ROLE.source.slice(1)}(?:\s+\p{Ll}+)*?\s+(?:för\s+|i\s+)?(?=\p{Lu})`, "iu");
/** A date after the party on its line: "Vänsterpartiet i Vetlanda 14/10 2013". */
const DATE_AFTER = /,?\s+(?:\d{1,2}\/\d{1,2}\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{Ll}+\s+\d{4})$/u;
/** Names on one line joined by "och": "Yngve Berlin och Britt-Marie Kjellgren." */
const NAMES_JOINED = new RegExp(String.raw`^(${NAME}(?:\s*,\s*${NAME})*)\s+och\s+(${NAME})\.?$`, "u");

/** Words of a body's name, never a person's. */
const NOT_A_PERSON = /(?:kommun|nämnd|styrelse|fullmäktige|förvaltning|kontor|region|gruppen)\p{L}*\b/iu;

/** A party abbreviation as the document writes it, in capitals ("(s)" is S). */
function party(text: string): string {
  return PARTY_ABBREVIATION.test(text) ? text.toUpperCase() : text;
}

/** "Anna Andersson", "Anna Andersson (S)", "Anna Andersson (s), Borås", "Anna Andersson, S, Borås", "Lars Andersson, Socialdemokraterna": a name and its party, if the line is one. */
function nameLine(text: string, subject: string | undefined): Author | undefined {
  const t = text.trim().replace(/[.,]$/u, "");
  if (PARTY_LINE.test(t) || t === subject) return undefined;
  const apart = nameApartFromParty(t);
  if (apart) return apart;
  // A role after the name and a comma: "Christer Unosson, Ledamot i kf".
  const roled = new RegExp(String.raw`^(${NAME}),\s*(.+)$`, "u").exec(t);
  if (roled && ROLE.test(roled[2]!)) return nameLine(roled[1]!, subject);
  // After the party, a place ("(s), Borås") or a role ("(M) gruppledare").
  const match = new RegExp(String.raw`^(${NAME})(?:\s*\(([\p{L}]{1,3}|\p{Lu}\p{Ll}+(?:\s\p{L}+)*)\)(?:\s*,?\s*\p{Ll}[\p{L}\s-]{0,60})?|\s*,\s*(\p{L}{1,3}|${PARTIES.join("|")})(?=,|$))?(?:\s*,?\s*\p{Lu}[\p{L}-]+)?$`, "u").exec(t);
  if (!match) return undefined;
  const namn = match[1]!;
  const words = namn.split(/\s+/u);
  // Three words at most, and none a party's name: "Nya Moderaterna" is no person.
  if (words.length > 3 || PARTY_LINE.test(namn)) return undefined;
  // A body or a place is no person: "Kommunfullmäktige Vallentuna", "Umeå Kommun".
  if (NOT_A_PERSON.test(namn)) return undefined;
  const parti = match[2] ?? match[3];
  // A short party is an abbreviation as parties write them: "(S)", "(s)", "(FiA)"; "(red)" is none.
  if (parti !== undefined && parti.length <= 3 && !PARTY_ABBREVIATION.test(parti) && !/^\p{Lu}/u.test(parti)) return undefined;
  // Without a party, the place after a name is not told from a surname: only the name alone.
  if (parti === undefined && new RegExp(String.raw`^${NAME}$`, "u").test(t) === false) return undefined;
  return { namn, ...(parti ? { parti: party(parti) } : {}) };
}

/** A name and its party apart by a gap or a comma: "Mattias Krantz   Sverigedemokraterna i Mark", "Anna Berg, Vänsterpartiet". */
function nameApartFromParty(text: string): Author | undefined {
  // (A PDF may keep only one space of the gap: the name is then the two or three words before a party's name.)
  const words = text.trim().split(/(?<=\S)(\s*,\s*|\s+)(?=\S)/u);
  for (let n = 2; n <= 3; n++) {
    const namn = words.slice(0, 2 * n - 1).join("");
    const rest = words.slice(2 * n).join("");
    if (rest === "" || !new RegExp(String.raw`^${NAME}$`, "u").test(namn) || NOT_A_PERSON.test(namn) || PARTY_LINE.test(namn)) continue;
    const partyLine = PARTY_LINE.exec(rest);
    if (partyLine) return { namn, parti: partyName(partyLine[1]!) };
  }
  return undefined;
}

/**
 * The signature's columns: the lines of each block, a line's parts
 * between wide gaps (names side by side in a PDF) one column each, a
 * table's cells by column.
 */
function signatureColumns(blocks: readonly SourceBlock[]): { lines: { text: string; from: SourceLine }[] }[] {
  const columns: { lines: { text: string; from: SourceLine }[] }[] = [];
  const byCell = new Map<string, { lines: { text: string; from: SourceLine }[] }>();
  for (const block of blocks) {
    if (block.table) {
      const key = `${block.table.table}:${block.table.cell}`;
      if (!byCell.has(key)) {
        byCell.set(key, { lines: [] });
        columns.push(byCell.get(key)!);
      }
      for (const line of block.lines) byCell.get(key)!.lines.push({ text: line.text, from: line });
      continue;
    }
    let open: { lines: { text: string; from: SourceLine }[] }[] = [];
    for (const line of block.lines) {
      const parts = nameApartFromParty(line.text) ? [line.text.trim()] : line.text.split("\t").map((p) => p.trim()).filter(Boolean);
      if (parts.length === 1) {
        // (A line of one part under names side by side, "Vänsterpartiet i Vetlanda" under "Anita Fagerholm  Carina Strömbäck", is a column of its own.)
        if (open.length !== 1) {
          open = [{ lines: [] }];
          columns.push(open[0]!);
        }
        open[0]!.lines.push({ text: parts[0]!, from: line });
      } else if (parts.length > 1) {
        if (open.length !== parts.length) {
          open = parts.map(() => ({ lines: [] }));
          columns.push(...open);
        }
        parts.forEach((part, n) => open[n]!.lines.push({ text: part, from: line }));
      }
    }
  }
  return columns;
}

/**
 * The authors, as the signature after the last paragraph names them:
 * after a place and date, a name a line (with its party, "(S)", "(s)",
 * ", Socialdemokraterna", and its place), role lines, the party on a line
 * of its own for the names above it, names side by side in a table or in
 * columns, a label "Förslagsställare" before the name; a party alone when
 * no one signs. Else a byline "Namn (P)" near the top. A line of names
 * that cannot be told apart ("Anna Berg Ulf Ek") is no author: nothing is
 * guessed.
 */
function findAuthors(blocks: readonly Block[], structured: readonly SourceBlock[], titleIndex: number, proposal: Proposal | undefined): Found<readonly Author[]> | undefined {
  const endOfText = proposal ? structured.findIndex((b) => b.lines.includes(proposal.lastLine)) : -1;
  const tail = structured.slice(endOfText === -1 ? Math.max(0, structured.length - 6) : endOfText + 1).filter((b) => b.text.length <= 160);
  const authors: Author[] = [];
  let from: SourceLine | undefined;
  let loneParty: { value: string; from: SourceLine } | undefined;
  let unclear: SourceLine | undefined;
  for (const column of signatureColumns(tail)) {
    // (A party line above the names, "För Socialdemokraterna", is given to them at the column's end.)
    const names: { author: Author; from: SourceLine }[] = [];
    let groupParty: string | undefined;
    let label = false;
    for (const { text, from: line } of column.lines) {
      const t = text.trim();
      const labelled = LABEL.exec(t);
      if (labelled) {
        label = true;
        const author = labelled[1] ? nameLine(labelled[1], proposal?.subject) : undefined;
        if (author) names.push({ author, from: line });
        continue;
      }
      // A role before the party, on the party's line: "Gruppledare Centerpartiet", "Ordförande för Vänsterpartiet"; a date after it: "Vänsterpartiet i Vetlanda 14/10 2013".
      const undated = t.replace(DATE_AFTER, "");
      const unroled = ROLE.test(undated) ? undated.replace(ROLE_BEFORE_PARTY, "") : undated;
      const partyOfLine = PARTY_LINE.exec(unroled)?.[1] ?? (unroled !== undated ? PARTY_START.exec(unroled)?.[1] : undefined) ?? partyGroup(undated);
      if (DATE.test(t) || /^(?:Med vänlig(?:a)? hälsning(?:ar)?|Vänliga hälsningar|Hälsningar)\b/iu.test(t) || (/[@\d]/u.test(t) && partyOfLine === undefined)) continue;
      if (partyOfLine !== undefined || (proposal?.subject !== undefined && t === proposal.subject)) {
        groupParty = partyOfLine !== undefined ? partyName(partyOfLine.replace(/^För\s+/u, "")) : t;
        // A party under names is theirs: in "Birgitta Höijer" / "Centerpartiet" / "Jan Johansson" / "Kristdemokraterna" each name has the party under it.
        for (const [n, named] of names.entries()) if (named.author.parti === undefined) names[n] = { ...named, author: { ...named.author, parti: groupParty } };
        // ("För Socialdemokraterna i Österåker" above the names is their party too.)
        if (partyOfLine !== undefined) loneParty ??= { value: groupParty, from: line };
        continue;
      }
      if (/^\(\p{L}{1,3}\)$/u.test(t) && names.length > 0) {
        groupParty = party(t.slice(1, -1));
        continue;
      }
      const author = nameLine(t, proposal?.subject);
      const joined = author ? undefined : NAMES_JOINED.exec(t);
      const several = joined ? [...joined[1]!.split(/\s*,\s*/u), joined[2]!].map((n) => nameLine(n, proposal?.subject)) : [];
      if (author) names.push({ author, from: line });
      else if (several.length > 0 && several.every((a) => a?.namn !== undefined && a.namn.split(/\s+/u).length <= 3)) for (const a of several) names.push({ author: a!, from: line });
      else if (label || /^För\s/u.test(t) || isRole(t)) continue;
      else if (new RegExp(String.raw`^${NAME}$`, "u").test(t) && !NOT_A_PERSON.test(t)) unclear ??= line;
    }
    for (const { author, from: line } of names) {
      const full = author.parti === undefined && groupParty !== undefined ? { ...author, parti: groupParty } : author;
      if (!authors.some((a) => a.namn === full.namn)) authors.push(full);
      from ??= line;
    }
  }
  // One party on a line of its own beside the names, in another column of the signature: the names' party.
  // (Only when the signature names no other party: "Anita Fagerholm" | "Carina Strömbäck" over "Vänsterpartiet i Vetlanda".)
  if (loneParty && authors.every((a) => a.parti === undefined || a.parti === loneParty!.value)) authors.splice(0, authors.length, ...authors.map((a) => ({ ...a, parti: loneParty!.value })));
  if (authors.length > 0 && !unclear) return { value: authors, from: from! };
  // Names that cannot be told apart: the line as a candidate, for the comment.
  if (unclear) return { value: [{ namn: unclear.text.trim() }], from: unclear, uncertain: true };
  if (loneParty) return { value: [{ parti: loneParty.value }], from: loneParty.from };
  // Who proposes, named in the lead-in: "Mikael Andersson Elfgren, Stephanie Bruksgård och Anna Nygren, samtliga (M) yrkar i motionen att".
  const named = proposal ? namesInLeadIn(proposal.leadInParagraph) : [];
  if (named.length > 0) return { value: named, from: proposal!.line };
  // A byline near the top: "Anna Andersson (S)", "Anna Andersson och Per Persson (S)", its names over several lines.
  for (const block of blocks.slice(Math.max(0, titleIndex))) {
    if (!isByline(block)) continue;
    for (const match of block.text.matchAll(NAMES_WITH_PARTY)) {
      for (const name of match[1]!.split(/\s*(?:,|\boch\b)\s*/u)) {
        if (!authors.some((a) => a.namn === name.trim())) authors.push({ namn: name.trim(), parti: party(match[2]!) });
        from ??= block.lines[0]!;
      }
    }
  }
  if (authors.length > 0) return { value: authors, from: from! };
  // No one signs, and a party proposes ("Vänsterpartiet föreslår …", "Vänsterpartiet vill"): no signature says who wrote it, so the party is only a candidate, for the comment.
  if (proposal?.subject !== undefined && PARTY_LINE.test(proposal.subject)) return { value: [{ parti: partyName(PARTY_LINE.exec(proposal.subject)![1]!) }], from: proposal.line, uncertain: true };
  return undefined;
}

/** The names before a proposal's verb, each with its party or with "samtliga (P)" after them all; none when a word between them is no name. */
function namesInLeadIn(leadIn: string): Author[] {
  const match = new RegExp(String.raw`^(.+?),?\s+(?:samtliga|alla|båda)\s*\((\p{L}{1,3})\)\s+(?:yrkar|föreslår|hemställer)\b`, "u").exec(leadIn.trim());
  const each = match ? undefined : new RegExp(String.raw`^(.+?)\s+(?:yrkar|föreslår|hemställer)\b`, "u").exec(leadIn.trim());
  const list = match?.[1] ?? each?.[1];
  if (!list) return [];
  const authors: Author[] = [];
  for (const part of list.split(/\s*,\s*|\s+och\s+/u)) {
    const author = nameLine(part, undefined);
    if (!author || (each && author.parti === undefined)) return [];
    authors.push(match ? { namn: author.namn, parti: author.parti ?? party(match[2]!) } : author);
  }
  return authors.length >= (match ? 1 : 2) ? authors : [];
}

interface Proposal {
  line: SourceLine;
  till?: Found<string>;
  yrkanden: string[];
  firstAtt: SourceLine;
  lastLine: SourceLine;
  /** Who proposes, when the sentence names it before its verb: "Nya Ulricehamn föreslår därför:". */
  subject?: string;
  /** The paragraph that leads in to the att-satser, up to the end of its sentence, its lines joined (names who propose may stand before the verb's line). */
  leadInParagraph: string;
}

/**
 * The proposal: the last line before the att-satser that says "föreslår",
 * "yrkar" or "hemställer", the organ it names, and the att-satser after it,
 * each from its "att" to the next, its lines joined. A line that does not
 * begin with "att" after an empty line ends them.
 */
function findProposal(lines: readonly SourceLine[], after: SourceLine | undefined, listStarts: ReadonlyMap<SourceLine, SourceBlock> = new Map()): Proposal | undefined {
  // A motion ends with what it proposes: a sentence near the top that tells of it ("I en motion … föreslår Centerpartiet att …") gives way to the proposal after the text.
  let last: Proposal | undefined;
  for (let start = after ? lines.indexOf(after) + 1 : 0; start < lines.length; ) {
    const found = proposalFrom(lines, start, listStarts);
    if (!found) break;
    last = found;
    start = lines.indexOf(found.lastLine) + 1;
  }
  return last;
}

/** The first proposal from line `start` on. */
function proposalFrom(lines: readonly SourceLine[], start: number, listStarts: ReadonlyMap<SourceLine, SourceBlock>): Proposal | undefined {
  for (let i = start; i < lines.length; i++) {
    const wants = WANTS_LEAD_IN.test(lines[i]!.text.trim());
    if (!wants && !PROPOSAL.test(lines[i]!.text) && !/^Yrkanden?\b.*:$/u.test(lines[i]!.text.trim()) && !PROPOSAL_HEADING.test(lines[i]!.text.trim())) continue;
    // The proposal sentence may run over a line or two before the first att-sats.
    let j = i;
    const sentence = [lines[i]!.text];
    // (A line that ends with a colon ends the lead-in: "Därför vill Centerpartiet föreslå att:" / "En handlingsplan …".)
    while (j + 1 < lines.length && lines[j + 1]!.text.trim() !== "" && !ATT.test(lines[j + 1]!.text.trim()) && !/:\s*$/u.test(lines[j]!.text) && sentence.length < 3) sentence.push(lines[++j]!.text);
    // (Who proposes may stand on the sentence's next line: "Moderaterna tillsammans med … föreslår / därför".)
    if (!wants && !isProposer(lines[i]!.text) && !isProposer(joinLines(sentence))) continue;
    // A sentence that already proposes in its own words ("Jag yrkar på att kommunfullmäktige uppdrar …"): a next line "att …" goes on with it, it is no att-sats.
    const inlineLeadIn = !/(?::|\b(?:att|besluta|beslutar|följande))\s*$/iu.test(joinLines(sentence)) && new RegExp(String.raw`${PROPOSE_VERB}[^.:]*?\batt\s+\p{L}+`, "iu").test(joinLines(sentence));
    const yrkanden: string[] = [];
    let current: string[] | undefined;
    let firstAtt: SourceLine | undefined;
    let lastLine = lines[j]!;
    let blank = false;
    // A lead-in that ends with a colon ("… yrkar att kommunen:") or with "att" ("… samtliga (M) yrkar i motionen att") may be followed by items that do not begin with "att": a list's items, whatever their marker.
    const leadIn = joinLines(sentence).trim();
    let anyItem: boolean | undefined;
    for (let k = j + 1; k < lines.length && !inlineLeadIn; k++) {
      const text = lines[k]!.text.trim();
      if (text === "") {
        blank = true;
        continue;
      }
      const listed = listStarts.has(lines[k]!);
      anyItem ??= listed && /(?::|\batt)$/u.test(leadIn) && !/^att\s/iu.test(text);
      const att = ATT.exec(text) ?? (listed && anyItem ? ([text, text] as unknown as RegExpExecArray) : null);
      // A line that begins "att" straight after a word that asks for an att-clause continues that att-sats ("… för att se till / att målen …"); after any other word it is the next att-sats.
      // (A list's "…, samt" or "…, och" before it ends an item.)
      const continues = att && current && !blank && text.startsWith("att") && GOVERNS_ATT.test(lines[k - 1]!.text.trim()) && !/[,;]\s*(?:och|eller)$/u.test(lines[k - 1]!.text.trim());
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
    if (yrkanden.length === 0 && (/(?:yrkar|yrkande|föreslår|förslår|föreslå|hemställer)(?:\s+att)?\s*:$/iu.test(leadIn) || PROPOSAL_HEADING.test(leadIn) || (PROPOSAL.test(leadIn) && /(?::|\batt)$/u.test(leadIn) && leadIn.length <= 160))) {
      // "… yrkar:" and the proposal in the paragraph after it.
      const next = lines.findIndex((line, k) => k > j && line.text.trim() !== "");
      if (next !== -1) {
        const paragraph = paragraphFrom(lines, next);
        const text = joinLines(paragraph);
        if (text.length <= 600 && !isSignature({ lines: paragraph.map((t, n) => lines[next + n]!), text })) {
          yrkanden.push(text);
          firstAtt = lines[next]!;
          lastLine = lines[next + paragraph.length - 1]!;
        }
      }
    }
    if (yrkanden.length === 0) {
      // The att-sats within the sentence: "Vi yrkar därför att de medel … skede."
      const paragraph = paragraphFrom(lines, i);
      // (In the sentence that proposes: "Utredningen föreslår att …" beside it is the body's.)
      const inline = joinLines(paragraph)
        .split(/(?<=[\p{Ll}\d)”"]{2}[.!?])\s+(?=\p{Lu})/u)
        .map((sentence) => (isProposer(sentence) ? INLINE_ATT.exec(sentence) : null))
        .find(Boolean);
      if (!inline) continue;
      yrkanden.push(inline[1]!);
      firstAtt = lines[i];
      lastLine = lines[i + paragraph.length - 1]!;
    }
    // Before the first "att": the organ addressed, not one that the att-sats speaks of.
    // Or the organ that is to decide, at the lead-in's end: "… föreslår Sollentunapartiet att kommunfullmäktige skall besluta".
    const organ = ORGAN.exec(proposalText.split(/\batt\b/u)[0]!) ?? new RegExp(String.raw`\batt\s+${ORGAN.source}\s+(?:skall\s+|ska\s+|måtte\s+)?besluta(?:r)?(?:\s+att)?\s*:?$`, "iu").exec(proposalText.trim());
    const subject = /^(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)\s+(?:föreslår|yrkar|vill)\b/u.exec(proposalText.trim())?.[1];
    return {
      line: lines[i]!,
      yrkanden,
      firstAtt: firstAtt!,
      lastLine,
      leadInParagraph: joinLines([...paragraphBefore(lines, i), ...sentence]),
      ...(organ ? { till: { value: organ[1]!.toLowerCase(), from: lines[i]! } } : {}),
      ...(subject && !/^(Jag|Vi|Därför)$/u.test(subject) ? { subject } : {}),
    };
  }
  return undefined;
}

/**
 * Whether a line that has a proposal's verb is the document's proposal:
 * it names who proposes (jag, vi, därför, the passive) or, before the
 * verb, a subject that is no definite noun ("Socialdemokraterna föreslår",
 * not "Regeringen föreslår"); a heading "Yrkanden:" is one too.
 */
function isProposer(text: string): boolean {
  if (/^Yrkanden?\b/u.test(text.trim()) || PROPOSAL_HEADING.test(text.trim()) || PROPOSER_WORDS.test(text)) return true;
  const subject = /^(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)\s+(?:föreslår|förslår)\b/u.exec(text.trim())?.[1];
  // A party named after the verb, the sentence led by an adverbial: "Med hänvisning till ovanstående föreslår Sollentunapartiet att …".
  if (new RegExp(String.raw`\b(?:föreslår|förslår|yrkar)\s+(?:${PARTIES.join("|")}|\p{Lu}[\p{L}-]*(?:partiet|demokraterna|liberalerna))\b`, "u").test(text)) return true;
  // (A party's name ends like a definite noun: "Centerpartiet föreslår" is the party's proposal, "Förbundet föreslår" is not.)
  return subject !== undefined && (!/(?:en|et)$/u.test(subject) || PARTY_LINE.test(subject));
}

/** The non-empty lines of a paragraph before line `end`. */
function paragraphBefore(lines: readonly SourceLine[], end: number): string[] {
  let start = end;
  while (start > 0 && lines[start - 1]!.text.trim() !== "") start--;
  return lines.slice(start, end).map((line) => line.text);
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
