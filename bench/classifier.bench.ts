// Classifier quality and speed on the independent evaluation set; the same
// code as `npm run eval:classifier`.
import { evaluateShipped, resultKeys } from '../scripts/eval-classifier';

export async function run(): Promise<Record<string, number>> {
  return resultKeys(evaluateShipped());
}
