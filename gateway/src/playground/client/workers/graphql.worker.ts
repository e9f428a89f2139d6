// monaco-graphql's worker: validation and completion against the schema; see main.tsx.
import 'monaco-graphql/esm/graphql.worker.js';
