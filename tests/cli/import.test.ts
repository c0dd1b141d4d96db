import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addComment } from "../support/docx-comment.js";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";
import { hasLibreOfficeUno, resave, reviewEdits } from "../support/review.js";

/**
 * Issue 21, "Review in Word and back": a drafted DOCX edited by a reviewer
 * (LibreOffice here, as the third-party word processor; Word is not
 * available) or a Markdown draft edited by hand goes back into the case's
 * YAML with `remiss import`, through the real CLI.
 */
const FIXTURES = join(ROOT, "fixtures");
const REFERENCE = "sodermalm-ks-2025-804.yaml";
const withUno = hasLibreOfficeUno();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "remiss-import-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function copyCase(name: string, as = "arende.yaml"): string {
  const from = join(FIXTURES, name);
  copyFileSync(from, join(dir, as));
  const config = join(dirname(from), "remiss.config.yaml");
  if (existsSync(config)) copyFileSync(config, join(dir, "remiss.config.yaml"));
  // Images the case names, beside it as in the fixture's folder.
  for (const entry of readdirSync(dirname(from), { withFileTypes: true })) {
    if (entry.isFile() && /\.(png|jpe?g)$/iu.test(entry.name)) copyFileSync(join(dirname(from), entry.name), join(dir, entry.name));
    if (entry.isDirectory() && entry.name === "bilder") {
      mkdirSync(join(dir, "bilder"), { recursive: true });
      for (const image of readdirSync(join(dirname(from), "bilder"))) copyFileSync(join(dirname(from), "bilder", image), join(dir, "bilder", image));
    }
  }
  return as;
}

function draft(file = "arende.yaml", extra: string[] = []) {
  const result = runCli(["draft", file, ...extra], { cwd: dir });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
}

function importDraft(args: string[]) {
  const result = runCli(["import", ...args], { cwd: dir });
  expect(hasStackTrace(result.stderr + result.stdout)).toBe(false);
  return result;
}

const FIXTURE_CASES = [
  ...readdirSync(FIXTURES).filter((n) => n.endsWith(".yaml") && existsSync(join(FIXTURES, n.replace(/\.yaml$/u, ".md")))),
  "egna-avsnitt/spanga.yaml",
  "husstil-malmo/temperatur-inomhus.yaml",
  "markdown-alla/arende.yaml",
];

describe("a draft that was not edited", () => {
  it.each(FIXTURE_CASES)("leaves %s byte for byte as it was, from the DOCX and from the Markdown", (name) => {
    copyCase(name);
    draft();
    const before = readFileSync(join(dir, "arende.yaml"));
    for (const utkast of ["arende.docx", "arende.md"]) {
      const result = importDraft([utkast]);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain("inget att ta in");
      expect(readFileSync(join(dir, "arende.yaml"))).toEqual(before);
    }
  });
});

