import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { licencesService } from './server.js';

await runServiceMain(licencesService);
