/**
 * "Import responses…": pick a form export (CSV, or .xlsx from Microsoft Forms), choose what happens to cells someone
 * corrected since the last import, and import. The pane only gathers this: reading the file is ui/import-file.ts,
 * and who each row is, which column is which item and what changed since the last import are core's (planImport).
 * A native file input (its own label; Tab reaches it, Enter or Space opens the file chooser), a labelled checkbox.
 */
import { useId, useState, type FormEvent } from 'react';
import { Button, Caption1, Checkbox, Label, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { PREFER_EXPORT_LABEL } from '../../core/operations/messages.js';

/** What the file chooser offers: CSV (Google Forms, any spreadsheet) and .xlsx (Microsoft Forms). */
export const IMPORT_ACCEPT = '.csv,.txt,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The look of the pane's file forms (this one and "Build the LSP improvement plan…"). */
export const useFileFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  field: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  file: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    maxWidth: '100%',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  submit: { alignSelf: 'flex-start' },
});

export function ImportResponsesForm(props: { id: string; busy: boolean; onImport: (file: File, preferExport: boolean) => void }) {
  const styles = useFileFormStyles();
  const fileId = useId();
  const hintId = useId();
  const errorId = useId();
  const choiceHintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preferExport, setPreferExport] = useState(false);
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      document.getElementById(fileId)?.focus();
      return;
    }
    props.onImport(file, preferExport);
  };

  return (
    <form id={props.id} className={styles.form} onSubmit={submit} noValidate aria-label="Import responses">
      <div className={styles.field}>
        <Label htmlFor={fileId} required>
          Form export (CSV or .xlsx)
        </Label>
        <input
          id={fileId}
          className={styles.file}
          type="file"
          accept={IMPORT_ACCEPT}
          disabled={props.busy}
          aria-describedby={missing ? `${errorId} ${hintId}` : hintId}
          aria-invalid={missing}
          data-testid="import-file"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setMissing(false);
          }}
        />
        {missing ? (
          <Caption1 id={errorId} className={styles.invalid} role="alert">
            Choose the export file first.
          </Caption1>
        ) : null}
        <Caption1 id={hintId} className={styles.hint}>
          Microsoft Forms: Open results in Excel and save the .xlsx. Google Forms: Download responses (.csv). One row per person, headed
          Name or Email, then a column per question.
        </Caption1>
      </div>
      <div className={styles.field}>
        <Checkbox
          checked={preferExport}
          disabled={props.busy}
          onChange={(_, d) => setPreferExport(d.checked === true)}
          label={PREFER_EXPORT_LABEL}
          aria-describedby={choiceHintId}
          data-testid="import-prefer-export"
        />
        <Caption1 id={choiceHintId} className={mergeClasses(styles.hint)}>
          Left unticked, a cell someone changed in the workbook since the last import keeps their value, and is listed with the
          export&apos;s value so you can decide.
        </Caption1>
      </div>
      <Button className={styles.submit} appearance="primary" type="submit" icon={<ArrowUpload20Regular />} disabled={props.busy}>
        Import
      </Button>
    </form>
  );
}
