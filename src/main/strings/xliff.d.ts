// The `xliff` package (locize, MIT) ships no types; only the two converters used here are declared.
declare module 'xliff' {
  /** One <unit> (or <group>, with groupUnits). source/target are strings unless inline codes are present. */
  export interface XliffJsUnit {
    source?: unknown;
    target?: unknown;
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
    additionalElements?: unknown[];
    groupUnits?: Record<string, XliffJsUnit | undefined>;
  }
  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    xliffVersion?: string;
    /** <file id> -> unit or group id -> content. */
    resources?: Record<string, Record<string, XliffJsUnit | undefined>>;
  }
  export function js2xliff(obj: XliffJs, options?: { indent?: string }): Promise<string>;
  export function xliff2js(xml: string, options?: { namespace?: string }): Promise<XliffJs>;
}
