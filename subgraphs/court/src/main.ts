import { runMain, runSubgraph } from '@labour/shared';
import { courtSubgraph } from './definition';

runMain(() => runSubgraph(courtSubgraph));
