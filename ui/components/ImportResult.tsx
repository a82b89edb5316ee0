/**
 * What an import did, as the command line says it: who was added and updated, and each cell someone changed in the
 * workbook since the last import that the export disagrees with — its cell, the workbook's value, the export's value
 * and which one the workbook holds now. Choosing a cell goes to it. The words are core's (core/operations/outcome.ts).
 */
import { Body1Strong, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import type { ImportedConflict, ImportedSummary } from '../bridge.js';
import { quotedValue } from '../../core/operations/messages.js';
import { useListItemStyles } from './list-styles.js';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  names: { margin: 0, overflowWrap: 'anywhere' },
  /** an entry's content: its cell, then who and which question, the two values, which one the workbook holds */
  entry: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  values: { overflowWrap: 'anywhere' },
  note: { margin: 0, overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

function Conflict(props: { c: ImportedConflict; onChoose: (c: ImportedConflict) => void }) {
  const styles = useStyles();
  const list = useListItemStyles();
  const { c } = props;
  const now = c.kept === 'workbook' ? "Kept the workbook's value" : "Took the export's value";
  return (
    <li>
      <button type="button" className={mergeClasses(list.item, styles.entry)} onClick={() => props.onChoose(c)}>
        <Body1Strong className={list.cell}>{c.cell}</Body1Strong>
        <Caption1>
          {c.respondent}, {c.column}
        </Caption1>
        <Caption1 className={styles.values}>
          Workbook: {quotedValue(c.workbook)} · Export: {quotedValue(c.export)}
        </Caption1>
        <Caption1>{now}</Caption1>
      </button>
    </li>
  );
}

export function ImportResult(props: { imported: ImportedSummary | undefined; onChoose: (c: ImportedConflict) => void }) {
  const styles = useStyles();
  const list = useListItemStyles();
  const r = props.imported;
  if (!r) return null;
  return (
    <div className={styles.wrap} data-testid="import-result">
      {r.added.length > 0 ? (
        <>
          <Subtitle2 as="h2" className={styles.heading}>{`Added (${r.added.length})`}</Subtitle2>
          <p className={styles.names} data-testid="import-added">
            {r.added.join(', ')}
          </p>
        </>
      ) : null}
      {r.updated.length > 0 ? (
        <>
          <Subtitle2 as="h2" className={styles.heading}>{`Updated (${r.updated.length})`}</Subtitle2>
          <p className={styles.names} data-testid="import-updated">
            {r.updated.join(', ')}
          </p>
        </>
      ) : null}
      {r.conflicts.length > 0 ? (
        <>
          <Subtitle2 as="h2" className={styles.heading} id="import-conflicts-heading">
            {`Changed in the workbook since the last import (${r.conflicts.length})`}
          </Subtitle2>
          <ul className={list.list} aria-labelledby="import-conflicts-heading" data-testid="import-conflicts">
            {r.conflicts.map((c) => (
              <Conflict key={c.cell} c={c} onChoose={props.onChoose} />
            ))}
          </ul>
        </>
      ) : null}
      {r.notes.map((n) => (
        <p key={n} className={styles.note}>
          {n}
        </p>
      ))}
    </div>
  );
}
