import { Migration20261121054454 } from './Migration20261121054454';

/** The court's committed migrations, oldest first. New ones: `npm run migration:create -- court`. */
export const COURT_MIGRATIONS = [Migration20261121054454];
