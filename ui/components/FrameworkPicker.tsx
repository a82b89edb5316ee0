/** The framework dropdown, with the chosen framework's one-line description and its source paper under it. */
import { Caption1, Dropdown, Field, makeStyles, Option, Spinner, tokens } from '@fluentui/react-components';
import type { FrameworkChoice } from '../bridge.js';

const useStyles = makeStyles({
  dropdown: { minWidth: 0, width: '100%' },
  about: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground1,
  },
  source: { color: tokens.colorNeutralForeground3 },
});

export function itemsLabel(n: number): string {
  return n === 1 ? '1 scored item' : `${n} scored items`;
}

export function FrameworkPicker(props: {
  frameworks: FrameworkChoice[] | null;
  value: string;
  error?: string;
  disabled: boolean;
  onChange: (id: string) => void;
}) {
  const styles = useStyles();
  if (props.frameworks === null) {
    return (
      <Field label="Framework">
        <Spinner size="tiny" labelPosition="after" label="Loading the frameworks…" />
      </Field>
    );
  }
  const chosen = props.frameworks.find((f) => f.id === props.value);
  // the description and source are the field's hint, so Field ties them to the dropdown for screen readers
  const about = chosen ? (
    <span className={styles.about}>
      <Caption1>{chosen.description}</Caption1>
      <Caption1 className={styles.source}>
        Source: {chosen.source} · {itemsLabel(chosen.items)}
      </Caption1>
    </span>
  ) : undefined;
  return (
    <Field label="Framework" required hint={about} validationMessage={props.error} validationState={props.error ? 'error' : 'none'}>
      <Dropdown
        className={styles.dropdown}
        placeholder="Choose a framework"
        value={chosen?.title ?? ''}
        selectedOptions={chosen ? [chosen.id] : []}
        disabled={props.disabled}
        onOptionSelect={(_, data) => {
          if (data.optionValue) props.onChange(data.optionValue);
        }}
      >
        {props.frameworks.map((f) => (
          <Option key={f.id} value={f.id} text={f.title}>
            {f.title}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
