/** The entente version written into exploration summaries (equal to the packages' version). */
export const ENTENTE_VERSION = '0.1.0';
