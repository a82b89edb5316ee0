/** The things to do with a review once people have typed their scores (or imported them from a form). */
import type { ReactNode } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  ArrowUpload20Regular,
  CheckmarkCircle20Regular,
  DataBarVertical20Regular,
  History20Regular,
  TaskListLtr20Regular,
} from '@fluentui/react-icons';

export type ActionKind = 'create' | 'import' | 'check' | 'summarise' | 'plan' | 'report' | 'lspPlan';

const useStyles = makeStyles({
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  button: { justifyContent: 'flex-start', width: '100%' },
});

/** "Import responses…" opens its form (`importForm`, shown under the button while open). */
export interface ImportToggle {
  open: boolean;
  onToggle: () => void;
  /** the id of the form it shows */
  controls: string;
  form: ReactNode;
}

export function ReviewActions(props: {
  busy: boolean;
  onAction: (kind: Exclude<ActionKind, 'create' | 'import' | 'lspPlan'>) => void;
  onCompare?: () => void;
  importToggle?: ImportToggle;
}) {
  const styles = useStyles();
  const imp = props.importToggle;
  return (
    <div className={styles.actions} role="group" aria-label="Review actions">
      {imp && (
        <>
          <Button
            className={styles.button}
            icon={<ArrowUpload20Regular />}
            aria-expanded={imp.open}
            aria-controls={imp.open ? imp.controls : undefined}
            disabled={props.busy}
            onClick={imp.onToggle}
          >
            Import responses…
          </Button>
          {imp.open ? imp.form : null}
        </>
      )}
      <Button className={styles.button} icon={<CheckmarkCircle20Regular />} disabled={props.busy} onClick={() => props.onAction('check')}>
        Check entries
      </Button>
      <Button
        className={styles.button}
        icon={<DataBarVertical20Regular />}
        disabled={props.busy}
        onClick={() => props.onAction('summarise')}
      >
        Build summary
      </Button>
      {props.onCompare && (
        <Button className={styles.button} icon={<History20Regular />} disabled={props.busy} onClick={props.onCompare}>
          Compare with last review…
        </Button>
      )}
      <Button className={styles.button} icon={<TaskListLtr20Regular />} disabled={props.busy} onClick={() => props.onAction('plan')}>
        Draft improvement plan
      </Button>
      <Button className={styles.button} icon={<ArrowDownload20Regular />} disabled={props.busy} onClick={() => props.onAction('report')}>
        Download report
      </Button>
    </div>
  );
}
