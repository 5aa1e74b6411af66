// Classifier quality and speed on the written evaluation set and on real
// review comments of held-out projects; the same code as `npm run eval:classifier`.
import { evaluateShipped, evaluateShippedOnReal, realResultKeys, resultKeys } from '../scripts/eval-classifier';

export async function run(): Promise<Record<string, number>> {
  return { ...resultKeys(evaluateShipped()), ...realResultKeys(evaluateShippedOnReal()) };
}
