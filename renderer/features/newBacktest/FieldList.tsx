import type { ReactNode } from 'react';
import type { FieldModel } from './fieldModel';
import { FormField } from './FormField';
import { getAt, type Spec } from './specPath';

export interface SpecEditor {
  spec: Spec;
  issues: Map<string, string[]>;
  set: (path: string, value: unknown) => void;
}

/** A grid of inputs bound to the spec by path; `children` go first in the same grid. */
export function FieldList({ fields, editor, children }: { fields: readonly FieldModel[]; editor: SpecEditor; children?: ReactNode }) {
  return (
    <div className="field-grid">
      {children}
      {fields.map((f) => (
        <FormField key={f.path} field={f} value={getAt(editor.spec, f.path)} issues={editor.issues.get(f.path)} onChange={(v) => editor.set(f.path, v)} />
      ))}
    </div>
  );
}

/** Issues about a whole section (e.g. "give exactly one of csv or synthetic"). */
export function SectionIssues({ path, editor }: { path: string; editor: SpecEditor }) {
  const messages = editor.issues.get(path);
  if (!messages) return null;
  return (
    <div className="field__issue field__issue--section" role="alert" data-testid={`issue-${path}`}>
      {messages.join('; ')}
    </div>
  );
}

/** A titled card of the form; `head` sits beside the title (a switch, a picker). */
export function FormCard({ id, title, head, children }: { id: string; title: string; head?: ReactNode; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`sec-${id}`}>
      <div className="card__head">
        <h2 id={`sec-${id}`}>{title}</h2>
        {head}
      </div>
      {children}
    </section>
  );
}

interface FieldCardProps {
  id: string;
  title: string;
  fields: readonly FieldModel[];
  editor: SpecEditor;
  /** Spec sections whose own issues (not a field's) show at the bottom of the card. */
  sectionPaths?: readonly string[];
}

/** A card that is just a grid of fields. */
export function FieldCard({ id, title, fields, editor, sectionPaths = [] }: FieldCardProps) {
  return (
    <FormCard id={id} title={title}>
      <FieldList fields={fields} editor={editor} />
      {sectionPaths.map((p) => (
        <SectionIssues key={p} path={p} editor={editor} />
      ))}
    </FormCard>
  );
}
