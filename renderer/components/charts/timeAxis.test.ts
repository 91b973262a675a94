import { describe, expect, it } from 'vitest';
import { fmtAxisPct, fmtCompact, timeAxis } from './timeAxis';

const d = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('timeAxis', () => {
  it('puts a twenty-year run on year boundaries that fit the tick budget', () => {
    const { ticks, format } = timeAxis(d('2000-01-03'), d('2019-12-31'), 8);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.map(format)).toEqual(['2005', '2010', '2015']);
  });

  it('uses every year for a decade', () => {
    const { ticks, format } = timeAxis(d('2004-08-19'), d('2013-03-01'), 10);
    expect(ticks.map(format)).toEqual(['2005', '2006', '2007', '2008', '2009', '2010', '2011', '2012', '2013']);
  });

  it('labels month ticks by name and January by its year', () => {
    const { ticks, format } = timeAxis(d('2012-10-15'), d('2013-04-20'), 8);
    expect(ticks.map(format)).toEqual(['Nov', 'Dec', '2013', 'Feb', 'Mar', 'Apr']);
    expect(ticks[0]).toBe(d('2012-11-01'));
  });

  it('falls back to day ticks for a short window', () => {
    const { ticks, format } = timeAxis(d('2013-03-01'), d('2013-03-05'), 8);
    expect(ticks.map(format)).toEqual(['1 Mar', '2 Mar', '3 Mar', '4 Mar', '5 Mar']);
  });

  it('gives a single tick for a one-point series', () => {
    expect(timeAxis(d('2013-03-01'), d('2013-03-01')).ticks).toEqual([d('2013-03-01')]);
  });
});

describe('value axis labels', () => {
  it('compacts money', () => {
    expect([950, 12_500, 10_000, 1_234_567, 3e9, -45_000].map(fmtCompact)).toEqual(['950', '12.5k', '10k', '1.2M', '3B', '−45k']);
  });

  it('prints percents without noise', () => {
    expect([-12, 3.5, 0, -34.13].map(fmtAxisPct)).toEqual(['−12%', '3.5%', '0%', '−34%']);
  });
});
