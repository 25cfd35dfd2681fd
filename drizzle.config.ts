import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` diffs electron/core/db/schema.ts against the last snapshot and writes
// the next migration. Runs offline; needs no database.
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/db/schema.ts',
  out: './electron/core/db/migrations',
});
