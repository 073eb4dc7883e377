/** A logistic model over named features: P(label) = σ(bias + Σ weight·feature). */
export interface LogisticModel<F extends string> {
  bias: number;
  weights: Record<F, number>;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function predict<F extends string>(model: LogisticModel<F>, features: Record<F, number>): number {
  let z = model.bias;
  for (const name of Object.keys(model.weights) as F[]) z += model.weights[name] * features[name];
  return sigmoid(z);
}

export interface Example<F extends string> {
  features: Record<F, number>;
  label: 0 | 1;
  /** How much the example counts (a set with fewer examples can be given equal say). */
  weight?: number;
}

/**
 * Fits by full-batch gradient descent on the weighted log loss with a small L2 penalty: the
 * features are few and in [0, 1], so this converges without scaling and needs no library.
 */
export function fitLogistic<F extends string>(names: readonly F[], examples: readonly Example<F>[], options: { l2?: number; steps?: number; rate?: number } = {}): LogisticModel<F> {
  const l2 = options.l2 ?? 1e-3;
  const steps = options.steps ?? 4000;
  const rate = options.rate ?? 0.5;
  const w = names.map(() => 0);
  let bias = 0;
  const total = examples.reduce((sum, e) => sum + (e.weight ?? 1), 0);
  for (let step = 0; step < steps; step++) {
    const grad = names.map(() => 0);
    let gradBias = 0;
    for (const e of examples) {
      let z = bias;
      names.forEach((n, i) => (z += w[i]! * e.features[n]));
      const error = ((sigmoid(z) - e.label) * (e.weight ?? 1)) / total;
      gradBias += error;
      names.forEach((n, i) => (grad[i]! += error * e.features[n]));
    }
    bias -= rate * gradBias;
    names.forEach((_, i) => (w[i]! -= rate * (grad[i]! + l2 * w[i]!)));
  }
  return { bias, weights: Object.fromEntries(names.map((n, i) => [n, w[i]!])) as Record<F, number> };
}
