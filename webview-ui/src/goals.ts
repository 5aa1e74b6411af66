// Goals & actions tab: create, edit, complete and delete entries; see and
// remove the feedback each entry links to. Action items can belong to a goal:
// they are listed under it, and the rest under "Action items".
import { html, nothing, type TemplateResult } from 'lit';
import { excerpt } from '../../src/core/journalStats';
import { deletedStubText } from '../../src/core/deletedStubs';
import type { Entry, EntryKind, EntryStatus } from '../../src/core/model';
import type { AppContext } from './context';
import { formatDate } from './dates';
import * as l10n from '@vscode/l10n';

/** Built when asked: the translations are configured after the modules load. */
const kindLabel = (k: EntryKind): string => ({ goal: l10n.t('Goal'), action: l10n.t('Action item'), note: l10n.t('Note') })[k];
/** Computed at render time: the translations are configured after the modules load. */
const sections = (): { kind: EntryKind; title: string; empty: string }[] => [
  { kind: 'goal', title: l10n.t('Goals'), empty: l10n.t('No goals yet. What do you want to get better at?') },
  { kind: 'action', title: l10n.t('Action items'), empty: l10n.t('No action items yet.') },
  { kind: 'note', title: l10n.t('Notes'), empty: l10n.t('No notes yet.') },
];

/** The goal an action item belongs to, when that goal still exists. */
export function goalOf(e: Entry, entries: readonly Entry[]): Entry | undefined {
  return e.kind === 'action' && e.goalId ? entries.find((g) => g.id === e.goalId && g.kind === 'goal') : undefined;
}

interface Draft {
  text: string;
  targetDate: string;
}

export class GoalsView {
  private newKind: EntryKind = 'goal';
  private editing: { id: string; draft: Draft } | undefined;

  template(ctx: AppContext): TemplateResult {
    const ro = ctx.snapshot.readOnly;
    return html`
      ${ro ? html`<p class="notice" role="note">${l10n.t('Read-only: {0}', ctx.snapshot.readOnlyReason ?? l10n.t('this journal cannot be changed here.'))}</p>` : this.form(ctx)}
      ${sections().map((s) => {
        const all = ctx.snapshot.entries;
        // Action items of a goal are listed under that goal.
        const entries = all.filter((e) => e.kind === s.kind && !goalOf(e, all)).sort(byOpenThenNewest);
        const total = all.filter((e) => e.kind === s.kind).length;
        const title = s.kind === 'action' && total > entries.length ? l10n.t('Action items without a goal') : s.title;
        return html`<section aria-labelledby="sec-${s.kind}">
          <h2 id="sec-${s.kind}">${title} <vscode-badge variant="counter">${entries.length}</vscode-badge></h2>
          ${entries.length === 0 ? html`<p class="muted">${total > 0 ? l10n.t('All of them belong to a goal.') : s.empty}</p>` : html`<ul class="entries">${entries.map((e) => this.entry(ctx, e))}</ul>`}
        </section>`;
      })}`;
  }

  private form(ctx: AppContext): TemplateResult {
    const submit = async (ev: Event) => {
      ev.preventDefault();
      const root = (ev.currentTarget as HTMLElement).closest('.new-entry')!;
      const textEl = root.querySelector<HTMLInputElement>('#new-text')!;
      const dateEl = root.querySelector<HTMLInputElement>('#new-date');
      const text = textEl.value.trim();
      if (!text) {
        textEl.focus();
        return;
      }
      const targetDate = this.newKind === 'goal' && dateEl?.value ? dateEl.value : undefined;
      const goalId = this.newKind === 'action' ? root.querySelector<HTMLSelectElement>('#new-goal')?.value || undefined : undefined;
      const ok = await ctx.request({ type: 'entry/create', entry: { kind: this.newKind, text, ...(targetDate ? { targetDate } : {}), ...(goalId ? { goalId } : {}) } });
      if (ok) {
        textEl.value = '';
        if (dateEl) dateEl.value = '';
        textEl.focus();
      }
    };
    return html`<div class="new-entry" role="group" aria-labelledby="new-h">
      <h2 id="new-h">${l10n.t('Add to your journal')}</h2>
      <div class="form-row">
        <vscode-single-select id="new-kind" label=${l10n.t('Kind of entry')} .value=${this.newKind}
          @change=${(e: Event) => { this.newKind = (e.target as HTMLSelectElement).value as EntryKind; ctx.rerender(); }}>
          ${(['goal', 'action', 'note'] as const).map((k) => html`<vscode-option value=${k} ?selected=${k === this.newKind}>${kindLabel(k)}</vscode-option>`)}
        </vscode-single-select>
        <vscode-textfield id="new-text" class="grow" .label=${l10n.t('{0} text', kindLabel(this.newKind))} maxlength="20000"
          placeholder=${this.newKind === 'goal' ? l10n.t('e.g. Write tests before asking for review') : this.newKind === 'action' ? l10n.t('e.g. Read the team testing guide') : l10n.t('What did you learn?')}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && void submit(e)}></vscode-textfield>
        ${this.newKind === 'goal' ? html`<vscode-textfield id="new-date" type="date" .label=${l10n.t('Target date (optional)')} title=${l10n.t('Target date (optional)')}></vscode-textfield>` : nothing}
        ${this.newKind === 'action' ? goalSelect(ctx, 'new-goal', undefined, l10n.t('Goal this action item serves (optional)')) : nothing}
        <vscode-button id="add-entry" @click=${submit}>${this.newKind === 'goal' ? l10n.t('Add goal') : this.newKind === 'action' ? l10n.t('Add action item') : l10n.t('Add note')}</vscode-button>
      </div>
    </div>`;
  }

