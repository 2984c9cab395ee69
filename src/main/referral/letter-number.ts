import { buddhistYear } from '../../shared/domain/official-time';

/**
 * The next outgoing letter number of this store: the agency's prefix (its registry code, e.g.
 * "สข 0017"), then the count of referrals signed here in the same Buddhist-Era year plus one, then
 * the year: "สข 0017/12/2569". An officer may type the number the agency's registry book gave instead.
 * `signedAt`: when each referral recorded in this store was signed (store/referrals.ts).
 */
export function nextLetterNumber(signedAt: readonly string[], prefix: string, at: string): string {
  const year = buddhistYear(at);
  const count = signedAt.filter((t) => buddhistYear(t) === year).length;
  const number = `${count + 1}/${year}`;
  return prefix.trim() ? `${prefix.trim()}/${number}` : number;
}
