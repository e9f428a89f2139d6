import type { Kysely } from 'kysely';
import type { ApplicationTables } from '../database.js';
import type { Document } from './document.type.js';

function toDocument(row: ApplicationTables['document']): Document {
  return {
    id: row.id,
    ownerId: row.owner_id,
    filename: row.filename,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

/** A case that lists a document among its materials, as the officer's department sees it. */
export interface DocumentCase {
  id: string;
  number: string;
  departmentCode: string;
}

export class DocumentRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  async byIds(ids: readonly string[]): Promise<Document[]> {
    return (
      await this.db
        .selectFrom('document')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    ).map(toDocument);
  }

  async ofOwners(ownerIds: readonly string[]): Promise<Document[]> {
    const rows = await this.db
      .selectFrom('document')
      .selectAll()
      .where('owner_id', 'in', [...ownerIds])
      .orderBy('uploaded_at', 'desc')
      .execute();
    return rows.map(toDocument);
  }

  async byId(id: string): Promise<Document | null> {
    const row = await this.db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDocument(row) : null;
  }

  /** The owner's document with this content, if they uploaded it before (unique per owner). */
  async byOwnerAndHash(ownerId: string, sha256: string): Promise<Document | null> {
    const row = await this.db.selectFrom('document').selectAll().where('owner_id', '=', ownerId).where('sha256', '=', sha256).executeTakeFirst();
    return row ? toDocument(row) : null;
  }

  /** Throws a unique violation when the owner already has this content (a concurrent upload). */
  async insert(document: Document): Promise<void> {
    await this.db
      .insertInto('document')
      .values({
        id: document.id,
        owner_id: document.ownerId,
        filename: document.filename,
        media_type: document.mediaType,
        size: document.size,
        sha256: document.sha256,
        uploaded_at: document.uploadedAt,
      })
      .execute();
  }

  /** Whether any owner's document still points at this content. */
  async isHashUsed(sha256: string): Promise<boolean> {
    return (await this.db.selectFrom('document').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
  }

  /**
   * A case of the department that lists the document among its materials (newest first), or
   * null: an officer reaches a document only through such a case.
   */
  /** A case of the department, still with it (WITH_DEPARTMENT), that lists the document: what lets its officer download it. */
  async caseListing(documentId: string, departmentCode: string, statuses: readonly string[]): Promise<DocumentCase | null> {
    const row = await this.db
      .selectFrom('application_material')
      .innerJoin('application', 'application.id', 'application_material.application_id')
      .select(['application.id as id', 'application.number as number', 'application.department_code as departmentCode'])
      .where('application_material.evidence_kind', '=', 'Document')
      .where('application_material.evidence_id', '=', documentId)
      .where('application.department_code', '=', departmentCode)
      .where('application.status', 'in', statuses)
      .orderBy('application.submitted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }
}
