import { Migration20261121053750 } from './Migration20261121053750';
import { Migration20261121062129 } from './Migration20261121062129';
import { Migration20261121070708 } from './Migration20261121070708';
import { Migration20261121090001 } from './Migration20261121090001';
import { Migration20261130174100 } from './Migration20261130174100';
import { Migration20261202100000 } from './Migration20261202100000';
import { Migration20261202100100 } from './Migration20261202100100';
import { Migration20261202100200 } from './Migration20261202100200';
import { Migration20261202100300 } from './Migration20261202100300';

/** hr-bureau's committed migrations, oldest first. New ones: `npm run migration:create -- hr-bureau`. */
export const HR_MIGRATIONS = [Migration20261121053750, Migration20261121062129, Migration20261121070708, Migration20261121090001, Migration20261130174100, Migration20261202100000, Migration20261202100100, Migration20261202100200, Migration20261202100300];
