import type { ParseKeys } from 'i18next';

/**
 * A key of the UI's text: `common` keys bare, others with their namespace (`referral:…`,
 * `instrument:…`). Checked by the compiler against the English files (src/types/i18n-keys.d.ts), so a
 * value typed UiKey (a message to show later, a label chosen from a table) must name a real key.
 */
export type UiKey = ParseKeys<['common', 'referral', 'instrument']>;
