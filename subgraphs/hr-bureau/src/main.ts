import { runMain, runSubgraph } from '@labour/shared';
import { hrBureauSubgraph } from './definition';

runMain(() => runSubgraph(hrBureauSubgraph));
