import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { loadProfile } from "../../src/load/config.js";
import { loadCaseFile, loadCaseText } from "../../src/load/index.js";
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from "../../src/model/husstil.js";
import { BUILTIN_STYLES, BUILTIN_STYLE_NAMES } from "../../src/model/husstil-bas.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { documentDefinite } from "../../src/view/document-label.js";
import { buildViewModel, type ViewModel } from "../../src/view/model.js";
import { allParagraphs, bodyBlocks, part, partText } from "../render/docx/docx-reader.js";
import { ROOT, hasStackTrace, runCli } from "../support/cli.js";

/**
 * The house style's second step (issue 24): slots for the förvaltning, the
 * organisation and the document label; the phrases rubrik, till_rad and
 * forslag_inledning; phrases per kind and roles; labels as data; sections
 * without a heading; the opening in the paragraph; the förslag's forms;
 * fullmäktige; the built-in styles and their real documents' words.
 */
const BAS = join(ROOT, "fixtures", "husstil-bas");
const NYCKLAR = join(ROOT, "fixtures", "husstil-nycklar");
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of a fixture folder to write in. */
function copy(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), "remiss-husstil2-"));
  temporary.push(dir);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** A folder with this config and this case, both as text. */
function folder(config: string, caseText: string, name = "arende.yaml"): string {
  const dir = mkdtempSync(join(tmpdir(), "remiss-husstil2-"));
  temporary.push(dir);
  writeFileSync(join(dir, "remiss.config.yaml"), config);
  writeFileSync(join(dir, name), caseText);
  return dir;
}

/** The view model of a case in a folder, under the folder's config. */
async function viewOf(dir: string, file: string): Promise<{ view: ViewModel; style: HouseStyle }> {
  const profile = await loadProfile(join(dir, "remiss.config.yaml"));
  expect(profile.diagnostics).toEqual([]);
  const loaded = await loadCaseFile(join(dir, file), profile.config, dir, profile.style);
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { view: buildViewModel(loaded.case!, profile.style), style: profile.style };
}

/** The stock sentences the Markdown shows, by phrase name (the view also knows those of sections the style leaves out). */
function shownPhrases(view: ViewModel, markdown: string): Record<string, string> {
  return Object.fromEntries(view.fraser.filter((f) => markdown.includes(f.text)).map((f) => [f.namn, f.text]));
}

const MINIMAL_CASE = `remiss:
  fran: Kommunstyrelsen
remissobjekt:
  typ: motion
  titel: Motion om fler parkbänkar
  forfattare: [{ namn: Eva Ek, parti: S }]
  beskrivning: Fler bänkar i parkerna.
  yrkanden: [att kommunen sätter upp fler bänkar]
sammanfattning: Förvaltningen är positiv.
synpunkter: Bänkar behövs.
barnrattsanalys: Barn vilar också.
jamstalldhetsanalys: Ingen skillnad.
underskrifter: [{ namn: Ola Ek, titel: Direktör }]
`;
const FORVALTNING = `forvaltning:
  namn: Parkförvaltningen
  namnd: Parknämnden
`;

/**
 * The published documents' words, as the fixtures cite them. Each stock
 * sentence the built-in style writes for the fixture's case stands in them
 * word for word.
 */
