/**
 * Problems found, each naming its cell (`Responses!D7`) and what to do. Choosing one selects its cell in the
 * workbook. Each problem is a real button, so Tab and Enter reach it and the focus ring shows.
 */
import { Body1Strong, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import { ErrorCircle16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { BridgeProblem } from '../bridge.js';
import { useListItemStyles } from './list-styles.js';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3, marginTop: `calc(-1 * ${tokens.spacingVerticalXS})` },
  /** an entry's content: the severity icon beside its cell and message */
  entry: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS },
  static: { cursor: 'default' },
  icon: { paddingTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  text: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  message: { overflowWrap: 'anywhere' },
  /** read by screen readers, not shown */
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

function Group(props: {
  id: string;
  title: string;
  hint: string;
  testId: string;
  problems: BridgeProblem[];
  onChoose: (p: BridgeProblem) => void;
}) {
  const styles = useStyles();
  const list = useListItemStyles();
  return (
    <>
      <Subtitle2 as="h2" id={props.id} className={styles.heading}>
        {props.title}
      </Subtitle2>
      <Caption1 className={styles.hint}>{props.hint}</Caption1>
      <ul className={list.list} aria-labelledby={props.id} data-testid={props.testId}>
        {props.problems.map((p, i) => {
          const Icon = p.severity === 'error' ? ErrorCircle16Regular : Warning16Regular;
          const body = (
            <>
              <span className={mergeClasses(styles.icon, p.severity === 'error' ? styles.error : styles.warning)} aria-hidden="true">
                <Icon />
              </span>
              <span className={styles.text}>
                <span className={styles.hidden}>{`${p.severity === 'error' ? 'Error' : 'Reminder'}${p.cell ? ' in' : ':'} `}</span>
                <Body1Strong className={list.cell}>{p.cell || 'Whole workbook'}</Body1Strong>
                <span className={styles.hidden}>: </span>
                <Caption1 className={styles.message}>{p.message}</Caption1>
                {p.at ? <span className={styles.hidden}> Go to {p.cell}.</span> : null}
              </span>
            </>
          );
          return (
            <li key={`${i}:${p.cell}`}>
              {p.at ? (
                // named by its own text (what it shows, then "Go to …" for screen readers), so the visible words are in its name
                <button type="button" className={mergeClasses(list.item, styles.entry)} onClick={() => props.onChoose(p)}>
                  {body}
                </button>
              ) : (
                <div className={mergeClasses(list.item, styles.entry, styles.static)}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Errors to fix first, then reminders (unanswered questions, plan rows to complete) as a group of their own. */
export function ProblemList(props: { problems: BridgeProblem[]; onChoose: (p: BridgeProblem) => void }) {
  const styles = useStyles();
  if (props.problems.length === 0) return null;
  const errors = props.problems.filter((p) => p.severity === 'error');
  const reminders = props.problems.filter((p) => p.severity !== 'error');
  return (
    <div className={styles.wrap}>
      {errors.length > 0 ? (
        <Group
          id="problems-heading"
          title={`Errors to fix (${errors.length})`}
          hint="Choose one to go to its cell. Run Check entries again after fixing."
          testId="problems"
          problems={errors}
          onChoose={props.onChoose}
        />
      ) : null}
      {reminders.length > 0 ? (
        <Group
          id="reminders-heading"
          title={`Reminders (${reminders.length})`}
          hint="Nothing wrong yet: questions still unanswered and plan rows still to complete. Choose one to go to its cell."
          testId="reminders"
          problems={reminders}
          onChoose={props.onChoose}
        />
      ) : null}
    </div>
  );
}
