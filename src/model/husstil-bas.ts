import type { HusstilConfig } from "./husstil.js";

/**
 * The built-in house styles a förvaltning can start from
 * (`husstil.bas: NAMN`), each drawn from published documents of that
 * organisation, cited here and in its fixture under fixtures/husstil-bas/.
 * The config's own keys override the base key by key: a phrase, a label
 * or a role at a time; a list (`avsnitt`, `valfria`) as a whole.
 */
export interface BuiltinStyle {
  /** Whose style it is, in Swedish, for docs/husstil.md and messages. */
  readonly namn: string;
  /** The published documents the wording is taken from. */
  readonly kallor: readonly string[];
  readonly husstil: HusstilConfig;
}

export const BUILTIN_STYLES: Readonly<Record<string, BuiltinStyle>> = {
  malmo: {
    namn: "Malmö stad, stadskontorets tjänsteskrivelse till kommunstyrelsen",
    kallor: [
      "Kommunstyrelsen i Malmö stad, möte 2025-09-10, ärende 5 (Säkerhetsskyddslagen – ytterligare kompletteringar, SOU 2025:42), motenmedborgarportal.malmo.se/committees/kommunstyrelsen/mote-2025-09-10",
      "Kommunstyrelsen i Malmö stad, möte 2025-08-20, ärende 4 (Säkrare tivoli, SOU 2025:40), motenmedborgarportal.malmo.se/committees/kommunstyrelsen/mote-2025-08-20",
    ],
    husstil: {
      dokument: "Tjänsteskrivelse",
      organisation: "Malmö stad",
      // The summary the agenda publishes: the opening, then where the remiss went inside the city.
      avsnitt: ["sammanfattning", { bakgrund: "" }, { "forslag-till-beslut": "Förslag till beslut" }, "synpunkter", "bilagor"],
      // Bakgrund holds only the other remissinstanser, when there are any.
      valfria: ["bakgrund"],
      fraser: {
        undertitel: "",
        inledning: "{{remittent_namn}} har gett {{organisation}} möjlighet att yttra sig över remissen {{titel}}.",
        forfattare: "",
        forfattare_partier: "",
        remitterat: "",
        aven_till: "{{objekt_bestamd}} har internremitterats till {{remissinstanser}}.",
        avslutning: "",
      },
    },
  },
  "region-jonkoping": {
    namn: "Region Jönköpings län, missiv till fullmäktige",
    kallor: [
      "Landstinget i Jönköpings län, missiv och yttrande LJ2013/154, ”Motion: Hur har jämställdheten påverkats av vårdval?”, docplayer.se/142164431-Motion-hur-har-jamstalldheten-paverkats-av-vardval-handlingar-i-arendet.html",
    ],
    husstil: {
      dokument: "Missiv",
      dokument_bestamd: "missivet",
      organisation: "Region Jönköpings län",
      avsnitt: [{ arendet: "" }, { "forslag-till-beslut": "Förslag till beslut" }],
      fullmaktige: "regionfullmäktige",
      forslag_form: "stycken",
      fraser: {
        till_rad: "{{till}}",
        yrkanden: { motion: "I en motion till {{till}} föreslår {{forfattare}}", standard: "{{roll}} föreslår {{till}} att besluta följande:" },
        forslag_inledning: "{{namnd}} föreslår {{till}} besluta",
        undertitel: "",
        avslutning: "",
      },
    },
  },
  arboga: {
    namn: "Arboga kommun, svar på motion",
    kallor: [
      "Arboga kommun, kommunstyrelsen, Ks 124, ”Svar på motion om minskade driftbidrag till enskilda vägar och samfälligheter”, docplayer.se/40149972-Svar-pa-motion-om-minskade-driftbidrag-till-enskilda-vagar-och-samfalligheter.html",
    ],
    husstil: {
      dokument: "Tjänsteskrivelse",
      // The text runs without headings to the proposal: how the motion came, what it says, what the förvaltning thinks.
      avsnitt: [{ bakgrund: "" }, { arendet: "" }, { synpunkter: "" }, { "forslag-till-beslut": "Förslag till beslut" }],
      roller: { motion: ["motionären", "motionärerna"] },
      fraser: {
        till_rad: "",
        rubrik: { motion: "Svar på {{titel_mitt}}", standard: "{{titel}}" },
        undertitel: "",
        forfattare: "",
        forfattare_partier: "",
        remitterat: "{{objekt_bestamd}} remitterades till {{namnd}}.",
        yrkanden: "{{roll}} yrkar därför att",
        avslutning: "",
      },
    },
  },
};

export const BUILTIN_STYLE_NAMES: readonly string[] = Object.keys(BUILTIN_STYLES);

const MERGED_BY_KEY = ["typsnitt", "fraser", "etiketter", "roller"] as const;

/** A base style with a config's own keys over it, key by key. */
export function mergeHusstil(base: HusstilConfig, own: HusstilConfig): HusstilConfig {
  const { bas: _bas, ...rest } = own;
  const merged: Record<string, unknown> = { ...base, ...rest };
  for (const key of MERGED_BY_KEY) {
    if (base[key] || own[key]) merged[key] = { ...base[key], ...own[key] };
  }
  // The base's optional sections belong to its own list: an own list of sections comes without them.
  if (own.avsnitt !== undefined && own.valfria === undefined) delete merged["valfria"];
  return merged as HusstilConfig;
}
