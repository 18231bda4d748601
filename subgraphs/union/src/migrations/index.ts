import { Migration20261121054410 } from './Migration20261121054410';

/** The union's committed migrations, oldest first. New ones: `npm run migration:create -- union`. */
export const UNION_MIGRATIONS = [Migration20261121054410];
