/** The pane's title bar: product name and where it is running. */
import { Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { ClipboardTaskListLtr24Regular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  icon: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '36px',
    height: '36px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { margin: 0 },
  host: { color: tokens.colorNeutralForeground3 },
});

export function PaneHeader(props: { hostName: string }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <span className={styles.icon} aria-hidden="true">
        <ClipboardTaskListLtr24Regular />
      </span>
      <div className={styles.titles}>
        <Subtitle1 as="h1" className={styles.title}>
          Partnership Review
        </Subtitle1>
        <Caption1 className={styles.host}>Self-assessment for partnerships · {props.hostName}</Caption1>
      </div>
    </header>
  );
}
