/**
 * The budgets of a config file. The starter config is 4 KB; a province's registry of every commune-level
 * unit would be a few hundred units; the default catalogue has 18 indicators. README.md ("Giới hạn") lists
 * these for users; a config over one is refused with a message naming it.
 */
export const CONFIG_LIMITS = {
  /** Bytes of the config file. */
  fileBytes: 1024 * 1024,
  /** Units in the registry ("units"). */
  units: 5_000,
  /** Indicators added or replacing the catalogue ("indicators.items"). */
  indicators: 500,
  /** Largest submission file the config may allow ("maxFileMB"): the whole file is read into memory. */
  maxFileMB: 100,
} as const;
