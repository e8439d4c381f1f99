/**
 * What Slack submits for a modal: the `state.values` of its input blocks, as the user left them.
 * Starts from each input's initial value (as a user who changes nothing would submit) and applies
 * edits by block id: a string for text inputs, an option value for selects and radio buttons,
 * a list of option values for checkboxes, user ids for user pickers.
 */

type Json = Record<string, unknown>;

/** The submitted state of a modal, with some inputs changed. */
export function submittedState(view: unknown, edits: Record<string, string | string[] | undefined> = {}): Record<string, Record<string, Json>> {
  const blocks = ((view as { blocks?: unknown[] }).blocks ?? []) as Array<{ type?: string; block_id?: string; element?: Json }>;
  const values: Record<string, Record<string, Json>> = {};
  for (const block of blocks) {
    if (block.type !== 'input' || block.block_id === undefined || block.element === undefined) continue;
    const element = block.element;
    const actionId = String(element['action_id']);
    const edit = edits[block.block_id];
    values[block.block_id] = { [actionId]: stateOf(element, edit) };
  }
  return values;
}

function stateOf(element: Json, edit: string | string[] | undefined): Json {
  const type = String(element['type']);
  const options = (element['options'] ?? []) as Array<{ value: string }>;
  const pick = (value: string) => {
    const option = options.find((o) => o.value === value);
    if (option === undefined) throw new Error(`no option "${value}" in ${String(element['action_id'])}`);
    return option;
  };
  switch (type) {
    case 'plain_text_input':
      return { type, value: typeof edit === 'string' ? edit : ((element['initial_value'] as string | undefined) ?? null) };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: typeof edit === 'string' ? pick(edit) : ((element['initial_option'] as Json | undefined) ?? null) };
    case 'checkboxes':
      return { type, selected_options: Array.isArray(edit) ? edit.map(pick) : ((element['initial_options'] as Json[] | undefined) ?? []) };
    case 'multi_users_select':
      return { type, selected_users: Array.isArray(edit) ? edit : ((element['initial_users'] as string[] | undefined) ?? []) };
    default:
      return { type };
  }
}
