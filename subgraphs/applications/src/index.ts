import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { applicationsService } from './server.js';

await runServiceMain(applicationsService);
