// The phrasing layer: small pure functions that turn case data into Swedish text and Markdown.
export * from "./authors.js";
export * from "./beredning.js";
export * from "./dates.js";
export * from "./escape.js";
export * from "./lists.js";
export * from "./motion.js";
export * from "./organs.js";
export * from "./sentences.js";
export * from "./words.js";
