/**
 * The tables the example bureau department owns, in its own database: SQLite
 * (DATA_DIR/example-bureau.sqlite) by default, PostgreSQL when EXAMPLE_BUREAU_DATABASE_URL is set.
 * Dates are text (YYYY-MM-DD) in both.
 */
export interface ExampleBureauTables {
  example_bureau_record: {
    id: string;
    applicant_id: string;
    title: string;
    status: string;
    recorded_on: string;
    /** The department that keeps the record, as the hall names it. */
    department: string;
  };
}
