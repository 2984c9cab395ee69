import { buddhistYear } from '../../shared/domain/official-time';
import type { Session } from '../store/session';

/**
 * The next outgoing letter number of this store: the agency's prefix (its registry code, e.g.
 * "สข 0017"), then the count of referrals signed here in the same Buddhist-Era year plus one, then
 * the year: "สข 0017/12/2569". An officer may type the number the agency's registry book gave instead.
 */
export function nextLetterNumber(session: Session, prefix: string, at: string): string {
  const year = buddhistYear(at);
  const signed = session.read(
    (db) => db.prepare('SELECT signed_at FROM referrals').all() as { signed_at: string }[],
  );
  const count = signed.filter((row) => buddhistYear(row.signed_at) === year).length;
  const number = `${count + 1}/${year}`;
  return prefix.trim() ? `${prefix.trim()}/${number}` : number;
}