  private entry(ctx: AppContext, e: Entry): TemplateResult {
    const ro = ctx.snapshot.readOnly;
    const editing = this.editing?.id === e.id ? this.editing : undefined;
    const label = l10n.t('{0} "{1}"', kindLabel(e.kind), e.text.slice(0, 40));
    return html`<li class="entry status-${e.status}" data-entry-id=${e.id}>
      <div class="entry-main">
        ${e.kind === 'action' ? html`<vscode-checkbox ?checked=${e.status === 'done'} ?disabled=${ro}
            @change=${(ev: Event) => void ctx.request({ type: 'entry/update', id: e.id, patch: { status: (ev.target as HTMLInputElement).checked ? 'done' : 'open' } })}><span class="sr-only">${l10n.t('Done: {0}', e.text.slice(0, 60))}</span></vscode-checkbox>` : nothing}
        ${editing ? this.editor(ctx, e, editing.draft) : html`<span class="entry-text">${e.text}</span>`}
      </div>
      ${editing ? nothing : html`<div class="entry-meta">
        ${e.kind === 'goal' ? html`<label class="filter"><span class="filter-label">${l10n.t('Status')}</span>
          <vscode-single-select label=${l10n.t('Status of {0}', label)} .value=${e.status} ?disabled=${ro}
            @change=${(ev: Event) => void ctx.request({ type: 'entry/update', id: e.id, patch: { status: (ev.target as HTMLSelectElement).value as EntryStatus } })}>
            ${(['open', 'done', 'dropped'] as const).map((s) => html`<vscode-option value=${s} ?selected=${s === e.status}>${statusLabel(s)}</vscode-option>`)}
          </vscode-single-select></label>` : nothing}
        ${e.kind === 'action' && !ro ? html`<label class="filter"><span class="filter-label">${l10n.t('Goal')}</span>${goalSelect(ctx, `goal-of-${e.id}`, goalOf(e, ctx.snapshot.entries)?.id, l10n.t('Goal of {0}', label),
          (goalId) => void ctx.request({ type: 'entry/update', id: e.id, patch: { goalId: goalId || null } }))}</label>` : nothing}
        ${e.targetDate ? html`<span class="muted">${l10n.t('Target {0}', formatDate(new Date(`${e.targetDate}T00:00:00Z`)))}${overdue(ctx, e) ? html` <span class="overdue">${l10n.t('(overdue)')}</span>` : nothing}</span>` : nothing}
        <span class="muted">${l10n.t('Updated {0}', formatDate(new Date(e.updatedAt)))}</span>
        <span class="spacer"></span>
        ${ro ? nothing : html`
          <button class="link-btn" aria-label=${l10n.t('Edit {0}', label)} @click=${() => { this.editing = { id: e.id, draft: { text: e.text, targetDate: e.targetDate ?? '' } }; ctx.rerender(); }}><span class="codicon codicon-edit" aria-hidden="true"></span> ${l10n.t('Edit')}</button>
          <button class="link-btn danger" aria-label=${l10n.t('Delete {0}', label)} @click=${() => void ctx.request({ type: 'entry/delete', id: e.id })}><span class="codicon codicon-trash" aria-hidden="true"></span> ${l10n.t('Delete')}</button>`}
      </div>`}
      ${this.links(ctx, e)}
      ${e.kind === 'goal' ? this.goalActions(ctx, e) : nothing}
    </li>`;
  }

  private goalActions(ctx: AppContext, goal: Entry): TemplateResult | typeof nothing {
    const actions = ctx.snapshot.entries.filter((a) => a.kind === 'action' && a.goalId === goal.id).sort(byOpenThenNewest);
    if (actions.length === 0) return nothing;
    return html`<ul class="entries goal-actions" aria-label=${l10n.t('Action items for {0}', goal.text.slice(0, 60))}>${actions.map((a) => this.entry(ctx, a))}</ul>`;
  }

