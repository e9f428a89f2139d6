export interface ApplicationTables {
  document: {
    id: string;
    owner_id: string;
    filename: string;
    media_type: string;
    size: number;
    sha256: string;
    uploaded_at: string;
  };
}
