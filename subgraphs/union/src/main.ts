import { runMain, runSubgraph } from '@labour/shared';
import { unionSubgraph } from './definition';

runMain(() => runSubgraph(unionSubgraph));