describe.skipIf(!withUno)("a review in LibreOffice", () => {
  it("is no hand edit when LibreOffice only saved the document again: draft writes without --force", () => {
    copyCase(REFERENCE);
    draft();
    resave(join(dir, "arende.docx"), join(dir, "sparad.docx"));
    copyFileSync(join(dir, "sparad.docx"), join(dir, "arende.docx"));
    writeFileSync(join(dir, "arende.yaml"), readFileSync(join(dir, "arende.yaml"), "utf8").replace("mycket goda erfarenheter", "goda erfarenheter"));
    const result = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("brings tracked changes back into exactly the fields they were made in, and reports the comment", () => {
    copyCase(REFERENCE);
    draft();
    const original = readFileSync(join(dir, "arende.yaml"), "utf8");
    // The last sentence of the sammanfattning stands word for word in synpunkter too: only the second goes.
    const twice =
      "Förvaltningen delar skribentens uppfattning att rekrytering av unga in i organiserad brottslighet är mycket oroande men bedömer att de samverkansformer som finns idag, senaste årens utveckling av arbetssätt samt en utökning av förstärkningsteamet svarar upp mot intentionerna i motionen.";
    reviewEdits(
      join(dir, "arende.docx"),
      join(dir, "granskad.docx"),
      [
        { replace: "en hög arbetsbelastning", with: "en mycket hög arbetsbelastning" },
        { insertAfter: "Enligt barnkonventionen har varje barn", paragraph: "Förvaltningen prövar barnets bästa i varje enskilt ärende." },
        { delete: ` ${twice}`, occurrence: 2 },
      ],
      "Anna Berg",
    );
    const commented = addComment(readFileSync(join(dir, "granskad.docx")), {
      anchorText: "Pojkar är överrepresenterade",
      author: "Maria Klemets Hellberg",
      initials: "MKH",
      date: "2025-10-08T09:30:00Z",
      text: "Finns det siffror för Södermalm?",
    });
    writeFileSync(join(dir, "arende.docx"), commented);

    // check stops the reviewed document: its changes and its comment are not for filing.
    const gate = runCli(["check", "arende.docx", "--format", "json"], { cwd: dir });
    expect(gate.code).toBe(1);
    expect(gate.stdout).toMatch(/"dokument\/sparade-andringar"[^}]*Anna Berg har/u);
    expect(gate.stdout).toMatch(/"dokument\/kommentarer"[^}]*av Maria Klemets Hellberg, till ”Pojkar är överrepresenterade/u);

    // Without a flag: every pending change listed, nothing written.
    const refused = importDraft(["arende.docx", "--format", "json"]);
    expect(refused.code).toBe(1);
    const pending = JSON.parse(refused.stdout) as { rule: string; message: string; severity: string }[];
    expect(pending.every((f) => f.rule === "import/sparad-andring" && f.severity === "error")).toBe(true);
    expect(pending.map((f) => f.message).join("\n")).toMatch(/Infogat av Anna Berg i fältet remissobjekt\.beskrivning: ”en mycket hög arbetsbelastning”/u);
    expect(pending.map((f) => f.message).join("\n")).toMatch(/Borttaget av Anna Berg i fältet synpunkter/u);
    expect(pending.map((f) => f.message).join("\n")).toMatch(/Infogat av Anna Berg i fältet barnrattsanalys: ”Förvaltningen prövar/u);
    expect(readFileSync(join(dir, "arende.yaml"), "utf8")).toBe(original);

    // --avvisa: the case as it was.
    const rejected = importDraft(["arende.docx", "--avvisa", "--format", "json"]);
    expect(rejected.code).toBe(0);
    expect(readFileSync(join(dir, "arende.yaml"), "utf8")).toBe(original);

    // --godkann: exactly those three fields, every other byte as it was; the comment reported.
    const accepted = importDraft(["arende.docx", "--godkann", "--format", "json"]);
    expect(accepted.code).toBe(0);
    const findings = JSON.parse(accepted.stdout) as { rule: string; message: string; line: number }[];
    const comment = findings.find((f) => f.rule === "import/kommentar");
    expect(comment?.message).toContain("Kommentar av Maria Klemets Hellberg i fältet jamstalldhetsanalys vid ”Pojkar är överrepresenterade”: ”Finns det siffror för Södermalm?”");
    const after = readFileSync(join(dir, "arende.yaml"), "utf8");
    const [was, now] = [parse(original) as Record<string, unknown>, parse(after) as Record<string, unknown>];
    const motion = (data: Record<string, unknown>) => data.motion as Record<string, unknown>;
    expect(motion(now).beskrivning).toContain("har socialtjänsten en mycket hög arbetsbelastning");
    expect(now.synpunkter).not.toContain(twice);
    expect(now.sammanfattning).toBe(was.sammanfattning);
    expect(now.barnrattsanalys).toContain("\n\nFörvaltningen prövar barnets bästa i varje enskilt ärende.");
    const untouched = (data: Record<string, unknown>) => ({ ...data, synpunkter: 0, barnrattsanalys: 0, motion: { ...motion(data), beskrivning: 0 } });
    expect(untouched(now)).toEqual(untouched(was));
    // Outside the three fields, the lines are the file's own: comments, wrapping and quoting.
    const outside = (text: string) => text.split(/\n(?=\S)/u).filter((block) => !/^(synpunkter|barnrattsanalys|motion):/u.test(block));
    expect(outside(after)).toEqual(outside(original));
    // The case now says what the document says: draft writes again without --force.
    const redraft = runCli(["draft", "arende.yaml"], { cwd: dir });
    expect(redraft.stderr).toBe("");
    expect(redraft.code).toBe(0);
    expect(runCli(["check", "arende.docx", "--format", "json"], { cwd: dir }).stdout).not.toMatch(/dokument\//u);
  });
});

describe("a Markdown draft edited by hand", () => {
  it("changes the field whose sentence was edited and no other byte", () => {
    copyCase(REFERENCE);
    draft("arende.yaml", ["--format", "md"]);
    const original = readFileSync(join(dir, "arende.yaml"), "utf8");
    const md = readFileSync(join(dir, "arende.md"), "utf8");
    writeFileSync(join(dir, "arende.md"), md.replace("Flickor kan påverkas indirekt", "Flickor kan också påverkas indirekt"));
    const dry = importDraft(["arende.md", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("+  Flickor kan också påverkas indirekt");
    expect(readFileSync(join(dir, "arende.yaml"), "utf8")).toBe(original);
    const result = importDraft(["arende.md"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Skrev arende.yaml: jamstalldhetsanalys ändrades efter arende.md.\n");
    const after = readFileSync(join(dir, "arende.yaml"), "utf8");
    expect((parse(after) as { jamstalldhetsanalys: string }).jamstalldhetsanalys).toContain("Flickor kan också påverkas indirekt");
    expect(after.split(/\n(?=\S)/u).filter((b) => !b.startsWith("jamstalldhetsanalys:"))).toEqual(original.split(/\n(?=\S)/u).filter((b) => !b.startsWith("jamstalldhetsanalys:")));
    const redraft = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(redraft.code).toBe(0);
  });

  it("puts a paragraph without its markers, and one moved to another section, in that section's field", () => {
    copyCase(REFERENCE);
    draft("arende.yaml", ["--format", "md"]);
    const md = readFileSync(join(dir, "arende.md"), "utf8")
      // Every marker gone, as when the text was pasted from elsewhere.
      .replace(/^<!-- \/?fält: [^>]+ -->\n\n/gmu, "")
      .replace("Flickor kan påverkas indirekt eller utnyttjas på sätt som är svårare att upptäcka.\n", "")
      .replace("## Jämställdhetsanalys\n", "## Jämställdhetsanalys\n\nFlickor kan påverkas indirekt eller utnyttjas på sätt som är svårare att upptäcka.\n");
    writeFileSync(join(dir, "arende.md"), md);
    const result = importDraft(["arende.md"]);
    expect(result.code).toBe(0);
    const data = parse(readFileSync(join(dir, "arende.yaml"), "utf8")) as { jamstalldhetsanalys: string };
    expect(data.jamstalldhetsanalys.startsWith("Flickor kan påverkas indirekt eller utnyttjas på sätt som är svårare att upptäcka.\n\n")).toBe(true);
  });

  it("reports a changed stock sentence with its phrase, and with --godkann writes the closing sentence to avslutning", () => {
    copyCase(REFERENCE);
    draft("arende.yaml", ["--format", "md"]);
    const stock = "Förvaltningen föreslår att stadsdelsnämnden överlämnar tjänsteutlåtandet till kommunstyrelsen som svar på remissen.";
    const own = "Förvaltningen föreslår att stadsdelsnämnden överlämnar tjänsteutlåtandet till kommunstyrelsen som nämndens svar.";
    const original = readFileSync(join(dir, "arende.yaml"), "utf8");
    writeFileSync(join(dir, "arende.md"), readFileSync(join(dir, "arende.md"), "utf8").replace(stock, own));
    const plain = importDraft(["arende.md", "--format", "json"]);
    expect(plain.code).toBe(0);
    const [finding] = JSON.parse(plain.stdout) as { rule: string; message: string }[];
    expect(finding?.rule).toBe("import/fast-text");
    expect(finding?.message).toContain("Meningen kommer från husstilens fras ”avslutning”");
    expect(finding?.message).toContain("remiss.config.yaml");
    expect(readFileSync(join(dir, "arende.yaml"), "utf8")).toBe(original);
    const accepted = importDraft(["arende.md", "--godkann", "--format", "json"]);
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.stdout)[0].message).toContain("skrevs den nya texten till fältet avslutning");
    const after = readFileSync(join(dir, "arende.yaml"), "utf8");
    expect(after.startsWith(original)).toBe(true);
    expect((parse(after) as { avslutning: string }).avslutning.trim()).toBe(own);
  });
});

describe("the Markdown's fingerprints", () => {
  it("let two branches that change different sections of one case merge without a conflict, and the merge is no hand edit", () => {
    const git = (...args: string[]) => {
      const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: dir, encoding: "utf8" });
      return result;
    };
    copyCase(REFERENCE);
    draft("arende.yaml", ["--format", "md"]);
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-qm", "first");
    const edit = (from: string, to: string, branch: string) => {
      git("checkout", "-q", "-b", branch, "main");
      writeFileSync(join(dir, "arende.yaml"), readFileSync(join(dir, "arende.yaml"), "utf8").replace(from, to));
      draft("arende.yaml", ["--format", "md"]);
      git("commit", "-qam", branch);
    };
    edit("Pojkar är överrepresenterade", "Pojkar är tydligt överrepresenterade", "a");
    const diff = git("diff", "main", "--", "arende.md").stdout.split("\n").filter((l) => /^[+-][^+-]/u.test(l));
    // The changed sentence and its section's fingerprint, nothing else.
    expect(diff).toHaveLength(4);
    expect(diff.filter((l) => !l.includes("fingeravtryck"))).toEqual([
      "-Pojkar är överrepresenterade bland dem som rekryteras in i kriminalitet och gängmiljöer, medan flickors utsatthet ofta är mindre synlig.",
      "+Pojkar är tydligt överrepresenterade bland dem som rekryteras in i kriminalitet och gängmiljöer, medan flickors utsatthet ofta är mindre synlig.",
    ]);
    edit("Socialtjänsten har ett särskilt", "Socialtjänsten har också ett särskilt", "b");
    git("checkout", "-q", "a");
    const merge = git("merge", "-q", "--no-edit", "b");
    expect(merge.status).toBe(0);
    const check = runCli(["draft", "arende.yaml", "--format", "md", "--check"], { cwd: dir });
    expect(check.stderr).toContain("Alla utkast stämmer med sina ärenden");
    expect(check.code).toBe(0);
  });
});

describe("bad input", () => {
  it.each([
    ["a Word document remiss did not write", () => copyFileSync(join(FIXTURES, "kallor", "motion-botkyrka-besvara-motioner.docx"), join(dir, "arende.docx")), "inte ett utkast som remiss har skrivit"],
    ["a damaged DOCX", () => writeFileSync(join(dir, "arende.docx"), "PK\u0003\u0004 inte en hel zip-fil"), "skadad"],
    ["a password-protected DOCX", () => writeFileSync(join(dir, "arende.docx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", "latin1")])), "lösenordsskyddad"],
  ])("refuses %s with exit 2 and writes nothing", (_name, make, message) => {
    copyCase(REFERENCE);
    const before = readFileSync(join(dir, "arende.yaml"));
    make();
    const result = importDraft(["arende.docx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message as string);
    expect(result.stderr).toContain("Inget skrevs.");
    expect(readFileSync(join(dir, "arende.yaml"))).toEqual(before);
  });

  it("refuses a .doc and another case's draft", () => {
    copyCase(REFERENCE);
    writeFileSync(join(dir, "gammal.doc"), "x");
    const doc = importDraft(["gammal.doc"]);
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain("spara den som .docx");
    copyCase("minimal.yaml", "annat.yaml");
    draft("annat.yaml");
    const other = importDraft(["annat.docx", "--arende", "arende.yaml"]);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("hör till ett annat ärende");
    expect(basename(dir)).toMatch(/^remiss-import-/u);
  });
});
