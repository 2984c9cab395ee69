import { ZawgyiConverter, ZawgyiDetector } from 'myanmar-tools';

/** Google's Zawgyi detector and converter (myanmar-tools); we do not hand-roll either. */
const detector = new ZawgyiDetector();
const converter = new ZawgyiConverter();

/** Google recommends 0.95: short Unicode Burmese can score above 0.5. */
export const ZAWGYI_THRESHOLD = 0.95;

const MYANMAR = /[\u1000-\u109F]/;

export function checkZawgyi(text: string): { zawgyiProbability: number; unicode: string } {
  if (!MYANMAR.test(text)) return { zawgyiProbability: 0, unicode: text };
  const p = detector.getZawgyiProbability(text);
  const probability = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
  return {
    zawgyiProbability: probability,
    unicode: probability > ZAWGYI_THRESHOLD ? converter.zawgyiToUnicode(text).normalize('NFC') : text,
  };
}
