/** "Create review": framework, partnerships, respondents, cycle, protection, and the primary button. */
import { useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, Switch, Textarea, tokens } from '@fluentui/react-components';
import { DocumentAdd20Regular } from '@fluentui/react-icons';
import type { CreateForm, FrameworkChoice } from '../bridge.js';
import { toCreateForm, type FieldErrors } from '../form-input.js';
import { FrameworkPicker } from './FrameworkPicker.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  submit: { alignSelf: 'flex-start' },
});

function fieldState(error: string | undefined) {
  return error ? { validationMessage: error, validationState: 'error' as const } : {};
}

export function CreateReviewForm(props: {
  frameworks: FrameworkChoice[] | null;
  defaultCycle: string;
  busy: boolean;
  onCreate: (form: CreateForm) => void;
}) {
  const styles = useStyles();
  const [pickedId, setFrameworkId] = useState('');
  const [partnerships, setPartnerships] = useState('');
  const [respondents, setRespondents] = useState('');
  const [cycle, setCycle] = useState(props.defaultCycle);
  const [protect, setProtect] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});

  // the first framework until one is picked, so the description shows as soon as the list arrives
  const frameworkId = pickedId || (props.frameworks?.[0]?.id ?? '');

  const chosen = props.frameworks?.find((f) => f.id === frameworkId);
  const multiple = chosen?.multiplePartnerships ?? false;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = toCreateForm({ frameworkId, multiplePartnerships: multiple, partnerships, respondents, cycle, protect });
    if ('errors' in r) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    props.onCreate(r.form);
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Create review">
      <FrameworkPicker
        frameworks={props.frameworks}
        value={frameworkId}
        error={errors.framework}
        disabled={props.busy}
        onChange={(id) => {
          setFrameworkId(id);
          setErrors((e) => ({ ...e, framework: undefined, partnerships: undefined }));
        }}
      />
      {multiple ? (
        <Field
          label="Partnerships"
          required
          hint="One per line: each partnership under the LSP is reviewed on the same workbook."
          {...fieldState(errors.partnerships)}
        >
          <Textarea
            value={partnerships}
            onChange={(_, d) => setPartnerships(d.value)}
            disabled={props.busy}
            rows={3}
            resize="vertical"
            placeholder={'For example:\nCommunity Safety Partnership\nChildren’s Trust'}
          />
        </Field>
      ) : (
        <Field label="Partnership" required hint="The partnership being reviewed." {...fieldState(errors.partnerships)}>
          <Input
            value={partnerships}
            onChange={(_, d) => setPartnerships(d.value)}
            disabled={props.busy}
            placeholder="For example, Kensington and Chelsea Partnership"
          />
        </Field>
      )}
      <Field
        label="Respondents"
        required
        hint="One name per line, or just how many (for example 8) for blank rows numbered Respondent 1, 2…"
        {...fieldState(errors.respondents)}
      >
        <Textarea
          value={respondents}
          onChange={(_, d) => setRespondents(d.value)}
          disabled={props.busy}
          rows={4}
          resize="vertical"
          placeholder={'For example:\nAnn Smith\nBen Jones'}
        />
      </Field>
      <Field
        label="Cycle"
        required
        hint="Default: the financial year (April to March) containing today. Type another label if your review runs differently."
        {...fieldState(errors.cycle)}
      >
        <Input value={cycle} onChange={(_, d) => setCycle(d.value)} disabled={props.busy} />
      </Field>
      <Field hint="Guards the header rows against slips (not a password lock); the entry rows stay editable.">
        <Switch checked={protect} onChange={(_, d) => setProtect(d.checked)} disabled={props.busy} label="Protect header cells" />
      </Field>
      <Button
        className={styles.submit}
        type="submit"
        appearance="primary"
        icon={<DocumentAdd20Regular />}
        disabled={props.busy || !props.frameworks}
      >
        Create review
      </Button>
    </form>
  );
}
