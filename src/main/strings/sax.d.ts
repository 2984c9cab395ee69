// sax (isaacs, BlueOak-1.0.0) ships no types; only what xml.ts uses is declared.
declare module 'sax' {
  export interface QualifiedAttribute {
    name: string;
    value: string;
    prefix: string;
    local: string;
    uri: string;
  }
  export interface QualifiedTag {
    name: string;
    prefix: string;
    local: string;
    uri: string;
    attributes: Record<string, QualifiedAttribute>;
    isSelfClosing: boolean;
  }
  export interface SAXParser {
    line: number;
    onopentag: (tag: QualifiedTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    ondoctype: (doctype: string) => void;
    onerror: (error: Error) => void;
    write(text: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(
    strict: boolean,
    options: {
      xmlns?: boolean;
      position?: boolean;
      strictEntities?: boolean;
      trim?: boolean;
      normalize?: boolean;
    },
  ): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}
