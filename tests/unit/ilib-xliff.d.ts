// ilib-xliff (dev-only: an independent XLIFF 2.0 reader and writer for the strings tests) ships no types.
declare module 'ilib-xliff' {
  export interface TranslationUnit {
    file: string;
    key: string;
    source: string;
    target?: string;
    comment?: string;
    state?: string;
    targetLocale?: string;
  }
  export class Xliff {
    constructor(options: { version: string });
    deserialize(xml: string): void;
    getTranslationUnits(): TranslationUnit[];
    serialize(): string;
  }
}
