/** The result of the last operation, as a Fluent MessageBar. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { OperationOutcome } from '../bridge.js';

/** Errors to fix → warning; only reminders (severity 'warning': unanswered questions, plan rows to complete) → info. */
export function outcomeIntent(o: OperationOutcome): 'success' | 'info' | 'warning' | 'error' {
  if (!o.ok) return 'error';
  if (o.problems.some((p) => p.severity === 'error')) return 'warning';
  return o.problems.length > 0 ? 'info' : 'success';
}

const titles = { success: 'Done', info: 'Done, with reminders', warning: 'Done, with problems to fix', error: 'Could not finish' } as const;

const useStyles = makeStyles({
  /** nothing to say yet: out of the flow, still in the page for screen readers */
  idle: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

export function OutcomeMessage(props: { outcome: OperationOutcome | null }) {
  const styles = useStyles();
  const o = props.outcome;
  return (
    <div aria-live="polite" aria-atomic="true" data-testid="outcome" className={o ? undefined : styles.idle}>
      {o ? (
        <MessageBar intent={outcomeIntent(o)} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{titles[outcomeIntent(o)]}</MessageBarTitle>
            {o.message}
            {o.details && o.details.length > 0 ? (
              <ul data-testid="outcome-details">
                {o.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