const REAL = {
  "region-jonkoping": {
    file: "vardval",
    // Landstinget i Jönköpings län, missiv LJ2013/154 (docplayer.se/142164431).
    text:
      "MISSIV 1(1) LJ2013/154 Förvaltningsnamn Landstingsfullmäktige Motion: Hur har jämställdheten påverkats av vårdval? I en motion till landstingsfullmäktige föreslår Inga Jonasson, Vänsterpartiet att det genomförs och redovisas jämställdhetsanalyser inom alla enheter inom vårdvalet, såväl privata som landstingsdrivna, att analyserna skall omfatta ägare, ägarförhållanden, medarbetare samt medborgar- och patientperspektivet. Allmänpolitiska utskottet har avgivit yttrande. Landstingsstyrelsen behandlade ärendet Förslag till beslut Landstingsstyrelsen föreslår landstingsfullmäktige besluta att avslå motionen när det gäller ägandeförhållande och medarbetare samt, att anse motionen besvarad när det gäller medborgar- och patientperspektivet.",
    phrases: {
      till_rad: "Landstingsfullmäktige",
      rubrik: "Motion: Hur har jämställdheten påverkats av vårdval?",
      yrkanden: "I en motion till landstingsfullmäktige föreslår Inga Jonasson, Vänsterpartiet",
      forslag_inledning: "Landstingsstyrelsen föreslår landstingsfullmäktige besluta",
    },
  },
  arboga: {
    file: "driftbidrag",
    // Arboga kommun, kommunstyrelsen, Ks 124 (docplayer.se/40149972).
    text:
      "Svar på motion om minskade driftbidrag till enskilda vägar och samfälligheter Anders Rökfors, M, och Mats Öhgren, M, har till kommunfullmäktige den 31 januari 2013, 13, lämnat in en motion om minskade driftsbidrag till enskilda vägar och samfälligheter. Motionen remitterades till kommunstyrelsen. Motionärerna skriver att tekniska nämnden har väghållningsansvaret för gator, vägar samt gång- och cykelbanor i Arboga tätort. Motionärerna yrkar därför att kommunen återgår till den tidigare storleken på driftsbidrag (7 kronor per meter väg till enskilda vägar och samfälligheter) samt att minimibeloppsgränsen tas bort.",
    phrases: {
      rubrik: "Svar på motion om minskade driftbidrag till enskilda vägar och samfälligheter",
      remitterat: "Motionen remitterades till kommunstyrelsen.",
      yrkanden: "Motionärerna yrkar därför att",
    },
  },
  malmo: {
    file: "sakerhetsskydd",
    // Malmö stad, kommunstyrelsens möte 2025-09-10, ärende 5 (motenmedborgarportal.malmo.se).
    text:
      "Justitiedepartementet har gett Malmö stad möjlighet att yttra sig över remissen Säkerhetsskyddslagen - ytterligare kompletteringar (SOU 2025:42). Regeringen beslutade i oktober 2023 att tillsätta en utredning med uppdrag att föreslå åtgärder för att stärka kontrollen av skyddsvärd verksamhet och öka förmågan att möta förändrade förhållanden som innebär ett hot mot Sveriges säkerhet.",
    phrases: {
      inledning: "Justitiedepartementet har gett Malmö stad möjlighet att yttra sig över remissen Säkerhetsskyddslagen - ytterligare kompletteringar (SOU 2025:42).",
    },
    // The published summary does not show the document's heading or addressee line.
    unsourced: ["rubrik", "till_rad"],
  },
} as const satisfies Record<string, { file: string; text: string; phrases: Record<string, string>; unsourced?: readonly string[] }>;

