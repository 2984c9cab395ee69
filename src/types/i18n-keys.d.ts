// The UI's translation keys, checked by the compiler: `t('cases.title')` must name a key of the English
// `common` (default) or `referral` namespace, and a built key such as t(`status.${s}`) type-checks only
// when `s` is a typed list (a union such as CaseStatus) whose every key exists. The `instrument`
// namespace is keyed by the instrument's data (questions, options); its texts are checked against the
// instrument by tests/unit/instrument-translations.test.ts instead.
import 'i18next';
import type common from '../../resources/locales/en/common.json';
import type referral from '../../resources/locales/en/referral.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: ['common', 'referral', 'instrument'];
    resources: { common: typeof common; referral: typeof referral; instrument: Record<string, string> };
  }
}
