// Logistic regression fitted by Newton's method (IRLS) with an L2 penalty on the weights (not
// the bias): a few features and a few thousand rows, so the exact optimum in ~10 steps,
// deterministic, with no learning rate to tune.

function solve(a, b) {
  // Gaussian elimination with partial pivoting on a small dense system.
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || m[col][col] === 0) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/** rows: [{x: number[], y: 0|1}] -> {weights, bias} */
export function fitLogistic(rows, { l2 = 1, steps = 25 } = {}) {
  const d = rows[0].x.length;
  let beta = new Array(d + 1).fill(0); // [bias, ...weights]
  for (let step = 0; step < steps; step++) {
    const grad = new Array(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    for (const { x, y } of rows) {
      const xs = [1, ...x];
      let z = 0;
      for (let i = 0; i <= d; i++) z += beta[i] * xs[i];
      const p = 1 / (1 + Math.exp(-z));
      const w = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i <= d; i++) {
        grad[i] += (p - y) * xs[i];
        for (let j = 0; j <= d; j++) hess[i][j] += w * xs[i] * xs[j];
      }
    }
    for (let i = 1; i <= d; i++) {
      grad[i] += l2 * beta[i];
      hess[i][i] += l2;
    }
    hess[0][0] += 1e-6;
    const delta = solve(hess, grad);
    beta = beta.map((b, i) => b - delta[i]);
    if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0], weights: beta.slice(1) };
}
