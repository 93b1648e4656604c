import { signal, type ReadonlySignal } from '@preact/signals';
import type { Field } from '../../contract';
import type { FieldErrors, FlowError } from './types';

/** The last action's error, and the problem with each field that has one. */
export function createErrorState() {
  const error = signal<FlowError | null>(null);
  const fieldErrors = signal<FieldErrors>({});

  return {
    error: error as ReadonlySignal<FlowError | null>,
    fieldErrors: fieldErrors as ReadonlySignal<FieldErrors>,
    show: (e: FlowError) => {
      error.value = e;
      if (e.field) fieldErrors.value = { ...fieldErrors.value, [e.field]: e.code };
    },
    /** Marks every field in `errors`, and shows the first as the action's error. */
    showFields(errors: FieldErrors) {
      fieldErrors.value = errors;
      const [field, code] = Object.entries(errors)[0] as [Field, NonNullable<FieldErrors[Field]>];
      error.value = { code, message: code, field };
    },
    /** The field was edited: its problem may be gone. */
    clearField(field: Field) {
      if (fieldErrors.value[field] === undefined) return;
      const { [field]: _dropped, ...rest } = fieldErrors.value;
      fieldErrors.value = rest;
      if (error.value?.field === field) error.value = null;
    },
    clear: () => {
      error.value = null;
      fieldErrors.value = {};
    },
  };
}
