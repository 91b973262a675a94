import type { DATA_IMPORT_FORMATS, ImportPreviewDto } from '../../../core/ipc/contract/data';

/** The import dialog's decisions, apart from its drawing. */

export type ImportFormat = (typeof DATA_IMPORT_FORMATS)[number] | 'auto';

/**
 * Text larger than this is not sent over the engine's socket (its frames stop at 64 MB, and JSON escaping
 * grows the text); such files go through `npm run data -- import`.
 */
export const MAX_UPLOAD_BYTES = 48 * 1024 * 1024;

/** What the user asked for: the file's name and text, and the optional symbol and format. */
export interface ImportRequest {
  name: string;
  text: string;
  symbol: string;
  format: ImportFormat;
}

/** The engine's input for a request (an empty symbol means "guess it from the file"). */
export function importInput(r: ImportRequest): { name: string; text: string; symbol?: string; format: ImportFormat } {
  const symbol = r.symbol.trim();
  return { name: r.name, text: r.text, format: r.format, ...(symbol === '' ? {} : { symbol }) };
}

/** Whether a preview was made for exactly this request (a stale answer must not enable Import). */
export function previewMatches(asked: { name: string; text: string; symbol?: string; format?: ImportFormat } | undefined, r: ImportRequest): boolean {
  if (asked === undefined) return false;
  const now = importInput(r);
  return asked.name === now.name && asked.text === now.text && asked.symbol === now.symbol && (asked.format ?? 'auto') === now.format;
}

export type ImportBlock = 'no-preview' | 'invalid' | 'exists' | null;

/** Why Import cannot run yet, or null when it can: the preview must be valid and a replace agreed to. */
export function importBlock(preview: ImportPreviewDto | undefined, replace: boolean): ImportBlock {
  if (!preview) return 'no-preview';
  if (!preview.valid) return 'invalid';
  if (preview.existing !== null && !replace) return 'exists';
  return null;
}

/** Where an issue is in the file: "line 3, column High", "line 3", or "" when the file as a whole. */
export function fmtIssueAt(issue: { line?: number; column?: string | number }): string {
  const parts: string[] = [];
  if (issue.line !== undefined) parts.push(`line ${issue.line}`);
  if (issue.column !== undefined) parts.push(`column ${issue.column}`);
  return parts.join(', ');
}

/** A file too big to upload, as the message shown; null when it fits. */
export function uploadTooLarge(bytes: number): string | null {
  if (bytes <= MAX_UPLOAD_BYTES) return null;
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return `${mb(bytes)} is more than the screen uploads (${mb(MAX_UPLOAD_BYTES)}); import it with: npm run data -- import <file>`;
}

/**
 * An issue's message without the location the engine prefixes it with ("GOOG.csv:3: column \"High\": "),
 * since the dialog shows the line and column apart.
 */
export function issueMessage(issue: { message: string; line?: number; column?: string | number }, fileName: string): string {
  let text = issue.message;
  if (issue.line !== undefined && text.startsWith(`${fileName}:${issue.line}: `)) text = text.slice(`${fileName}:${issue.line}: `.length);
  if (issue.column !== undefined && text.startsWith(`column "${issue.column}": `)) text = text.slice(`column "${issue.column}": `.length);
  return text;
}
