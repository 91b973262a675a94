import { describe, expect, it } from 'vitest';
import type { ImportPreviewDto } from '../../../core/ipc/contract/data';
import { fmtIssueAt, importBlock, issueMessage, importInput, MAX_UPLOAD_BYTES, previewMatches, uploadTooLarge, type ImportRequest } from './importForm';

const request: ImportRequest = { name: 'GOOG.csv', text: ',Open\n', symbol: '', format: 'auto' };

const preview = (over: Partial<ImportPreviewDto> = {}): ImportPreviewDto => ({
  name: 'GOOG.csv',
  format: 'generic',
  symbol: 'GOOG',
  barSize: '1d',
  bars: 2148,
  firstTs: 0,
  lastTs: 1,
  head: [],
  sample: [],
  valid: true,
  errors: [],
  warnings: [],
  existing: null,
  ...over,
});

describe('import form', () => {
  it('sends a typed symbol trimmed and leaves an empty one for the engine to guess', () => {
    expect(importInput(request)).toEqual({ name: 'GOOG.csv', text: ',Open\n', format: 'auto' });
    expect(importInput({ ...request, symbol: ' goog ', format: 'yahoo' })).toEqual({ name: 'GOOG.csv', text: ',Open\n', symbol: 'goog', format: 'yahoo' });
  });

  it('trusts a preview only for the request it was made for', () => {
    const asked = importInput(request);
    expect(previewMatches(asked, request)).toBe(true);
    expect(previewMatches(asked, { ...request, symbol: ' ' })).toBe(true);
    expect(previewMatches(asked, { ...request, symbol: 'X' })).toBe(false);
    expect(previewMatches(asked, { ...request, format: 'stooq' })).toBe(false);
    expect(previewMatches(asked, { ...request, text: 'other' })).toBe(false);
    expect(previewMatches(undefined, request)).toBe(false);
  });

  it('imports only a valid preview, and over a stored series only when replacing', () => {
    expect(importBlock(undefined, false)).toBe('no-preview');
    expect(importBlock(preview({ valid: false, errors: [{ message: 'high below low', line: 3 }] }), true)).toBe('invalid');
    const stored = { id: 1, symbol: 'GOOG', barSize: '1d', barSeconds: 86_400, source: 'generic', fileName: 'GOOG.csv', importedAt: 1, fingerprint: 'x', firstTs: 0, lastTs: 1, bars: 2148, gaps: 0, hasAdjClose: false };
    const existing = preview({ existing: stored });
    expect(importBlock(existing, false)).toBe('exists');
    expect(importBlock(existing, true)).toBeNull();
    expect(importBlock(preview(), false)).toBeNull();
  });

  it('says where an issue is', () => {
    expect(fmtIssueAt({ line: 3, column: 'High' })).toBe('line 3, column High');
    expect(fmtIssueAt({ line: 3, column: 2 })).toBe('line 3, column 2');
    expect(fmtIssueAt({ line: 7 })).toBe('line 7');
    expect(fmtIssueAt({})).toBe('');
  });

  it('refuses files too large for the socket, naming the command to use instead', () => {
    expect(uploadTooLarge(MAX_UPLOAD_BYTES)).toBeNull();
    expect(uploadTooLarge(100 * 1024 * 1024)).toMatch(/^100 MB is more than the screen uploads \(48 MB\); import it with: npm run data -- import/);
  });

  it('drops the location the engine wrote into a message, keeping what is wrong', () => {
    const issue = { message: 'BROKEN.csv:3: column "High": high 9 is below low 10', line: 3, column: 'High' };
    expect(issueMessage(issue, 'BROKEN.csv')).toBe('high 9 is below low 10');
    expect(issueMessage({ message: 'BROKEN.csv:3: duplicate timestamp', line: 3 }, 'BROKEN.csv')).toBe('duplicate timestamp');
    expect(issueMessage({ message: 'no rows' }, 'BROKEN.csv')).toBe('no rows');
    expect(issueMessage({ message: 'OTHER.csv:3: x', line: 3 }, 'BROKEN.csv')).toBe('OTHER.csv:3: x');
  });
});
