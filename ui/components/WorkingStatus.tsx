/** Progress while an operation runs: a spinner and what it is doing, announced politely to screen readers. */
import { makeStyles, ProgressBar, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  status: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  /** idle: out of the flow (so it adds no gap) but still in the page, so screen readers hear the next change */
  idle: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export function WorkingStatus(props: { message: string | null }) {
  const styles = useStyles();
  // the live region is always in the page, so screen readers announce its changes
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="working-status"
      className={props.message ? undefined : styles.idle}
    >
      {props.message ? (
        <div className={styles.status}>
          <Spinner size="tiny" labelPosition="after" label={props.message} />
          <ProgressBar aria-label={props.message} />
        </div>
      ) : null}
    </div>
  );
}
