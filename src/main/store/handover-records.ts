import { entityId } from '../../shared/domain/common';
import type { ResponseOf } from '../../shared/ipc/contract';
import { shortFingerprint } from '../keys/store-identity';
import { referralConsentAnswer, yes } from '../referral/build-model';
import {
  checkConsentReceiver,
  recordedConsentReceiver,
  referralReceiver,
} from '../referral/consent-receiver';
import { interviewsAndAnswers } from '../referral/service';
import { getCase, loadCaseRow } from './cases';
import type { Session } from './session';
import { readSettings } from './settings';
import { parseInput } from './validate';

/** What the case page shows of handovers: the packages of a case and where a case can go. */

interface HandoverRow {
  package_id: string;
  direction: 'sent' | 'received';
  agency_name: string;
  officer_name: string;
  package_sha256: string;
  sent_at: string;
  recorded_at: string;
  appendix_json: string | null;
  receipt_at: string | null;
  receipt_by: string | null;
}

interface StoredAppendix {
  summary: { rows: number; hashesOk: number; signaturesVerified: number; unsigned: number; problems: number };
  entries: {
    seq: number;
    at: string;
    actor: string | null;
    action: string;
    hashOk: boolean;
    signature: 'verified' | 'unsigned' | 'bad';
  }[];
}

export function handoversOfCase(session: Session, caseId: string): ResponseOf<'handover.ofCase'> {
  session.require('cases.read');
  const id = parseInput(entityId, caseId);
  return session.read((db) => {
    loadCaseRow(db, id);
    const rows = db
      .prepare('SELECT * FROM handovers WHERE case_id = ? ORDER BY recorded_at, package_id')
      .all(id) as HandoverRow[];
    const received = rows.find((r) => r.direction === 'received' && r.appendix_json);
    let appendix: ResponseOf<'handover.ofCase'>['appendix'] = null;
    if (received?.appendix_json) {
      const stored = JSON.parse(received.appendix_json) as StoredAppendix;
      appendix = {
        summary: stored.summary,
        entries: stored.entries.map((e) => ({
          seq: e.seq,
          at: e.at,
          actor: e.actor,
          action: e.action.slice(0, 64),
          verified: e.hashOk && e.signature !== 'bad',
          signed: e.signature === 'verified',
        })),
      };
    }
    return {
      records: rows.map((r) => ({
        packageId: r.package_id,
        direction: r.direction,
        agencyName: r.agency_name,
        officerName: r.officer_name,
        packageSha256: r.package_sha256,
        sentAt: r.sent_at,
        recordedAt: r.recorded_at,
        receipt: r.receipt_at && r.receipt_by ? { at: r.receipt_at, by: r.receipt_by } : null,
      })),
      appendix,
    };
  });
}

const comparable = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Directory entries with an imported agency key, and whether this case may go to each (consent, referral). */
export function handoverTargets(session: Session, caseId: string): ResponseOf<'handover.targets'> {
  session.require('handover.send');
  const detail = getCase(session, caseId);
  const person = detail.persons[0] ?? null;
  const { answers, wordings } = interviewsAndAnswers(session, detail, person?.id ?? null);
  const consentGiven = yes(referralConsentAnswer(answers));
  const recorded = recordedConsentReceiver(answers, wordings);
  return session.read((db) => {
    const keys = new Map(
      (
        db.prepare('SELECT agency_id, store_fingerprint FROM agency_keys').all() as {
          agency_id: string;
          store_fingerprint: string;
        }[]
      ).map((k) => [k.agency_id, k.store_fingerprint]),
    );
    const referred = new Set(
      (
        db
          .prepare('SELECT receiving_agency FROM referrals WHERE case_id = ? AND attachment_id IS NOT NULL')
          .pluck()
          .all(detail.id) as string[]
      ).map(comparable),
    );
    return readSettings(db)
      .referralDirectory.filter((entry) => keys.has(entry.id))
      .map((entry) => ({
        agencyId: entry.id,
        name: entry.name,
        shortFingerprint: shortFingerprint(keys.get(entry.id) ?? ''),
        consented:
          consentGiven &&
          recorded !== undefined &&
          checkConsentReceiver(recorded, referralReceiver(entry, ''), false).ok,
        referralSigned: referred.has(comparable(entry.name)),
      }));
  });
}