  private editor(ctx: AppContext, e: Entry, draft: Draft): TemplateResult {
    const cancel = () => { this.editing = undefined; ctx.rerender(); };
    const save = async (ev: Event) => {
      const li = (ev.currentTarget as HTMLElement).closest('.entry')!;
      const text = li.querySelector<HTMLInputElement>('.edit-text')!.value.trim();
      const date = li.querySelector<HTMLInputElement>('.edit-date')?.value ?? '';
      if (!text) return;
      const patch = e.kind === 'goal' ? { text, targetDate: date || null } : { text };
      if (await ctx.request({ type: 'entry/update', id: e.id, patch })) cancel();
    };
    const keys = (ev: KeyboardEvent) => {
      if (ev.key === 'Enter') void save(ev);
      if (ev.key === 'Escape') cancel();
    };
    return html`<div class="form-row grow">
      <vscode-textfield class="edit-text grow" .label=${l10n.t('Text')} .value=${draft.text} @keydown=${keys}></vscode-textfield>
      ${e.kind === 'goal' ? html`<vscode-textfield class="edit-date" type="date" .label=${l10n.t('Target date')} .value=${draft.targetDate} @keydown=${keys}></vscode-textfield>` : nothing}
      <vscode-button @click=${save}>${l10n.t('Save')}</vscode-button>
      <vscode-button secondary @click=${cancel}>${l10n.t('Cancel')}</vscode-button>
    </div>`;
  }

  private links(ctx: AppContext, e: Entry): TemplateResult | typeof nothing {
    if (e.links.length === 0) return nothing;
    const byId = new Map(ctx.snapshot.feedback.map((f) => [f.id, f]));
    const stubs = new Map((ctx.snapshot.deleted ?? []).map((d) => [d.id, d]));
    return html`<ul class="entry-links" aria-label=${l10n.t('Linked feedback')}>${e.links.map((id) => {
      const f = byId.get(id);
      const stub = f ? undefined : stubs.get(id);
      return html`<li class=${stub ? 'deleted-stub' : ''}><span class="codicon codicon-${stub ? 'trash' : 'comment'}" aria-hidden="true"></span>
        ${f
          ? html`<span><strong>${f.reviewer}</strong>: ${excerpt(f.body, 100)}</span>`
          : stub
            ? html`<span><span class="stub-note">${deletedStubText(stub, e.kind, formatDate)}</span> <span class="muted"><strong>${stub.reviewer}</strong>: ${excerpt(stub.excerpt, 100)}</span></span>`
            : html`<span class="muted">${l10n.t('No longer in the journal.')}</span>`}
        ${ctx.snapshot.readOnly ? nothing : html`<button class="chip-btn" aria-label=${l10n.t('Unlink this feedback')} title=${l10n.t('Unlink')} @click=${() => void ctx.request({ type: 'feedback/unlink', feedbackId: id, entryId: e.id })}><span class="codicon codicon-close" aria-hidden="true"></span></button>`}</li>`;
    })}</ul>`;
  }
}

const statusLabel = (s: EntryStatus): string => ({ open: l10n.t('Open'), done: l10n.t('Done'), dropped: l10n.t('Dropped') })[s];

/** A native select (fast, keyboard friendly) of the open goals, with "No goal" first. */
function goalSelect(ctx: AppContext, id: string, value: string | undefined, label: string, onChange?: (goalId: string) => void): TemplateResult {
  const goals = ctx.snapshot.entries.filter((g) => g.kind === 'goal' && (g.status === 'open' || g.id === value));
  return html`<select id=${id} class="native-select goal-select" aria-label=${label} ?disabled=${ctx.snapshot.readOnly}
    @change=${(ev: Event) => onChange?.((ev.target as HTMLSelectElement).value)}>
    <option value="" ?selected=${!value}>${l10n.t('No goal')}</option>
    ${goals.map((g) => html`<option value=${g.id} ?selected=${g.id === value}>${g.text.length > 50 ? `${g.text.slice(0, 49)}…` : g.text}</option>`)}
  </select>`;
}

function byOpenThenNewest(a: Entry, b: Entry): number {
  const open = (e: Entry) => (e.status === 'open' ? 0 : 1);
  return open(a) - open(b) || b.createdAt.localeCompare(a.createdAt);
}

function overdue(ctx: AppContext, e: Entry): boolean {
  return e.status === 'open' && !!e.targetDate && e.targetDate < ctx.now.toISOString().slice(0, 10);
}
