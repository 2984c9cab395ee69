import { createHash } from 'node:crypto';

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stored columns a row's hash covers (details as the exact JSON text stored). */
export interface AuditRowContent {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  detailsJson: string;
}

/** The content in column order (seq, at, actor_kind, actor_id, action, entity_type, entity_id, details_json). */
export function auditRowValues(row: AuditRowContent): [number, ...(string | null)[]] {
  return [
    row.seq,
    row.at,
    row.actorKind,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.detailsJson,
  ];
}

/**
 * hash = SHA-256(prev_hash || "\n" || JSON array of the row's content). A JSON array gives one
 * unambiguous encoding (no field can bleed into the next). Changing any stored field, removing a row
 * or reordering rows breaks the chain from that row on.
 */
export function auditRowHash(prevHash: string, row: AuditRowContent): string {
  const content = JSON.stringify(auditRowValues(row));
  return createHash('sha256')
    .update(prevHash, 'utf8')
    .update('\n', 'utf8')
    .update(content, 'utf8')
    .digest('hex');
}
