// myanmar-tools (Google, Apache-2.0) ships no types.
declare module 'myanmar-tools' {
  export class ZawgyiDetector {
    getZawgyiProbability(input: string, verbose?: boolean): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(input: string): string;
    unicodeToZawgyi(input: string): string;
    normalizeZawgyi(input: string): string;
  }
}
