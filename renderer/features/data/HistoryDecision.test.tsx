// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryChoice, HistoryDecisionDto } from '../../../core/ipc/contract/trading';
import { HistoryDecision } from './HistoryDecision';

const DAY = 86_400_000;
const decision: HistoryDecisionDto = {
  symbol: 'GOOG',
  stored: { source: 'yahoo', bars: 4, firstTs: 0, lastTs: 3 * DAY, importedAt: 5 },
  download: { source: 'ib', bars: 4, firstTs: 2 * DAY, lastTs: 5 * DAY },
  changes: { added: 2, changed: 1, removed: 2, unchanged: 1, firstChangeTs: 0, lastChangeTs: 5 * DAY },
  keepBothAs: 'GOOG:IB',
};

describe('HistoryDecision', () => {
  afterEach(() => cleanup());

  it('shows what replacing would change and passes on each of the three choices', () => {
    const chosen: HistoryChoice[] = [];
    render(<HistoryDecision decision={decision} busy={false} onChoose={(c) => chosen.push(c)} />);
    expect(screen.getByTestId('history-added').textContent).toBe('2 bars added');
    expect(screen.getByTestId('history-changed').textContent).toBe('1 bars changed');
    expect(screen.getByTestId('history-removed').textContent).toMatch(/^2 stored bars removed/);
    expect(screen.getByTestId('history-keep-both').textContent).toContain('GOOG:IB');
    fireEvent.click(screen.getByTestId('history-replace'));
    fireEvent.click(screen.getByTestId('history-keep-both'));
    fireEvent.click(screen.getByTestId('history-cancel'));
    expect(chosen).toEqual(['replace', 'keep_both', 'cancel']);
  });

  it('offers no keep-both when there is no name to keep the download under, and says when nothing would change', () => {
    const same = { ...decision, keepBothAs: null, changes: { added: 0, changed: 0, removed: 0, unchanged: 4, firstChangeTs: null, lastChangeTs: null } };
    render(<HistoryDecision decision={same} busy={false} onChoose={() => undefined} />);
    expect((screen.getByTestId('history-keep-both') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('history-changes').textContent).toBe('no bar would change');
  });
});
