import { describe, it } from 'vitest';
import { createMemoryEventStore } from './memory-event-store.js';
import { storeContract } from './store-contract.js';

storeContract('storage contract: the in-memory store', createMemoryEventStore, { describe, it });
