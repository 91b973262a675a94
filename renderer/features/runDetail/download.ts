/** Turning an engine export into a file the browser saves. */

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}

const EXTENSIONS: Record<string, string> = { 'text/csv': '.csv', 'application/json': '.json' };
const MAX_NAME = 120;

/**
 * A name safe on every platform's file system: no folders, no reserved characters, the extension
 * its type calls for. The name comes from the engine, which names files after the run.
 */
export function safeFilename(name: string, mime: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  // Control characters and the characters Windows reserves.
  // eslint-disable-next-line no-control-regex
  let clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  const ext = EXTENSIONS[mime.split(';')[0].trim().toLowerCase()];
  if (ext && !clean.toLowerCase().endsWith(ext)) clean = `${clean || 'export'}${ext}`;
  if (!clean) clean = 'export';
  if (clean.length > MAX_NAME) {
    const dot = clean.lastIndexOf('.');
    const tail = dot > 0 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_NAME - tail.length) + tail;
  }
  return clean;
}

/** Saves the file through a temporary link; the object URL is released once the click is handled. */
export function saveFile(file: ExportFile, doc: Document = document): string {
  const name = safeFilename(file.filename, file.mime);
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return name;
}