describe("built-in styles (husstil.bas)", () => {
  it("has at least three, each with its sources and a fixture", () => {
    expect(BUILTIN_STYLE_NAMES.length).toBeGreaterThanOrEqual(3);
    expect([...BUILTIN_STYLE_NAMES].sort()).toEqual(Object.keys(REAL).sort());
    for (const name of BUILTIN_STYLE_NAMES) expect(BUILTIN_STYLES[name]!.kallor.length, name).toBeGreaterThan(0);
  });

  for (const [name, real] of Object.entries(REAL)) {
    describe(name, () => {
      it("writes the real document's stock sentences, and no other", async () => {
        const { view } = await viewOf(join(BAS, name), `${real.file}.yaml`);
        const markdown = readFileSync(join(BAS, name, `${real.file}.md`), "utf8");
        const shown = shownPhrases(view, markdown);
        const unsourced: readonly string[] = "unsourced" in real ? real.unsourced : [];
        for (const key of unsourced) delete shown[key];
        // The heading is the house style's phrase only when the style words it; else it is the case's title.
        expect({ ...shown, rubrik: view.rubrik }).toEqual({ ...real.phrases, ...("rubrik" in real.phrases ? {} : { rubrik: view.rubrik }) });
        for (const text of Object.values(real.phrases)) expect(real.text, text).toContain(text);
      });

      it("drafts its golden Markdown, and check passes the YAML, the Markdown and the DOCX", () => {
        const dir = copy(join(BAS, name));
        const draft = runCli(["draft", `${real.file}.yaml`], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1700000000" } });
        expect(draft.stderr).toBe("");
        expect(readFileSync(join(dir, `${real.file}.md`), "utf8")).toBe(readFileSync(join(BAS, name, `${real.file}.md`), "utf8"));
        const check = runCli(["check", "--format", "json", `${real.file}.yaml`, `${real.file}.md`, `${real.file}.docx`], { cwd: dir });
        const errors = (JSON.parse(check.stdout) as { severity: string }[]).filter((d) => d.severity === "error");
        expect(errors).toEqual([]);
      });
    });
  }

  it("malmo: the other remissinstanser inside the city as the city writes them", async () => {
    // Malmö stad, kommunstyrelsens möte 2025-08-20, ärende 4: "Delbetänkandet har internremitterats till stadsbyggnadsnämnden och tekniska nämnden."
    const dir = copy(join(BAS, "malmo"));
    const text = readFileSync(join(dir, "sakerhetsskydd.yaml"), "utf8")
      // Written as the city writes them mid-sentence (capitalised organ names are another issue's: src/view/organs.ts).
      .replace("  fran: Justitiedepartementet\n", "  fran: Justitiedepartementet\n  aven_till: [stadsbyggnadsnämnden, tekniska nämnden]\n")
      .replace("  typ: betänkande\n  titel: Säkerhetsskyddslagen - ytterligare kompletteringar (SOU 2025:42)", "  typ: annat\n  benamning: { obestamd: delbetänkande, bestamd: delbetänkandet }\n  titel: Säkrare tivoli (SOU 2025:40)");
    writeFileSync(join(dir, "tivoli.yaml"), text);
    const { view } = await viewOf(dir, "tivoli.yaml");
    expect(view.fraser.find((f) => f.namn === "aven_till")?.text).toBe("Delbetänkandet har internremitterats till stadsbyggnadsnämnden och tekniska nämnden.");
  });

  it("region-jonkoping: overridden key by key (the fixture's fullmaktige and organisation), the rest from the base", async () => {
    const { style } = await viewOf(join(BAS, "region-jonkoping"), "vardval.yaml");
    expect(style.fullmaktige).toBe("landstingsfullmäktige");
    expect(style.organisation).toBe("Landstinget i Jönköpings län");
    expect(style.dokument).toBe("Missiv");
    expect(style.forslagForm).toBe("stycken");
    expect(style.fraser.forslag_inledning).toBe("{{namnd}} föreslår {{till}} besluta");
    expect(style.sections.map((s) => [s.id, s.heading, s.untitled ?? false])).toEqual([
      ["arendet", "Ärendet", true],
      ["forslag-till-beslut", "Förslag till beslut", false],
    ]);
  });

  it("a phrase of the config replaces the base's, and the base's other phrases stay", async () => {
    const dir = folder(`${FORVALTNING}husstil:\n  bas: arboga\n  fraser:\n    remitterat: "{{objekt_bestamd}} har remitterats till {{namnd}}."\n`, MINIMAL_CASE);
    const { view, style } = await viewOf(dir, "arende.yaml");
    expect(view.fraser.find((f) => f.namn === "remitterat")?.text).toBe("Motionen har remitterats till parknämnden.");
    expect(style.fraser.yrkanden).toBe(BUILTIN_STYLES.arboga!.husstil.fraser!.yrkanden);
    expect(view.rubrik).toBe("Svar på motion om fler parkbänkar");
  });

  it("an own avsnitt replaces the base's list, and with it the base's valfria", async () => {
    const dir = folder(`${FORVALTNING}husstil:\n  bas: malmo\n  avsnitt: [sammanfattning, synpunkter, barnrattsanalys]\n`, MINIMAL_CASE);
    const { style } = await viewOf(dir, "arende.yaml");
    expect(style.sections.map((s) => [s.id, s.required])).toEqual([
      ["sammanfattning", true],
      ["synpunkter", true],
      ["barnrattsanalys", true],
    ]);
    expect(style.organisation).toBe("Malmö stad");
  });

  it("an unknown base is an error at its line, with a suggestion", () => {
    const dir = folder(`${FORVALTNING}husstil:\n  bas: arbga\n`, MINIMAL_CASE);
    const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("remiss.config.yaml:5:8: fel: Det finns ingen inbyggd husstil ”arbga”. Menade du ”arboga”?");
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});

describe("the fixture of every new key (fixtures/husstil-nycklar)", () => {
  const dir = copy(NYCKLAR);
  const draft = runCli(["draft", "motion-vardplatser.yaml"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1700000000" } });
  const markdown = readFileSync(join(dir, "motion-vardplatser.md"), "utf8");
  const docx = readFileSync(join(dir, "motion-vardplatser.docx"));

  it("drafts its golden Markdown", () => {
    expect(draft.stderr).toBe("");
    expect(markdown).toBe(readFileSync(join(NYCKLAR, "motion-vardplatser.md"), "utf8"));
  });

  it("writes the slots, the new phrases, the roles and fullmäktige", () => {
    expect(markdown).toContain("\nTill regionstyrelsen i Region Exempel\n\n# Motion om fler vårdplatser – svar på remiss från Regionfullmäktige\n");
    expect(markdown).toContain("Regionledningskontoret föreslår att regionstyrelsen beslutar att\n");
    expect(markdown).toContain("Motionärerna föreslår regionfullmäktige att besluta följande:");
    expect(markdown).toContain("Motionen är väckt av Anna Berg (S) och Per Holm (V).");
    expect(markdown).toContain("Förvaltningen föreslår att regionstyrelsen överlämnar tjänsteskrivelsen till regionfullmäktige som svar på remissen.");
  });

  it("sets several att-satser as a bulleted list (forslag_form: punktlista)", () => {
    expect(markdown).toContain("<!-- fält: forslag_till_beslut -->\n\n- anse motionen besvarad\n- justera beslutet omedelbart\n");
  });

  it("starts the first paragraph of Sammanfattning with the opening (inledning_i_stycke)", () => {
    expect(markdown).toContain(
      "<!-- fält: sammanfattning -->\n\nRegionstyrelsen har på remiss från regionfullmäktige fått en motion om fler vårdplatser.\nMotionen är väckt av Anna Berg (S) och Per Holm (V).\nRegionledningskontoret delar motionärernas bild av behovet.\n\nUtredningen pågår redan.\n",
    );
  });

  it("sets Bakgrund without a heading, marked for check", () => {
    expect(markdown).toContain("\n<!-- avsnitt: bakgrund -->\n\nRegionfullmäktige har remitterat en motion om fler vårdplatser för yttrande.\n");
    expect(markdown).not.toContain("## Bakgrund");
  });

  it("writes the labels in the Markdown and in the DOCX", () => {
    expect(markdown).toContain("Tjänsteskrivelse\\\nDiarienummer RS 2026/17\\\n2026-02-02\n\nVår referens: Eva Ek\\\nTelefon: 010-100 00 01\n");
    const info = allParagraphs(bodyBlocks(docx)).find((p) => p.style === "Dokumentuppgifter");
    expect(info?.text).toBe("Tjänsteskrivelse\nDiarienummer RS 2026/17\n2026-02-02");
    const headers = Object.keys(unzipSync(docx)).filter((name) => /^word\/(header|footer)\d*\.xml$/u.test(name));
    const texts = headers.map((name) => partText(part(docx, name))).join("\n");
    expect(texts).toContain("Sidan ");
    expect(texts).toContain("Telefon växel 010-100 00 00");
    expect(texts).not.toMatch(/\bSida \b|Växel/u);
    const body = part(docx, "word/document.xml");
    expect(body).toContain('<w:tblCaption w:val="Namnteckningar"/>');
  });

  it("passes check in YAML, Markdown and DOCX", () => {
    const check = runCli(["check", "--format", "json", "motion-vardplatser.yaml", "motion-vardplatser.md", "motion-vardplatser.docx"], { cwd: dir });
    expect((JSON.parse(check.stdout) as { severity: string }[]).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("import leaves the opening sentences out of the field they were written into", () => {
    const edited = markdown.replace("Utredningen pågår redan.", "Utredningen pågår redan och blir klar i vår.");
    writeFileSync(join(dir, "motion-vardplatser.md"), edited);
    const result = runCli(["import", "motion-vardplatser.md"], { cwd: dir });
    expect(result.code).toBe(0);
    const yaml = readFileSync(join(dir, "motion-vardplatser.yaml"), "utf8");
    expect(yaml).toContain("sammanfattning: |\n  Regionledningskontoret delar motionärernas bild av behovet.\n\n  Utredningen pågår redan och blir klar i vår.\n");
    expect(yaml).not.toContain("har på remiss från");
  });
});

describe("the wrong sentences of the issue", () => {
  it("dokument: Tjänsteskrivelse alone makes the built-in phrases say tjänsteskrivelse", async () => {
    const dir = folder(`${FORVALTNING}husstil:\n  dokument: Tjänsteskrivelse\n`, MINIMAL_CASE);
    const { view } = await viewOf(dir, "arende.yaml");
    const text = (name: string) => view.fraser.find((f) => f.namn === name)?.text;
    expect(text("standardforslag")).toBe("Parknämnden överlämnar förvaltningens tjänsteskrivelse som svar på remissen.");
    expect(text("avslutning")).toBe("Förvaltningen föreslår att parknämnden överlämnar tjänsteskrivelsen till kommunstyrelsen som svar på remissen.");
  });

  it("without till, a region's motion goes to husstil.fullmaktige; a case's till still wins", async () => {
    const dir = folder(`${FORVALTNING}husstil:\n  fullmaktige: regionfullmäktige\n`, MINIMAL_CASE);
    const { view } = await viewOf(dir, "arende.yaml");
    expect(view.fraser.find((f) => f.namn === "yrkanden")?.text).toBe("Skribenten föreslår regionfullmäktige att besluta följande:");
    writeFileSync(join(dir, "till.yaml"), MINIMAL_CASE.replace("  typ: motion\n", "  typ: motion\n  till: Regionstyrelsen\n"));
    const withTill = await viewOf(dir, "till.yaml");
    expect(withTill.view.fraser.find((f) => f.namn === "yrkanden")?.text).toBe("Skribenten föreslår regionstyrelsen att besluta följande:");
  });

  it("a phrase that uses {{remissinstanser}} uses remiss.aven_till: no warning that it is unused", () => {
    const config = `${FORVALTNING}husstil:\n  avsnitt: [forslag-till-beslut, sammanfattning, arendet, synpunkter, barnrattsanalys, jamstalldhetsanalys]\n  fraser:\n    inledning: "{{namnd}} har fått {{objekt}} på remiss, liksom {{remissinstanser}}."\n`;
    const caseText = MINIMAL_CASE.replace("  fran: Kommunstyrelsen\n", "  fran: Kommunstyrelsen\n  aven_till: [Socialnämnden]\n");
    const dir = folder(config, caseText);
    const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(readFileSync(join(dir, "arende.md"), "utf8")).toContain("Parknämnden har fått en motion om fler parkbänkar på remiss, liksom socialnämnden.");
    // Without the phrase the field is unused, and the warning says so.
    const plain = folder(config.replace(/  fraser:\n.*\n/u, ""), caseText);
    expect(runCli(["draft", "arende.yaml", "--format", "md"], { cwd: plain }).stderr).toContain("”remiss.aven_till” används inte");
  });

  it("the warning for unused yrkanden on a motion does not advise removing the field, which is an error", () => {
    const config = `${FORVALTNING}husstil:\n  avsnitt: [forslag-till-beslut, sammanfattning, bakgrund, synpunkter, barnrattsanalys, jamstalldhetsanalys]\n`;
    const dir = folder(config, MINIMAL_CASE.replace("  beskrivning: Fler bänkar i parkerna.\n", ""));
    const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      "arende.yaml:7:3: varning: ”remissobjekt.yrkanden” används inte: husstilen i remiss.config.yaml har inget avsnitt ”Ärendet”. Lägg till arendet i husstil.avsnitt, annars kommer texten inte med i dokumentet (fältet krävs för typ: motion). (remissobjekt.yrkanden)\n",
    );
    expect(result.stderr).not.toContain("Ta bort fältet");
    // Removing it really is an error.
    writeFileSync(join(dir, "utan.yaml"), MINIMAL_CASE.replace("  yrkanden: [att kommunen sätter upp fler bänkar]\n", ""));
    expect(runCli(["draft", "utan.yaml", "--format", "md"], { cwd: dir }).code).not.toBe(0);
  });
});

describe("phrases per kind, roles and labels", () => {
  it("a phrase per typ, with standard for the rest", async () => {
    const config = `${FORVALTNING}husstil:\n  fraser:\n    forfattare:\n      medborgarförslag: "{{objekt_bestamd}} är väckt av {{forfattare}}."\n      standard: "{{objekt_bestamd}} lämnades in av {{forfattare}}."\n`;
    const forslag = MINIMAL_CASE.replace("typ: motion", "typ: medborgarförslag").replace("Motion om fler", "Medborgarförslag om fler").replace("{ namn: Eva Ek, parti: S }", "{ namn: Eva Ek }");
    const dir = folder(config, forslag);
    writeFileSync(join(dir, "motion.yaml"), MINIMAL_CASE);
    expect((await viewOf(dir, "arende.yaml")).view.fraser.find((f) => f.namn === "forfattare")?.text).toBe("Medborgarförslaget är väckt av Eva Ek.");
    expect((await viewOf(dir, "motion.yaml")).view.fraser.find((f) => f.namn === "forfattare")?.text).toBe("Motionen lämnades in av Eva Ek (S).");
  });

  it("a per-kind phrase without standard is an error; an unknown slot in one kind's text is reported at that text", () => {
    const dir = folder(`${FORVALTNING}husstil:\n  fraser:\n    forfattare:\n      motion: "{{objekt_bestamd}} av {{forfatare}}."\n      standard: ""\n`, MINIMAL_CASE);
    const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("remiss.config.yaml:7:38: fel: Frasen ”forfattare”: okänd plats ”forfatare”. Menade du ”{{forfattare}}”?");
    const missing = folder(`${FORVALTNING}husstil:\n  fraser:\n    forfattare:\n      motion: "{{objekt_bestamd}}."\n`, MINIMAL_CASE);
    const noStandard = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: missing });
    expect(noStandard.code).toBe(1);
    expect(noStandard.stderr).toContain("remiss.config.yaml:6:5: fel: Frasen ”forfattare” har en text per slag av dokument men ingen standard. Lägg till standard: med texten för de andra slagen.");
  });

  it("husstil.roller sets the role words, singular and plural", async () => {
    const dir = folder(`${FORVALTNING}husstil:\n  roller:\n    motion: [motionären, motionärerna]\n`, MINIMAL_CASE);
    writeFileSync(join(dir, "tva.yaml"), MINIMAL_CASE.replace("[{ namn: Eva Ek, parti: S }]", "[{ namn: Eva Ek, parti: S }, { namn: Bo Ek, parti: S }]"));
    expect((await viewOf(dir, "arende.yaml")).view.fraser.find((f) => f.namn === "yrkanden")?.text).toBe("Motionären föreslår kommunfullmäktige att besluta följande:");
    expect((await viewOf(dir, "tva.yaml")).view.fraser.find((f) => f.namn === "yrkanden")?.text).toBe("Motionärerna föreslår kommunfullmäktige att besluta följande:");
  });

  it("till_rad: \"\" removes the line above the heading", () => {
    const dir = folder(`${FORVALTNING}husstil:\n  fraser:\n    till_rad: ""\n`, MINIMAL_CASE);
    runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    const markdown = readFileSync(join(dir, "arende.md"), "utf8");
    expect(markdown).not.toContain("Till Parknämnden");
    expect(markdown).toMatch(/---\n\nTjänsteutlåtande\n\n# Motion om fler parkbänkar\n/u);
  });

  it("without husstil, the labels, the addressee and the heading are the built-in ones", () => {
    const view = buildViewModel(loadCaseText(`${FORVALTNING}${MINIMAL_CASE}`, "a.yaml").case!, DEFAULT_HOUSE_STYLE);
    expect(view.huvud.tillRad).toBe("Till Parknämnden");
    expect(view.rubrik).toBe("Motion om fler parkbänkar");
    expect(view.etiketter.handlaggare).toBe("Handläggare");
  });
});

describe("sections without a heading in check", () => {
  const dir = copy(join(BAS, "region-jonkoping"));
  runCli(["draft", "vardval.yaml"], { cwd: dir, env: { SOURCE_DATE_EPOCH: "1700000000" } });
  const markdown = readFileSync(join(dir, "vardval.md"), "utf8");
  /** The draft without Ärendet's text (the marker, or also the marker, left). */
  const withoutText = (keepMarker: boolean) =>
    markdown
      .replace(keepMarker ? "" : "<!-- avsnitt: arendet -->\n\n", "")
      .replace(/<!-- fält: remissobjekt\.beskrivning -->[\s\S]*<!-- \/fält: remissobjekt\.yrkanden -->\n\n/u, "");

  it("finds the section by its marker in Markdown and its bookmark in DOCX", () => {
    expect(part(readFileSync(join(dir, "vardval.docx")), "word/document.xml")).toContain('w:name="_remiss_avsnitt_arendet"');
    const result = runCli(["check", "vardval.md", "vardval.docx"], { cwd: dir });
    expect(result.stdout).toBe("✔ Inga problem i 2 filer.\n");
  });

  it("sektion/saknas fires when its text is missing, with or without the marker, in Markdown and in DOCX", async () => {
    const profile = await loadProfile(join(dir, "remiss.config.yaml"));
    for (const keep of [true, false]) {
      const name = keep ? "markering" : "utan";
      writeFileSync(join(dir, `${name}.md`), withoutText(keep));
      writeFileSync(join(dir, `${name}.docx`), await renderDocx(withoutText(keep), { style: profile.style }));
    }
    const result = runCli(["check", "--format", "json", "markering.md", "utan.md", "markering.docx", "utan.docx"], { cwd: dir });
    const findings = JSON.parse(result.stdout) as { file: string; rule: string; message: string }[];
    expect(findings.map((f) => [f.file, f.rule]).sort()).toEqual([
      ["markering.docx", "sektion/saknas"],
      ["markering.md", "sektion/saknas"],
      ["utan.docx", "sektion/saknas"],
      ["utan.md", "sektion/saknas"],
    ]);
    expect(findings.find((f) => f.file === "utan.md")!.message).toBe("Avsnittet ”Ärendet” saknas. Lägg till dess text (husstilen ger det ingen rubrik) före ”Förslag till beslut”.");
  });
});

it("Bilagor cannot be set without a heading", () => {
  const dir = folder(`${FORVALTNING}husstil:\n  avsnitt:\n    - sammanfattning\n    - bilagor: ""\n`, MINIMAL_CASE);
  const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("remiss.config.yaml:7:16: fel: Bilagor står efter underskrifterna och har alltid en rubrik. Skriv en rubrik, eller bara - bilagor.");
});

describe("forslag_form", () => {
  const items = MINIMAL_CASE + "forslag_till_beslut:\n  - Nämnden tillstyrker motionen.\n  - Paragrafen justeras omedelbart.\n";
  const forslagOf = async (form: string) => {
    const dir = folder(`${FORVALTNING}husstil:\n  forslag_form: ${form}\n`, items);
    return (await viewOf(dir, "arende.yaml")).view.sektioner.find((s) => s.id === "forslag-till-beslut")!.data.forslag;
  };
  it("numrerad (the built-in), punktlista and stycken", async () => {
    expect(await forslagOf("numrerad")).toContain("1. Nämnden tillstyrker motionen.\n2. Paragrafen justeras omedelbart.");
    expect(await forslagOf("punktlista")).toContain("- Nämnden tillstyrker motionen.\n- Paragrafen justeras omedelbart.");
    expect(await forslagOf("stycken")).toContain("Nämnden tillstyrker motionen.\n\nParagrafen justeras omedelbart.");
  });
  it("an unknown form is an error", () => {
    const dir = folder(`${FORVALTNING}husstil:\n  forslag_form: lista\n`, items);
    const result = runCli(["draft", "arende.yaml", "--format", "md"], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("fel: ”forslag_form” ska vara ”numrerad”, ”punktlista” eller ”stycken”, inte ”lista”. (husstil.forslag_form)");
  });
});

describe("the document label's definite form", () => {
  it.each([
    ["tjänsteutlåtande", "tjänsteutlåtandet"],
    ["tjänsteskrivelse", "tjänsteskrivelsen"],
    ["yttrande", "yttrandet"],
    ["missiv", "missivet"],
    ["remissvar", "remissvaret"],
    ["promemoria", "promemorian"],
    ["rapport", "rapporten"],
  ])("%s → %s", (label, definite) => {
    expect(documentDefinite(label)).toBe(definite);
  });
});

describe("layers", () => {
  it("src/model imports nothing from src/check: the config knows rule ids from src/model/rules.ts", () => {
    const config = readFileSync(join(ROOT, "src", "model", "config.ts"), "utf8");
    expect(config).not.toMatch(/from "\.\.\/check\//u);
    expect(config).toContain('from "./rules.js"');
  });
});
