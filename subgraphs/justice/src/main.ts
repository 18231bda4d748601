import { runMain, runSubgraph } from '@labour/shared';
import { justiceSubgraph } from './definition';

runMain(() => runSubgraph(justiceSubgraph));
