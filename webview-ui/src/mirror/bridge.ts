// The My reviews panel's one transport to the host, like the journal's
// (../vscode.ts) but for the mirror messages: incoming messages are validated
// and anything that does not parse is logged and dropped.
import { assertNever } from '../../../src/protocol/messages';
import {
  parseMirrorHostMessage,
  type MirrorRequest,
  type MirrorResponse,
  type MirrorSnapshot,
  type MirrorViewState,
  type MirrorWebviewMessage,
} from '../../../src/protocol/mirror';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export type MirrorRequestInput = MirrorRequest extends infer R ? (R extends MirrorRequest ? Omit<R, 'requestId'> : never) : never;

export class MirrorBridge {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, (r: MirrorResponse) => void>();

  constructor(private readonly onSnapshot: (s: MirrorSnapshot) => void) {
    window.addEventListener('message', (e: MessageEvent) => this.receive(e.data));
  }

  private receive(raw: unknown): void {
    const parsed = parseMirrorHostMessage(raw);
    if (!parsed.ok) {
      console.warn(`[my reviews] ${parsed.error}`);
      return;
    }
    const msg = parsed.message;
    switch (msg.type) {
      case 'mirror/didChange':
        this.onSnapshot(msg.snapshot);
        return;
      case 'response': {
        const resolve = this.pending.get(msg.requestId);
        if (!resolve) {
          console.warn(`[my reviews] response to unknown request ${msg.requestId}`);
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

  notify(message: Extract<MirrorWebviewMessage, { type: 'ready' | 'view/stateChanged' }>): void {
    this.api.postMessage(message);
  }

  request(input: MirrorRequestInput): Promise<MirrorResponse> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.api.postMessage({ ...input, requestId });
    });
  }

  getState(): unknown {
    return this.api.getState();
  }

  setState(state: MirrorViewState): void {
    this.api.setState(state);
  }
}
