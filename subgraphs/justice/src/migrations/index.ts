import { Migration20261121054330 } from './Migration20261121054330';
import { Migration20261121062143 } from './Migration20261121062143';
import { Migration20261121070713 } from './Migration20261121070713';
import { Migration20261121090004 } from './Migration20261121090004';
import { Migration20261130174127 } from './Migration20261130174127';
import { Migration20261202150000 } from './Migration20261202150000';
import { Migration20261202153000 } from './Migration20261202153000';

/** justice's committed migrations, oldest first. New ones: `npm run migration:create -- justice`. */
export const JUSTICE_MIGRATIONS = [
  Migration20261121054330,
  Migration20261121062143,
  Migration20261121070713,
  Migration20261121090004,
  Migration20261130174127,
  Migration20261202150000,
  Migration20261202153000,
];
