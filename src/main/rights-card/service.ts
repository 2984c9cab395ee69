import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n/locales';
import type { RightsCardHandedOverInput, RightsCardSaveInput } from '../../shared/ipc/channels/rights-card';
import type { Db } from '../db/driver';
import { translatorFor } from '../i18n/translator';
import { A4, type PageGeometry } from '../pdf/layout';
import { renderPdf } from '../pdf/render';
import { isReviewed } from '../referral/review';
import type { ExportTarget } from '../referral/service';
import { loadCaseRow } from '../store/cases';
import { loadInterviewRow } from '../store/interviews';
import type { Session } from '../store/session';
import { getSettings } from '../store/settings';
import { buildRightsCardModel, type CardAgency } from './build-card';

/**
 * The rights card: built from the directory entry the officer chose (if any), saved where the officer
 * chooses, and recorded in the case's audit trail (saved; handed over). Main never receives or stores
 * anything about the person for it: the card carries no name, and the audit details only the language
 * and which directory entry was printed.
 */

/** The card as PDF bytes (no file written): for the save and for the tests. */
export async function renderRightsCard(language: Locale, agency: CardAgency | null): Promise<Buffer> {
  const model = buildRightsCardModel({ language, agency, translate: translatorFor, reviewed: isReviewed });
  return renderPdf(model, { page: CARD_PAGE });
}

/** A4 with narrow margins: the card is one page to print and fold, with no binding edge. */
const CARD_PAGE: PageGeometry = { ...A4, marginTop: 42, marginBottom: 42, marginLeft: 34, marginRight: 34 };

export async function saveRightsCard(
  session: Session,
  input: RightsCardSaveInput,
  target: ExportTarget,
): Promise<{ fileName: string } | null> {
  session.require('cases.read');
  session.read((db) => checkCaseAndInterview(db, input.caseId, input.interviewId));
  const agency = directoryAgency(session, input.contactId);
  const pdf = await renderRightsCard(input.language, agency);
  // The file name says what it is and in which language, never whose it is.
  const fileName = await target.write(`rights-card-${input.language}.pdf`, pdf);
  if (fileName === null) return null;
  recordCardEvent(session, 'rights_card.save', input);
  return { fileName };
}

/** The officer handed the card over (also after a safety stop): recorded, with the language given. */
export function recordRightsCardHandedOver(session: Session, input: RightsCardHandedOverInput): void {
  session.require('cases.write');
  recordCardEvent(session, 'rights_card.handed_over', input);
}

/** Audited on the case: the language and the directory entry printed, nothing about the person. */
function recordCardEvent(
  session: Session,
  action: 'rights_card.save' | 'rights_card.handed_over',
  input: RightsCardHandedOverInput,
): void {
  session.write((db, now) => {
    checkCaseAndInterview(db, input.caseId, input.interviewId);
    session.audit(db, now, {
      action,
      entityType: 'case',
      entityId: input.caseId,
      details: {
        caseId: input.caseId,
        ...(input.interviewId ? { interviewId: input.interviewId } : {}),
        language: input.language,
        ...(input.contactId ? { contactId: input.contactId } : {}),
      },
    });
  });
}

function checkCaseAndInterview(db: Db, caseId: string, interviewId: string | undefined): void {
  loadCaseRow(db, caseId);
  if (interviewId && loadInterviewRow(db, interviewId).case_id !== caseId) throw new AppError('NOT_FOUND');
}

/** The chosen receiving agency from the referral directory; an unknown id is refused, never guessed. */
function directoryAgency(session: Session, contactId: string | undefined): CardAgency | null {
  if (!contactId) return null;
  const contact = getSettings(session).referralDirectory.find((c) => c.id === contactId);
  if (!contact) throw new AppError('NOT_FOUND');
  return { name: contact.name, phone: contact.phone, address: contact.address };
}
