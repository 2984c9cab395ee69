import { describe, expect, it } from 'vitest';
import { checkZawgyi, ZAWGYI_THRESHOLD } from '../../src/main/text/zawgyi';
import { createTestApp } from '../helpers/test-app';

// A sentence from myanmar-tools' own Zawgyi test corpus, and the same words in Unicode.
const ZAWGYI = 'ႏိုင္ငံေတာ္၏အတုိင္ပင္ခံပုဂၢိဳလ္ ေဒၚေအာင္ဆန္းစုၾကည္သည္ ယေန႔နံနက္ပိုင္းတြင္';
const UNICODE = 'နိုင်ငံတော်၏အတိုင်ပင်ခံပုဂ္ဂိုလ် ဒေါ်အောင်ဆန်းစုကြည်သည် ယနေ့နံနက်ပိုင်းတွင်';

describe('Zawgyi detection and conversion (myanmar-tools)', () => {
  it('recognises Zawgyi and offers the Unicode text', () => {
    const r = checkZawgyi(ZAWGYI);
    expect(r.zawgyiProbability).toBeGreaterThan(ZAWGYI_THRESHOLD);
    expect(r.unicode).toBe(UNICODE.normalize('NFC'));
  });

  it('leaves Unicode Burmese and other scripts alone', () => {
    expect(checkZawgyi(UNICODE).unicode).toBe(UNICODE);
    expect(checkZawgyi(UNICODE).zawgyiProbability).toBeLessThan(ZAWGYI_THRESHOLD);
    expect(checkZawgyi('ไม่มีอะไร')).toEqual({ zawgyiProbability: 0, unicode: 'ไม่มีอะไร' });
  });

  it('is reachable over IPC for a signed-in user only', async () => {
    const app = createTestApp('fs-zg-');
    expect(await app.code('text.zawgyiCheck', { text: ZAWGYI })).toBe('NOT_SIGNED_IN');
    await app.initialise();
    const reply = await app.call('text.zawgyiCheck', { text: ZAWGYI });
    expect(reply).toMatchObject({ ok: true, value: { unicode: UNICODE.normalize('NFC') } });
    app.close();
  });
});
