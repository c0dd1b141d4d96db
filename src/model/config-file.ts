/**
 * The file name of a förvaltning's profile. In a module of its own, without
 * zod, so that finding the file costs nothing when there is none.
 */
export const CONFIG_FILE = "remiss.config.yaml";
