// Multinomial logistic regression over hashed features. Discriminative, so
// words that say nothing about a category (politeness, "I think", "?") get
// no weight of their own; calibrated after training (temperature and the
// real-world mix of categories) so that a stated 0.8 means about 80%.
import type { CategoryGroup } from '../model';
import { HASH_BITS, type SparseVector } from './vectorize';

/** The shipped model. Weights are int8, row-major [bucket][class], base64. */
export interface LogisticModel {
  version: 2;
  hashBits: number;
  classes: string[];
  groups: CategoryGroup[];
  /** Multiply an int8 weight by this to get the real weight. */
  scale: number;
  weights: string;
  /** Per class, after calibration: log prior of the real mix minus that of training. */
  bias: number[];
  /** Logits are divided by this (fitted on held-out real comments). */
  temperature: number;
  /** Calibrated confidence needed to show a suggestion, per group. */
  threshold: Record<CategoryGroup, number>;
  /**
   * Optional monotone map from a category's probability to the stated
   * confidence, as [probability, confidence] knots, linear in between and
   * from (0, 0) to the first knot (fitted on held-out real comments after
   * the temperature).
   */
  confidenceMap?: Array<[number, number]>;
  /** How the model was made, for reading (not used when scoring). */
  info: Record<string, string | number>;
}

const decoded = new WeakMap<LogisticModel, Int8Array>();

/** The int8 weight table of a model, decoded once and shared. */
export function weightsOf(model: LogisticModel): Int8Array {
  let w = decoded.get(model);
  if (!w) {
    w = base64ToInt8(model.weights);
    if (w.length !== (1 << model.hashBits) * model.classes.length) throw new Error('classifier model: weight table has the wrong size');
    decoded.set(model, w);
  }
  return w;
}

/** Raw logits (before bias and temperature) for the model's classes. */
export function rawLogits(model: LogisticModel, x: SparseVector): Float64Array {
  const k = model.classes.length;
  const w = weightsOf(model);
  const out = new Float64Array(k);
  for (let i = 0; i < x.index.length; i++) {
    const row = x.index[i]! * k;
    const v = x.value[i]! * model.scale;
    for (let c = 0; c < k; c++) out[c]! += w[row + c]! * v;
  }
  return out;
}

/** The model's stated confidence for a probability (identity without a map). */
export function mapConfidence(map: ReadonlyArray<readonly [number, number]> | undefined, p: number): number {
  if (!map || map.length === 0) return p;
  // Below the first knot: linear from (0, 0), so a small probability stays small.
  if (p <= map[0]![0]) return map[0]![0] > 0 ? (p * map[0]![1]) / map[0]![0] : map[0]![1];
  for (let i = 1; i < map.length; i++) {
    const [x1, y1] = map[i]!;
    if (p <= x1) {
      const [x0, y0] = map[i - 1]!;
      return x1 === x0 ? y1 : y0 + ((p - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return map[map.length - 1]![1];
}

export function softmax(logits: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const exp = Array.from(logits, (l) => (l === -Infinity ? 0 : Math.exp(l - max)));
  const sum = exp.reduce((a, b) => a + b, 0) || 1;
  return exp.map((e) => e / sum);
}

export interface TrainingExample {
  x: SparseVector;
  /** Class index. */
  y: number;
  weight: number;
}

/**
 * Full-batch gradient descent with Adam and L2; deterministic. Returns float
 * weights [bucket][class] and per-class intercepts.
 */
export function trainLogistic(examples: readonly TrainingExample[], classes: number, opts: { epochs?: number; l2?: number; rate?: number } = {}): { w: Float32Array; b: Float64Array } {
  const dim = 1 << HASH_BITS;
  const epochs = opts.epochs ?? 150;
  const l2 = opts.l2 ?? 1e-4;
  const rate = opts.rate ?? 0.05;
  const w = new Float32Array(dim * classes);
  const b = new Float64Array(classes);
  const gw = new Float32Array(dim * classes);
  const gb = new Float64Array(classes);
  const mw = new Float32Array(dim * classes);
  const vw = new Float32Array(dim * classes);
  const mb = new Float64Array(classes);
  const vb = new Float64Array(classes);
  const total = examples.reduce((a, e) => a + e.weight, 0);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const logits = new Float64Array(classes);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    gw.fill(0);
    gb.fill(0);
    for (const e of examples) {
      for (let c = 0; c < classes; c++) logits[c] = b[c]!;
      for (let i = 0; i < e.x.index.length; i++) {
        const row = e.x.index[i]! * classes;
        const v = e.x.value[i]!;
        for (let c = 0; c < classes; c++) logits[c]! += w[row + c]! * v;
      }
      const p = softmax(logits);
      for (let c = 0; c < classes; c++) {
        const g = (e.weight * (p[c]! - (c === e.y ? 1 : 0))) / total;
        gb[c]! += g;
        for (let i = 0; i < e.x.index.length; i++) gw[e.x.index[i]! * classes + c]! += g * e.x.value[i]!;
      }
    }
    const c1 = 1 - beta1 ** epoch;
    const c2 = 1 - beta2 ** epoch;
    for (let j = 0; j < w.length; j++) {
      const g = gw[j]! + l2 * w[j]!;
      if (g === 0 && mw[j] === 0) continue;
      mw[j] = beta1 * mw[j]! + (1 - beta1) * g;
      vw[j] = beta2 * vw[j]! + (1 - beta2) * g * g;
      w[j]! -= (rate * (mw[j]! / c1)) / (Math.sqrt(vw[j]! / c2) + 1e-8);
    }
    for (let c = 0; c < classes; c++) {
      mb[c] = beta1 * mb[c]! + (1 - beta1) * gb[c]!;
      vb[c] = beta2 * vb[c]! + (1 - beta2) * gb[c]! * gb[c]!;
      b[c]! -= (rate * (mb[c]! / c1)) / (Math.sqrt(vb[c]! / c2) + 1e-8);
    }
  }
  return { w, b };
}

/** Int8 quantisation with one scale for the whole table. */
export function quantise(w: Float32Array): { scale: number; weights: string } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { scale, weights: int8ToBase64(q) };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function int8ToBase64(q: Int8Array): string {
  const bytes = new Uint8Array(q.buffer, q.byteOffset, q.byteLength);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=');
  }
  return out;
}

// Plain decoder: src/core stays free of Node's Buffer.
function base64ToInt8(s: string): Int8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error('classifier model: weights are not base64');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return new Int8Array(out.buffer, 0, j);
}
