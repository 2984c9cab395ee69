/**
 * The encrypted store, as a plain-Node library (no Electron). The shell, IPC handlers, preview server
 * and CLI all use these same functions.
 */

export { KDF_PROFILES, type KdfProfile } from '../keys/kdf';
export { formatRecoveryKey, parseRecoveryKey } from '../keys/recovery-key';
export {
  addAttachment,
  getAttachmentContent,
  getAttachmentImage,
  listAttachments,
  saveAttachmentCopy,
} from './attachments';
export { listAudit, verifyAudit } from './audit';
export { type BackupResult, createBackup, type RestoreResult, restoreBackup } from './backup';
export { exportCaseDocument, importCaseDocument } from './case-document';
export {
  addPerson,
  createCase,
  getCase,
  listCases,
  listPlaces,
  setCaseStatus,
  updateCase,
  updatePerson,
} from './cases';
export { addFollowUp, listFollowUps, setFollowUpDone } from './follow-ups';
export { IdleLock, type IdleLockOptions } from './idle-lock';
export { getAnswerHistory, getInterview, saveAnswer, setInterviewState, startInterview } from './interviews';
export { addNote, listNotes, updateNote } from './notes';
export { DB_FILE, storePaths } from './paths';
export {
  getSigningIdentity,
  getSigningIdentitySummary,
  listReferrals,
  recordReferral,
  saveSigningIdentity,
} from './referrals';
export { type LockReason, Session, type SessionKind } from './session';
export { getSettings, updateSettings } from './settings';
export {
  addUser,
  changeOwnPassphrase,
  currentUser,
  disableUser,
  getUser,
  listUsers,
  resetUserPassphrase,
} from './users';
export {
  resetPassphraseWithRecoveryKey,
  rotateDatabaseKey,
  Vault,
  type VaultOptions,
  verifyOwnPassphrase,
} from './vault';
