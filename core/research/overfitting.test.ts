import { describe, expect, it } from 'vitest';
import { overfittingOf, pboInput } from './overfitting';
import { deflatedSharpe } from './stats/deflatedSharpe';
import { sharpeRatio } from './stats/moments';
import { probabilityOfBacktestOverfitting } from './stats/pbo';
import { noiseMatrix, seededNormal } from './stats/testing';
import { trialStats } from './trialStats';

describe('overfittingOf', () => {
  it("gives exactly the statistics of the returns themselves from each trial's moments and block sums", () => {
    const returns = noiseMatrix(seededNormal(3), 40, 503, 0.0002, 0.01);
    const best = 7;
    const got = overfittingOf(returns.map(trialStats), best, 252);
    const pbo = probabilityOfBacktestOverfitting(returns);
    const dsr = deflatedSharpe({ returns: returns[best], trials: 40, trialSharpes: returns.map(sharpeRatio), periodsPerYear: 252 });
    expect(got.pbo).toMatchObject({ pbo: pbo.pbo, probabilityOfLoss: pbo.probabilityOfLoss, partitions: 16, splits: 12870 });
    expect(got.deflatedSharpe).toMatchObject({
      dsr: dsr.dsr,
      sharpeAnnualised: dsr.sharpeAnnualised,
      expectedMaxSharpeAnnualised: dsr.expectedMaxSharpeAnnualised,
      skew: dsr.skew,
      kurtosis: dsr.kurtosis,
      observations: 503,
      trials: 40,
    });
    expect(got.pbo?.reading).toMatch(/^PBO /);
    expect(got.deflatedSharpe?.reading).toMatch(/^DSR /);
  });

  it('leaves out the PBO where the sessions or the trials cannot support it, and refuses trials of different lengths', () => {
    const short = noiseMatrix(seededNormal(4), 5, 3).map(trialStats);
    expect(overfittingOf(short, 0, 252).pbo).toBeNull();
    const one = noiseMatrix(seededNormal(5), 1, 100).map(trialStats);
    expect(overfittingOf(one, 0, 252).pbo).toBeNull();
    const ragged = [...noiseMatrix(seededNormal(6), 2, 100), ...noiseMatrix(seededNormal(7), 1, 90)].map(trialStats);
    expect(() => pboInput(ragged)).toThrow('trial 2 has 90 returns, trial 0 has 100');
  });
});
