// The one transport to the host: acquireVsCodeApi's postMessage out, window
// `message` events in. Incoming messages are validated; anything that does
// not parse is logged and dropped. Requests return promises keyed by requestId.
import {
  acceptSnapshot,
  applyDelta,
  assertNever,
  parseHostMessage,
  type JournalSnapshot,
  type UnshownFeedback,
  type ResponseMessage,
  type TabId,
  type ViewState,
  type WebviewMessage,
  type WebviewRequest,
} from '../../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** A request as the UI writes it: the bridge adds the requestId. */
export type RequestInput = WebviewRequest extends infer R ? (R extends WebviewRequest ? Omit<R, 'requestId'> : never) : never;

export class HostBridge {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, (r: ResponseMessage) => void>();
  /** The last snapshot, the base the host's deltas apply to. */
  private current: JournalSnapshot | undefined;
  private currentUnshown: UnshownFeedback[] = [];

  constructor(
    private readonly onSnapshot: (s: JournalSnapshot, unshown: UnshownFeedback[]) => void,
    private readonly onShow: (tab: TabId) => void = () => undefined,
  ) {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
  }

  private receive(raw: unknown): void {
    // Marks let the bench split first-render time into transfer, validation and render.
    performance.mark('journal:received');
    const parsed = parseHostMessage(raw);
    if (!parsed.ok) {
      console.warn(`[journal] ${parsed.error}`);
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'journal/didChange': {
        // Items are checked one by one: a bad one becomes a placeholder, the rest render.
        const { snapshot, unshown } = acceptSnapshot(msg.snapshot);
        performance.mark('journal:validated');
        for (const u of unshown) console.warn(`[journal] feedback item ${u.index}${u.id ? ` (${u.id})` : ''} not shown, ${u.reason}: ${u.detail}`);
        this.current = snapshot;
        this.currentUnshown = unshown;
        this.onSnapshot(snapshot, unshown);
        return;
      }
      case 'journal/didChangeItems': {
        if (!this.current) {
          // A delta without a base (should not happen: the host sends a snapshot first); ask again.
          this.notify({ type: 'ready' });
          return;
        }
        const { snapshot, unshown } = applyDelta(this.current, msg.delta);
        for (const u of unshown) console.warn(`[journal] changed item ${u.index}${u.id ? ` (${u.id})` : ''} not shown, ${u.reason}: ${u.detail}`);
        const fixed = new Set(msg.delta.upsert.map((u) => (u as { id?: unknown })?.id).concat(msg.delta.removed));
        this.currentUnshown = [...this.currentUnshown.filter((u) => !u.id || !fixed.has(u.id)), ...unshown];
        this.current = snapshot;
        this.onSnapshot(snapshot, this.currentUnshown);
        return;
      }
      case 'view/show':
        this.onShow(msg.tab);
        return;
      case 'response': {
        const resolve = this.pending.get(msg.requestId);
        if (!resolve) {
          console.warn(`[journal] response to unknown request ${msg.requestId}`);
          return;
        }
        this.pending.delete(msg.requestId);
        resolve(msg);
        return;
      }
      default:
        assertNever(msg);
    }
  }

  notify(message: Extract<WebviewMessage, { type: 'ready' | 'view/stateChanged' }>): void {
    this.api.postMessage(message);
  }

  request(input: RequestInput): Promise<ResponseMessage> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.api.postMessage({ ...input, requestId });
    });
  }

  getState(): unknown {
    return this.api.getState();
  }

  setState(state: ViewState): void {
    this.api.setState(state);
  }
}
