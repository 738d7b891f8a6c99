import { bench, describe } from 'vitest';
import { makeExpansionBenchData } from './expand.bench-data.js';
import { expandAllSeries } from './expand.js';

// Run with `npx vitest bench --project domain`. Target (not asserted anywhere): 12 weeks of
// 40 series, about 2,000 occurrences, well under 100 ms on one core of the 2-core CI machine.
const data = makeExpansionBenchData(40, 12);

describe('expansion', () => {
  bench('12 weeks × 40 series', () => {
    expandAllSeries(data.series, data.exceptions, data.closures, data.range);
  });
});
