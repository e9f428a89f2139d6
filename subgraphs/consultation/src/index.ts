import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { consultationService } from './server.js';

await runServiceMain(consultationService);
