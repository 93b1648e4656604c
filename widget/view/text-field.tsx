import type { ReadonlySignal } from '@preact/signals';
import type { Ref } from 'preact';
import type { Field } from '../../contract';
import { fieldErrorId } from './error-region';

interface TextFieldProps {
  field: Field;
  label: string;
  hint?: string;
  value: ReadonlySignal<string>;
  onInput: (value: string) => void;
  invalid: boolean;
  inputRef: Ref<HTMLInputElement>;
  type?: 'text' | 'tel';
  inputMode?: 'text' | 'numeric';
  autoComplete: string;
  maxLength?: number;
}

/** A labelled input whose hint and error message are tied to it for screen readers. */
export function TextField(props: TextFieldProps) {
  const { field, label, hint, value, invalid } = props;
  const id = `kycvs-${field}`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', invalid ? fieldErrorId(field) : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint ? (
        <span id={hintId} class="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        name={field}
        ref={props.inputRef}
        // Preact's types split <input> by `type`; a union of two textbox types fits neither branch.
        type={(props.type ?? 'text') as 'text'}
        inputMode={props.inputMode ?? 'text'}
        autoComplete={props.autoComplete}
        maxLength={props.maxLength}
        spellcheck={false}
        value={value.value}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => {
          const input = event.currentTarget;
          props.onInput(input.value);
          // The model may clean what was typed (an OTP loses its spaces); show the cleaned value.
          if (input.value !== value.value) input.value = value.value;
        }}
      />
    </div>
  );
}
