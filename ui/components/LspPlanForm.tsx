/**
 * "Build the LSP improvement plan…": pick one or more review workbooks (.xlsx) and build the plan in the workbook the
 * pane is open in (a blank one becomes the plan; the plan is updated keeping every edit people made in it). The pane
 * only gathers the files: reading them and working out each review's rows is ui/lsp-review-files.ts (in the page),
 * the merge is core's (lspPlanFlow) on the host's side of the bridge. A native multiple file input with its own label
 * (Tab reaches it, Enter or Space opens the file chooser).
 */
import { useId, useState, type FormEvent } from 'react';
import { Button, Caption1, Label } from '@fluentui/react-components';
import { TaskListLtr20Regular } from '@fluentui/react-icons';
import { useFileFormStyles } from './ImportResponsesForm.js';

/** What the file chooser offers: review workbooks saved as .xlsx. */
export const LSP_ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the pane says about reviews kept in Google Sheets (they cannot be picked as they are). */
export const SHEETS_REVIEW_HINT =
  'A review kept in Google Sheets: open it and use File → Download → Microsoft Excel (.xlsx), then pick the downloaded file.';

export function LspPlanForm(props: { id: string; busy: boolean; onBuild: (files: File[]) => void }) {
  const styles = useFileFormStyles();
  const fileId = useId();
  const hintId = useId();
  const sheetsId = useId();
  const errorId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setMissing(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    props.onBuild(files);
  };

  const described = `${missing ? `${errorId} ` : ''}${hintId} ${sheetsId}`;
  return (
    <form id={props.id} className={styles.form} onSubmit={submit} noValidate aria-label="Build the LSP improvement plan">
      <div className={styles.field}>
        <Label htmlFor={fileId} required>
          Review workbooks (.xlsx, one or more)
        </Label>
        <input
          id={fileId}
          className={styles.file}
          type="file"
          multiple
          accept={LSP_ACCEPT}
          disabled={props.busy}
          aria-describedby={described}
          aria-invalid={missing}
          data-testid="lsp-files"
          onChange={(e) => {
            setFiles(Array.from(e.currentTarget.files ?? []));
            setMissing(false);
          }}
        />
        {missing ? (
          <Caption1 id={errorId} className={styles.invalid} role="alert">
            Choose the review workbooks first.
          </Caption1>
        ) : null}
        <Caption1 id={hintId} className={styles.hint}>
          Open a blank workbook (or the plan you built before) and pick the reviews. Each review&apos;s Improvement Plan comes in: Part 1
          Delivery by theme, Part 2 Partnership by criterion. Building again keeps every edit people made in the plan.
        </Caption1>
        <Caption1 id={sheetsId} className={styles.hint}>
          {SHEETS_REVIEW_HINT}
        </Caption1>
      </div>
      <Button className={styles.submit} appearance="primary" type="submit" icon={<TaskListLtr20Regular />} disabled={props.busy}>
        Build plan
      </Button>
    </form>
  );
}
