import { Migration20261121054410 } from './Migration20261121054410';
import { Migration20261121062137 } from './Migration20261121062137';
import { Migration20261121062618 } from './Migration20261121062618';
import { Migration20261121070052 } from './Migration20261121070052';
import { Migration20261121070124 } from './Migration20261121070124';
import { Migration20261121070710 } from './Migration20261121070710';
import { Migration20261121090002 } from './Migration20261121090002';
import { Migration20261122090000 } from './Migration20261122090000';
import { Migration20261130174109 } from './Migration20261130174109';
import { Migration20261202144542 } from './Migration20261202144542';
import { Migration20261202150625 } from './Migration20261202150625';
import { Migration20261202151359 } from './Migration20261202151359';
import { Migration20261202152009 } from './Migration20261202152009';

/** The union's committed migrations, oldest first. New ones: `npm run migration:create -- union`. */
export const UNION_MIGRATIONS = [Migration20261121054410, Migration20261121062137, Migration20261121062618, Migration20261121070052, Migration20261121070124, Migration20261121070710, Migration20261121090002, Migration20261122090000, Migration20261130174109, Migration20261202144542, Migration20261202150625, Migration20261202151359, Migration20261202152009];
