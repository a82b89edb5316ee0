/**
 * A titled section of the pane, labelled by its heading for screen readers. A collapsible section's heading is a
 * button (aria-expanded), so the Create review form can fold away once the review exists and the results of
 * Check entries, Build summary and Draft improvement plan stay in view.
 */
import type { ReactNode } from 'react';
import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ChevronDown20Regular, ChevronRight20Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  toggle: {
    width: '100%',
    justifyContent: 'flex-start',
    paddingLeft: 0,
    paddingRight: 0,
    minWidth: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  intro: { color: tokens.colorNeutralForeground3, marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface Collapsible {
  open: boolean;
  onToggle: () => void;
}

export function PaneSection(props: { id: string; title: string; intro?: string; collapsible?: Collapsible; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `${props.id}-heading`;
  const bodyId = `${props.id}-body`;
  const c = props.collapsible;
  const open = c ? c.open : true;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      {c ? (
        <h2 className={styles.heading} id={headingId}>
          <Button
            className={styles.toggle}
            appearance="transparent"
            icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={c.onToggle}
          >
            {props.title}
          </Button>
        </h2>
      ) : (
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          {props.title}
        </Subtitle2>
      )}
      {props.intro ? <Caption1 className={styles.intro}>{props.intro}</Caption1> : null}
      {open ? (
        <div className={styles.body} id={bodyId}>
          {props.children}
        </div>
      ) : null}
    </section>
  );
}
