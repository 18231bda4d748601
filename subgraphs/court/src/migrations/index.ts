import { Migration20261121054454 } from './Migration20261121054454';
import { Migration20261121062140 } from './Migration20261121062140';
import { Migration20261121070711 } from './Migration20261121070711';
import { Migration20261121090003 } from './Migration20261121090003';
import { Migration20261130174119 } from './Migration20261130174119';
import { Migration20261202150000 } from './Migration20261202150000';
import { Migration20261202150100 } from './Migration20261202150100';
import { Migration20261202150200 } from './Migration20261202150200';
import { Migration20261202150300 } from './Migration20261202150300';

/** The court's committed migrations, oldest first. New ones: `npm run migration:create -- court`. */
export const COURT_MIGRATIONS = [Migration20261121054454, Migration20261121062140, Migration20261121070711, Migration20261121090003, Migration20261130174119, Migration20261202150000, Migration20261202150100, Migration20261202150200, Migration20261202150300];
