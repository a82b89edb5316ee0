/** The things to do with a review once people have typed their scores. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowDownload20Regular,
  CheckmarkCircle20Regular,
  DataBarVertical20Regular,
  History20Regular,
  TaskListLtr20Regular,
} from '@fluentui/react-icons';

export type ActionKind = 'create' | 'check' | 'summarise' | 'plan' | 'report';

const useStyles = makeStyles({
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  button: { justifyContent: 'flex-start', width: '100%' },
});

export function ReviewActions(props: { busy: boolean; onAction: (kind: Exclude<ActionKind, 'create'>) => void; onCompare?: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.actions} role="group" aria-label="Review actions">
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
