/**
 * zod's own messages in Vietnamese. Every issue a user reads has a sentence of ours (messages/vi.ts); this is
 * the fallback, so that a rule we never worded still cannot print English. Imported for its effect by every
 * module that defines schemas.
 */
import { z } from 'zod';

z.config(z.locales.vi());
