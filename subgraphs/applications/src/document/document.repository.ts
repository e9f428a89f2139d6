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

export class DocumentRepository {
  constructor(private readonly db: Kysely<ApplicationTables>) {}

  async byIds(ids: readonly string[]): Promise<Document[]> {
    return (await this.db.selectFrom('document').selectAll().where('id', 'in', [...ids]).execute()).map(toDocument);
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
}
